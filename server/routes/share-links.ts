import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { shareLinkEndpoints } from '../contracts/share-links';
import {
  createShareLink,
  listShareLinks,
  revokeShareLink,
  sharedActivities,
  viewShareLink,
} from '../services/share-links';
import { contextOf } from './context';
import { routeOf } from './route-of';

const shareLinksRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    ...routeOf(shareLinkEndpoints.list),
    config: { permission: 'share-links:write' },
    handler: async (request) => listShareLinks(contextOf(request), request.query),
  });

  app.route({
    ...routeOf(shareLinkEndpoints.create),
    config: { permission: 'share-links:write' },
    handler: async (request, reply) => {
      reply.code(201);
      return createShareLink(contextOf(request), request.body);
    },
  });

  app.route({
    ...routeOf(shareLinkEndpoints.revoke),
    config: { permission: 'share-links:write' },
    handler: async (request, reply) => {
      revokeShareLink(contextOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  });

  // The link's secret is the credential: these two answer without an account.
  app.route({
    ...routeOf(shareLinkEndpoints.view),
    config: { permission: 'public' },
    handler: async (request) => viewShareLink(contextOf(request), request.params.token),
  });

  app.route({
    ...routeOf(shareLinkEndpoints.activities),
    config: { permission: 'public' },
    handler: async (request) => sharedActivities(contextOf(request), request.params.token, request.query),
  });
};

export default shareLinksRoutes;
