import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../contracts/common';
import {
  Coverage,
  CoverageQuery,
  ExportQuery,
  ReportPeriodList,
  ReportPeriodQuery,
  Summary,
  SummaryQuery,
} from '../contracts/reports';
import { getCoverage } from '../services/coverage';
import { reportCsv } from '../services/report-csv';
import { gatherReport } from '../services/report-data';
import { reportDocx } from '../services/report-docx';
import { reportPeriods } from '../services/report-periods';
import { reportXlsx } from '../services/report-xlsx';
import { getSummary } from '../services/reports';
import { contextOf } from './context';

const tags = ['reports'];

const reportsRoutes: FastifyPluginAsyncZod<{ reportYearStart: string }> = async (app, options) => {
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
      items: reportPeriods(contextOf(request), request.query.year, options.reportYearStart),
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

  // The periodic report in the forms officials use. Same query as the summary; each
  // export's figures come from the summary itself.
  const formats = {
    xlsx: {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      build: (data: ReturnType<typeof gatherReport>) => reportXlsx(data),
    },
    docx: {
      type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      build: (data: ReturnType<typeof gatherReport>) => reportDocx(data),
    },
    csv: {
      type: 'text/csv; charset=utf-8',
      build: async (data: ReturnType<typeof gatherReport>) => Buffer.from(reportCsv(data), 'utf8'),
    },
  } as const;
  app.get(
    '/api/reports/export',
    {
      config: { permission: 'activities:read' },
      schema: {
        tags,
        summary: 'The periodic report as a download: xlsx, docx or csv (the activity list)',
        querystring: ExportQuery,
      },
    },
    async (request, reply) => {
      const { format: extension, ...query } = request.query;
      const format = formats[extension];
      const body = await format.build(gatherReport(contextOf(request), query));
      const name = `bao-cao-truyen-thong_${query.startDate}_${query.endDate}.${extension}`;
      return reply
        .header('content-type', format.type)
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('cache-control', 'private, no-store')
        .send(body);
    },
  );
};

export default reportsRoutes;
