// Lists of activities for the screens other than the calendar: a task's, a campaign's,
// the signed-in user's own work. Read-only; the calendar keeps its range query in activities.ts.
import { type Activity, activityEndpoints } from '../../../server/contracts/activities';
import {
  CountedQuery,
  type CountedQuery as CountedQueryType,
  reportEndpoints,
} from '../../../server/contracts/reports';
import { call, pathOf } from './client';

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

// ---------------------------------------------------------------- the activities behind a figure

export type { CountedSort } from '../../../server/contracts/reports';

/** What a figure of the reports or of a plan's progress counts: the list's query without paging. */
export type CountedParams = Omit<CountedQueryType, 'limit' | 'offset'>;

/** The parameters of a figure's list, in the order an address shows them. */
export const countedParams = [
  'startDate',
  'endDate',
  'figure',
  'indicator',
  'groupBy',
  'key',
  'agencyId',
  'unitId',
  'campaignId',
  'planId',
  'taskId',
  'typeCode',
  'channelCode',
  'targetGroupCode',
  'status',
  'acceptedOnly',
  'rollUpTo',
  'sort',
  'order',
] as const satisfies readonly (keyof CountedParams)[];

/**
 * The list's parameters read from an address, as the server would read them; null when the
 * address holds something the server would refuse (an edited link).
 */
export function readCountedParams(search: string): { params: CountedParams; offset: number } | null {
  const raw = Object.fromEntries(new URLSearchParams(search));
  const parsed = CountedQuery.safeParse(raw);
  if (!parsed.success) return null;
  const { limit: _limit, offset, ...params } = parsed.data;
  return { params, offset };
}

/** A page of the activities a figure counts, in the order asked, and how many there are in all. */
export async function listCountedActivities(
  params: CountedParams,
  paging: { limit: number; offset: number },
  signal?: AbortSignal,
): Promise<ActivityPage> {
  const page = await call(reportEndpoints.counted, { query: { ...params, ...paging }, signal });
  return { activities: page.items, total: page.total };
}

/** The address of the list as a file: the browser downloads it with the session cookie. */
export function countedExportHref(format: 'xlsx' | 'csv', params: CountedParams): string {
  return pathOf(reportEndpoints.countedExport, { query: { ...params, format } });
}
