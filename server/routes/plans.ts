import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { planCopyEndpoints } from '../contracts/plan-copy';
import { planEndpoints } from '../contracts/plans';
import { copyPlan } from '../services/plan-copy';
import { getPlanProgress } from '../services/plan-progress';
import { createPlan, getPlan, listPlans, updatePlan } from '../services/plans';
import { contextOf, withEtag } from './context';
import { routeOf } from './route-of';
import { expectedVersion } from './versions';

const plansRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    ...routeOf(planEndpoints.list),
    config: { permission: 'plans:read' },
    handler: async (request) => listPlans(contextOf(request), request.query),
  });

  app.route({
    ...routeOf(planEndpoints.create),
    config: { permission: 'plans:write' },
    handler: async (request, reply) => {
      const plan = createPlan(contextOf(request), request.body);
      reply.code(201).header('location', `/api/plans/${plan.id}`);
      return withEtag(reply, plan);
    },
  });

  app.route({
    ...routeOf(planEndpoints.get),
    config: { permission: 'plans:read' },
    handler: async (request, reply) => withEtag(reply, getPlan(contextOf(request), request.params.id)),
  });

  app.route({
    ...routeOf(planEndpoints.update),
    config: { permission: 'plans:write' },
    handler: async (request, reply) => {
      const expected = expectedVersion(request.headers['if-match'], request.body.version);
      return withEtag(reply, updatePlan(contextOf(request), request.params.id, request.body, expected));
    },
  });

  app.route({
    ...routeOf(planEndpoints.progress),
    config: { permission: 'plans:read' },
    handler: async (request) => getPlanProgress(contextOf(request), request.params.id),
  });

  app.route({
    ...routeOf(planCopyEndpoints.copy),
    config: { permission: 'plans:write' },
    handler: async (request) => copyPlan(contextOf(request), request.params.id, request.body),
  });
};

export default plansRoutes;
