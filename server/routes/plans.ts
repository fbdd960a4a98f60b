import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, IdParams } from '../contracts/common';
import { Plan, PlanInput, PlanList, PlanPatch, PlanProgress, PlanQuery } from '../contracts/plans';
import { getPlanProgress } from '../services/plan-progress';
import { createPlan, getPlan, listPlans, updatePlan } from '../services/plans';
import { contextOf, withEtag } from './context';
import { expectedVersion } from './versions';

const tags = ['plans'];

const plansRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/plans',
    {
      config: { permission: 'plans:read' },
      schema: { tags, querystring: PlanQuery, response: { 200: PlanList, ...errorResponses } },
    },
    async (request) => listPlans(contextOf(request), request.query),
  );

  app.post(
    '/api/plans',
    {
      config: { permission: 'plans:write' },
      schema: { tags, body: PlanInput, response: { 201: Plan, ...errorResponses } },
    },
    async (request, reply) => {
      const plan = createPlan(contextOf(request), request.body);
      reply.code(201).header('location', `/api/plans/${plan.id}`);
      return withEtag(reply, plan);
    },
  );

  app.get(
    '/api/plans/:id',
    {
      config: { permission: 'plans:read' },
      schema: { tags, params: IdParams, response: { 200: Plan, ...errorResponses } },
    },
    async (request, reply) => withEtag(reply, getPlan(contextOf(request), request.params.id)),
  );

  app.patch(
    '/api/plans/:id',
    {
      config: { permission: 'plans:write' },
      schema: { tags, params: IdParams, body: PlanPatch, response: { 200: Plan, ...errorResponses } },
    },
    async (request, reply) => {
      const expected = expectedVersion(request.headers['if-match'], request.body.version);
      return withEtag(reply, updatePlan(contextOf(request), request.params.id, request.body, expected));
    },
  );

  // Read by the plan page: its tasks' activities planned and done, and each target's standing.
  app.get(
    '/api/plans/:id/progress',
    {
      config: { permission: 'plans:read' },
      schema: { tags, params: IdParams, response: { 200: PlanProgress, ...errorResponses } },
    },
    async (request) => getPlanProgress(contextOf(request), request.params.id),
  );
};

export default plansRoutes;
