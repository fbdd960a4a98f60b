import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditEndpoints } from '../contracts/users';
import { listAudit } from '../services/audit';
import { contextOf } from './context';
import { routeOf } from './route-of';

const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    ...routeOf(auditEndpoints.list),
    config: { permission: 'audit:read' },
    handler: async (request) => listAudit(contextOf(request), request.query),
  });
};

export default auditRoutes;
