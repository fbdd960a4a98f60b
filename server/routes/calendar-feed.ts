import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { activityEndpoints } from '../contracts/activities';
import { ErrorBody, errorResponses } from '../contracts/common';
import { calendarFeed } from '../services/calendar-feed';
import { contextOf } from './context';
import { routeOf } from './route-of';

/** The same for every fetch and every host name the server is reached by, so subscribers never see duplicates. */
const UID_DOMAIN = 'lich-truyen-thong.pcmbn';

const calendarFeedRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    ...routeOf(activityEndpoints.calendarFeed, { 401: ErrorBody, ...errorResponses }),
    config: { permission: 'activities:read', feedToken: true },
    handler: async (request, reply) => {
      const { token: _token, ...query } = request.query;
      reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', 'inline; filename="lich-truyen-thong.ics"');
      // The link back uses the address the subscriber reached the server by (the proxy's, when trusted).
      return calendarFeed(contextOf(request), query, UID_DOMAIN, `${request.protocol}://${request.host}`);
    },
  });
};

export default calendarFeedRoutes;
