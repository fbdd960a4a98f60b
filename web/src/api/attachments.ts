// Photos and documents of a result. The server decides what a file is from its content
// (JPEG, PNG, WebP, PDF, DOCX, XLSX), refuses others with 415 and files over 10 MB with 413.
import { type Attachment, attachmentEndpoints } from '../../../server/contracts/attachments';
import { apiUpload, call } from './client';

export type { Attachment };

/** What the file picker offers: the types the server keeps, photos from the camera included. */
export const attachmentAccept = 'image/*,application/pdf,.docx,.xlsx';

/** The server's bound (server/routes/attachments.ts), checked before sending a file for nothing. */
export const attachmentMaxBytes = 10 * 1024 * 1024;

/** The files of an activity's result, oldest first. */
export async function listAttachments(activityId: number, signal?: AbortSignal): Promise<Attachment[]> {
  const page = await call(attachmentEndpoints.list, {
    params: { id: activityId },
    query: { limit: 1000 },
    signal,
  });
  return page.items;
}

export function uploadAttachment(activityId: number, file: File, signal?: AbortSignal): Promise<Attachment> {
  return apiUpload(attachmentEndpoints.upload, { id: activityId }, file, file.name, { signal });
}

/** A soft delete: the list no longer shows it; the file stays on record. */
export function deleteAttachment(id: number): Promise<Attachment> {
  return call(attachmentEndpoints.remove, { params: { id } });
}
