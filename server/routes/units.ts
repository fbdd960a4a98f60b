import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { unitEndpoints } from '../contracts/units';
import {
  createUnit,
  createUnitSuccession,
  getUnit,
  listUnitSuccessions,
  listUnits,
  updateUnit,
} from '../services/units';
import { contextOf, withEtag } from './context';
import { routeOf } from './route-of';
import { expectedVersion } from './versions';

const unitsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    ...routeOf(unitEndpoints.list),
    config: { permission: 'units:read' },
    handler: async (request) => listUnits(contextOf(request), request.query),
  });

  app.route({
    ...routeOf(unitEndpoints.create),
    config: { permission: 'units:write' },
    handler: async (request, reply) => {
      const unit = createUnit(contextOf(request), request.body);
      reply.code(201).header('location', `/api/units/${unit.id}`);
      return withEtag(reply, unit);
    },
  });

  app.route({
    ...routeOf(unitEndpoints.get),
    config: { permission: 'units:read' },
    handler: async (request, reply) => withEtag(reply, getUnit(contextOf(request), request.params.id)),
  });

  app.route({
    ...routeOf(unitEndpoints.update),
    config: { permission: 'units:write' },
    handler: async (request, reply) => {
      const expected = expectedVersion(request.headers['if-match'], request.body.version);
      return withEtag(reply, updateUnit(contextOf(request), request.params.id, request.body, expected));
    },
  });

  app.route({
    ...routeOf(unitEndpoints.listSuccessions),
    config: { permission: 'units:read' },
    handler: async (request) => listUnitSuccessions(contextOf(request), request.query),
  });

  app.route({
    ...routeOf(unitEndpoints.createSuccession),
    config: { permission: 'units:write' },
    handler: async (request, reply) => {
      reply.code(201);
      return createUnitSuccession(contextOf(request), request.body);
    },
  });
};

export default unitsRoutes;
