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
