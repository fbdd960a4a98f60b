import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { activityEndpoints } from '../contracts/activities';
import {
  createActivities,
  createActivity,
  createSeries,
  deleteInSeries,
  getActivity,
  listActivities,
  restoreActivity,
  updateInSeries,
} from '../services/activities';
import { contextOf, withEtag } from './context';
import { routeOf } from './route-of';
import { expectedVersion } from './versions';

const activitiesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    ...routeOf(activityEndpoints.list),
    config: { permission: 'activities:read' },
    handler: async (request) => listActivities(contextOf(request), request.query),
  });

  app.route({
    ...routeOf(activityEndpoints.create),
    config: { permission: 'activities:write' },
    handler: async (request, reply) => {
      const { recurrence, ...single } = request.body;
      if (recurrence) {
        reply.code(201);
        return createSeries(contextOf(request), request.body, recurrence);
      }
      const activity = createActivity(contextOf(request), single);
      reply.code(201).header('location', `/api/activities/${activity.id}`);
      return withEtag(reply, activity);
    },
  });

  app.route({
    ...routeOf(activityEndpoints.createMany),
    config: { permission: 'activities:write' },
    handler: async (request, reply) => {
      reply.code(201);
      return { items: createActivities(contextOf(request), request.body) };
    },
  });

  app.route({
    ...routeOf(activityEndpoints.get),
    config: { permission: 'activities:read' },
    handler: async (request, reply) => withEtag(reply, getActivity(contextOf(request), request.params.id)),
  });

  app.route({
    ...routeOf(activityEndpoints.update),
    config: { permission: 'activities:write' },
    handler: async (request, reply) => {
      const expected = expectedVersion(request.headers['if-match'], request.body.version);
      const { id } = request.params;
      return withEtag(
        reply,
        updateInSeries(contextOf(request), id, request.body, expected, request.query.scope),
      );
    },
  });

  app.route({
    ...routeOf(activityEndpoints.remove),
    config: { permission: 'activities:write' },
    handler: async (request, reply) => {
      const expected = expectedVersion(request.headers['if-match'], undefined);
      return withEtag(
        reply,
        deleteInSeries(contextOf(request), request.params.id, expected, request.query.scope),
      );
    },
  });

  app.route({
    ...routeOf(activityEndpoints.restore),
    config: { permission: 'activities:restore' },
    handler: async (request, reply) => {
      const expected = expectedVersion(request.headers['if-match'], undefined);
      return withEtag(reply, restoreActivity(contextOf(request), request.params.id, expected));
    },
  });
};

export default activitiesRoutes;
