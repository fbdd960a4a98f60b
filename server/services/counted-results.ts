// Which results the figures count (issue 5): submitted and accepted ones, or accepted only
// when asked (a returned result waits for its author's correction and counts for nothing).
// And which activities each figure counts (issue 12): the summary, the plan's progress and
// the list behind a figure all take their rule from here, so that they never disagree.
import { and, eq, inArray, ne, type SQL, sql } from 'drizzle-orm';
import { activities, results } from '../../db/schema';
import type { CountedFigure } from '../contracts/reports';
import { overdueAt } from './activities';

export function countedResults(acceptedOnly: boolean): SQL {
  return acceptedOnly
    ? eq(results.reviewStatus, 'accepted')
    : inArray(results.reviewStatus, ['submitted', 'accepted']);
}

/** The activity's result, when it counts: what a summary joins its figures on. */
export function countedResultOf(acceptedOnly: boolean): SQL {
  return and(eq(results.activityId, activities.id), countedResults(acceptedOnly)) ?? sql`0`;
}

export type FigureBasis = {
  acceptedOnly: boolean;
  /** Only those whose counted result has a figure for this indicator. */
  indicator?: string | undefined;
  /** "Now" as stored (`storedNow`), for "overdue". */
  now: string;
};

/** An activity counted at all: every figure but "cancelled" leaves the cancelled ones out. */
export const liveActivity: SQL = ne(activities.status, 'cancelled');

/** With a counted result (and, for an indicator, a figure for it in that result). */
function hasCountedResult(basis: FigureBasis): SQL {
  const counted = countedResultOf(basis.acceptedOnly);
  return basis.indicator === undefined
    ? sql`exists (select 1 from ${results} where ${counted})`
    : sql`exists (select 1 from ${results}, json_each(${results.values}) as j where ${counted} and j.key = ${basis.indicator})`;
}

/** The activities a figure counts, among those of the period and filters. */
export function figureCondition(figure: CountedFigure, basis: FigureBasis): SQL {
  switch (figure) {
    case 'activities':
      return basis.indicator === undefined ? liveActivity : figureCondition('done', basis);
    case 'done':
      return and(liveActivity, hasCountedResult(basis)) ?? sql`0`;
    case 'overdue':
      return overdueAt(basis.now);
    case 'postponed':
      return eq(activities.status, 'postponed');
    case 'cancelled':
      return eq(activities.status, 'cancelled');
  }
}

/** How many of the selected rows a condition holds for, as a column of an aggregate query. */
export function countWhere(condition: SQL): SQL<number> {
  return sql<number>`coalesce(sum(case when ${condition} then 1 else 0 end), 0)`.mapWith(Number);
}
