import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { periodLockEndpoints } from '../contracts/period-locks';
import { createPeriodLock, listPeriodLocks, unlockPeriod } from '../services/period-locks';
import { contextOf } from './context';
import { routeOf } from './route-of';

const periodLocksRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    ...routeOf(periodLockEndpoints.list),
    config: { permission: 'activities:read' },
    handler: async (request) => listPeriodLocks(contextOf(request), request.query),
  });

  app.route({
    ...routeOf(periodLockEndpoints.create),
    config: { permission: 'periods:lock' },
    handler: async (request, reply) => {
      const lock = createPeriodLock(contextOf(request), request.body);
      reply.code(201).header('location', `/api/period-locks/${lock.id}`);
      return lock;
    },
  });

  app.route({
    ...routeOf(periodLockEndpoints.unlock),
    config: { permission: 'periods:lock' },
    handler: async (request) => unlockPeriod(contextOf(request), request.params.id),
  });
};

export default periodLocksRoutes;
