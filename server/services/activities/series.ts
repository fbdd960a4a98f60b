// Recurring series (issue 12 point 3, DESIGN §4.1). A series is a rule and its occurrences,
// each an activity of its own (its own result, its own versions and audit rows). Creating
// one creates every occurrence in one transaction; a change or a delete "this one",
// "this and following" or "all" reaches the occurrences of that scope, except those a
// series edit must never touch: one with a result, one in a locked period, and (for the
// others than the one edited) one that was changed alone before, "detached".
import { and, asc, eq, gte, isNull } from 'drizzle-orm';
import { activities, activitySeries } from '../../../db/schema';
import type {
  Activity,
  ActivityChanged,
  ActivityCreateInput,
  ActivityInput,
  ActivityPatch,
  SeriesCreated,
  SeriesOutcome,
  SeriesScope,
} from '../../contracts/activities';
import { expandRecurrence } from '../../domain/recurrence';
import { daysBetween, shiftByLocalDays } from '../../domain/time';
import { invalidField } from '../../errors';
import { actorIdOf, type ServiceContext, type Tx } from '../context';
import { isLocked } from '../period-locks';
import { auditedCreate } from '../records';
import { assertVersion } from '../versions';
import { findRow, readOne } from './read';
import { storedTimes } from './times';
import { createActivity, deleteActivity, mergePatch, updateActivity } from './writes';

type Recurrence = NonNullable<ActivityCreateInput['recurrence']>;

/** The series row as its audit row shows it. */
function readSeries(tx: Tx, id: number) {
  return tx.select().from(activitySeries).where(eq(activitySeries.id, id)).get() ?? null;
}

/** The first activity moved to an occurrence's date, keeping its time of day and its length. */
function occurrenceOf(first: ActivityInput, days: number, timeZone: string): ActivityInput {
  return {
    ...first,
    start: shiftByLocalDays(first.start, days, timeZone),
    ...(first.end === undefined ? {} : { end: shiftByLocalDays(first.end, days, timeZone) }),
  };
}

/** Creates the series and every occurrence, or nothing (a refused occurrence refuses it all). */
export function createSeries(
  ctx: ServiceContext,
  input: ActivityCreateInput,
  rule: Recurrence,
): SeriesCreated {
  const { recurrence: _rule, ...first } = input;
  const firstDate = storedTimes(first, ctx.timeZone).startDate;
  const expansion = expandRecurrence(firstDate, rule);
  if ('refused' in expansion) {
    const path = rule.count !== undefined ? 'recurrence.count' : 'recurrence.until';
    throw invalidField(path, expansion.refused === 'tooMany' ? 'series.tooMany' : 'series.none');
  }
  return ctx.db.transaction(() => {
    const series = auditedCreate(
      ctx,
      'activity_series',
      (tx) =>
        tx
          .insert(activitySeries)
          .values({ recurrence: rule, createdBy: actorIdOf(ctx) })
          .returning({ id: activitySeries.id })
          .get().id,
      readSeries,
    );
    if (!series) throw new Error('activity_series: the row written cannot be read back');
    const items = expansion.dates.map((date, position) =>
      createActivity(ctx, occurrenceOf(first, daysBetween(firstDate, date), ctx.timeZone), {
        seriesId: series.id,
        seriesPosition: position,
      }),
    );
    return { seriesId: series.id, items };
  });
}

/** The live occurrences a scope reaches from the one at `position`, in series order. */
function membersOf(tx: Tx, seriesId: number, position: number, scope: 'following' | 'all'): number[] {
  return tx
    .select({ id: activities.id })
    .from(activities)
    .where(
      and(
        eq(activities.seriesId, seriesId),
        isNull(activities.deletedAt),
        scope === 'following' ? gte(activities.seriesPosition, position) : undefined,
      ),
    )
    .orderBy(asc(activities.seriesPosition), asc(activities.id))
    .all()
    .map((row) => row.id);
}

type Skip = SeriesOutcome['skipped'][number]['reason'];

/** Why a series edit must leave an occurrence alone, if it must. */
function skipReason(member: Activity, isTarget: boolean, dates: string[], tx: Tx): Skip | null {
  if (member.resultStatus !== null) return 'result';
  if (dates.some((date) => isLocked(tx, date))) return 'locked';
  if (member.seriesDetached && !isTarget) return 'detached';
  return null;
}

const timeKeys = ['start', 'end', 'allDay'] as const;

/**
 * The patch as one occurrence takes it. A change of times moves every occurrence as the
 * edited one moves: each gets the edited one's new times shifted by the days between the
 * two, so a Friday series dragged to Saturday is on Saturdays, at the new hour.
 */
function patchFor(
  patch: ActivityPatch,
  target: Activity,
  moved: ActivityInput,
  member: Activity,
  timeZone: string,
): ActivityPatch {
  const { version: _version, ...changes } = patch;
  if (!timeKeys.some((key) => changes[key] !== undefined)) return changes;
  const days = daysBetween(target.start.slice(0, 10), member.start.slice(0, 10));
  const shifted: ActivityPatch = { ...changes, start: shiftByLocalDays(moved.start, days, timeZone) };
  if (moved.end !== undefined) shifted.end = shiftByLocalDays(moved.end, days, timeZone);
  else delete shifted.end;
  return shifted;
}

/**
 * The local start date a patched occurrence would have (its lock matters as much as the old
 * one's): patchFor writes a start in the zone, whose first ten characters are its local date.
 */
function newStartDate(member: Activity, patch: ActivityPatch): string {
  return (patch.start ?? member.start).slice(0, 10);
}

type SeriesChange = {
  scope: 'following' | 'all';
  /** The write for one occurrence, given its patch when there is one. */
  apply: (member: Activity, isTarget: boolean) => void;
  /** The local dates a change of this occurrence touches (before and after a move). */
  datesOf: (member: Activity) => string[];
};

/** Runs a series change over its occurrences in one transaction, and says what it did. */
function eachOccurrence(
  ctx: ServiceContext,
  id: number,
  expected: number | undefined,
  change: SeriesChange,
): ActivityChanged {
  return ctx.db.transaction((tx) => {
    const target = readOne(tx, id, ctx);
    // The writer's version guards the whole edit, even when the edited one is left alone.
    assertVersion(target.version, expected, 'Hoạt động');
    const row = findRow(tx, id);
    const outcome: SeriesOutcome = { updated: [], skipped: [] };
    for (const memberId of membersOf(tx, row.seriesId ?? 0, row.seriesPosition ?? 0, change.scope)) {
      const member = memberId === id ? target : readOne(tx, memberId, ctx);
      const reason = skipReason(member, memberId === id, change.datesOf(member), tx);
      if (reason) {
        outcome.skipped.push({ id: memberId, start: member.start, reason });
        continue;
      }
      change.apply(member, memberId === id);
      outcome.updated.push(memberId);
    }
    return { ...readOne(tx, id, ctx), series: outcome };
  });
}

/** A change of an activity; of a series occurrence, of the occurrences `scope` names. */
export function updateInSeries(
  ctx: ServiceContext,
  id: number,
  patch: ActivityPatch,
  expected: number | undefined,
  scope: SeriesScope | undefined,
): ActivityChanged {
  const row = findRow(ctx.db, id);
  if (row.seriesId === null || scope === undefined || scope === 'this') {
    const updated = updateActivity(ctx, id, patch, expected);
    return row.seriesId !== null && scope ? { ...updated, series: { updated: [id], skipped: [] } } : updated;
  }
  const target = readOne(ctx.db, id, ctx);
  // The edited occurrence's new times, which the others follow (see patchFor).
  const moved = mergePatch(target, patch);
  const patches = new Map<number, ActivityPatch>();
  const patchOf = (member: Activity) => {
    const known = patches.get(member.id);
    if (known) return known;
    const made = patchFor(patch, target, moved, member, ctx.timeZone);
    patches.set(member.id, made);
    return made;
  };
  return eachOccurrence(ctx, id, expected, {
    scope,
    datesOf: (member) => [member.start.slice(0, 10), newStartDate(member, patchOf(member))],
    apply: (member) => {
      updateActivity(ctx, member.id, patchOf(member), undefined, true);
    },
  });
}

/** A soft delete; of a series occurrence, of the occurrences `scope` names. */
export function deleteInSeries(
  ctx: ServiceContext,
  id: number,
  expected: number | undefined,
  scope: SeriesScope | undefined,
): ActivityChanged {
  const row = findRow(ctx.db, id);
  if (row.seriesId === null || scope === undefined || scope === 'this') {
    const deleted = deleteActivity(ctx, id, expected);
    return row.seriesId !== null && scope ? { ...deleted, series: { updated: [id], skipped: [] } } : deleted;
  }
  return eachOccurrence(ctx, id, expected, {
    scope,
    datesOf: (member) => [member.start.slice(0, 10)],
    apply: (member) => {
      deleteActivity(ctx, member.id, undefined);
    },
  });
}
