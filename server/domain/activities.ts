// Rules about one activity that the server, the reports and the screens all ask.
import type { ActivityStatus } from './vocabularies';

/** Statuses of an activity still waiting to be held: past its end, such an activity is overdue. */
export const openStatuses = ['planned', 'confirmed'] as const satisfies readonly ActivityStatus[];

/**
 * Overdue: still planned or confirmed when its (exclusive) end has passed. `endAt` and
 * `now` are stored instants (UTC text), which compare in time order.
 */
export function isOverdue(activity: { status: string; endAt: string }, now: string): boolean {
  return (openStatuses as readonly string[]).includes(activity.status) && activity.endAt <= now;
}

/** A joint activity is its lead agency's and each partner's: it appears in each one's lists and reports. */
export function isLedOrJoinedBy(
  activity: { leadAgencyId: number; partnerAgencyIds: readonly number[] },
  agencyId: number,
): boolean {
  return activity.leadAgencyId === agencyId || activity.partnerAgencyIds.includes(agencyId);
}

/**
 * At most this many activities in one bulk creation: a school year's talks across a district
 * fit, a runaway paste does not hold the single writer for long. The refusal's words say 200 too.
 */
export const bulkActivityLimit = 200;

/**
 * The field a refusal of a whole activity is about, so that a bulk creation can name it in
 * its row: the lead for another agency's activity, the units for another unit's, the start
 * for a locked period. Undefined when the refusal is about the activity as a whole.
 */
export function fieldOfActivityRefusal(key: string, code: string): string | undefined {
  if (code === 'PERIOD_LOCKED') return 'start';
  const fields: Record<string, string> = {
    'activity.otherAgency': 'leadAgencyId',
    'activity.otherUnit': 'unitIds',
    'activity.confirmByCoordinator': 'status',
  };
  return fields[key];
}
