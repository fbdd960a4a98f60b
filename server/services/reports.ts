// The summary behind every report (DESIGN §4): the activities of a period (by local start
// date, both ends inclusive), counted once in the totals and in every row they belong to,
// with each indicator summed within its own unit, `max` indicators (unique reach) taken as
// the largest single value, and units and agencies as recorded or rolled up to a date.
import { and, asc, count, eq, gte, inArray, lte, type SQL, sql } from 'drizzle-orm';
import {
  activities,
  activityChannels,
  activityPartners,
  activityTargetGroups,
  activityTypes,
  activityUnits,
  agencies,
  agencySuccessions,
  campaigns,
  channels,
  indicators,
  results,
  targetGroups,
  tasks,
  unitSuccessions,
  units,
} from '../../db/schema';
import type { CountedQuery, Summary, SummaryGrouping, SummaryQuery, SummaryRow } from '../contracts/reports';
import { combineFigures } from '../domain/indicators';
import { successorsOn } from '../domain/succession';
import { vietnameseMonth } from '../domain/time';
import { validOn } from '../domain/validity';
import { heldInUnits, ledOrJoinedBy, listConditions } from './activities';
import type { ServiceContext, Tx } from './context';
import { countedResultOf, liveActivity } from './counted-results';

export type Counted = {
  id: number;
  typeCode: string;
  startDate: string;
  leadAgencyId: number;
  campaignId: number | null;
  taskId: number | null;
  /** The result's figures when it counts (any result, or accepted ones only); null otherwise. */
  values: Record<string, number> | null;
};

type Key = { key: string; label: string };

/** What selects a report's activities: the period (when there is one), the filters, the basis. */
export type ScopeQuery = Pick<
  CountedQuery,
  | 'startDate'
  | 'endDate'
  | 'acceptedOnly'
  | 'rollUpTo'
  | 'planId'
  | 'agencyId'
  | 'unitId'
  | 'campaignId'
  | 'taskId'
  | 'typeCode'
  | 'channelCode'
  | 'targetGroupCode'
  | 'status'
>;

/** The activities of the period and filters, whatever their status: each figure then picks its own. */
export function periodConditions(ctx: ServiceContext, query: ScopeQuery): SQL[] {
  const { startDate, endDate, rollUpTo, unitId, agencyId, planId } = query;
  const { campaignId, taskId, typeCode, channelCode, targetGroupCode, status } = query;
  const filters = { campaignId, taskId, typeCode, channelCode, targetGroupCode, status };
  return [
    ...listConditions(ctx, { ...filters, limit: 0, offset: 0 }),
    startDate === undefined ? undefined : gte(activities.startDate, startDate),
    endDate === undefined ? undefined : lte(activities.startDate, endDate),
    unitId === undefined ? undefined : heldInUnits(ctx.db, takenOver(ctx, 'unit', unitId, rollUpTo)),
    agencyId === undefined ? undefined : ledOrJoinedBy(ctx.db, takenOver(ctx, 'agency', agencyId, rollUpTo)),
    planId === undefined
      ? undefined
      : inArray(
          activities.taskId,
          ctx.db.select({ id: tasks.id }).from(tasks).where(eq(tasks.planId, planId)),
        ),
  ].filter((condition): condition is SQL => condition !== undefined);
}

/** Which activities a summary counts (the period's, not cancelled), and which results with them. */
export function scopeOf(
  ctx: ServiceContext,
  query: ScopeQuery,
): { where: SQL | undefined; resultJoin: SQL | undefined } {
  const where = and(...periodConditions(ctx, query), liveActivity);
  return { where, resultJoin: countedResultOf(query.acceptedOnly === 'true') };
}

/**
 * A unit or agency of a report's filter, and, when the report rolls up to a date, those it
 * took over whole (a commune merged into it). A unit shared among several successors stays
 * out: it cannot be given to one of them.
 */
function takenOver(
  ctx: ServiceContext,
  kind: 'unit' | 'agency',
  id: number,
  rollUpTo: string | undefined,
): number[] {
  if (!rollUpTo) return [id];
  const records = kind === 'unit' ? ctx.db.select().from(units).all() : ctx.db.select().from(agencies).all();
  const successions =
    kind === 'unit'
      ? ctx.db
          .select({ from: unitSuccessions.fromUnitId, to: unitSuccessions.toUnitId })
          .from(unitSuccessions)
          .all()
      : ctx.db
          .select({ from: agencySuccessions.fromAgencyId, to: agencySuccessions.toAgencyId })
          .from(agencySuccessions)
          .all();
  const successors = successorsOn(records, successions, rollUpTo);
  return [...successors]
    .filter(([, targets]) => targets.length === 1 && targets[0] === id)
    .map(([from]) => from);
}

/** The activities in scope with the figures of their counted result, for the rows. */
export function countedActivities(
  ctx: ServiceContext,
  where: SQL | undefined,
  resultJoin: SQL | undefined,
): Counted[] {
  return ctx.db
    .select({
      id: activities.id,
      typeCode: activities.typeCode,
      startDate: activities.startDate,
      leadAgencyId: activities.leadAgencyId,
      campaignId: activities.campaignId,
      taskId: activities.taskId,
      values: results.values,
    })
    .from(activities)
    .leftJoin(results, resultJoin)
    .where(where)
    .orderBy(asc(activities.id))
    .all();
}

/**
 * The totals, computed by SQLite itself (a year of a busy province is a hundred thousand
 * activities): each activity once, each indicator summed, or its largest value for `max`.
 */
function totalsOf(
  ctx: ServiceContext,
  where: SQL | undefined,
  resultJoin: SQL | undefined,
  max: Set<string>,
): Omit<SummaryRow, 'key' | 'label'> {
  const counts = ctx.db
    .select({ activities: count(), done: count(results.activityId) })
    .from(activities)
    .leftJoin(results, resultJoin)
    .where(where)
    .get() ?? { activities: 0, done: 0 };
  const figures = ctx.db.all<{ code: string; total: number; largest: number }>(
    sql`select j.key as code, sum(j.value) as total, max(j.value) as largest
        from ${activities} inner join ${results} on ${resultJoin}, json_each(${results.values}) as j
        where ${where} group by j.key`,
  );
  const values: Record<string, number> = {};
  for (const figure of figures) values[figure.code] = max.has(figure.code) ? figure.largest : figure.total;
  return { activities: counts.activities, done: counts.done, values };
}

/** A list-valued link of the counted activities (partners, units...), by activity. */
function linksOf<T>(pairs: { activityId: number; value: T }[]): Map<number, T[]> {
  const grouped = new Map<number, T[]>();
  for (const { activityId, value } of pairs)
    grouped.set(activityId, [...(grouped.get(activityId) ?? []), value]);
  return grouped;
}

const NONE = 'none';

/** Rolled-up ids as one key: a unit split among several successors becomes the group of them. */
function rolledKeys(ids: number[], successors: Map<number, number[]> | null): string[] {
  const keys = ids.map((id) => (successors?.get(id) ?? [id]).join('+'));
  return [...new Set(keys)];
}

/** How each kind of row is keyed and labelled. */
export function grouper(
  tx: Tx,
  query: { rollUpTo?: string | undefined; endDate?: string | undefined },
  groupBy: SummaryGrouping,
  where: SQL | undefined,
) {
  const ids = tx.select({ id: activities.id }).from(activities).where(where);
  const names = <T extends { id: number | string; name: string }>(rows: T[]) =>
    new Map(rows.map((row) => [String(row.id), row.name]));
  switch (groupBy) {
    case 'month':
      return {
        keysOf: (activity: Counted) => [activity.startDate.slice(0, 7)],
        label: (key: string) => vietnameseMonth(`${key}-01`),
      };
    case 'type': {
      const labels = names(
        tx.select({ id: activityTypes.code, name: activityTypes.name }).from(activityTypes).all(),
      );
      return {
        keysOf: (activity: Counted) => [activity.typeCode],
        label: (key: string) => labels.get(key) ?? key,
      };
    }
    case 'channel': {
      const links = linksOf(
        tx
          .select({ activityId: activityChannels.activityId, value: activityChannels.channelCode })
          .from(activityChannels)
          .where(inArray(activityChannels.activityId, ids))
          .all(),
      );
      const labels = names(tx.select({ id: channels.code, name: channels.name }).from(channels).all());
      return {
        keysOf: (activity: Counted) => links.get(activity.id) ?? [NONE],
        label: (key: string) => (key === NONE ? 'Không ghi kênh' : (labels.get(key) ?? key)),
      };
    }
    case 'targetGroup': {
      const links = linksOf(
        tx
          .select({
            activityId: activityTargetGroups.activityId,
            value: activityTargetGroups.targetGroupCode,
          })
          .from(activityTargetGroups)
          .where(inArray(activityTargetGroups.activityId, ids))
          .all(),
      );
      const labels = names(
        tx.select({ id: targetGroups.code, name: targetGroups.name }).from(targetGroups).all(),
      );
      return {
        keysOf: (activity: Counted) => links.get(activity.id) ?? [NONE],
        label: (key: string) => (key === NONE ? 'Không ghi nhóm đối tượng' : (labels.get(key) ?? key)),
      };
    }
    case 'campaign': {
      const labels = names(tx.select({ id: campaigns.id, name: campaigns.name }).from(campaigns).all());
      return {
        keysOf: (activity: Counted) => [activity.campaignId === null ? NONE : String(activity.campaignId)],
        label: (key: string) => (key === NONE ? 'Không thuộc chiến dịch' : (labels.get(key) ?? key)),
      };
    }
    case 'task': {
      const labels = new Map(
        tx
          .select({ id: tasks.id, code: tasks.code, title: tasks.title })
          .from(tasks)
          .all()
          .map((task) => [String(task.id), `${task.code}. ${task.title}`]),
      );
      return {
        keysOf: (activity: Counted) => [activity.taskId === null ? NONE : String(activity.taskId)],
        label: (key: string) =>
          key === NONE ? 'Không thuộc nhiệm vụ của kế hoạch' : (labels.get(key) ?? key),
      };
    }
    case 'agency': {
      const partners = linksOf(
        tx
          .select({ activityId: activityPartners.activityId, value: activityPartners.agencyId })
          .from(activityPartners)
          .where(inArray(activityPartners.activityId, ids))
          .all(),
      );
      const all = tx.select().from(agencies).all();
      const successors = query.rollUpTo
        ? successorsOn(
            all,
            tx
              .select({ from: agencySuccessions.fromAgencyId, to: agencySuccessions.toAgencyId })
              .from(agencySuccessions)
              .all(),
            query.rollUpTo,
          )
        : null;
      const labels = names(all);
      return {
        // A joint activity is credited to its lead and to every partner.
        keysOf: (activity: Counted) =>
          rolledKeys([activity.leadAgencyId, ...(partners.get(activity.id) ?? [])], successors),
        label: (key: string) =>
          key
            .split('+')
            .map((id) => labels.get(id) ?? id)
            .join(', '),
      };
    }
    case 'unit': {
      const links = linksOf(
        tx
          .select({ activityId: activityUnits.activityId, value: activityUnits.unitId })
          .from(activityUnits)
          .where(inArray(activityUnits.activityId, ids))
          .all(),
      );
      const all = tx.select().from(units).all();
      const successors = query.rollUpTo
        ? successorsOn(
            all,
            tx
              .select({ from: unitSuccessions.fromUnitId, to: unitSuccessions.toUnitId })
              .from(unitSuccessions)
              .all(),
            query.rollUpTo,
          )
        : null;
      const labels = names(all);
      // "Toàn thành phố" where the top unit is a centrally run city (Huế since 1/1/2025).
      const top = all.find(
        (unit) => unit.tier === 1 && validOn(unit, query.rollUpTo ?? query.endDate ?? '9999-12-31'),
      );
      const everywhere = top?.level === 'city' ? 'Toàn thành phố' : 'Toàn tỉnh';
      return {
        keysOf: (activity: Counted) => {
          const unitIds = links.get(activity.id);
          return unitIds ? rolledKeys(unitIds, successors) : [NONE];
        },
        label: (key: string) =>
          key === NONE
            ? `${everywhere}, không gắn đơn vị hành chính`
            : key
                .split('+')
                .map((id) => labels.get(id) ?? id)
                .join(', '),
      };
    }
  }
}

function emptyRow(key: Key): SummaryRow {
  return { ...key, activities: 0, done: 0, values: {} };
}

function sortRows(rows: SummaryRow[], groupBy: SummaryGrouping): SummaryRow[] {
  if (groupBy === 'month') return rows.sort((a, b) => a.key.localeCompare(b.key));
  return rows.sort((a, b) => {
    if (a.key === NONE || b.key === NONE) return a.key === NONE ? 1 : -1;
    return a.label.localeCompare(b.label, 'vi');
  });
}

export function getSummary(ctx: ServiceContext, query: SummaryQuery): Summary {
  return ctx.db.transaction((tx) => {
    const { where, resultJoin } = scopeOf(ctx, query);
    // In catalogue order (as seeded), which is the order of the official reports' columns.
    const catalogue = tx.select().from(indicators).all();
    const max = new Set(catalogue.filter((entry) => entry.aggregation === 'max').map((entry) => entry.code));
    const totals = totalsOf(ctx, where, resultJoin, max);

    const byKey = new Map<string, SummaryRow>();
    const group = query.groupBy ? grouper(tx, query, query.groupBy, where) : null;
    const counted = group ? countedActivities(ctx, where, resultJoin) : [];
    let rowsOverlap = false;
    for (const activity of counted) {
      if (!group) break;
      const keys = [...new Set(group.keysOf(activity))];
      if (keys.length > 1) rowsOverlap = true;
      for (const key of keys) {
        const row = byKey.get(key) ?? emptyRow({ key, label: group.label(key) });
        row.activities += 1;
        if (activity.values) {
          row.done += 1;
          combineFigures(row.values, activity.values, max);
        }
        byKey.set(key, row);
      }
    }
    const used = new Set(Object.keys(totals.values));
    return {
      startDate: query.startDate,
      endDate: query.endDate,
      groupBy: query.groupBy ?? null,
      rollUpTo: query.rollUpTo ?? null,
      acceptedOnly: query.acceptedOnly === 'true',
      indicators: catalogue
        .filter((entry) => used.has(entry.code))
        .map(({ code, name, nameEn, unit, unitWord, unitWordEn, aggregation, parentCode }) => ({
          code,
          name,
          nameEn,
          unit,
          unitWord,
          unitWordEn,
          aggregation,
          parentCode,
        })),
      rows: query.groupBy ? sortRows([...byKey.values()], query.groupBy) : [],
      totals,
      rowsOverlap,
    };
  });
}
