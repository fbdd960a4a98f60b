// The filters of the activity list (and of the reports, which take the same filters), as
// SQL conditions.
import { eq, gt, inArray, isNull, lt, notInArray, or, type SQL, sql } from 'drizzle-orm';
import { activities, activityChannels, activityTargetGroups, results } from '../../../db/schema';
import type { ActivityQuery } from '../../contracts/activities';
import { boundToInstant, storedNow } from '../../domain/time';
import { fieldRefusal, invalidFields } from '../../errors';
import type { ServiceContext } from '../context';
import { heldInUnits, heldInUnitsOrBelow, ledOrJoinedBy, overdueAt } from './scope';

export function listConditions(ctx: ServiceContext, query: ActivityQuery): SQL[] {
  const conditions: SQL[] = [isNull(activities.deletedAt)];
  // Overlap: activity.start < range.end && activity.end > range.start (end exclusive).
  if (query.end) conditions.push(lt(activities.startAt, boundToInstant(query.end, ctx.timeZone)));
  if (query.start) conditions.push(gt(activities.endAt, boundToInstant(query.start, ctx.timeZone)));
  if (query.status) conditions.push(eq(activities.status, query.status));
  if (query.overdue) {
    const overdue = overdueAt(storedNow(ctx.now));
    conditions.push(query.overdue === 'true' ? overdue : sql`not ${overdue}`);
  }
  if (query.typeCode) conditions.push(eq(activities.typeCode, query.typeCode));
  if (query.campaignId) conditions.push(eq(activities.campaignId, query.campaignId));
  if (query.taskId) conditions.push(eq(activities.taskId, query.taskId));
  if (query.agencyId) conditions.push(ledOrJoinedBy(ctx.db, [query.agencyId]));
  if (query.unitId) conditions.push(heldInUnits(ctx.db, [query.unitId]));
  if (query.targetGroupCode) {
    const forGroup = ctx.db
      .select({ id: activityTargetGroups.activityId })
      .from(activityTargetGroups)
      .where(eq(activityTargetGroups.targetGroupCode, query.targetGroupCode));
    conditions.push(inArray(activities.id, forGroup));
  }
  if (query.channelCode) {
    const onChannel = ctx.db
      .select({ id: activityChannels.activityId })
      .from(activityChannels)
      .where(eq(activityChannels.channelCode, query.channelCode));
    conditions.push(inArray(activities.id, onChannel));
  }
  if (query.resultStatus) {
    const withStatus = ctx.db.select({ id: results.activityId }).from(results);
    conditions.push(
      query.resultStatus === 'none'
        ? notInArray(activities.id, withStatus)
        : inArray(activities.id, withStatus.where(eq(results.reviewStatus, query.resultStatus))),
    );
  }
  if (query.mine === 'true') {
    const mine = mineCondition(ctx);
    if (mine) conditions.push(mine);
  }
  return conditions;
}

/**
 * "My work": what the user's agency leads or joins, or what happens in the user's units or
 * in the units under them.
 * Coordinators and admins without an agency or units follow the whole province.
 */
function mineCondition(ctx: ServiceContext): SQL | undefined {
  const actor = ctx.actor;
  if (!actor) return undefined;
  const parts: SQL[] = [];
  if (actor.agencyId !== null) parts.push(ledOrJoinedBy(ctx.db, [actor.agencyId]));
  if (actor.unitIds.length > 0) parts.push(heldInUnitsOrBelow(actor.unitIds));
  return parts.length > 0 ? or(...parts) : undefined;
}

/** A range must run forwards: `end` after `start`, compared as instants in the zone. */
export function checkRange(
  query: { start?: string | undefined; end?: string | undefined },
  timeZone: string,
): void {
  if (
    query.start &&
    query.end &&
    boundToInstant(query.end, timeZone) <= boundToInstant(query.start, timeZone)
  ) {
    throw invalidFields([fieldRefusal('querystring.end', 'range.endBeforeStart')]);
  }
}
