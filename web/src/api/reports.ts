// Reports: a period's activities and figures (in total and by one grouping), the usual
// report periods of a year, the coverage of communes and wards, and the export files.
import {
  type Coverage,
  type ReportPeriod,
  reportEndpoints,
  type Summary,
  type SummaryGrouping,
} from '../../../server/contracts/reports';
import type { ActivityFilters } from './activities';
import { call, pathOf } from './client';

export type { Coverage, ReportPeriod, Summary, SummaryGrouping };
export type CoverageBy = Coverage['by'];
export const exportFormats = ['docx', 'xlsx', 'csv'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** What a report is asked for: a period (both ends inclusive), the calendar's filters, and how to count. */
export type ReportQuery = {
  startDate: string;
  endDate: string;
  filters: ActivityFilters;
  /** Only results a coordinator accepted count as done and in the figures. */
  acceptedOnly: boolean;
  /** Units and agencies rolled up to those in being on this date; as recorded when absent. */
  rollUpTo?: string | undefined;
};

/** The query string of a report, as the summary and the exports take it. */
function reportParams(query: ReportQuery): Record<string, string | undefined> {
  return {
    startDate: query.startDate,
    endDate: query.endDate,
    ...query.filters,
    acceptedOnly: query.acceptedOnly ? 'true' : undefined,
    rollUpTo: query.rollUpTo,
  };
}

export function getSummary(
  query: ReportQuery,
  groupBy: SummaryGrouping | undefined,
  signal?: AbortSignal,
): Promise<Summary> {
  return call(reportEndpoints.summary, { query: { ...reportParams(query), groupBy }, signal });
}

/** A year's usual periods: the official half-year and year, the 30/7 peak, the calendar year, quarters, months. */
export async function getReportPeriods(year: number, signal?: AbortSignal) {
  return call(reportEndpoints.periods, { query: { year }, signal });
}

export function getCoverage(
  query: { startDate: string; endDate: string; by: CoverageBy },
  signal?: AbortSignal,
): Promise<Coverage> {
  return call(reportEndpoints.coverage, { query, signal });
}

/** The address of a report's file: the browser downloads it, with the session cookie, without fetch. */
export function reportExportHref(format: ExportFormat, query: ReportQuery): string {
  return pathOf(reportEndpoints.export, { query: { ...reportParams(query), format } });
}
