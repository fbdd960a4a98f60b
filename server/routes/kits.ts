import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { kitEndpoints } from '../contracts/kits';
import {
  applyKit,
  createKit,
  deleteKit,
  getKit,
  listApplications,
  listKits,
  previewKit,
  undoApplication,
  updateKit,
} from '../services/kits';
import { contextOf, withEtag } from './context';
import { routeOf } from './route-of';
import { expectedVersion } from './versions';

// Everyone signed in reads kits (as campaigns); admins and coordinators write and apply them.
const kitsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    ...routeOf(kitEndpoints.list),
    config: { permission: 'campaigns:read' },
    handler: async (request) => listKits(contextOf(request)),
  });

  app.route({
    ...routeOf(kitEndpoints.create),
    config: { permission: 'kits:write' },
    handler: async (request, reply) => {
      const kit = createKit(contextOf(request), request.body);
      reply.code(201).header('location', `/api/kits/${kit.id}`);
      return withEtag(reply, kit);
    },
  });

  app.route({
    ...routeOf(kitEndpoints.get),
    config: { permission: 'campaigns:read' },
    handler: async (request, reply) => withEtag(reply, getKit(contextOf(request), request.params.id)),
  });

  app.route({
    ...routeOf(kitEndpoints.update),
    config: { permission: 'kits:write' },
    handler: async (request, reply) => {
      const expected = expectedVersion(request.headers['if-match'], request.body.version);
      return withEtag(reply, updateKit(contextOf(request), request.params.id, request.body, expected));
    },
  });

  app.route({
    ...routeOf(kitEndpoints.remove),
    config: { permission: 'kits:write' },
    handler: async (request, reply) => {
      const expected = expectedVersion(request.headers['if-match'], undefined);
      return withEtag(reply, deleteKit(contextOf(request), request.params.id, expected));
    },
  });

  app.route({
    ...routeOf(kitEndpoints.preview),
    config: { permission: 'kits:write' },
    handler: async (request) => previewKit(contextOf(request), request.params.id, request.body),
  });

  app.route({
    ...routeOf(kitEndpoints.apply),
    config: { permission: 'kits:write' },
    handler: async (request, reply) => {
      const applied = applyKit(contextOf(request), request.params.id, request.body);
      reply.code(201).header('location', `/api/campaigns/${applied.campaignId}`);
      return applied;
    },
  });

  app.route({
    ...routeOf(kitEndpoints.applications),
    config: { permission: 'campaigns:read' },
    handler: async (request) => listApplications(contextOf(request), request.query),
  });

  app.route({
    ...routeOf(kitEndpoints.undo),
    config: { permission: 'kits:write' },
    handler: async (request) => undoApplication(contextOf(request), request.params.id),
  });
};

export default kitsRoutes;
