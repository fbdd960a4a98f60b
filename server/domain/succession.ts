// Administrative units and agencies change (1/1/2025, 1/7/2025): a record keeps the unit
// or agency it was entered with, and a report can roll it up to those in being on a chosen
// date by following the successions forward. A unit that was split among several (a
// district shared between new communes) cannot be given to one of them without guessing:
// it rolls up to the group of its successors, one row, so that nothing is counted twice
// and nothing is lost.

import { type Validity as InForce, validOn } from './validity';

type Validity = InForce & { id: number };

/**
 * Maps each record to the records in being on `date` that took it over: itself when it is
 * still in being; its successors' (recursively) otherwise; itself when it has none (so a
 * record whose end has no successor is kept, not dropped).
 */
export function successorsOn(
  records: Validity[],
  successions: { from: number; to: number }[],
  date: string,
): Map<number, number[]> {
  const byId = new Map(records.map((record) => [record.id, record]));
  const next = new Map<number, number[]>();
  for (const { from, to } of successions) next.set(from, [...(next.get(from) ?? []), to]);
  const memo = new Map<number, number[]>();

  const resolve = (id: number, seen: Set<number>): number[] => {
    const known = memo.get(id);
    if (known) return known;
    const record = byId.get(id);
    const followers = next.get(id) ?? [];
    let result: number[];
    if (!record || validOn(record, date) || followers.length === 0 || seen.has(id)) {
      result = [id];
    } else {
      const inner = new Set(seen).add(id);
      result = [...new Set(followers.flatMap((follower) => resolve(follower, inner)))].sort((a, b) => a - b);
    }
    memo.set(id, result);
    return result;
  };
  for (const record of records) resolve(record.id, new Set());
  return memo;
}
