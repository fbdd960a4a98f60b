import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, IdParams } from '../contracts/common';
import { PeriodLock, PeriodLockInput, PeriodLockList, PeriodLockQuery } from '../contracts/period-locks';
import { createPeriodLock, listPeriodLocks, unlockPeriod } from '../services/period-locks';
import { contextOf } from './context';

const tags = ['period-locks'];

const periodLocksRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/period-locks',
    {
      config: { permission: 'activities:read' },
      schema: { tags, querystring: PeriodLockQuery, response: { 200: PeriodLockList, ...errorResponses } },
    },
    async (request) => listPeriodLocks(contextOf(request), request.query),
  );

  app.post(
    '/api/period-locks',
    {
      config: { permission: 'periods:lock' },
      schema: {
        tags,
        summary: 'Lock an approved period: its activities and results become read-only',
        body: PeriodLockInput,
        response: { 201: PeriodLock, ...errorResponses },
      },
    },
    async (request, reply) => {
      const lock = createPeriodLock(contextOf(request), request.body);
      reply.code(201).header('location', `/api/period-locks/${lock.id}`);
      return lock;
    },
  );

  app.delete(
    '/api/period-locks/:id',
    {
      config: { permission: 'periods:lock' },
      schema: {
        tags,
        summary: 'Unlock: the lock stays on record with who lifted it and when',
        params: IdParams,
        response: { 200: PeriodLock, ...errorResponses },
      },
    },
    async (request) => unlockPeriod(contextOf(request), request.params.id),
  );
};

export default periodLocksRoutes;
