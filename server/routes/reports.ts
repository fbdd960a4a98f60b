import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { reportEndpoints } from '../contracts/reports';
import { getCoverage } from '../services/coverage';
import { reportCsv } from '../services/report-csv';
import { gatherReport } from '../services/report-data';
import { reportDocx } from '../services/report-docx';
import { reportPeriods } from '../services/report-periods';
import { reportXlsx } from '../services/report-xlsx';
import { getSummary } from '../services/reports';
import { contextOf } from './context';
import { routeOf } from './route-of';

const reportsRoutes: FastifyPluginAsyncZod<{ reportYearStart: string }> = async (app, options) => {
  app.route({
    ...routeOf(reportEndpoints.summary),
    config: { permission: 'activities:read' },
    handler: async (request) => getSummary(contextOf(request), request.query),
  });

  app.route({
    ...routeOf(reportEndpoints.periods),
    config: { permission: 'activities:read' },
    handler: async (request) => ({
      year: request.query.year,
      items: reportPeriods(contextOf(request), request.query.year, options.reportYearStart),
    }),
  });

  app.route({
    ...routeOf(reportEndpoints.coverage),
    config: { permission: 'activities:read' },
    handler: async (request) => getCoverage(contextOf(request), request.query),
  });

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
  app.route({
    // A file, not JSON: the API document shows its default answer, no refusals.
    ...routeOf(reportEndpoints.export, {}),
    config: { permission: 'activities:read' },
    handler: async (request, reply) => {
      const { format: extension, ...query } = request.query;
      const format = formats[extension];
      const body = await format.build(gatherReport(contextOf(request), query, options.reportYearStart));
      const name = `bao-cao-truyen-thong_${query.startDate}_${query.endDate}.${extension}`;
      return reply
        .header('content-type', format.type)
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('cache-control', 'private, no-store')
        .send(body);
    },
  });
};

export default reportsRoutes;
