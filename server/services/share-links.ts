// Read-only links to a filtered calendar, for leaders without an account. A link is a
// secret (stored hashed) bound to its filters; it expires, can be revoked, and counts
// every use.
import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { shareLinks } from '../../db/schema';
import type { ShareFilter, ShareLink, ShareLinkInput } from '../contracts/share-links';
import { AppError, invalidFields, notFound } from '../errors';
import { checkRange, listActivities } from './activities';
import { recordAudit } from './audit';
import { actorIdOf, type ServiceContext } from './context';
import { hashSecret, newSecret } from './passwords';
import { page } from './records';
import { invalidAgencies, invalidUnits, missingRecords, unknownCodes } from './references';
import { addDays, startOfLocalDay, todayIn, toStoredInstant, toZonedIso } from './time';

type ShareLinkRow = typeof shareLinks.$inferSelect;

/** Share links live a year at most: a forgotten link should not show next year's plan. */
const MAX_DAYS = 366;

function toShareLink(row: ShareLinkRow, timeZone: string): ShareLink {
  return {
    id: row.id,
    note: row.note,
    filter: row.filter as ShareFilter,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    expiresAt: toZonedIso(row.expiresAt, timeZone),
    revokedAt: row.revokedAt,
    useCount: row.useCount,
    lastUsedAt: row.lastUsedAt,
  };
}

export function listShareLinks(ctx: ServiceContext, query: { limit: number; offset: number }) {
  const rows = ctx.db
    .select()
    .from(shareLinks)
    .orderBy(desc(shareLinks.id))
    .limit(query.limit)
    .offset(query.offset)
    .all();
  const total = ctx.db.select({ n: count() }).from(shareLinks).get()?.n ?? 0;
  return page(
    rows.map((row) => toShareLink(row, ctx.timeZone)),
    total,
    query,
  );
}

export function createShareLink(ctx: ServiceContext, input: ShareLinkInput) {
  const today = todayIn(ctx.timeZone);
  if (input.expiresOn < today || input.expiresOn > addDays(today, MAX_DAYS)) {
    throw invalidFields([
      { path: 'expiresOn', message: `Hạn dùng phải từ hôm nay đến tối đa ${MAX_DAYS} ngày` },
    ]);
  }
  const secret = newSecret();
  return ctx.db.transaction((tx) => {
    const { filter } = input;
    const details = [
      ...invalidAgencies(tx, 'filter.agencyId', filter.agencyId ? [filter.agencyId] : [], undefined, false),
      ...invalidUnits(tx, 'filter.unitId', filter.unitId ? [filter.unitId] : [], undefined, false),
      ...missingRecords(
        tx,
        'campaign',
        'filter.campaignId',
        filter.campaignId ? [filter.campaignId] : [],
        false,
      ),
      ...missingRecords(tx, 'task', 'filter.taskId', filter.taskId ? [filter.taskId] : [], false),
      ...unknownCodes(tx, 'activityType', 'filter.typeCode', filter.typeCode ? [filter.typeCode] : [], false),
      ...unknownCodes(
        tx,
        'channel',
        'filter.channelCode',
        filter.channelCode ? [filter.channelCode] : [],
        false,
      ),
      ...unknownCodes(
        tx,
        'targetGroup',
        'filter.targetGroupCode',
        filter.targetGroupCode ? [filter.targetGroupCode] : [],
        false,
      ),
    ];
    if (details.length > 0) throw invalidFields(details);
    const row = tx
      .insert(shareLinks)
      .values({
        tokenHash: hashSecret(secret),
        note: input.note ?? '',
        filter,
        createdBy: actorIdOf(ctx) ?? 0,
        // The link works through the whole of its last day, local time.
        expiresAt: startOfLocalDay(addDays(input.expiresOn, 1), ctx.timeZone),
      })
      .returning()
      .get();
    const link = toShareLink(row, ctx.timeZone);
    recordAudit(tx, ctx, {
      action: 'create',
      entityType: 'share_link',
      entityId: row.id,
      before: null,
      after: link,
    });
    return { ...link, secret, path: `/shared/${secret}` };
  });
}

export function revokeShareLink(ctx: ServiceContext, id: number): void {
  ctx.db.transaction((tx) => {
    const row = tx
      .select()
      .from(shareLinks)
      .where(and(eq(shareLinks.id, id), isNull(shareLinks.revokedAt)))
      .get();
    if (!row) throw notFound('liên kết chia sẻ', id);
    const revoked = tx
      .update(shareLinks)
      .set({ revokedAt: toStoredInstant(Temporal.Now.instant()) })
      .where(eq(shareLinks.id, id))
      .returning()
      .get();
    recordAudit(tx, ctx, {
      action: 'delete',
      entityType: 'share_link',
      entityId: id,
      before: toShareLink(row, ctx.timeZone),
      after: toShareLink(revoked, ctx.timeZone),
    });
  });
}

/** The live link of a secret, counting this use; an unknown, expired or revoked one is not found. */
function redeemShareLink(ctx: ServiceContext, secret: string): ShareLinkRow {
  const now = toStoredInstant(Temporal.Now.instant());
  const row = ctx.db
    .update(shareLinks)
    .set({ useCount: sql`${shareLinks.useCount} + 1`, lastUsedAt: now })
    .where(
      and(
        eq(shareLinks.tokenHash, hashSecret(secret)),
        isNull(shareLinks.revokedAt),
        sql`${shareLinks.expiresAt} > ${now}`,
      ),
    )
    .returning()
    .get();
  if (!row) throw new AppError('NOT_FOUND', 'Liên kết chia sẻ không tồn tại, đã hết hạn hoặc đã bị thu hồi');
  return row;
}

export function viewShareLink(ctx: ServiceContext, secret: string) {
  const row = redeemShareLink(ctx, secret);
  return {
    note: row.note,
    filter: row.filter as ShareFilter,
    expiresAt: toZonedIso(row.expiresAt, ctx.timeZone),
  };
}

/** The activities a link shows in a range: its own filters always win over anything asked. */
export function sharedActivities(ctx: ServiceContext, secret: string, range: { start: string; end: string }) {
  // A refused request is no use of the link: check the range before counting.
  checkRange(range, ctx.timeZone);
  const row = redeemShareLink(ctx, secret);
  return listActivities(ctx, { ...range, ...(row.filter as ShareFilter), limit: 5000, offset: 0 });
}
