// Period locks: once a reporting period is approved, the activities that start inside it
// (by their local start date, the same rule as the reports) and their results are
// read-only until a coordinator unlocks it. Every guarded write asks `assertUnlocked`.
import { and, asc, count, eq, gte, isNull, lte, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { periodLocks } from '../../db/schema';
import type { PeriodLock, PeriodLockInput, PeriodLockQuery } from '../contracts/period-locks';
import { storedNow, vietnameseDate } from '../domain/time';
import { notFound, refuse } from '../errors';
import { actorIdOf, type ServiceContext, type Tx } from './context';
import { page } from './lists';
import { auditedCreate, auditedWrite } from './records';

type LockRow = typeof periodLocks.$inferSelect;

const toLock = (row: LockRow): PeriodLock => ({ ...row });

/** The lock in force on a local date, if any. */
function lockOn(tx: Tx, date: string): LockRow | undefined {
  return tx
    .select()
    .from(periodLocks)
    .where(
      and(isNull(periodLocks.unlockedAt), lte(periodLocks.startDate, date), gte(periodLocks.endDate, date)),
    )
    .get();
}

/** Whether a local date lies in a locked period: a series edit leaves such occurrences alone. */
export function isLocked(tx: Tx, date: string): boolean {
  return lockOn(tx, date) !== undefined;
}

/**
 * Refuses a write that touches a locked period: `dates` are the local start dates the
 * record has before and after the change, so that nothing moves into or out of a lock.
 */
export function assertUnlocked(tx: Tx, dates: (string | undefined)[], what: string): void {
  for (const date of dates) {
    if (!date) continue;
    const lock = lockOn(tx, date);
    if (lock) {
      throw refuse('PERIOD_LOCKED', 'period.locked', {
        start: vietnameseDate(lock.startDate),
        end: vietnameseDate(lock.endDate),
        what,
        date: vietnameseDate(date),
      });
    }
  }
}

export function listPeriodLocks(ctx: ServiceContext, query: z.infer<typeof PeriodLockQuery>) {
  const where: SQL | undefined =
    query.includeUnlocked === 'true' ? undefined : isNull(periodLocks.unlockedAt);
  const rows = ctx.db
    .select()
    .from(periodLocks)
    .where(where)
    .orderBy(asc(periodLocks.startDate), asc(periodLocks.id))
    .limit(query.limit)
    .offset(query.offset)
    .all();
  const total = ctx.db.select({ n: count() }).from(periodLocks).where(where).get()?.n ?? 0;
  return page(rows.map(toLock), total, query);
}

function readLock(tx: Tx, id: number): PeriodLock {
  const row = tx.select().from(periodLocks).where(eq(periodLocks.id, id)).get();
  if (!row) throw notFound('khóa kỳ', id);
  return toLock(row);
}

export function createPeriodLock(ctx: ServiceContext, input: PeriodLockInput): PeriodLock {
  return auditedCreate(
    ctx,
    'period_lock',
    (tx) =>
      tx
        .insert(periodLocks)
        .values({
          startDate: input.startDate,
          endDate: input.endDate,
          note: input.note ?? '',
          createdBy: actorIdOf(ctx),
        })
        .returning({ id: periodLocks.id })
        .get().id,
    readLock,
  );
}

/** Lifts a lock. The row stays with who lifted it and when; the audit row says the same. */
export function unlockPeriod(ctx: ServiceContext, id: number): PeriodLock {
  const unlocked = auditedWrite<PeriodLock>(ctx, {
    action: 'delete',
    entityType: 'period_lock',
    key: id,
    read: readLock,
    write: (tx, before) => {
      if (before?.unlockedAt) throw refuse('CONFLICT', 'period.alreadyUnlocked', { id });
      tx.update(periodLocks)
        .set({ unlockedAt: storedNow(ctx.now), unlockedBy: actorIdOf(ctx) })
        .where(eq(periodLocks.id, id))
        .run();
      return id;
    },
  });
  if (!unlocked) throw notFound('khóa kỳ', id);
  return unlocked;
}
