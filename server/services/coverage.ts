// Coverage gaps: which communes and wards (above all border, coastal, mountain and
// ethnic-minority ones) had no direct activity for a target group or on a channel in a
// period, and which agencies have results overdue. Activities recorded in former units are
// rolled up to the units in being at the period's end.
import { and, count, desc, eq, gte, inArray, isNull, lte, ne, notInArray, or } from 'drizzle-orm';
import {
  activities,
  activityChannels,
  activityTargetGroups,
  activityTypes,
  activityUnits,
  agencies,
  channels,
  targetGroups,
  unitSuccessions,
  units,
} from '../../db/schema';
import type { Coverage, CoverageQuery } from '../contracts/reports';
import { successorsOn } from '../domain/succession';
import { storedNow } from '../domain/time';
import { validOn } from '../domain/validity';
import { overdueAt } from './activities';
import type { ServiceContext } from './context';

const priorityTags = new Set(['border', 'coastal', 'mountain', 'ethnic_minority']);
/** Channels where people are met in person: "direct activity" in the coverage question. */
const directKinds = ['direct'];

export function getCoverage(ctx: ServiceContext, query: CoverageQuery): Coverage {
  const db = ctx.db;
  const by = query.by ?? 'targetGroup';
  const allUnits = db.select().from(units).all();
  const inBeing = allUnits.filter((unit) => unit.tier === 3 && validOn(unit, query.endDate));
  const successors = successorsOn(
    allUnits,
    db.select({ from: unitSuccessions.fromUnitId, to: unitSuccessions.toUnitId }).from(unitSuccessions).all(),
    query.endDate,
  );

  const directChannels = db
    .select({ code: channels.code })
    .from(channels)
    .where(inArray(channels.kind, directKinds));
  const directCodes = new Set(directChannels.all().map((channel) => channel.code));
  // An activity is direct by its channels, or, when it names none, by its type's usual channels.
  const directTypes = db
    .select({ code: activityTypes.code, channelCodes: activityTypes.channelCodes })
    .from(activityTypes)
    .all()
    .filter((type) => type.channelCodes.some((code) => directCodes.has(code)))
    .map((type) => type.code);
  const withChannels = db.select({ id: activityChannels.activityId }).from(activityChannels);
  const direct = or(
    inArray(
      activities.id,
      db
        .select({ id: activityChannels.activityId })
        .from(activityChannels)
        .where(inArray(activityChannels.channelCode, directChannels)),
    ),
    and(notInArray(activities.id, withChannels), inArray(activities.typeCode, directTypes)),
  );
  const counted = db
    .select({ id: activities.id })
    .from(activities)
    .where(
      and(
        isNull(activities.deletedAt),
        ne(activities.status, 'cancelled'),
        gte(activities.startDate, query.startDate),
        lte(activities.startDate, query.endDate),
        // By target group: who was met in person. By channel: every channel that reached the unit.
        by === 'targetGroup' ? direct : undefined,
      ),
    );
  const placed = db
    .select({ activityId: activityUnits.activityId, unitId: activityUnits.unitId })
    .from(activityUnits)
    .where(inArray(activityUnits.activityId, counted))
    .all();
  const columnLinks =
    by === 'targetGroup'
      ? db
          .select({ activityId: activityTargetGroups.activityId, code: activityTargetGroups.targetGroupCode })
          .from(activityTargetGroups)
          .where(inArray(activityTargetGroups.activityId, counted))
          .all()
      : db
          .select({ activityId: activityChannels.activityId, code: activityChannels.channelCode })
          .from(activityChannels)
          .where(inArray(activityChannels.activityId, counted))
          .all();
  const columnsOf = new Map<number, string[]>();
  for (const link of columnLinks)
    columnsOf.set(link.activityId, [...(columnsOf.get(link.activityId) ?? []), link.code]);

  // Each activity once per unit it reached, after rolling its units up.
  const reached = new Map<number, Set<number>>();
  const listed = new Set(inBeing.map((unit) => unit.id));
  const assigned = new Set<number>();
  const shared = new Set<number>();
  for (const { activityId, unitId } of placed) {
    const targets = successors.get(unitId) ?? [unitId];
    if (targets.length !== 1) {
      shared.add(activityId);
      continue;
    }
    const [target = unitId] = targets;
    // A district or the province itself is no commune or ward: not credited to one of them.
    if (!listed.has(target)) {
      shared.add(activityId);
      continue;
    }
    reached.set(target, (reached.get(target) ?? new Set()).add(activityId));
    assigned.add(activityId);
  }

  const rows = inBeing.map((unit) => {
    const activityIds = [...(reached.get(unit.id) ?? [])];
    const counts: Record<string, number> = {};
    for (const activityId of activityIds) {
      for (const code of new Set(columnsOf.get(activityId) ?? [])) counts[code] = (counts[code] ?? 0) + 1;
    }
    return {
      unitId: unit.id,
      name: unit.name,
      tags: unit.tags,
      priority: unit.tags.some((tag) => priorityTags.has(tag)),
      activities: activityIds.length,
      counts,
    };
  });
  rows.sort((a, b) => Number(b.priority) - Number(a.priority) || a.name.localeCompare(b.name, 'vi'));

  const columns =
    by === 'targetGroup'
      ? db
          .select({ code: targetGroups.code, name: targetGroups.name, nameEn: targetGroups.nameEn })
          .from(targetGroups)
          .all()
      : db.select({ code: channels.code, name: channels.name, nameEn: channels.nameEn }).from(channels).all();

  const overdue = overdueAt(storedNow(ctx.now));
  const overdueByAgency = db
    .select({ agencyId: activities.leadAgencyId, name: agencies.name, overdue: count() })
    .from(activities)
    .innerJoin(agencies, eq(agencies.id, activities.leadAgencyId))
    .where(and(isNull(activities.deletedAt), overdue))
    .groupBy(activities.leadAgencyId)
    .orderBy(desc(count()), agencies.name)
    .all();

  return {
    startDate: query.startDate,
    endDate: query.endDate,
    by,
    columns,
    rows,
    unassigned: [...shared].filter((id) => !assigned.has(id)).length,
    overdueByAgency,
  };
}
