// Lists of activities for the screens other than the calendar: a task's, a campaign's,
// the signed-in user's own work. Read-only; the calendar keeps its range query in activities.ts.
import { type Activity, activityEndpoints } from '../../../server/contracts/activities';
import { call } from './client';

export type ActivityListQuery = {
  taskId?: number;
  campaignId?: number;
  /** The signed-in user's work: led or joined by their agency, or held in their units. */
  mine?: boolean;
  /** `true`: ended while still planned or confirmed; `false`: all the others. */
  overdue?: boolean;
  /** Where the result stands: `returned` lists those sent back for correction. */
  resultStatus?: 'submitted' | 'accepted' | 'returned' | 'none';
  /** Overlap bounds, `YYYY-MM-DD` in the deployment's zone; `end` is exclusive. */
  start?: string;
  end?: string;
};

/** What a list screen shows: the activities in start order, and how many there are in all. */
export type ActivityPage = { activities: Activity[]; total: number };

/**
 * Activities that match, oldest start first. One page of up to `limit` (a task or a campaign
 * of a year has a few hundred at most); `total` tells the screen when there are more.
 */
export async function listActivitiesWhere(
  query: ActivityListQuery,
  options: { limit?: number; signal?: AbortSignal | undefined } = {},
): Promise<ActivityPage> {
  const page = await call(activityEndpoints.list, {
    query: {
      taskId: query.taskId,
      campaignId: query.campaignId,
      mine: query.mine === undefined ? undefined : String(query.mine),
      overdue: query.overdue === undefined ? undefined : String(query.overdue),
      resultStatus: query.resultStatus,
      start: query.start,
      end: query.end,
      limit: options.limit ?? 2000,
    },
    signal: options.signal,
  });
  return { activities: page.items, total: page.total };
}
