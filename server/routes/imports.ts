import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { importEndpoints } from '../contracts/imports';
import { importLimits } from '../domain/imports';
import { invalidField } from '../errors';
import { contentDisposition } from '../services/attachments';
import { commitImport, createImport, getImport, removeImport, updateImport } from '../services/imports';
import { importTemplate } from '../services/imports/template';
import { contextOf } from './context';
import { routeOf } from './route-of';
import { uploadError } from './uploads';

/** A form's `year` field, sent before the file as DESIGN §4.1 allows. */
function yearField(fields: Record<string, unknown>): number | undefined {
  const field = fields.year as { value?: unknown } | undefined;
  const year = Number(field?.value);
  return Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : undefined;
}

// Its own multipart parser, as for attachments: other routes still refuse a form body.
const importsRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(multipart, {
    limits: { fileSize: importLimits.bytes, files: 1, fields: 2, parts: 3 },
  });

  app.route({
    ...routeOf(importEndpoints.template, {}),
    config: { permission: 'activities:read' },
    handler: async (request, reply) => {
      const file = await importTemplate(contextOf(request).db);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', contentDisposition('mau-nhap-hoat-dong.xlsx'))
        .send(file);
    },
  });

  app.route({
    ...routeOf(importEndpoints.upload),
    config: { permission: 'activities:write' },
    handler: async (request, reply) => {
      let upload: { fileName: string; content: Buffer; year: number | undefined };
      try {
        const file = await request.file();
        if (!file) throw invalidField('file', 'upload.none');
        upload = {
          fileName: file.filename,
          content: await file.toBuffer(),
          year: request.query.year ?? yearField(file.fields),
        };
      } catch (error) {
        throw uploadError(error, importLimits.bytes);
      }
      const preview = await createImport(contextOf(request), upload);
      reply.code(201).header('location', `/api/imports/${preview.id}`);
      return preview;
    },
  });

  app.route({
    ...routeOf(importEndpoints.get),
    config: { permission: 'activities:write' },
    handler: async (request) => getImport(contextOf(request), request.params.id),
  });

  app.route({
    ...routeOf(importEndpoints.update),
    config: { permission: 'activities:write' },
    handler: async (request) => updateImport(contextOf(request), request.params.id, request.body),
  });

  app.route({
    ...routeOf(importEndpoints.commit),
    config: { permission: 'activities:write' },
    handler: async (request) => commitImport(contextOf(request), request.params.id),
  });

  app.route({
    ...routeOf(importEndpoints.remove),
    config: { permission: 'activities:write' },
    handler: async (request) => removeImport(contextOf(request), request.params.id),
  });
};

export default importsRoutes;
