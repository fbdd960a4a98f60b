import { z } from 'zod';
import { DateString, Id, IdParams, listOf, pageQuery, Text } from './common';
import { endpoint } from './endpoints';
import { periodInOrder, periodMessage } from './plans';

export const PeriodLock = z.object({
  id: Id,
  /** Inclusive at both ends, as people write a period (15/12/2025–14/6/2026). */
  startDate: DateString,
  endDate: DateString,
  note: z.string(),
  createdBy: Id.nullable(),
  createdAt: z.string(),
  /** Set once unlocked: the lock no longer applies but stays on record. */
  unlockedBy: Id.nullable(),
  unlockedAt: z.string().nullable(),
});
export type PeriodLock = z.infer<typeof PeriodLock>;

export const PeriodLockInput = z
  .strictObject({ startDate: DateString, endDate: DateString, note: Text.max(1000).optional() })
  .refine(periodInOrder, periodMessage);
export type PeriodLockInput = z.infer<typeof PeriodLockInput>;

export const PeriodLockQuery = z.strictObject({
  /** `true` adds the locks that were lifted, for the history. */
  includeUnlocked: z.enum(['true', 'false']).optional(),
  ...pageQuery(),
});
export const PeriodLockList = listOf(PeriodLock);

const tags = ['period-locks'];

export const periodLockEndpoints = {
  list: endpoint({
    method: 'GET',
    path: '/api/period-locks',
    query: PeriodLockQuery,
    response: PeriodLockList,
    status: 200,
    tags,
  }),
  create: endpoint({
    method: 'POST',
    path: '/api/period-locks',
    body: PeriodLockInput,
    response: PeriodLock,
    status: 201,
    summary: 'Lock an approved period: its activities and results become read-only',
    tags,
  }),
  unlock: endpoint({
    method: 'DELETE',
    path: '/api/period-locks/:id',
    params: IdParams,
    response: PeriodLock,
    status: 200,
    summary: 'Unlock: the lock stays on record with who lifted it and when',
    tags,
  }),
};
