// Period locks: an approved reporting period whose activities and results are read-only
// until a coordinator unlocks it. An unlocked lock stays on record (who lifted it, when).
import { PeriodLock, type PeriodLockInput, PeriodLockList } from '../../../server/contracts/period-locks';
import { apiGet, apiSend } from './client';

export type { PeriodLock, PeriodLockInput };

/** The locks in force, or every lock ever made with `includeUnlocked`; a province has a few a year. */
export async function listPeriodLocks(
  options: { includeUnlocked?: boolean; signal?: AbortSignal | undefined } = {},
): Promise<PeriodLock[]> {
  const page = await apiGet('/api/period-locks', PeriodLockList, {
    query: { limit: 1000, includeUnlocked: options.includeUnlocked ? 'true' : undefined },
    signal: options.signal,
  });
  return page.items;
}

export function createPeriodLock(input: PeriodLockInput): Promise<PeriodLock> {
  return apiSend('POST', '/api/period-locks', PeriodLock, { body: input });
}

/** Lifts the lock; the answer is the lock with who lifted it and when. */
export function unlockPeriod(id: number): Promise<PeriodLock> {
  return apiSend('DELETE', `/api/period-locks/${id}`, PeriodLock);
}
