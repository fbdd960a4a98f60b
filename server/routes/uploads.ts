// The multipart parser's own refusals (a file too large, not a form, too many parts), as the
// product's errors, for every route that takes a file.
import { invalidField, refuse } from '../errors';

export function uploadError(error: unknown, maxBytes: number): unknown {
  const code = (error as { code?: string } | null)?.code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') {
    return refuse('PAYLOAD_TOO_LARGE', 'upload.tooLarge', { megabytes: maxBytes / 1024 / 1024 });
  }
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') {
    return refuse('UNSUPPORTED_MEDIA_TYPE', 'upload.multipart');
  }
  if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
    return invalidField('file', 'upload.one');
  }
  return error;
}
