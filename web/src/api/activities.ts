import {
  type Activity,
  type ActivityChanged,
  type ActivityInput,
  type ActivityPatch,
  type ActivityStatus,
  activityEndpoints,
  activityStatuses,
  type Recurrence,
  type SeriesCreated,
  type SeriesScope,
} from '../../../server/contracts/activities';
import { call } from './client';

export type { Activity, ActivityChanged, ActivityInput, Recurrence, SeriesCreated, SeriesScope };
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

export async function createActivity(input: ActivityInput): Promise<Activity> {
  const created = await call(activityEndpoints.create, { body: input });
  // Without recurrence the server answers the activity itself.
  return 'items' in created ? (created.items[0] as Activity) : created;
}

/** A recurring series: every occurrence created in one transaction (DESIGN §4.1). */
export async function createSeries(input: ActivityInput, recurrence: Recurrence): Promise<SeriesCreated> {
  const created = await call(activityEndpoints.create, { body: { ...input, recurrence } });
  if (!('items' in created)) return { seriesId: created.seriesId ?? created.id, items: [created] };
  return created;
}

/** Several activities in one transaction: all are created, or none (400 naming `items.N.field`). */
export async function createActivities(items: ActivityInput[]): Promise<Activity[]> {
  return (await call(activityEndpoints.createMany, { body: { items } })).items;
}

/**
 * Changes the fields of `change` only. `version` is the one the user saw: if someone else saved
 * the activity since, the server refuses with 412 VERSION_CONFLICT and changes nothing.
 */
export function updateActivity(
  id: number,
  change: ActivityChange,
  version: number,
  scope?: SeriesScope,
): Promise<ActivityChanged> {
  const query = scope ? { scope } : {};
  return call(activityEndpoints.update, { params: { id }, query, body: change, ifMatch: version });
}

/**
 * A soft delete: the activity leaves the calendar and the reports, and a coordinator can restore it.
 * Of a series occurrence, `scope` says which occurrences go with it.
 */
export function deleteActivity(id: number, version: number, scope?: SeriesScope): Promise<ActivityChanged> {
  const query = scope ? { scope } : {};
  return call(activityEndpoints.remove, { params: { id }, query, ifMatch: version });
}
