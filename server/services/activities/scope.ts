// Which activities belong to an agency or a unit, as SQL conditions every list and report
// shares: a joint activity is its lead's and each partner's; an activity held in several
// units is each unit's; overdue means still open past its end.
import { and, inArray, lte, or, type SQL, sql } from 'drizzle-orm';
import { activities, activityPartners, activityUnits, units } from '../../../db/schema';
import { openStatuses } from '../../domain/activities';
import type { Tx } from '../context';

/** Led or joined by one of the agencies (the SQL form of the domain's `isLedOrJoinedBy`). */
export function ledOrJoinedBy(tx: Tx, agencyIds: number[]): SQL {
  const asPartner = tx
    .select({ id: activityPartners.activityId })
    .from(activityPartners)
    .where(inArray(activityPartners.agencyId, agencyIds));
  return or(inArray(activities.leadAgencyId, agencyIds), inArray(activities.id, asPartner)) ?? sql`0`;
}

/** Held in at least one of the units. */
export function heldInUnits(tx: Tx, unitIds: number[]): SQL {
  const inUnits = tx
    .select({ id: activityUnits.activityId })
    .from(activityUnits)
    .where(inArray(activityUnits.unitId, unitIds));
  return inArray(activities.id, inUnits);
}

/**
 * Held in one of the units or in a unit under one of them, at any depth (a district's
 * communes before 1/7/2025): "mine" for someone whose units have others below them.
 */
export function heldInUnitsOrBelow(unitIds: number[]): SQL {
  const ids = sql.join(
    unitIds.map((id) => sql`${id}`),
    sql`, `,
  );
  return sql`${activities.id} in (
    with recursive below(id) as (
      select ${units.id} from ${units} where ${units.id} in (${ids})
      union select ${units.id} from ${units} join below on ${units.parentId} = below.id
    )
    select ${activityUnits.activityId} from ${activityUnits}
    where ${activityUnits.unitId} in (select id from below)
  )`;
}

/** Still planned or confirmed with its end passed at `now` (the SQL form of the domain's `isOverdue`). */
export function overdueAt(now: string): SQL {
  return and(inArray(activities.status, [...openStatuses]), lte(activities.endAt, now)) ?? sql`0`;
}
