// Activities: what is scheduled on the calendar. Every rule about them lives here;
// the route only parses, authorises and answers.
import { and, asc, count, eq, gt, inArray, isNull, lt, notInArray, or, type SQL, sql } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import {
  activities,
  activityChannels,
  activityPartners,
  activityTargetGroups,
  activityUnits,
  results,
} from '../../db/schema';
import {
  type Activity,
  ActivityInput,
  type ActivityPatch,
  type ActivityQuery,
} from '../contracts/activities';
import { isDate } from '../contracts/common';
import type { ReviewStatus } from '../contracts/results';
import { AppError, invalidFields, notFound } from '../errors';
import { issueDetails } from '../plugins/errors';
import { recordAudit } from './audit';
import { actorIdOf, type ServiceContext, type Tx } from './context';
import { assertUnlocked } from './period-locks';
import { assertMayWriteActivity } from './permissions';
import { auditedCreate, auditedUpdate } from './records';
import { invalidAgencies, invalidUnits, missingRecords, unknownCodes } from './references';
import {
  addDays,
  addHoursToInstant,
  boundToInstant,
  instantFromOffsetDateTime,
  localDateOf,
  nowStored,
  startOfLocalDay,
  toZonedIso,
} from './time';
import { assertVersion } from './versions';

type ActivityRow = typeof activities.$inferSelect;

type StoredTimes = { allDay: boolean; startAt: string; endAt: string; startDate: string };

/** DESIGN §3: dates become local midnights, date-times become UTC; a missing end is one day or one hour on. */
export function storedTimes(
  input: Pick<ActivityInput, 'allDay' | 'start' | 'end'>,
  timeZone: string,
): StoredTimes {
  const allDay = input.allDay ?? isDate(input.start);
  if (allDay) {
    const endDate = input.end ?? addDays(input.start, 1);
    return {
      allDay,
      startAt: startOfLocalDay(input.start, timeZone),
      endAt: startOfLocalDay(endDate, timeZone),
      startDate: input.start,
    };
  }
  const startAt = instantFromOffsetDateTime(input.start);
  const endAt = input.end ? instantFromOffsetDateTime(input.end) : addHoursToInstant(startAt, 1);
  return { allDay, startAt, endAt, startDate: localDateOf(startAt, timeZone) };
}

function shownTimes(row: ActivityRow, timeZone: string): { start: string; end: string } {
  if (row.allDay) return { start: localDateOf(row.startAt, timeZone), end: localDateOf(row.endAt, timeZone) };
  return { start: toZonedIso(row.startAt, timeZone), end: toZonedIso(row.endAt, timeZone) };
}

// ---------------------------------------------------------------- reading

export type Links = {
  /** The review status of each activity's result, for those that have one. */
  results: Map<number, ReviewStatus>;
  partners: Map<number, number[]>;
  units: Map<number, number[]>;
  targetGroups: Map<number, string[]>;
  channels: Map<number, string[]>;
};

function groupBy<V>(rows: { activityId: number; value: V }[]): Map<number, V[]> {
  const grouped = new Map<number, V[]>();
  for (const row of rows) {
    const list = grouped.get(row.activityId);
    if (list) list.push(row.value);
    else grouped.set(row.activityId, [row.value]);
  }
  return grouped;
}

/** The list-valued fields of many activities in four queries, not four per activity. */
/** Ids per query: SQLite binds at most 32,766 values, and a report's year can hold more. */
const linkChunk = 10_000;

function chunksOf<T>(list: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < list.length; start += size) chunks.push(list.slice(start, start + size));
  return chunks;
}

function mergeLinks(parts: Links[]): Links {
  const merged: Links = {
    results: new Map(),
    partners: new Map(),
    units: new Map(),
    targetGroups: new Map(),
    channels: new Map(),
  };
  for (const part of parts) {
    for (const [id, status] of part.results) merged.results.set(id, status);
    for (const [id, list] of part.partners) merged.partners.set(id, list);
    for (const [id, list] of part.units) merged.units.set(id, list);
    for (const [id, list] of part.targetGroups) merged.targetGroups.set(id, list);
    for (const [id, list] of part.channels) merged.channels.set(id, list);
  }
  return merged;
}

export function loadLinks(tx: Tx, ids: number[]): Links {
  if (ids.length > linkChunk)
    return mergeLinks(chunksOf(ids, linkChunk).map((chunk) => loadLinks(tx, chunk)));
  if (ids.length === 0)
    return {
      results: new Map(),
      partners: new Map(),
      units: new Map(),
      targetGroups: new Map(),
      channels: new Map(),
    };
  return {
    results: new Map(
      tx
        .select({ activityId: results.activityId, status: results.reviewStatus })
        .from(results)
        .where(inArray(results.activityId, ids))
        .all()
        .map((row) => [row.activityId, row.status]),
    ),
    partners: groupBy(
      tx
        .select({ activityId: activityPartners.activityId, value: activityPartners.agencyId })
        .from(activityPartners)
        .where(inArray(activityPartners.activityId, ids))
        .orderBy(asc(activityPartners.agencyId))
        .all(),
    ),
    units: groupBy(
      tx
        .select({ activityId: activityUnits.activityId, value: activityUnits.unitId })
        .from(activityUnits)
        .where(inArray(activityUnits.activityId, ids))
        .orderBy(asc(activityUnits.unitId))
        .all(),
    ),
    targetGroups: groupBy(
      tx
        .select({ activityId: activityTargetGroups.activityId, value: activityTargetGroups.targetGroupCode })
        .from(activityTargetGroups)
        .where(inArray(activityTargetGroups.activityId, ids))
        .all(),
    ),
    channels: groupBy(
      tx
        .select({ activityId: activityChannels.activityId, value: activityChannels.channelCode })
        .from(activityChannels)
        .where(inArray(activityChannels.activityId, ids))
        .all(),
    ),
  };
}

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
    overdue: (row.status === 'planned' || row.status === 'confirmed') && row.endAt <= now,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    createdBy: row.createdBy,
    deletedAt: row.deletedAt,
  };
}

function readActivities(tx: Tx, rows: ActivityRow[], timeZone: string): Activity[] {
  const links = loadLinks(
    tx,
    rows.map((row) => row.id),
  );
  const now = nowStored();
  return rows.map((row) => toActivity(row, links, timeZone, now));
}

function findRow(tx: Tx, id: number): ActivityRow {
  const row = tx.select().from(activities).where(eq(activities.id, id)).get();
  if (!row) throw notFound('hoạt động', id);
  return row;
}

export function getActivity(ctx: ServiceContext, id: number): Activity {
  return readOne(ctx.db, id, ctx.timeZone);
}

/** The filters of the activity list, as one SQL condition. */
export function listConditions(ctx: ServiceContext, query: ActivityQuery): SQL[] {
  const conditions: SQL[] = [isNull(activities.deletedAt)];
  // Overlap: activity.start < range.end && activity.end > range.start (end exclusive).
  if (query.end) conditions.push(lt(activities.startAt, boundToInstant(query.end, ctx.timeZone)));
  if (query.start) conditions.push(gt(activities.endAt, boundToInstant(query.start, ctx.timeZone)));
  if (query.status) conditions.push(eq(activities.status, query.status));
  if (query.overdue) {
    // The same rule as the `overdue` flag of each activity.
    const overdue = sql`(${activities.status} in ('planned', 'confirmed') and ${activities.endAt} <= ${nowStored()})`;
    conditions.push(query.overdue === 'true' ? overdue : sql`not ${overdue}`);
  }
  if (query.typeCode) conditions.push(eq(activities.typeCode, query.typeCode));
  if (query.campaignId) conditions.push(eq(activities.campaignId, query.campaignId));
  if (query.taskId) conditions.push(eq(activities.taskId, query.taskId));
  if (query.agencyId) {
    const asPartner = ctx.db
      .select({ id: activityPartners.activityId })
      .from(activityPartners)
      .where(eq(activityPartners.agencyId, query.agencyId));
    conditions.push(
      // A joint activity appears for its lead and for every partner.
      sql`(${eq(activities.leadAgencyId, query.agencyId)} or ${inArray(activities.id, asPartner)})`,
    );
  }
  if (query.unitId) {
    const inUnit = ctx.db
      .select({ id: activityUnits.activityId })
      .from(activityUnits)
      .where(eq(activityUnits.unitId, query.unitId));
    conditions.push(inArray(activities.id, inUnit));
  }
  if (query.targetGroupCode) {
    const forGroup = ctx.db
      .select({ id: activityTargetGroups.activityId })
      .from(activityTargetGroups)
      .where(eq(activityTargetGroups.targetGroupCode, query.targetGroupCode));
    conditions.push(inArray(activities.id, forGroup));
  }
  if (query.channelCode) {
    const onChannel = ctx.db
      .select({ id: activityChannels.activityId })
      .from(activityChannels)
      .where(eq(activityChannels.channelCode, query.channelCode));
    conditions.push(inArray(activities.id, onChannel));
  }
  if (query.resultStatus) {
    const withStatus = ctx.db.select({ id: results.activityId }).from(results);
    conditions.push(
      query.resultStatus === 'none'
        ? notInArray(activities.id, withStatus)
        : inArray(activities.id, withStatus.where(eq(results.reviewStatus, query.resultStatus))),
    );
  }
  if (query.mine === 'true') {
    const mine = mineCondition(ctx);
    if (mine) conditions.push(mine);
  }
  return conditions;
}

/**
 * "My work": what the user's agency leads or joins, or what happens in the user's units.
 * Coordinators and admins without an agency or units follow the whole province.
 */
function mineCondition(ctx: ServiceContext): SQL | undefined {
  const actor = ctx.actor;
  if (!actor) return undefined;
  const parts: SQL[] = [];
  if (actor.agencyId !== null) {
    const asPartner = ctx.db
      .select({ id: activityPartners.activityId })
      .from(activityPartners)
      .where(eq(activityPartners.agencyId, actor.agencyId));
    parts.push(eq(activities.leadAgencyId, actor.agencyId), inArray(activities.id, asPartner));
  }
  if (actor.unitIds.length > 0) {
    const inUnits = ctx.db
      .select({ id: activityUnits.activityId })
      .from(activityUnits)
      .where(inArray(activityUnits.unitId, actor.unitIds));
    parts.push(inArray(activities.id, inUnits));
  }
  return parts.length > 0 ? or(...parts) : undefined;
}

export function listActivities(ctx: ServiceContext, query: ActivityQuery) {
  checkRange(query, ctx.timeZone);
  const where = and(...listConditions(ctx, query));
  const rows = ctx.db
    .select()
    .from(activities)
    .where(where)
    .orderBy(asc(activities.startAt), asc(activities.id))
    .limit(query.limit)
    .offset(query.offset)
    .all();
  const total = ctx.db.select({ n: count() }).from(activities).where(where).get()?.n ?? 0;
  return {
    items: readActivities(ctx.db, rows, ctx.timeZone),
    total,
    limit: query.limit,
    offset: query.offset,
  };
}

/** A range must run forwards: `end` after `start`, compared as instants in the zone. */
export function checkRange(
  query: { start?: string | undefined; end?: string | undefined },
  timeZone: string,
): void {
  if (
    query.start &&
    query.end &&
    boundToInstant(query.end, timeZone) <= boundToInstant(query.start, timeZone)
  ) {
    throw invalidFields([{ path: 'querystring.end', message: 'end phải sau start' }]);
  }
}

// ---------------------------------------------------------------- writing

/** Everything an activity refers to must exist, and agencies and units must be valid on its start date. */
function checkReferences(tx: Tx, input: ActivityInput, startDate: string): void {
  const details = [
    ...unknownCodes(tx, 'activityType', 'typeCode', [input.typeCode], false),
    ...unknownCodes(tx, 'channel', 'channelCodes', input.channelCodes ?? []),
    ...unknownCodes(tx, 'targetGroup', 'targetGroupCodes', input.targetGroupCodes ?? []),
    // Figures are keyed by indicator code, so each unknown code is named by its key.
    ...Object.keys(input.expected ?? {}).flatMap((code) =>
      unknownCodes(tx, 'indicator', `expected.${code}`, [code], false),
    ),
    ...invalidAgencies(tx, 'leadAgencyId', [input.leadAgencyId], startDate, false),
    ...invalidAgencies(tx, 'partnerAgencyIds', input.partnerAgencyIds ?? [], startDate),
    ...invalidUnits(tx, 'unitIds', input.unitIds ?? [], startDate),
    ...missingRecords(tx, 'task', 'taskId', input.taskId ? [input.taskId] : [], false),
    ...missingRecords(tx, 'campaign', 'campaignId', input.campaignId ? [input.campaignId] : [], false),
  ];
  if ((input.partnerAgencyIds ?? []).includes(input.leadAgencyId)) {
    details.push({ path: 'partnerAgencyIds', message: 'Đơn vị chủ trì không đồng thời là đơn vị phối hợp' });
  }
  if (details.length > 0) throw invalidFields(details);
}

const unique = <T>(values: readonly T[] | undefined): T[] => [...new Set(values ?? [])];

function writeLinks(tx: Tx, id: number, input: Partial<ActivityInput>, replace: boolean): void {
  if (input.partnerAgencyIds !== undefined) {
    if (replace) tx.delete(activityPartners).where(eq(activityPartners.activityId, id)).run();
    const rows = unique(input.partnerAgencyIds).map((agencyId) => ({ activityId: id, agencyId }));
    if (rows.length > 0) tx.insert(activityPartners).values(rows).run();
  }
  if (input.unitIds !== undefined) {
    if (replace) tx.delete(activityUnits).where(eq(activityUnits.activityId, id)).run();
    const rows = unique(input.unitIds).map((unitId) => ({ activityId: id, unitId }));
    if (rows.length > 0) tx.insert(activityUnits).values(rows).run();
  }
  if (input.targetGroupCodes !== undefined) {
    if (replace) tx.delete(activityTargetGroups).where(eq(activityTargetGroups.activityId, id)).run();
    const rows = unique(input.targetGroupCodes).map((targetGroupCode) => ({
      activityId: id,
      targetGroupCode,
    }));
    if (rows.length > 0) tx.insert(activityTargetGroups).values(rows).run();
  }
  if (input.channelCodes !== undefined) {
    if (replace) tx.delete(activityChannels).where(eq(activityChannels.activityId, id)).run();
    const rows = unique(input.channelCodes).map((channelCode) => ({ activityId: id, channelCode }));
    if (rows.length > 0) tx.insert(activityChannels).values(rows).run();
  }
}

/** The columns of an activity row that a complete input decides. */
function activityColumns(input: ActivityInput, timeZone: string) {
  return {
    title: input.title,
    description: input.description ?? '',
    typeCode: input.typeCode,
    // The merged input of a patch always carries the stored status; a new activity starts planned.
    status: input.status ?? 'planned',
    statusNote: input.statusNote ?? '',
    ...storedTimes(input, timeZone),
    leadAgencyId: input.leadAgencyId,
    venue: input.venue ?? '',
    taskId: input.taskId ?? null,
    campaignId: input.campaignId ?? null,
    expected: input.expected ?? {},
  };
}

/** One activity as the API shows it, inside a transaction of the caller. */
export function readOne(tx: Tx, id: number, timeZone: string): Activity {
  const [activity] = readActivities(tx, [findRow(tx, id)], timeZone);
  if (!activity) throw notFound('hoạt động', id);
  return activity;
}

export function createActivity(ctx: ServiceContext, input: ActivityInput): Activity {
  return auditedCreate(
    ctx,
    'activity',
    (tx) => {
      assertMayWriteActivity(ctx.actor, null, input);
      const { startDate } = storedTimes(input, ctx.timeZone);
      assertUnlocked(tx, [startDate], 'tạo hoạt động');
      checkReferences(tx, input, startDate);
      const { id } = tx
        .insert(activities)
        .values({
          ...activityColumns(input, ctx.timeZone),
          createdBy: actorIdOf(ctx),
          updatedBy: actorIdOf(ctx),
        })
        .returning({ id: activities.id })
        .get();
      writeLinks(tx, id, input, false);
      return id;
    },
    (tx, id) => readOne(tx, id, ctx.timeZone),
  );
}

/** The stored activity as a complete input, so a patch can be merged and checked whole. */
function asInput(activity: Activity): ActivityInput {
  return {
    title: activity.title,
    description: activity.description,
    typeCode: activity.typeCode,
    channelCodes: activity.channelCodes,
    status: activity.status,
    statusNote: activity.statusNote,
    allDay: activity.allDay,
    start: activity.start,
    end: activity.end,
    leadAgencyId: activity.leadAgencyId,
    partnerAgencyIds: activity.partnerAgencyIds,
    unitIds: activity.unitIds,
    venue: activity.venue,
    targetGroupCodes: activity.targetGroupCodes,
    taskId: activity.taskId,
    campaignId: activity.campaignId,
    expected: activity.expected,
  };
}

/**
 * Merges a patch into the stored activity. Switching between all-day and timed, or moving
 * the start alone, drops the old end so that it is derived again from the new start.
 */
function mergePatch(current: Activity, patch: ActivityPatch): ActivityInput {
  const { version: _version, ...changes } = patch;
  const merged: ActivityInput = { ...asInput(current), ...changes };
  const kindChanged = changes.allDay !== undefined && changes.allDay !== current.allDay;
  if ((kindChanged || changes.start !== undefined) && changes.end === undefined) {
    if (kindChanged) delete merged.end;
    else if (changes.start !== undefined) merged.end = shiftEnd(current, changes.start);
  }
  return merged;
}

/** Moving the start keeps the duration: a two-day event dragged by a week stays two days. */
function shiftEnd(current: Activity, newStart: string): string | undefined {
  if (current.allDay) {
    if (!isDate(newStart)) return undefined;
    const days = Temporal.PlainDate.from(current.start).until(Temporal.PlainDate.from(current.end)).days;
    return addDays(newStart, days);
  }
  if (isDate(newStart)) return undefined;
  const duration = Temporal.Instant.from(current.start).until(Temporal.Instant.from(current.end));
  const end = Temporal.Instant.from(newStart).add(duration);
  const offset = newStart.slice(19).replace(/^\.\d+/, '');
  return end
    .toZonedDateTimeISO(offset === 'Z' ? 'UTC' : offset)
    .toString({ timeZoneName: 'never', smallestUnit: 'second' });
}

function parseMerged(merged: ActivityInput): ActivityInput {
  const parsed = ActivityInput.safeParse(merged);
  if (parsed.success) return parsed.data;
  throw invalidFields(parsed.error.issues.flatMap((issue) => issueDetails({ ...issue, keys: undefined })));
}

function assertWritable(activity: Activity): void {
  if (activity.deletedAt) {
    throw new AppError('CONFLICT', `Hoạt động ${activity.id} đã bị xóa; hãy khôi phục trước khi sửa`);
  }
}

export function updateActivity(
  ctx: ServiceContext,
  id: number,
  patch: ActivityPatch,
  expected: number | undefined,
): Activity {
  return auditedUpdate(ctx, {
    entityType: 'activity',
    label: 'Hoạt động',
    id,
    expected,
    read: (tx, activityId) => readOne(tx, activityId, ctx.timeZone),
    apply: (tx, before, version) => {
      assertWritable(before);
      const input = parseMerged(mergePatch(before, patch));
      assertMayWriteActivity(ctx.actor, before, input);
      const { startDate } = storedTimes(input, ctx.timeZone);
      // Neither change an activity of a locked period nor move one into or out of it.
      assertUnlocked(tx, [findRow(tx, id).startDate, startDate], 'sửa hoặc dời hoạt động');
      checkReferences(tx, input, startDate);
      tx.update(activities)
        .set({
          ...activityColumns(input, ctx.timeZone),
          updatedBy: actorIdOf(ctx),
          updatedAt: nowStored(),
          version,
        })
        .where(eq(activities.id, id))
        .run();
      writeLinks(tx, id, input, true);
    },
  });
}

/**
 * Soft delete (`deleted: true`) and restore: the row stays, hidden from lists while
 * deleted, and each move is versioned and audited like any other change.
 */
function setDeleted(
  ctx: ServiceContext,
  id: number,
  expected: number | undefined,
  deleted: boolean,
): Activity {
  return ctx.db.transaction((tx) => {
    const row = findRow(tx, id);
    assertVersion(row.version, expected, 'Hoạt động');
    if (Boolean(row.deletedAt) === deleted) {
      throw new AppError(
        'CONFLICT',
        deleted ? `Hoạt động ${id} đã bị xóa trước đó` : `Hoạt động ${id} chưa bị xóa`,
      );
    }
    const before = readOne(tx, id, ctx.timeZone);
    if (deleted) assertMayWriteActivity(ctx.actor, before, null);
    assertUnlocked(tx, [row.startDate], deleted ? 'xóa hoạt động' : 'khôi phục hoạt động');
    const now = nowStored();
    tx.update(activities)
      .set({
        deletedAt: deleted ? now : null,
        deletedBy: deleted ? actorIdOf(ctx) : null,
        updatedAt: now,
        updatedBy: actorIdOf(ctx),
        version: row.version + 1,
      })
      .where(eq(activities.id, id))
      .run();
    const after = readOne(tx, id, ctx.timeZone);
    const action = deleted ? 'delete' : 'restore';
    recordAudit(tx, ctx, { action, entityType: 'activity', entityId: id, before, after });
    return after;
  });
}

export function deleteActivity(ctx: ServiceContext, id: number, expected: number | undefined): Activity {
  return setDeleted(ctx, id, expected, true);
}

export function restoreActivity(ctx: ServiceContext, id: number, expected: number | undefined): Activity {
  return setDeleted(ctx, id, expected, false);
}
