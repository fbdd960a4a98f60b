import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../contracts/common';
import {
  Coverage,
  CoverageQuery,
  ReportPeriodList,
  ReportPeriodQuery,
  Summary,
  SummaryQuery,
} from '../contracts/reports';
import { getCoverage } from '../services/coverage';
import { reportPeriods } from '../services/report-periods';
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

  app.get(
    '/api/reports/periods',
    {
      config: { permission: 'activities:read' },
      schema: {
        tags,
        summary: "A year's report periods: months, quarters, the official half-year and year, the 30/7 peak",
        querystring: ReportPeriodQuery,
        response: { 200: ReportPeriodList, ...errorResponses },
      },
    },
    async (request) => ({
      year: request.query.year,
      items: reportPeriods(contextOf(request), request.query.year),
    }),
  );

  app.get(
    '/api/reports/coverage',
    {
      config: { permission: 'activities:read' },
      schema: {
        tags,
        summary:
          'Communes and wards × target groups (or channels): where no activity reached; overdue results by agency',
        querystring: CoverageQuery,
        response: { 200: Coverage, ...errorResponses },
      },
    },
    async (request) => getCoverage(contextOf(request), request.query),
  );
};

export default reportsRoutes;
