// Results: what a held activity achieved, by indicator, in each indicator's own unit.
// Saving one marks the activity done; a coordinator accepts it or returns it with a note,
// and the author's next save sends it back for review. Rules that catch typing errors:
// only the indicators of the activity's type, a breakdown never above its parent, and
// figures far above the plan or the type's usual range need the author's confirmation.
import { and, desc, eq, isNull, ne, sql } from 'drizzle-orm';
import { activities, activityTypes, indicators, results } from '../../db/schema';
import type { ErrorDetail } from '../contracts/common';
import type { HeldActivity, HeldActivityInput } from '../contracts/held-activities';
import type { Result, ResultInput, ReviewInput } from '../contracts/results';
import { withinParent } from '../domain/indicators';
import { instantFromOffsetDateTime, storedNow, todayIn, toZonedIso } from '../domain/time';
import { fieldRefusal, invalidFields, notFound, refuse } from '../errors';
import { createActivity, readOne } from './activities';
import { actorIdOf, type ServiceContext, type Tx } from './context';
import { assertUnlocked } from './period-locks';
import { assertMayWriteResult } from './permissions';
import { auditedUpdate, auditedWrite } from './records';

type ResultRow = typeof results.$inferSelect;
type ActivityRow = typeof activities.$inferSelect;

/** A figure this many times the planned one is worth a second look... */
const planFactor = 3;
/** ...and so is one this many times the usual (median) figure of the same type... */
const usualFactor = 10;
/** ...once the type has this many results to know what usual is. */
const usualSamples = 5;

function toResult(row: ResultRow, timeZone: string): Result {
  return {
    activityId: row.activityId,
    values: row.values,
    notes: row.notes,
    links: row.links,
    actualStart: row.actualStartAt ? toZonedIso(row.actualStartAt, timeZone) : null,
    actualEnd: row.actualEndAt ? toZonedIso(row.actualEndAt, timeZone) : null,
    reviewStatus: row.reviewStatus,
    reviewNote: row.reviewNote,
    submittedBy: row.submittedBy,
    submittedAt: row.submittedAt,
    reviewedBy: row.reviewedBy,
    reviewedAt: row.reviewedAt,
    version: row.version,
  };
}

function findResultRow(tx: Tx, activityId: number): ResultRow | undefined {
  return tx.select().from(results).where(eq(results.activityId, activityId)).get();
}

function readResult(tx: Tx, activityId: number, timeZone: string): Result {
  const row = findResultRow(tx, activityId);
  if (!row) throw notFound('kết quả của hoạt động', activityId);
  return toResult(row, timeZone);
}

/** The activity a result belongs to: it must exist, not be deleted, and be open for writing. */
function activityRow(tx: Tx, activityId: number): ActivityRow {
  const row = tx.select().from(activities).where(eq(activities.id, activityId)).get();
  if (!row) throw notFound('hoạt động', activityId);
  if (row.deletedAt) throw refuse('CONFLICT', 'activity.deleted', { id: activityId });
  return row;
}

export function getResult(ctx: ServiceContext, activityId: number): Result {
  activityRow(ctx.db, activityId);
  return readResult(ctx.db, activityId, ctx.timeZone);
}

// ---------------------------------------------------------------- checks

/** Indicators of the activity's type only; a breakdown (`parentCode`) never above its parent. */
function figureErrors(tx: Tx, typeCode: string, values: Record<string, number>): ErrorDetail[] {
  const type = tx.select().from(activityTypes).where(eq(activityTypes.code, typeCode)).get();
  const allowed = new Set(type?.indicatorCodes ?? []);
  const catalogue = new Map(
    tx
      .select()
      .from(indicators)
      .all()
      .map((entry) => [entry.code, entry]),
  );
  const errors: ErrorDetail[] = [];
  for (const [code, value] of Object.entries(values)) {
    const indicator = catalogue.get(code);
    if (!indicator || !allowed.has(code)) {
      errors.push(
        fieldRefusal(`values.${code}`, 'figure.notOfType', {
          indicator: indicator?.name ?? code,
          indicatorEn: indicator?.nameEn || code,
          type: type?.name ?? typeCode,
          typeEn: type?.nameEn || typeCode,
        }),
      );
      continue;
    }
    const parent = indicator.parentCode ? catalogue.get(indicator.parentCode) : undefined;
    if (parent && !withinParent(values, code, parent.code)) {
      errors.push(
        fieldRefusal(`values.${code}`, 'figure.aboveParent', {
          indicator: indicator.name,
          indicatorEn: indicator.nameEn || indicator.name,
          value,
          parent: parent.name,
          parentEn: parent.nameEn || parent.name,
          parentValue: values[parent.code] ?? 0,
        }),
      );
    }
  }
  return errors;
}

/** How many of the type's latest results tell what is usual: recent practice, bounded work per save. */
const usualWindow = 500;

/** The median of a type's figures for one indicator in its latest other results, when there are enough. */
function usualFigure(tx: Tx, typeCode: string, activityId: number, code: string): number | undefined {
  const figure = sql<number>`json_extract(${results.values}, ${`$."${code}"`})`;
  const others = tx
    .select({ value: figure })
    .from(results)
    .innerJoin(activities, eq(activities.id, results.activityId))
    .where(
      and(
        eq(activities.typeCode, typeCode),
        ne(results.activityId, activityId),
        isNull(activities.deletedAt),
        sql`${figure} is not null`,
      ),
    )
    .orderBy(desc(results.activityId))
    .limit(usualWindow)
    .all()
    .map((row) => row.value)
    .sort((a, b) => a - b);
  if (others.length < usualSamples) return undefined;
  return others[Math.floor(others.length / 2)];
}

/** Figures plausible but unusual: far above the plan, or far above what the type usually gets. */
function unusualFigures(tx: Tx, activity: ActivityRow, values: Record<string, number>): ErrorDetail[] {
  const warnings: ErrorDetail[] = [];
  for (const [code, value] of Object.entries(values)) {
    const planned = activity.expected[code];
    if (planned !== undefined && planned > 0 && value > planned * planFactor) {
      warnings.push(fieldRefusal(`values.${code}`, 'figure.abovePlan', { value, planned }));
      continue;
    }
    const usual = usualFigure(tx, activity.typeCode, activity.id, code);
    if (usual !== undefined && usual > 0 && value > usual * usualFactor) {
      warnings.push(fieldRefusal(`values.${code}`, 'figure.aboveUsual', { value, usual }));
    }
  }
  return warnings;
}

function assertHeld(activity: ActivityRow, ctx: ServiceContext): void {
  if (activity.status === 'cancelled') {
    throw refuse('CONFLICT', 'result.cancelled');
  }
  if (activity.startDate > todayIn(ctx.timeZone, ctx.now)) {
    throw refuse('CONFLICT', 'result.notYet');
  }
}

// ---------------------------------------------------------------- writing

/** Marks the activity done while `alongside` (saving its result) runs in the same audited change. */
function markDoneWith<T>(
  ctx: ServiceContext,
  activityId: number,
  alongside: (writer: ServiceContext) => T,
): T {
  let done: T | undefined;
  auditedUpdate(ctx, {
    entityType: 'activity',
    label: 'Hoạt động',
    id: activityId,
    expected: undefined,
    read: (tx, id) => readOne(tx, id, ctx),
    apply: (tx, _before, version) => {
      done = alongside({ ...ctx, db: tx as unknown as ServiceContext['db'] });
      tx.update(activities)
        .set({ status: 'done', version, updatedAt: storedNow(ctx.now), updatedBy: actorIdOf(ctx) })
        .where(eq(activities.id, activityId))
        .run();
    },
  });
  if (done === undefined) throw new Error('the result was not saved with its activity');
  return done;
}

/** The figures' rules, before anything is written: a refusal names every wrong figure at once. */
function checkFigures(tx: Tx, activity: ActivityRow, input: ResultInput): void {
  const errors = figureErrors(tx, activity.typeCode, input.values);
  if (errors.length > 0) throw invalidFields(errors);
  if (input.confirm) return;
  const warnings = unusualFigures(tx, activity, input.values);
  if (warnings.length > 0) {
    throw refuse('NEEDS_CONFIRMATION', 'figures.unusual', {}, warnings);
  }
}

/** Creates or replaces the result; a replaced one goes back for review. */
export function saveResult(
  ctx: ServiceContext,
  activityId: number,
  input: ResultInput,
  expected: number | undefined,
): Result {
  return ctx.db.transaction((tx) => {
    // The result and the activity it marks done are two audited changes of one transaction.
    const inner: ServiceContext = { ...ctx, db: tx as unknown as ServiceContext['db'] };
    const activity = activityRow(tx, activityId);
    assertMayWriteResult(ctx.actor, readOne(tx, activityId, ctx));
    assertUnlocked(tx, [activity.startDate], 'báo cáo kết quả hoạt động');
    assertHeld(activity, ctx);
    const existing = findResultRow(tx, activityId);
    const save = (writer: ServiceContext) =>
      auditedWrite<Result>(writer, {
        action: existing ? 'update' : 'create',
        entityType: 'result',
        // A stale correction is refused before its figures are judged: they may already be moot.
        // If-Match "0" says "I saw no result": a first result someone else saved meanwhile is
        // not overwritten.
        label: 'Kết quả',
        key: activityId,
        expected,
        read: (reading, id) => {
          const row = findResultRow(reading, id);
          return row ? toResult(row, ctx.timeZone) : null;
        },
        write: (writing, _before, version) => {
          checkFigures(writing, activity, input);
          const columns = {
            values: input.values,
            notes: input.notes ?? '',
            links: input.links ?? [],
            actualStartAt: input.actualStart ? instantFromOffsetDateTime(input.actualStart) : null,
            actualEndAt: input.actualEnd ? instantFromOffsetDateTime(input.actualEnd) : null,
            reviewStatus: 'submitted' as const,
            reviewNote: '',
            submittedBy: actorIdOf(ctx),
            submittedAt: storedNow(ctx.now),
            reviewedBy: null,
            reviewedAt: null,
          };
          if (existing) {
            writing
              .update(results)
              .set({ ...columns, version, updatedAt: storedNow(ctx.now) })
              .where(eq(results.activityId, activityId))
              .run();
          } else {
            writing
              .insert(results)
              .values({ activityId, ...columns })
              .run();
          }
          return activityId;
        },
      });

    // A result means the activity was held: saving the first one marks it done, an activity
    // change audited from how it stood before the result to how it stands with it.
    const saved =
      activity.status === 'done' ? save(inner) : markDoneWith(inner, activityId, (writer) => save(writer));
    if (!saved) throw notFound('kết quả của hoạt động', activityId);
    return saved;
  });
}

/** A coordinator accepts a submitted result, or returns it (submitted or accepted) with a note. */
export function reviewResult(
  ctx: ServiceContext,
  activityId: number,
  input: ReviewInput,
  expected: number | undefined,
): Result {
  const reviewed = auditedWrite<Result>(ctx, {
    action: 'update',
    entityType: 'result',
    label: 'Kết quả',
    key: activityId,
    expected,
    read: (tx, id) => {
      activityRow(tx, id);
      return readResult(tx, id, ctx.timeZone);
    },
    write: (tx, before, version) => {
      assertUnlocked(tx, [activityRow(tx, activityId).startDate], 'duyệt kết quả hoạt động');
      const status = before?.reviewStatus;
      const allowedFrom = input.decision === 'accept' ? ['submitted'] : ['submitted', 'accepted'];
      if (!status || !allowedFrom.includes(status)) {
        throw refuse('CONFLICT', status === 'returned' ? 'result.alreadyReturned' : 'result.alreadyAccepted');
      }
      tx.update(results)
        .set({
          reviewStatus: input.decision === 'accept' ? 'accepted' : 'returned',
          reviewNote: input.decision === 'return' ? (input.note ?? '') : '',
          reviewedBy: actorIdOf(ctx),
          reviewedAt: storedNow(ctx.now),
          version,
          updatedAt: storedNow(ctx.now),
        })
        .where(eq(results.activityId, activityId))
        .run();
      return activityId;
    },
  });
  if (!reviewed) throw notFound('kết quả của hoạt động', activityId);
  return reviewed;
}

/**
 * Logs an unplanned event (or a published media item) in one step: the activity is created
 * as done and its result saved in the same transaction, so that a refusal of either (a
 * figure out of range, a locked period) leaves nothing behind.
 */
export function logHeldActivity(ctx: ServiceContext, input: HeldActivityInput): HeldActivity {
  return ctx.db.transaction((tx) => {
    // The services open their own transactions; inside this one they become savepoints.
    const inner: ServiceContext = { ...ctx, db: tx as unknown as ServiceContext['db'] };
    const created = createActivity(inner, { ...input.activity, status: 'done', statusNote: '' });
    const result = saveResult(inner, created.id, input.result, undefined);
    return { activity: readOne(tx, created.id, ctx), result };
  });
}
