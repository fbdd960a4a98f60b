import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { reportRecordEndpoints } from '../contracts/report-records';
import {
  createReport,
  deleteReport,
  documentName,
  getReport,
  issueReport,
  listReports,
  recomputeReport,
  reportDocument,
  updateReport,
} from '../services/report-records';
import { contextOf, withEtag } from './context';
import { sendDocument } from './documents';
import { routeOf } from './route-of';
import { expectedVersion } from './versions';

const reportRecordsRoutes: FastifyPluginAsyncZod<{ reportYearStart: string }> = async (app, options) => {
  const yearStart = options.reportYearStart;

  app.route({
    ...routeOf(reportRecordEndpoints.list),
    config: { permission: 'activities:read' },
    handler: async (request) => listReports(contextOf(request), request.query),
  });

  app.route({
    ...routeOf(reportRecordEndpoints.create),
    config: { permission: 'reports:write' },
    handler: async (request, reply) => {
      const report = createReport(contextOf(request), request.body, yearStart);
      reply.code(201).header('location', `/api/reports/${report.id}`);
      return withEtag(reply, report);
    },
  });

  app.route({
    ...routeOf(reportRecordEndpoints.get),
    config: { permission: 'activities:read' },
    handler: async (request, reply) => withEtag(reply, getReport(contextOf(request), request.params.id)),
  });

  app.route({
    ...routeOf(reportRecordEndpoints.update),
    config: { permission: 'reports:write' },
    handler: async (request, reply) => {
      const expected = expectedVersion(request.headers['if-match'], request.body.version);
      return withEtag(
        reply,
        updateReport(contextOf(request), request.params.id, request.body, expected, yearStart),
      );
    },
  });

  app.route({
    ...routeOf(reportRecordEndpoints.remove),
    config: { permission: 'reports:write' },
    handler: async (request, reply) => {
      deleteReport(
        contextOf(request),
        request.params.id,
        expectedVersion(request.headers['if-match'], undefined),
      );
      return reply.code(204).send(null);
    },
  });

  app.route({
    ...routeOf(reportRecordEndpoints.recompute),
    config: { permission: 'reports:write' },
    handler: async (request, reply) => {
      const expected = expectedVersion(request.headers['if-match'], request.body.version);
      return withEtag(reply, recomputeReport(contextOf(request), request.params.id, expected, yearStart));
    },
  });

  app.route({
    ...routeOf(reportRecordEndpoints.issue),
    config: { permission: 'reports:write' },
    handler: async (request, reply) => {
      const expected = expectedVersion(request.headers['if-match'], request.body.version);
      return withEtag(reply, await issueReport(contextOf(request), request.params.id, expected));
    },
  });

  app.route({
    // A file, not JSON: the API document shows its default answer, no refusals.
    ...routeOf(reportRecordEndpoints.document, {}),
    config: { permission: 'activities:read' },
    handler: async (request, reply) => {
      const { format } = request.query;
      const { row, bytes } = await reportDocument(contextOf(request), request.params.id, format);
      return sendDocument(reply, format, documentName(row, format), bytes);
    },
  });
};

export default reportRecordsRoutes;
