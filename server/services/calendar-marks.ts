// Busy periods (exams, festivals) marked on the calendar, and the planning hints built from
// them and from the activities already placed: a hint tells the planner, it never refuses.
import { and, asc, count, eq, gt, gte, inArray, isNull, lt, lte, ne, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { activities, activityTargetGroups, activityUnits, calendarMarks, units } from '../../db/schema';
import type {
  CalendarMark,
  CalendarMarkInput,
  CalendarMarkPatch,
  CalendarMarkQuery,
  PlanningHint,
  PlanningHintQuery,
} from '../contracts/calendar-marks';
import { addDays, startOfLocalDay, storedNow } from '../domain/time';
import { fieldRefusal, invalidFields, notFound } from '../errors';
import { actorIdOf, type ServiceContext, type Tx } from './context';
import { page } from './lists';
import { auditedCreate, auditedUpdate } from './records';
import { invalidUnits } from './references';

type MarkRow = typeof calendarMarks.$inferSelect;

const toMark = ({ updatedAt: _updated, createdAt: _created, ...row }: MarkRow): CalendarMark => row;

/** Marks whose days overlap [from, to] (inclusive dates); either end may be open. */
function overlapping(from: string | undefined, to: string | undefined): SQL[] {
  return [
    isNull(calendarMarks.deletedAt),
    ...(to ? [lte(calendarMarks.startDate, to)] : []),
    ...(from ? [gte(calendarMarks.endDate, from)] : []),
  ];
}

export function listCalendarMarks(ctx: ServiceContext, query: z.infer<typeof CalendarMarkQuery>) {
  const where = and(...overlapping(query.from, query.to));
  const rows = ctx.db
    .select()
    .from(calendarMarks)
    .where(where)
    .orderBy(asc(calendarMarks.startDate), asc(calendarMarks.id))
    .limit(query.limit)
    .offset(query.offset)
    .all();
  const total = ctx.db.select({ n: count() }).from(calendarMarks).where(where).get()?.n ?? 0;
  return page(rows.map(toMark), total, query);
}

/** A mark as the API shows it; a deleted one only when asked (the delete's own answer). */
function readMark(tx: Tx, id: number, withDeleted = false): CalendarMark {
  const row = tx.select().from(calendarMarks).where(eq(calendarMarks.id, id)).get();
  if (!row || (row.deletedAt && !withDeleted)) throw notFound('đánh dấu lịch', id);
  return toMark(row);
}

/** A mark's unit must exist (a mark may outlive the unit's validity: festivals recur). */
function checkUnit(tx: Tx, unitId: number | null | undefined): void {
  if (!unitId) return;
  const problems = invalidUnits(tx, 'unitId', [unitId], undefined, false);
  if (problems.length > 0) throw invalidFields(problems);
}

export function createCalendarMark(ctx: ServiceContext, input: CalendarMarkInput): CalendarMark {
  return auditedCreate(
    ctx,
    'calendar_mark',
    (tx) => {
      checkUnit(tx, input.unitId);
      return tx
        .insert(calendarMarks)
        .values({ ...input, unitId: input.unitId ?? null, createdBy: actorIdOf(ctx) })
        .returning({ id: calendarMarks.id })
        .get().id;
    },
    (tx, id) => readMark(tx, id),
  );
}

export function updateCalendarMark(
  ctx: ServiceContext,
  id: number,
  patch: CalendarMarkPatch,
  expected: number | undefined,
): CalendarMark {
  const { version: _version, ...changes } = patch;
  return auditedUpdate(ctx, {
    entityType: 'calendar_mark',
    label: 'Đánh dấu lịch',
    id,
    expected,
    read: (tx, markId) => readMark(tx, markId),
    apply: (tx, before, version) => {
      checkUnit(tx, changes.unitId);
      if ((changes.endDate ?? before.endDate) < (changes.startDate ?? before.startDate)) {
        throw invalidFields([fieldRefusal('endDate', 'range.endDate')]);
      }
      tx.update(calendarMarks)
        .set({ ...changes, version, updatedAt: storedNow(ctx.now) })
        .where(eq(calendarMarks.id, id))
        .run();
    },
  });
}

export function deleteCalendarMark(ctx: ServiceContext, id: number): CalendarMark {
  return auditedUpdate(ctx, {
    action: 'delete',
    entityType: 'calendar_mark',
    label: 'Đánh dấu lịch',
    id,
    expected: undefined,
    read: (tx, markId) => readMark(tx, markId, true),
    apply: (tx, before, version) => {
      if (before.deletedAt) throw notFound('đánh dấu lịch', id);
      const now = storedNow(ctx.now);
      tx.update(calendarMarks)
        .set({ deletedAt: now, version, updatedAt: now })
        .where(eq(calendarMarks.id, id))
        .run();
    },
  });
}

/** The units an activity is held in and every unit above them: a district's festival covers its communes. */
function withAncestors(tx: Tx, unitIds: readonly number[]): number[] {
  const seen = new Set<number>(unitIds);
  let frontier = [...unitIds];
  // Units nest province > district > commune: a few rounds at most, bounded against a loop.
  for (let depth = 0; depth < 5 && frontier.length > 0; depth += 1) {
    const parents = tx
      .select({ parentId: units.parentId })
      .from(units)
      .where(inArray(units.id, frontier))
      .all()
      .flatMap((row) => (row.parentId && !seen.has(row.parentId) ? [row.parentId] : []));
    for (const id of parents) seen.add(id);
    frontier = parents;
  }
  return [...seen];
}

/** Marked weeks overlapping the activity's days, for the whole province or a unit it is held in. */
function busyWeeks(tx: Tx, query: PlanningHintQuery): PlanningHint[] {
  const unitIds = withAncestors(tx, query.unitIds ?? []);
  const where = [
    ...overlapping(query.startDate, query.endDate),
    unitIds.length > 0
      ? or(isNull(calendarMarks.unitId), inArray(calendarMarks.unitId, unitIds))
      : isNull(calendarMarks.unitId),
  ];
  return tx
    .select()
    .from(calendarMarks)
    .where(and(...where))
    .orderBy(asc(calendarMarks.startDate))
    .limit(20)
    .all()
    .map((row) => ({ kind: 'busy_week' as const, mark: toMark(row) }));
}

/**
 * Other activities on the same local days, in one of the same units, for one of the same
 * target groups: the same people would be asked to come twice. Cancelled ones do not count.
 */
function sameAudience(ctx: ServiceContext, query: PlanningHintQuery): PlanningHint[] {
  const unitIds = query.unitIds ?? [];
  const groups = query.targetGroupCodes ?? [];
  if (unitIds.length === 0 || groups.length === 0) return [];
  const from = startOfLocalDay(query.startDate, ctx.timeZone);
  const until = startOfLocalDay(addDays(query.endDate, 1), ctx.timeZone);
  const rows = ctx.db
    .selectDistinct({
      id: activities.id,
      title: activities.title,
      startDate: activities.startDate,
      leadAgencyId: activities.leadAgencyId,
    })
    .from(activities)
    .innerJoin(activityUnits, eq(activityUnits.activityId, activities.id))
    .innerJoin(activityTargetGroups, eq(activityTargetGroups.activityId, activities.id))
    .where(
      and(
        isNull(activities.deletedAt),
        ne(activities.status, 'cancelled'),
        lt(activities.startAt, until),
        gt(activities.endAt, from),
        inArray(activityUnits.unitId, [...unitIds]),
        inArray(activityTargetGroups.targetGroupCode, [...groups]),
        ...(query.excludeId ? [ne(activities.id, query.excludeId)] : []),
      ),
    )
    .orderBy(asc(activities.startAt))
    .limit(10)
    .all();
  return rows.map((activity) => ({
    kind: 'same_audience' as const,
    activity,
    unitIds: sharedUnits(ctx.db, activity.id, unitIds),
    targetGroupCodes: sharedGroups(ctx.db, activity.id, groups),
  }));
}

function sharedUnits(tx: Tx, activityId: number, wanted: readonly number[]): number[] {
  return tx
    .select({ id: activityUnits.unitId })
    .from(activityUnits)
    .where(eq(activityUnits.activityId, activityId))
    .all()
    .map((row) => row.id)
    .filter((id) => wanted.includes(id));
}

function sharedGroups(tx: Tx, activityId: number, wanted: readonly string[]): string[] {
  return tx
    .select({ code: activityTargetGroups.targetGroupCode })
    .from(activityTargetGroups)
    .where(eq(activityTargetGroups.activityId, activityId))
    .all()
    .map((row) => row.code)
    .filter((code) => wanted.includes(code));
}

/** What the planner should know before placing an activity on these days, in these units. */
export function planningHints(ctx: ServiceContext, query: PlanningHintQuery): { hints: PlanningHint[] } {
  return { hints: [...busyWeeks(ctx.db, query), ...sameAudience(ctx, query)] };
}
