import { z } from 'zod';
import { Id, IdParams, listOf, pageQuery } from './common';
import { endpoint } from './endpoints';

export const Attachment = z.object({
  id: Id,
  activityId: Id,
  kind: z.enum(['photo', 'document']),
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number().int(),
  createdBy: Id.nullable(),
  createdAt: z.string(),
  /** Where to download it (signed-in users only, always as a download). */
  url: z.string(),
});
export type Attachment = z.infer<typeof Attachment>;

export const AttachmentList = listOf(Attachment);
export const AttachmentQuery = z.strictObject({ ...pageQuery() });

const tags = ['attachments'];

export const attachmentEndpoints = {
  /** The body is multipart/form-data with one file, not JSON: the web sends it with apiUpload. */
  upload: endpoint({
    method: 'POST',
    path: '/api/activities/:id/attachments',
    params: IdParams,
    consumes: ['multipart/form-data'],
    response: Attachment,
    status: 201,
    summary: 'Attach a photo or a document to a result (multipart/form-data, one file)',
    tags,
  }),
  list: endpoint({
    method: 'GET',
    path: '/api/activities/:id/attachments',
    params: IdParams,
    query: AttachmentQuery,
    response: AttachmentList,
    status: 200,
    tags,
  }),
  /** The answer is the file itself, not JSON: the web links to it (an attachment's `url`). */
  download: endpoint({
    method: 'GET',
    path: '/api/attachments/:id',
    params: IdParams,
    status: 200,
    summary: 'Download (always as an attachment)',
    tags,
  }),
  remove: endpoint({
    method: 'DELETE',
    path: '/api/attachments/:id',
    params: IdParams,
    response: Attachment,
    status: 200,
    summary: 'Soft delete',
    tags,
  }),
};
