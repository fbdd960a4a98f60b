// Activities as the API shows them: one, or a filtered page of them.
import { and, asc, count, eq, type SQL } from 'drizzle-orm';
import { activities } from '../../../db/schema';
import type { Activity, ActivityQuery } from '../../contracts/activities';
import { isOverdue } from '../../domain/activities';
import { storedNow } from '../../domain/time';
import { notFound } from '../../errors';
import type { ServiceContext, Tx } from '../context';
import { page } from '../lists';
import { checkRange, listConditions } from './filters';
import { type Links, loadLinks } from './links';
import { shownTimes } from './times';

export type ActivityRow = typeof activities.$inferSelect;

/** What reading needs of the context: the zone to show times in, the clock for "overdue". */
export type Reader = Pick<ServiceContext, 'timeZone' | 'now'>;

function toActivity(row: ActivityRow, links: Links, timeZone: string, now: string): Activity {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    typeCode: row.typeCode,
    channelCodes: links.channels.get(row.id) ?? [],
    status: row.status,
    statusNote: row.statusNote,
    allDay: row.allDay,
    ...shownTimes(row, timeZone),
    leadAgencyId: row.leadAgencyId,
    partnerAgencyIds: links.partners.get(row.id) ?? [],
    unitIds: links.units.get(row.id) ?? [],
    venue: row.venue,
    targetGroupCodes: links.targetGroups.get(row.id) ?? [],
    taskId: row.taskId,
    campaignId: row.campaignId,
    expected: row.expected,
    resultStatus: links.results.get(row.id) ?? null,
    overdue: isOverdue(row, now),
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    createdBy: row.createdBy,
    deletedAt: row.deletedAt,
    seriesId: row.seriesId,
    seriesPosition: row.seriesPosition,
    seriesDetached: row.seriesDetached,
  };
}

function readActivities(tx: Tx, rows: ActivityRow[], reader: Reader): Activity[] {
  const links = loadLinks(
    tx,
    rows.map((row) => row.id),
  );
  const now = storedNow(reader.now);
  return rows.map((row) => toActivity(row, links, reader.timeZone, now));
}

export function findRow(tx: Tx, id: number): ActivityRow {
  const row = tx.select().from(activities).where(eq(activities.id, id)).get();
  if (!row) throw notFound('hoạt động', id);
  return row;
}

/** One activity as the API shows it, inside a transaction of the caller. */
export function readOne(tx: Tx, id: number, reader: Reader): Activity {
  const [activity] = readActivities(tx, [findRow(tx, id)], reader);
  if (!activity) throw notFound('hoạt động', id);
  return activity;
}

export function getActivity(ctx: ServiceContext, id: number): Activity {
  return readOne(ctx.db, id, ctx);
}

export function listActivities(ctx: ServiceContext, query: ActivityQuery) {
  checkRange(query, ctx.timeZone);
  const where = and(...listConditions(ctx, query));
  return pageOfActivities(ctx, where, [asc(activities.startAt), asc(activities.id)], query);
}

/** A page of the activities that match, in the order given, and how many match in all. */
export function pageOfActivities(
  ctx: ServiceContext,
  where: SQL | undefined,
  order: SQL[],
  query: { limit: number; offset: number },
) {
  const rows = ctx.db
    .select()
    .from(activities)
    .where(where)
    .orderBy(...order)
    .limit(query.limit)
    .offset(query.offset)
    .all();
  const total = ctx.db.select({ n: count() }).from(activities).where(where).get()?.n ?? 0;
  return page(readActivities(ctx.db, rows, ctx), total, query);
}
