import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { reportEndpoints } from '../contracts/reports';
import { listCountedActivities } from '../services/counted-activities';
import { countedCsv, countedXlsx } from '../services/counted-export';
import { getCoverage } from '../services/coverage';
import { reportPeriods } from '../services/report-periods';
import { adHocDocument, renderReport } from '../services/report-records';
import { getSummary } from '../services/reports';
import { contextOf } from './context';
import { sendDocument } from './documents';
import { routeOf } from './route-of';

const reportsRoutes: FastifyPluginAsyncZod<{ reportYearStart: string }> = async (app, options) => {
  app.route({
    ...routeOf(reportEndpoints.summary),
    config: { permission: 'activities:read' },
    handler: async (request) => getSummary(contextOf(request), request.query),
  });

  // The activities behind a figure, with the figure's own conditions (issue 12).
  app.route({
    ...routeOf(reportEndpoints.counted),
    config: { permission: 'activities:read' },
    handler: async (request) => listCountedActivities(contextOf(request), request.query),
  });

  app.route({
    ...routeOf(reportEndpoints.countedExport, {}),
    config: { permission: 'activities:read' },
    handler: async (request, reply) => {
      const { format, ...query } = request.query;
      const ctx = contextOf(request);
      const body = format === 'csv' ? countedCsv(ctx, query) : await countedXlsx(ctx, query);
      const period = query.startDate ? `_${query.startDate}_${query.endDate}` : '';
      return sendDocument(reply, format, `danh-sach-hoat-dong${period}.${format}`, body);
    },
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

  // The periodic report straight from a period, in the forms officials use; each file's
  // figures come from the summary itself.
  app.route({
    // A file, not JSON: the API document shows its default answer, no refusals.
    ...routeOf(reportEndpoints.export, {}),
    config: { permission: 'activities:read' },
    handler: async (request, reply) => {
      const { format, ...query } = request.query;
      const { data, fields } = adHocDocument(contextOf(request), query, options.reportYearStart);
      const body = await renderReport(data, fields, format);
      const name = `bao-cao-truyen-thong_${query.startDate}_${query.endDate}.${format}`;
      return sendDocument(reply, format, name, body);
    },
  });
};

export default reportsRoutes;
