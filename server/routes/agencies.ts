import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { agencyEndpoints } from '../contracts/agencies';
import { createAgency, getAgency, listAgencies, updateAgency } from '../services/agencies';
import { contextOf, withEtag } from './context';
import { routeOf } from './route-of';
import { expectedVersion } from './versions';

const agenciesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    ...routeOf(agencyEndpoints.list),
    config: { permission: 'agencies:read' },
    handler: async (request) => listAgencies(contextOf(request), request.query),
  });

  app.route({
    ...routeOf(agencyEndpoints.create),
    config: { permission: 'agencies:write' },
    handler: async (request, reply) => {
      const agency = createAgency(contextOf(request), request.body);
      reply.code(201).header('location', `/api/agencies/${agency.id}`);
      return withEtag(reply, agency);
    },
  });

  app.route({
    ...routeOf(agencyEndpoints.get),
    config: { permission: 'agencies:read' },
    handler: async (request, reply) => withEtag(reply, getAgency(contextOf(request), request.params.id)),
  });

  app.route({
    ...routeOf(agencyEndpoints.update),
    config: { permission: 'agencies:write' },
    handler: async (request, reply) => {
      const expected = expectedVersion(request.headers['if-match'], request.body.version);
      return withEtag(reply, updateAgency(contextOf(request), request.params.id, request.body, expected));
    },
  });
};

export default agenciesRoutes;
