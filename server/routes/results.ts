import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { heldActivityEndpoints } from '../contracts/held-activities';
import { resultEndpoints } from '../contracts/results';
import { getResult, logHeldActivity, reviewResult, saveResult } from '../services/results';
import { contextOf, withEtag } from './context';
import { routeOf } from './route-of';
import { expectedVersion } from './versions';

const resultsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    ...routeOf(resultEndpoints.get),
    config: { permission: 'activities:read' },
    handler: async (request, reply) => withEtag(reply, getResult(contextOf(request), request.params.id)),
  });

  app.route({
    ...routeOf(resultEndpoints.save),
    config: { permission: 'results:write' },
    handler: async (request, reply) => {
      const expected = expectedVersion(request.headers['if-match'], request.body.version);
      return withEtag(reply, saveResult(contextOf(request), request.params.id, request.body, expected));
    },
  });

  app.route({
    ...routeOf(resultEndpoints.review),
    config: { permission: 'results:review' },
    handler: async (request, reply) => {
      const expected = expectedVersion(request.headers['if-match'], request.body.version);
      return withEtag(reply, reviewResult(contextOf(request), request.params.id, request.body, expected));
    },
  });

  app.route({
    ...routeOf(heldActivityEndpoints.log),
    config: { permission: 'activities:write' },
    handler: async (request, reply) => {
      const held = logHeldActivity(contextOf(request), request.body);
      reply.code(201).header('location', `/api/activities/${held.activity.id}`);
      return held;
    },
  });
};

export default resultsRoutes;
