// Reports as records: drafts composed for a period and a scope, edited, recomputed, issued;
// their files downloaded by the browser from their address.
import {
  type Report,
  type ReportPatch,
  type ReportSection,
  reportRecordEndpoints,
} from '../../../server/contracts/report-records';
import { call, pathOf } from './client';
import type { ExportFormat } from './reports';

export type { Report, ReportPatch, ReportSection };

export async function listReports(signal?: AbortSignal): Promise<Report[]> {
  const page = await call(reportRecordEndpoints.list, { query: { limit: 200 }, signal });
  return page.items;
}

export function getReport(id: number, signal?: AbortSignal): Promise<Report> {
  return call(reportRecordEndpoints.get, { params: { id }, signal });
}

/** A new draft for the period (the province's, or the agency's own when `agencyId` is given). */
export function createReport(input: {
  startDate: string;
  endDate: string;
  agencyId?: number | null;
  campaignId?: number | null;
  basis?: Report['basis'];
}): Promise<Report> {
  return call(reportRecordEndpoints.create, { body: input });
}

/** A draft copying an issued report, which supersedes it once issued. */
export function reviseReport(supersedesId: number): Promise<Report> {
  return call(reportRecordEndpoints.create, { body: { supersedesId } });
}

export function updateReport(report: Report, patch: ReportPatch): Promise<Report> {
  return call(reportRecordEndpoints.update, {
    params: { id: report.id },
    body: patch,
    ifMatch: report.version,
  });
}

export function recomputeReport(report: Report): Promise<Report> {
  return call(reportRecordEndpoints.recompute, {
    params: { id: report.id },
    body: {},
    ifMatch: report.version,
  });
}

export function issueReport(report: Report): Promise<Report> {
  return call(reportRecordEndpoints.issue, { params: { id: report.id }, body: {}, ifMatch: report.version });
}

export function deleteReport(report: Report): Promise<undefined> {
  return call(reportRecordEndpoints.remove, { params: { id: report.id }, ifMatch: report.version });
}

/** The address of the report's file, for a download link. */
export function reportDocumentHref(report: Pick<Report, 'id'>, format: ExportFormat): string {
  return pathOf(reportRecordEndpoints.document, { params: { id: report.id }, query: { format } });
}
