import { z } from 'zod';
import { Id, listOf } from './common';

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
