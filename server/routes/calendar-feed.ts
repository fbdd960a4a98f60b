import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ActivityQuery } from '../contracts/activities';
import { ErrorBody, errorResponses } from '../contracts/common';
import { calendarFeed } from '../services/calendar-feed';
import { contextOf } from './context';

/** The same for every fetch and every host name the server is reached by, so subscribers never see duplicates. */
const UID_DOMAIN = 'lich-truyen-thong.pcmbn';

const FeedQuery = z.strictObject({
  ...ActivityQuery.shape,
  /** A calendar app cannot send a cookie or a header: a feed token goes in the address. */
  token: z.string().max(100).optional(),
});

const calendarFeedRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/calendar.ics',
    {
      config: { permission: 'activities:read', feedToken: true },
      schema: {
        tags: ['activities'],
        summary:
          'The activities as iCalendar, with the activity filters; session, API token or ?token= feed token',
        querystring: FeedQuery,
        produces: ['text/calendar'],
        response: { 200: z.string(), 401: ErrorBody, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { token: _token, ...query } = request.query;
      reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', 'inline; filename="lich-truyen-thong.ics"');
      return calendarFeed(contextOf(request), query, UID_DOMAIN);
    },
  );
};

export default calendarFeedRoutes;
