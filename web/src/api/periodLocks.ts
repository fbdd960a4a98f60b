// Period locks: an approved reporting period whose activities and results are read-only
// until a coordinator unlocks it. An unlocked lock stays on record (who lifted it, when).
import {
  type PeriodLock,
  type PeriodLockInput,
  periodLockEndpoints,
} from '../../../server/contracts/period-locks';
import { call } from './client';

export type { PeriodLock, PeriodLockInput };

/** The locks in force, or every lock ever made with `includeUnlocked`; a province has a few a year. */
export async function listPeriodLocks(
  options: { includeUnlocked?: boolean; signal?: AbortSignal | undefined } = {},
): Promise<PeriodLock[]> {
  const page = await call(periodLockEndpoints.list, {
    query: { limit: 1000, includeUnlocked: options.includeUnlocked ? 'true' : undefined },
    signal: options.signal,
  });
  return page.items;
}

export function createPeriodLock(input: PeriodLockInput): Promise<PeriodLock> {
  return call(periodLockEndpoints.create, { body: input });
}

/** Lifts the lock; the answer is the lock with who lifted it and when. */
export function unlockPeriod(id: number): Promise<PeriodLock> {
  return call(periodLockEndpoints.unlock, { params: { id } });
}
