import { createReadStream } from 'node:fs';
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { attachmentEndpoints } from '../contracts/attachments';
import { invalidField } from '../errors';
import {
  addAttachment,
  attachmentFile,
  contentDisposition,
  deleteAttachment,
  listAttachments,
} from '../services/attachments';
import { contextOf } from './context';
import { routeOf } from './route-of';
import { uploadError } from './uploads';

/** Photos from a phone run to a few MB; a scanned report a little more. */
export const UPLOAD_MAX_BYTES = 10 * 1024 * 1024;

// Not wrapped in fastify-plugin: the multipart parser stays inside this plugin, so every
// other route still refuses a form body with 415.
const attachmentsRoutes: FastifyPluginAsyncZod<{ uploadDir: string }> = async (app, options) => {
  await app.register(multipart, {
    limits: { fileSize: UPLOAD_MAX_BYTES, files: 1, fields: 0, parts: 1 },
  });

  app.route({
    ...routeOf(attachmentEndpoints.upload),
    config: { permission: 'results:write' },
    handler: async (request, reply) => {
      let upload: { fileName: string; content: Buffer };
      try {
        const file = await request.file();
        if (!file) throw invalidField('file', 'upload.none');
        upload = { fileName: file.filename, content: await file.toBuffer() };
      } catch (error) {
        throw uploadError(error, UPLOAD_MAX_BYTES);
      }
      const attachment = await addAttachment(
        contextOf(request),
        options.uploadDir,
        request.params.id,
        upload,
      );
      reply.code(201).header('location', attachment.url);
      return attachment;
    },
  });

  app.route({
    ...routeOf(attachmentEndpoints.list),
    config: { permission: 'activities:read' },
    handler: async (request) => listAttachments(contextOf(request), request.params.id, request.query),
  });

  app.route({
    // A file, not JSON: the API document shows its default answer, no refusals.
    ...routeOf(attachmentEndpoints.download, {}),
    config: { permission: 'activities:read' },
    handler: async (request, reply) => {
      const file = attachmentFile(contextOf(request), options.uploadDir, request.params.id);
      return reply
        .header('content-type', file.mimeType)
        .header('content-length', String(file.size))
        .header('content-disposition', contentDisposition(file.fileName))
        .header('cache-control', 'private, no-store')
        .send(createReadStream(file.path));
    },
  });

  app.route({
    ...routeOf(attachmentEndpoints.remove),
    config: { permission: 'results:write' },
    handler: async (request) => deleteAttachment(contextOf(request), request.params.id),
  });
};

export default attachmentsRoutes;
