// Results: what a held activity achieved, by indicator, in each indicator's own unit.
// Saving one marks the activity done; a coordinator accepts it or returns it with a note,
// and the author's next save sends it back for review. Rules that catch typing errors:
// only the indicators of the activity's type, a breakdown never above its parent, and
// figures far above the plan or the type's usual range need the author's confirmation.
import { and, desc, eq, isNull, ne, sql } from 'drizzle-orm';
import { activities, activityTypes, indicators, results } from '../../db/schema';
import type { Activity } from '../contracts/activities';
import type { ErrorDetail } from '../contracts/common';
import type { HeldActivity, HeldActivityInput } from '../contracts/held-activities';
import type { Result, ResultInput, ReviewInput } from '../contracts/results';
import { AppError, invalidFields, notFound } from '../errors';
import { createActivity, readOne } from './activities';
import { recordAudit } from './audit';
import { actorIdOf, type ServiceContext, type Tx } from './context';
import { assertUnlocked } from './period-locks';
import { assertMayWriteResult } from './permissions';
import { instantFromOffsetDateTime, nowStored, todayIn, toZonedIso } from './time';
import { assertVersion } from './versions';

type ResultRow = typeof results.$inferSelect;
type ActivityRow = typeof activities.$inferSelect;

/** A figure this many times the planned one is worth a second look... */
const planFactor = 3;
/** ...and so is one this many times the usual (median) figure of the same type... */
const usualFactor = 10;
/** ...once the type has this many results to know what usual is. */
const usualSamples = 5;

const numbers = new Intl.NumberFormat('vi-VN');

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
  if (row.deletedAt) throw new AppError('CONFLICT', `Hoạt động ${activityId} đã bị xóa`);
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
      errors.push({
        path: `values.${code}`,
        message: `Chỉ tiêu “${indicator?.name ?? code}” không thuộc loại hoạt động “${type?.name ?? typeCode}”`,
      });
      continue;
    }
    const parent = indicator.parentCode ? catalogue.get(indicator.parentCode) : undefined;
    if (parent && value > (values[parent.code] ?? 0)) {
      errors.push({
        path: `values.${code}`,
        message:
          `“${indicator.name}” (${numbers.format(value)}) không thể lớn hơn “${parent.name}” ` +
          `(${numbers.format(values[parent.code] ?? 0)})`,
      });
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
      warnings.push({
        path: `values.${code}`,
        message: `${numbers.format(value)} cao hơn nhiều so với kế hoạch (${numbers.format(planned)}): vui lòng kiểm tra lại`,
      });
      continue;
    }
    const usual = usualFigure(tx, activity.typeCode, activity.id, code);
    if (usual !== undefined && usual > 0 && value > usual * usualFactor) {
      warnings.push({
        path: `values.${code}`,
        message: `${numbers.format(value)} cao hơn nhiều so với mức thường gặp của loại hoạt động này (khoảng ${numbers.format(usual)}): vui lòng kiểm tra lại`,
      });
    }
  }
  return warnings;
}

function assertHeld(activity: ActivityRow, timeZone: string): void {
  if (activity.status === 'cancelled') {
    throw new AppError(
      'CONFLICT',
      'Hoạt động đã hủy: không thể báo cáo kết quả. Hãy đổi trạng thái trước nếu thực tế vẫn tổ chức',
    );
  }
  if (activity.startDate > todayIn(timeZone)) {
    throw new AppError('CONFLICT', 'Hoạt động chưa diễn ra: chỉ báo cáo kết quả từ ngày bắt đầu');
  }
}

// ---------------------------------------------------------------- writing

/**
 * Marks the activity done (a result means it was held), audited as an activity change
 * from how it stood before the result was saved.
 */
function markDone(ctx: ServiceContext, tx: Tx, activity: ActivityRow, before: Activity): void {
  if (activity.status === 'done') return;
  tx.update(activities)
    .set({ status: 'done', version: activity.version + 1, updatedAt: nowStored(), updatedBy: actorIdOf(ctx) })
    .where(eq(activities.id, activity.id))
    .run();
  const after = readOne(tx, activity.id, ctx.timeZone);
  recordAudit(tx, ctx, { action: 'update', entityType: 'activity', entityId: activity.id, before, after });
}

/** Creates or replaces the result; a replaced one goes back for review. */
export function saveResult(
  ctx: ServiceContext,
  activityId: number,
  input: ResultInput,
  expected: number | undefined,
): Result {
  return ctx.db.transaction((tx) => {
    const activity = activityRow(tx, activityId);
    // As it stands before this result: who may log it, and the audit's "before" of marking it done.
    const activityBefore = readOne(tx, activityId, ctx.timeZone);
    assertMayWriteResult(ctx.actor, activityBefore);
    assertUnlocked(tx, [activity.startDate], 'báo cáo kết quả hoạt động');
    assertHeld(activity, ctx.timeZone);
    const existing = findResultRow(tx, activityId);
    // A stale correction is refused before its figures are judged: they may already be moot.
    // If-Match "0" says "I saw no result": a first result someone else saved meanwhile is
    // not overwritten.
    assertVersion(existing?.version ?? 0, expected, 'Kết quả');
    const errors = figureErrors(tx, activity.typeCode, input.values);
    if (errors.length > 0) throw invalidFields(errors);
    if (!input.confirm) {
      const warnings = unusualFigures(tx, activity, input.values);
      if (warnings.length > 0) {
        throw new AppError(
          'NEEDS_CONFIRMATION',
          'Một số số liệu cao bất thường. Kiểm tra lại; nếu đúng, hãy xác nhận để lưu.',
          warnings,
        );
      }
    }

    const columns = {
      values: input.values,
      notes: input.notes ?? '',
      links: input.links ?? [],
      actualStartAt: input.actualStart ? instantFromOffsetDateTime(input.actualStart) : null,
      actualEndAt: input.actualEnd ? instantFromOffsetDateTime(input.actualEnd) : null,
      reviewStatus: 'submitted' as const,
      reviewNote: '',
      submittedBy: actorIdOf(ctx),
      submittedAt: nowStored(),
      reviewedBy: null,
      reviewedAt: null,
    };
    if (existing) {
      const before = toResult(existing, ctx.timeZone);
      tx.update(results)
        .set({ ...columns, version: existing.version + 1, updatedAt: nowStored() })
        .where(eq(results.activityId, activityId))
        .run();
      const after = readResult(tx, activityId, ctx.timeZone);
      recordAudit(tx, ctx, { action: 'update', entityType: 'result', entityId: activityId, before, after });
    } else {
      tx.insert(results)
        .values({ activityId, ...columns })
        .run();
      const after = readResult(tx, activityId, ctx.timeZone);
      recordAudit(tx, ctx, {
        action: 'create',
        entityType: 'result',
        entityId: activityId,
        before: null,
        after,
      });
    }
    markDone(ctx, tx, activity, activityBefore);
    return readResult(tx, activityId, ctx.timeZone);
  });
}

/** A coordinator accepts a submitted result, or returns it (submitted or accepted) with a note. */
export function reviewResult(
  ctx: ServiceContext,
  activityId: number,
  input: ReviewInput,
  expected: number | undefined,
): Result {
  return ctx.db.transaction((tx) => {
    const activity = activityRow(tx, activityId);
    const row = findResultRow(tx, activityId);
    if (!row) throw notFound('kết quả của hoạt động', activityId);
    assertVersion(row.version, expected, 'Kết quả');
    assertUnlocked(tx, [activity.startDate], 'duyệt kết quả hoạt động');
    const allowedFrom = input.decision === 'accept' ? ['submitted'] : ['submitted', 'accepted'];
    if (!allowedFrom.includes(row.reviewStatus)) {
      throw new AppError(
        'CONFLICT',
        row.reviewStatus === 'returned'
          ? 'Kết quả đã được trả lại; chờ người báo cáo gửi lại'
          : 'Kết quả đã được chấp nhận trước đó',
      );
    }
    const before = toResult(row, ctx.timeZone);
    tx.update(results)
      .set({
        reviewStatus: input.decision === 'accept' ? 'accepted' : 'returned',
        reviewNote: input.decision === 'return' ? (input.note ?? '') : '',
        reviewedBy: actorIdOf(ctx),
        reviewedAt: nowStored(),
        version: row.version + 1,
        updatedAt: nowStored(),
      })
      .where(eq(results.activityId, activityId))
      .run();
    const after = readResult(tx, activityId, ctx.timeZone);
    recordAudit(tx, ctx, { action: 'update', entityType: 'result', entityId: activityId, before, after });
    return after;
  });
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
    return { activity: readOne(tx, created.id, ctx.timeZone), result };
  });
}
