import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../contracts/common';
import { AuditList, AuditQuery } from '../contracts/users';
import { listAudit } from '../services/audit';
import { contextOf } from './context';

const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/audit',
    {
      config: { permission: 'audit:read' },
      schema: {
        tags: ['audit'],
        summary: 'The audit trail, newest first',
        querystring: AuditQuery,
        response: { 200: AuditList, ...errorResponses },
      },
    },
    async (request) => listAudit(contextOf(request), request.query),
  );
};

export default auditRoutes;
