// The activities behind a figure (issue 12): a summary's total, done or indicator figure,
// one of its rows (a month, a type, an agency...), or a figure of a plan's progress, listed
// with the very conditions the figure was counted with, sorted and paged, or as a file.
import { and, asc, desc, type SQL, sql } from 'drizzle-orm';
import { activities, activityTypes, activityUnits, agencies, results, units } from '../../db/schema';
import type { CountedQuery, CountedSort } from '../contracts/reports';
import { storedNow } from '../domain/time';
import { pageOfActivities } from './activities';
import type { ServiceContext } from './context';
import { countedResultOf, figureCondition } from './counted-results';
import { countedActivities, grouper, periodConditions } from './reports';

export type CountedSelection = Omit<CountedQuery, 'limit' | 'offset'>;

/** The condition that selects exactly the activities the figure counts. */
export function countedCondition(ctx: ServiceContext, query: CountedSelection): SQL | undefined {
  const acceptedOnly = query.acceptedOnly === 'true';
  const figure = figureCondition(query.figure ?? 'activities', {
    acceptedOnly,
    indicator: query.indicator,
    now: storedNow(ctx.now),
  });
  const where = and(...periodConditions(ctx, query), figure);
  if (query.groupBy === undefined || query.key === undefined) return where;
  // A row of a grouping: the summary's own keys decide (a joint activity is in each partner's row).
  const { groupBy, key } = query;
  const group = grouper(ctx.db, query, groupBy, where);
  const ids = countedActivities(ctx, where, countedResultOf(acceptedOnly))
    .filter((activity) => group.keysOf(activity).includes(key))
    .map((activity) => activity.id);
  // One bound JSON text, not one variable per id: a row of a busy year holds thousands.
  return and(where, sql`${activities.id} in (select value from json_each(${JSON.stringify(ids)}))`);
}

/** What each column sorts by: the names as the server holds them (Vietnamese). */
function sortKey(sort: CountedSort): SQL {
  switch (sort) {
    case 'date':
      return sql`${activities.startAt}`;
    case 'title':
      return sql`${activities.title}`;
    case 'type':
      return sql`(select ${activityTypes.name} from ${activityTypes} where ${activityTypes.code} = ${activities.typeCode})`;
    case 'lead':
      return sql`(select ${agencies.name} from ${agencies} where ${agencies.id} = ${activities.leadAgencyId})`;
    case 'unit':
      return sql`(select min(${units.name}) from ${activityUnits} inner join ${units} on ${units.id} = ${activityUnits.unitId} where ${activityUnits.activityId} = ${activities.id})`;
    case 'status':
      return sql`${activities.status}`;
    case 'result':
      return sql`(select ${results.reviewStatus} from ${results} where ${results.activityId} = ${activities.id})`;
  }
}

export function countedOrder(query: Pick<CountedQuery, 'sort' | 'order'>): SQL[] {
  const direction = query.order === 'desc' ? desc : asc;
  // Ties (same type, no unit) keep the calendar's order: by start, then as entered.
  return [direction(sortKey(query.sort ?? 'date')), asc(activities.startAt), asc(activities.id)];
}

export function listCountedActivities(ctx: ServiceContext, query: CountedQuery) {
  return pageOfActivities(ctx, countedCondition(ctx, query), countedOrder(query), query);
}
