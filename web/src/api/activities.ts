import {
  type Activity,
  type ActivityInput,
  type ActivityPatch,
  type ActivityStatus,
  activityEndpoints,
  activityStatuses,
} from '../../../server/contracts/activities';
import { call } from './client';

export type { Activity, ActivityInput };
/** A change to an activity: the fields that change; the version goes in `If-Match`. */
export type ActivityChange = Omit<ActivityPatch, 'version'>;
export { type ActivityStatus, activityStatuses };

/** The calendar's filters, as `GET /api/activities` takes them (ids as strings, as in the address). */
export type ActivityFilters = Partial<Record<(typeof activityFilterNames)[number], string>>;
export const activityFilterNames = [
  'agencyId',
  'unitId',
  'campaignId',
  'taskId',
  'typeCode',
  'channelCode',
  'targetGroupCode',
  'status',
] as const;

/**
 * Activities that overlap [start, end). Bounds are `YYYY-MM-DD` (local midnight in the
 * deployment zone) or ISO date-times with an offset, as the calendar hands them over.
 */
export async function listActivitiesInRange(
  range: { start: string; end: string; mine?: 'true' } & ActivityFilters,
  signal?: AbortSignal,
): Promise<Activity[]> {
  const page = await call(activityEndpoints.list, { query: range, signal });
  // The range query allows 5000 by default, far more than a month ever holds; say so if that changes.
  if (page.total > page.items.length) {
    console.warn(`Lịch chỉ hiển thị ${page.items.length}/${page.total} hoạt động trong khoảng đã chọn`);
  }
  return page.items;
}

export function getActivity(id: number, signal?: AbortSignal): Promise<Activity> {
  return call(activityEndpoints.get, { params: { id }, signal });
}

export function createActivity(input: ActivityInput): Promise<Activity> {
  return call(activityEndpoints.create, { body: input });
}

/** Several activities in one transaction: all are created, or none (400 naming `items.N.field`). */
export async function createActivities(items: ActivityInput[]): Promise<Activity[]> {
  return (await call(activityEndpoints.createMany, { body: { items } })).items;
}

/**
 * Changes the fields of `change` only. `version` is the one the user saw: if someone else saved
 * the activity since, the server refuses with 412 VERSION_CONFLICT and changes nothing.
 */
export function updateActivity(id: number, change: ActivityChange, version: number): Promise<Activity> {
  return call(activityEndpoints.update, { params: { id }, body: change, ifMatch: version });
}

/** A soft delete: the activity leaves the calendar and the reports, and a coordinator can restore it. */
export function deleteActivity(id: number, version: number): Promise<Activity> {
  return call(activityEndpoints.remove, { params: { id }, ifMatch: version });
}
