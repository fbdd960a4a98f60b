// Where a report's figure leads: the list of exactly the activities it counts
// (`/reports/activities`), with the report's period, filters and basis and the figure's own
// choice (done, an indicator, a row of a chart); the server selects them as it counted them.

import { countedParams } from '../../api/activity-lists';
import type { ReportQuery } from '../../api/reports';

/** What a figure adds to the report's query: `figure=done`, `indicator=…`, `groupBy=type&key=…`. */
export type FigureChoice = {
  figure?: 'activities' | 'done' | 'overdue' | 'postponed' | 'cancelled';
  indicator?: string;
  groupBy?: string;
  key?: string;
  planId?: number;
  taskId?: number;
};

/** The list's address from plain values, in the order the list reads them; empty ones left out. */
export function countedHref(values: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const name of countedParams) {
    const value = values[name];
    if (value !== undefined && value !== '') search.set(name, String(value));
  }
  return `/reports/activities?${search}`;
}

/** A figure of the reports page: the report's period, filters and basis, and the figure. */
export function reportFigureHref(query: ReportQuery, choice: FigureChoice = {}): string {
  return countedHref({
    startDate: query.startDate,
    endDate: query.endDate,
    ...query.filters,
    acceptedOnly: query.acceptedOnly ? 'true' : undefined,
    rollUpTo: query.rollUpTo,
    ...choice,
  });
}

/** A figure of a plan's progress: a task's or the whole plan's, whatever the dates. */
export function planFigureHref(choice: FigureChoice): string {
  // A plan's progress counts every logged result: no accepted-only basis here.
  return countedHref(choice);
}
