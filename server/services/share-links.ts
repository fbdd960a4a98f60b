// Read-only links to a filtered calendar, for leaders without an account. A link is a
// secret (stored hashed) bound to its filters; it expires, can be revoked, and counts
// every use.
import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import {
  activityTypes,
  agencies,
  campaigns,
  channels,
  shareLinks,
  targetGroups,
  tasks,
  units,
} from '../../db/schema';
import type { ShareFilter, ShareLink, ShareLinkInput } from '../contracts/share-links';
import { addDays, startOfLocalDay, storedNow, todayIn, toZonedIso } from '../domain/time';
import { fieldRefusal, invalidFields, notFound, refuse } from '../errors';
import { checkRange, listActivities } from './activities';
import { actorIdOf, type ServiceContext, type Tx } from './context';
import { page } from './lists';
import { hashSecret, newSecret } from './passwords';
import { auditedCreate, auditedWrite } from './records';
import { invalidAgencies, invalidUnits, missingRecords, unknownCodes } from './references';

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

function shareLinkRow(tx: Tx, id: number): ShareLinkRow {
  const row = tx.select().from(shareLinks).where(eq(shareLinks.id, id)).get();
  if (!row) throw notFound('liên kết chia sẻ', id);
  return row;
}

export function createShareLink(ctx: ServiceContext, input: ShareLinkInput) {
  const today = todayIn(ctx.timeZone, ctx.now);
  if (input.expiresOn < today || input.expiresOn > addDays(today, MAX_DAYS)) {
    throw invalidFields([fieldRefusal('expiresOn', 'shareLink.expiry', { days: MAX_DAYS })]);
  }
  const secret = newSecret();
  const link = auditedCreate(
    ctx,
    'share_link',
    (tx) => {
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
        ...unknownCodes(
          tx,
          'activityType',
          'filter.typeCode',
          filter.typeCode ? [filter.typeCode] : [],
          false,
        ),
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
      return tx
        .insert(shareLinks)
        .values({
          tokenHash: hashSecret(secret),
          note: input.note ?? '',
          filter,
          createdBy: actorIdOf(ctx) ?? 0,
          // The link works through the whole of its last day, local time.
          expiresAt: startOfLocalDay(addDays(input.expiresOn, 1), ctx.timeZone),
        })
        .returning({ id: shareLinks.id })
        .get().id;
    },
    (tx, id) => toShareLink(shareLinkRow(tx, id), ctx.timeZone),
  );
  // The secret is shown once, here, and never stored nor audited.
  return { ...link, secret, path: `/shared/${secret}` };
}

export function revokeShareLink(ctx: ServiceContext, id: number): void {
  auditedWrite(ctx, {
    action: 'delete',
    entityType: 'share_link',
    key: id,
    read: (tx, key) => toShareLink(shareLinkRow(tx, key), ctx.timeZone),
    write: (tx, before) => {
      if (!before || before.revokedAt) throw notFound('liên kết chia sẻ', id);
      tx.update(shareLinks)
        .set({ revokedAt: storedNow(ctx.now) })
        .where(eq(shareLinks.id, id))
        .run();
      return id;
    },
  });
}

/** The live link of a secret; an unknown, expired or revoked one is not found. Opening it counts as a use. */
function liveShareLink(ctx: ServiceContext, secret: string, countUse: boolean): ShareLinkRow {
  const now = storedNow(ctx.now);
  const live = and(
    eq(shareLinks.tokenHash, hashSecret(secret)),
    isNull(shareLinks.revokedAt),
    sql`${shareLinks.expiresAt} > ${now}`,
  );
  const row = countUse
    ? ctx.db
        .update(shareLinks)
        .set({ useCount: sql`${shareLinks.useCount} + 1`, lastUsedAt: now })
        .where(live)
        .returning()
        .get()
    : ctx.db.select().from(shareLinks).where(live).get();
  if (!row) throw refuse('NOT_FOUND', 'shareLink.gone');
  return row;
}

/** The link's limits in words, for a reader who cannot look ids up. */
function describeFilter(ctx: ServiceContext, filter: ShareFilter): { field: string; value: string }[] {
  const name = <T extends { name: string }>(row: T | undefined, fallback: string) => row?.name ?? fallback;
  const db = ctx.db;
  const limits: { field: string; value: string }[] = [];
  if (filter.agencyId) {
    const row = db.select().from(agencies).where(eq(agencies.id, filter.agencyId)).get();
    limits.push({ field: 'agencyId', value: name(row, `#${filter.agencyId}`) });
  }
  if (filter.unitId) {
    const row = db.select().from(units).where(eq(units.id, filter.unitId)).get();
    limits.push({ field: 'unitId', value: name(row, `#${filter.unitId}`) });
  }
  if (filter.campaignId) {
    const row = db.select().from(campaigns).where(eq(campaigns.id, filter.campaignId)).get();
    limits.push({ field: 'campaignId', value: name(row, `#${filter.campaignId}`) });
  }
  if (filter.taskId) {
    const row = db.select().from(tasks).where(eq(tasks.id, filter.taskId)).get();
    limits.push({ field: 'taskId', value: row ? `${row.code}. ${row.title}` : `#${filter.taskId}` });
  }
  if (filter.typeCode) {
    const row = db.select().from(activityTypes).where(eq(activityTypes.code, filter.typeCode)).get();
    limits.push({ field: 'typeCode', value: name(row, filter.typeCode) });
  }
  if (filter.channelCode) {
    const row = db.select().from(channels).where(eq(channels.code, filter.channelCode)).get();
    limits.push({ field: 'channelCode', value: name(row, filter.channelCode) });
  }
  if (filter.targetGroupCode) {
    const row = db.select().from(targetGroups).where(eq(targetGroups.code, filter.targetGroupCode)).get();
    limits.push({ field: 'targetGroupCode', value: name(row, filter.targetGroupCode) });
  }
  if (filter.status) limits.push({ field: 'status', value: filter.status });
  return limits;
}

/** Opening a link: counted as one use. */
export function viewShareLink(ctx: ServiceContext, secret: string) {
  const row = liveShareLink(ctx, secret, true);
  const filter = row.filter as ShareFilter;
  return {
    note: row.note,
    filter,
    limits: describeFilter(ctx, filter),
    expiresAt: toZonedIso(row.expiresAt, ctx.timeZone),
  };
}

/**
 * The activities a link shows in a range: its own filters always win over anything asked.
 * Paging through months of an opened link is part of that one use, so it is not counted.
 */
export function sharedActivities(ctx: ServiceContext, secret: string, range: { start: string; end: string }) {
  checkRange(range, ctx.timeZone);
  const row = liveShareLink(ctx, secret, false);
  return listActivities(ctx, { ...range, ...(row.filter as ShareFilter), limit: 5000, offset: 0 });
}
