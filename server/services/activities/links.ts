// The list-valued fields of activities (partners, units, target groups, channels) and the
// review status of their results, read for many activities at once and written whole.
import { asc, eq, inArray } from 'drizzle-orm';
import {
  activityChannels,
  activityPartners,
  activityTargetGroups,
  activityUnits,
  results,
} from '../../../db/schema';
import type { ActivityInput } from '../../contracts/activities';
import type { ReviewStatus } from '../../domain/vocabularies';
import type { Tx } from '../context';

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

const unique = <T>(values: readonly T[] | undefined): T[] => [...new Set(values ?? [])];

export function writeLinks(tx: Tx, id: number, input: Partial<ActivityInput>, replace: boolean): void {
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
