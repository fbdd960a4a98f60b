import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../contracts/common';
import { Summary, SummaryQuery } from '../contracts/reports';
import { getSummary } from '../services/reports';
import { contextOf } from './context';

const tags = ['reports'];

const reportsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/reports/summary',
    {
      config: { permission: 'activities:read' },
      schema: {
        tags,
        summary: 'Activities, results and figures of a period, in total and by one grouping',
        querystring: SummaryQuery,
        response: { 200: Summary, ...errorResponses },
      },
    },
    async (request) => getSummary(contextOf(request), request.query),
  );
};

export default reportsRoutes;
