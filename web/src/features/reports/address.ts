// The report's address: the period, the calendar's filters (same names, so that a report
// and the calendar read each other's links), how results are counted, the plan shown and
// the coverage's columns (`/reports?startDate=2024-12-15&endDate=2025-06-14&agencyId=4`).
// A report view can be bookmarked, and a reload shows the same.
import { type ActivityFilters, activityFilterNames } from '../../api/activities';
import type { CoverageBy } from '../../api/reports';
import { filterValueFits } from '../calendar/address';

export type FilterName = (typeof activityFilterNames)[number];

/** The report's parts, each a tab: the overview first. */
export const reportTabs = ['overview', 'charts', 'plan', 'coverage', 'documents'] as const;
export type ReportTab = (typeof reportTabs)[number];

export type ReportAddress = {
  startDate: string | undefined;
  endDate: string | undefined;
  filters: ActivityFilters;
  acceptedOnly: boolean;
  rollUpTo: string | undefined;
  planId: number | undefined;
  coverageBy: CoverageBy;
  tab: ReportTab;
};

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

function dayParam(params: URLSearchParams, name: string): string | undefined {
  const value = params.get(name);
  return value && isoDay.test(value) ? value : undefined;
}

export function readReportAddress(): ReportAddress {
  const params = new URLSearchParams(window.location.search);
  const filters: ActivityFilters = {};
  for (const name of activityFilterNames) {
    const value = params.get(name)?.trim();
    // Dropped when the server would refuse it, so that an edited address never shows an error.
    if (value && filterValueFits(name, value)) filters[name] = value;
  }
  let startDate = dayParam(params, 'startDate');
  let endDate = dayParam(params, 'endDate');
  // A period the wrong way round or half given is no period: the default one is shown instead.
  if (!startDate || !endDate || endDate < startDate) {
    startDate = undefined;
    endDate = undefined;
  }
  const planId = params.get('planId');
  return {
    startDate,
    endDate,
    filters,
    acceptedOnly: params.get('acceptedOnly') === 'true',
    rollUpTo: dayParam(params, 'rollUpTo'),
    planId: planId && /^[1-9]\d{0,9}$/.test(planId) ? Number(planId) : undefined,
    coverageBy: params.get('coverageBy') === 'channel' ? 'channel' : 'targetGroup',
    tab: reportTabs.find((tab) => tab === params.get('tab')) ?? 'overview',
  };
}

/**
 * Changes the address in place: choosing a period or a filter is not a new page to go back
 * from. An empty value removes the parameter.
 */
export function writeReportAddress(changes: Record<string, string | undefined>): void {
  const params = new URLSearchParams(window.location.search);
  for (const [name, value] of Object.entries(changes)) {
    if (value) params.set(name, value);
    else params.delete(name);
  }
  const search = params.toString();
  const next = `${window.location.pathname}${search ? `?${search}` : ''}`;
  if (next !== window.location.pathname + window.location.search) window.history.replaceState(null, '', next);
}
