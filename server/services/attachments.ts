// Evidence of a result: photos and documents. What a file is comes from its content (the
// name and the declared type are the sender's word, not ours); photos are re-encoded so
// that their metadata, GPS position included, never reaches the disk; files are stored
// under generated names outside the web root and only ever served as downloads.
import { randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { and, asc, count, eq, isNull } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import { activities, attachments } from '../../db/schema';
import type { Attachment } from '../contracts/attachments';
import { storedNow } from '../domain/time';
import { invalidField, notFound, refuse } from '../errors';
import { readOne } from './activities';
import { actorIdOf, type ServiceContext, type Tx } from './context';
import { page } from './lists';
import { assertUnlocked } from './period-locks';
import { assertMayWriteResult } from './permissions';
import { auditedCreate, auditedWrite } from './records';

type AttachmentRow = typeof attachments.$inferSelect;

/** What may be attached, by the type sniffed from the content. */
const accepted: Record<string, { kind: 'photo' | 'document'; ext: string }> = {
  'image/jpeg': { kind: 'photo', ext: 'jpg' },
  'image/png': { kind: 'photo', ext: 'png' },
  'image/webp': { kind: 'photo', ext: 'webp' },
  'application/pdf': { kind: 'document', ext: 'pdf' },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    kind: 'document',
    ext: 'docx',
  },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { kind: 'document', ext: 'xlsx' },
};

export const acceptedDescription = 'ảnh JPEG, PNG, WebP hoặc tài liệu PDF, Word (.docx), Excel (.xlsx)';
const acceptedDescriptionEn = 'JPEG, PNG or WebP photos, or PDF, Word (.docx) or Excel (.xlsx) documents';

function toAttachment(row: AttachmentRow): Attachment {
  return {
    id: row.id,
    activityId: row.activityId,
    kind: row.kind,
    fileName: row.fileName,
    mimeType: row.mimeType,
    size: row.size,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    url: `/api/attachments/${row.id}`,
  };
}

/**
 * The name to show and to offer on download: NFC, without any folder part (`../../x`,
 * `C:\\x`), without control characters, never empty.
 */
export function cleanFileName(name: string): string {
  const base = name.normalize('NFC').split(/[\\/]/).at(-1) ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  const printable = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  const safe = printable === '' || printable === '.' || printable === '..' ? 'tep-dinh-kem' : printable;
  return safe.slice(0, 200);
}

/** Re-encodes a photo in its own format: the pixels stay, every metadata block goes. */
async function withoutMetadata(buffer: Buffer, mimeType: string): Promise<Buffer> {
  // `rotate()` applies the EXIF orientation first, so the photo still stands the right way up.
  // A pixel bound: a small, highly compressed image must not unfold into gigabytes.
  const image = sharp(buffer, { failOn: 'error', limitInputPixels: 50_000_000 }).rotate();
  if (mimeType === 'image/png') return image.png().toBuffer();
  if (mimeType === 'image/webp') return image.webp({ quality: 90 }).toBuffer();
  return image.jpeg({ quality: 90, mozjpeg: true }).toBuffer();
}

/** Checks that the activity exists and may receive evidence from this user now. */
function assertMayAttach(ctx: ServiceContext, tx: Tx, activityId: number): void {
  const row = tx.select().from(activities).where(eq(activities.id, activityId)).get();
  if (!row) throw notFound('hoạt động', activityId);
  if (row.deletedAt) throw refuse('CONFLICT', 'activity.deleted', { id: activityId });
  assertMayWriteResult(ctx.actor, readOne(tx, activityId, ctx));
  assertUnlocked(tx, [row.startDate], 'thêm tệp cho hoạt động');
}

export async function addAttachment(
  ctx: ServiceContext,
  uploadDir: string,
  activityId: number,
  upload: { fileName: string; content: Buffer },
): Promise<Attachment> {
  // Refuse early (404, 403, 409) before any work on the file.
  assertMayAttach(ctx, ctx.db, activityId);
  if (upload.content.length === 0) throw invalidField('file', 'upload.empty');
  const sniffed = await fileTypeFromBuffer(upload.content);
  const type = sniffed ? accepted[sniffed.mime] : undefined;
  if (!sniffed || !type) {
    throw refuse('UNSUPPORTED_MEDIA_TYPE', 'upload.type', {
      accepted: acceptedDescription,
      acceptedEn: acceptedDescriptionEn,
    });
  }
  let content = upload.content;
  if (type.kind === 'photo') {
    try {
      content = await withoutMetadata(upload.content, sniffed.mime);
    } catch {
      throw refuse('UNSUPPORTED_MEDIA_TYPE', 'upload.brokenPhoto');
    }
  }

  const storedName = `${randomUUID()}.${type.ext}`;
  await mkdir(uploadDir, { recursive: true });
  const path = join(uploadDir, storedName);
  try {
    await writeFile(path, content, { flag: 'wx' });
    return auditedCreate(
      ctx,
      'attachment',
      (tx) => {
        assertMayAttach(ctx, tx, activityId); // again: things may have changed while the photo was re-encoded
        return tx
          .insert(attachments)
          .values({
            activityId,
            kind: type.kind,
            fileName: cleanFileName(upload.fileName),
            storedName,
            mimeType: sniffed.mime,
            size: content.length,
            createdBy: actorIdOf(ctx),
          })
          .returning({ id: attachments.id })
          .get().id;
      },
      (tx, id) => toAttachment(attachmentRow(tx, id)),
    );
  } catch (error) {
    await rm(path, { force: true });
    throw error;
  }
}

export function listAttachments(
  ctx: ServiceContext,
  activityId: number,
  query: { limit: number; offset: number },
) {
  const where = and(eq(attachments.activityId, activityId), isNull(attachments.deletedAt));
  const rows = ctx.db
    .select()
    .from(attachments)
    .where(where)
    .orderBy(asc(attachments.id))
    .limit(query.limit)
    .offset(query.offset)
    .all();
  const total = ctx.db.select({ n: count() }).from(attachments).where(where).get()?.n ?? 0;
  return page(rows.map(toAttachment), total, query);
}

/** A stored file to download: where it is on disk and what to call it. */
export function attachmentFile(ctx: ServiceContext, uploadDir: string, id: number) {
  const row = ctx.db.select().from(attachments).where(eq(attachments.id, id)).get();
  if (!row || row.deletedAt) throw notFound('tệp đính kèm', id);
  return {
    path: join(uploadDir, row.storedName),
    fileName: row.fileName,
    mimeType: row.mimeType,
    size: row.size,
  };
}

function attachmentRow(tx: Tx, id: number) {
  const row = tx.select().from(attachments).where(eq(attachments.id, id)).get();
  if (!row) throw notFound('tệp đính kèm', id);
  return row;
}

/** Soft delete: the file and the row stay (nothing entered is lost); lists no longer show it. */
export function deleteAttachment(ctx: ServiceContext, id: number): Attachment {
  let deleted: Attachment | undefined;
  auditedWrite<Attachment>(ctx, {
    action: 'delete',
    entityType: 'attachment',
    key: id,
    // A deleted attachment reads as none: its audit row's `after` is null.
    read: (tx, key) => {
      const row = tx.select().from(attachments).where(eq(attachments.id, key)).get();
      return row && !row.deletedAt ? toAttachment(row) : null;
    },
    write: (tx, before) => {
      if (!before) throw notFound('tệp đính kèm', id);
      assertMayAttach(ctx, tx, attachmentRow(tx, id).activityId);
      tx.update(attachments)
        .set({ deletedAt: storedNow(ctx.now), deletedBy: actorIdOf(ctx) })
        .where(eq(attachments.id, id))
        .run();
      deleted = before;
      return id;
    },
  });
  if (!deleted) throw notFound('tệp đính kèm', id);
  return deleted;
}

/** `Content-Disposition` for a download, with the Vietnamese name intact (RFC 6266 / 5987). */
export function contentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
