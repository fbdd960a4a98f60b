import { z } from 'zod';
import { refusalText } from '../domain/refusals';
import { ActivityList, ActivityQuery } from './activities';
import { Code, DateString, IdParam, pageQuery } from './common';
import { endpoint } from './endpoints';
import { periodInOrder, periodMessage } from './plans';

export const summaryGroupings = [
  'month',
  'type',
  'channel',
  'agency',
  'unit',
  'targetGroup',
  'campaign',
  'task',
] as const;
export type SummaryGrouping = (typeof summaryGroupings)[number];

/** The activity filters a report takes: those of the calendar, without the range and paging. */
export const reportFilters = ActivityQuery.pick({
  agencyId: true,
  unitId: true,
  campaignId: true,
  taskId: true,
  typeCode: true,
  channelCode: true,
  targetGroupCode: true,
  status: true,
}).shape;

const summaryFields = {
  /** The period, both ends inclusive, by each activity's local start date. */
  startDate: DateString,
  endDate: DateString,
  groupBy: z.enum(summaryGroupings).optional(),
  ...reportFilters,
  /** `true`: only results a coordinator accepted count as done and in the figures. */
  acceptedOnly: z.enum(['true', 'false']).optional(),
  /**
   * Units and agencies as they were recorded (default), or rolled up through the
   * successions to those in being on this date.
   */
  rollUpTo: DateString.optional(),
};

export const SummaryQuery = z.strictObject(summaryFields).refine(periodInOrder, periodMessage);
export type SummaryQuery = z.infer<typeof SummaryQuery>;

export const exportFormats = ['xlsx', 'docx', 'csv'] as const;

/** The periodic report as a file: the summary's parameters and the format (DESIGN §4). */
export const ExportQuery = z
  .strictObject({ ...summaryFields, format: z.enum(exportFormats) })
  .refine(periodInOrder, periodMessage);

/** Each indicator's figure: a sum, or for a `max` indicator its largest single value. */
const Values = z.record(z.string(), z.number().int());

export const SummaryRow = z.object({
  key: z.string(),
  label: z.string(),
  /** Activities of the period that are not cancelled. */
  activities: z.number().int(),
  /** Those with a (counted) result. */
  done: z.number().int(),
  values: Values,
});
export type SummaryRow = z.infer<typeof SummaryRow>;

export const Summary = z.object({
  startDate: z.string(),
  endDate: z.string(),
  groupBy: z.enum(summaryGroupings).nullable(),
  rollUpTo: z.string().nullable(),
  acceptedOnly: z.boolean(),
  /** The indicators that have figures, in catalogue order, each with its unit: never add across units. */
  indicators: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      nameEn: z.string(),
      unit: z.string(),
      unitWord: z.string(),
      unitWordEn: z.string(),
      aggregation: z.enum(['sum', 'max']),
      parentCode: z.string().nullable(),
    }),
  ),
  rows: z.array(SummaryRow),
  /** Each activity once: a joint activity is one activity, however many agencies ran it. */
  totals: SummaryRow.omit({ key: true, label: true }),
  /**
   * Some activity is in more than one row (a joint activity in each partner's row, an
   * activity on several channels): the rows may add up to more than the totals.
   */
  rowsOverlap: z.boolean(),
});
export type Summary = z.infer<typeof Summary>;

export const ReportPeriodQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) });

export const reportPeriodKinds = [
  'month',
  'quarter',
  'year',
  'official-half-year',
  'official-year',
  'peak',
] as const;

/** A period a report is usually asked for, ready to pass as startDate/endDate. */
export const ReportPeriod = z.object({
  kind: z.enum(reportPeriodKinds),
  /** Stable within a year: `month-7`, `quarter-3`, `official-half-year`... */
  code: z.string(),
  label: z.string(),
  labelEn: z.string(),
  startDate: z.string(),
  endDate: z.string(),
});
export type ReportPeriod = z.infer<typeof ReportPeriod>;
export const ReportPeriodList = z.object({ year: z.number().int(), items: z.array(ReportPeriod) });

// ---------------------------------------------------------------- the activities behind a figure

/**
 * What a figure counts: `activities` (not cancelled), `done` (with a counted result), and
 * for a plan's progress `overdue`, `postponed` and `cancelled`.
 */
export const countedFigures = ['activities', 'done', 'overdue', 'postponed', 'cancelled'] as const;
export type CountedFigure = (typeof countedFigures)[number];

/** The columns a figure's list sorts by. */
export const countedSorts = ['date', 'title', 'type', 'lead', 'unit', 'status', 'result'] as const;
export type CountedSort = (typeof countedSorts)[number];

const countedFields = {
  /** The summary's period (both ends inclusive, by local start date); none for a plan's progress. */
  startDate: DateString.optional(),
  endDate: DateString.optional(),
  ...reportFilters,
  /** The tasks of one plan (a plan's progress in total). */
  planId: IdParam.optional(),
  acceptedOnly: summaryFields.acceptedOnly,
  rollUpTo: summaryFields.rollUpTo,
  figure: z.enum(countedFigures).optional(),
  /** Those whose counted result has a figure for this indicator (implies `done`). */
  indicator: Code.optional(),
  /** One row of a summary grouping: its `key` as the summary gives it (`2025-07`, `rally`, `4+9`). */
  groupBy: z.enum(summaryGroupings).optional(),
  key: z.string().min(1).max(200).optional(),
  sort: z.enum(countedSorts).optional(),
  order: z.enum(['asc', 'desc']).optional(),
};

const periodWhole = (value: { startDate?: string | undefined; endDate?: string | undefined }) =>
  (value.startDate === undefined) === (value.endDate === undefined);
const rowWhole = (value: { groupBy?: string | undefined; key?: string | undefined }) =>
  (value.groupBy === undefined) === (value.key === undefined);

/** The activities one figure of a summary or a plan's progress counts, as a page. */
export const CountedQuery = z
  .strictObject({ ...countedFields, ...pageQuery(50, 1000) })
  .refine(periodWhole, { message: refusalText('range.endDate'), path: ['endDate'] })
  .refine(periodInOrder, periodMessage)
  .refine(rowWhole, { message: refusalText('field.required'), path: ['key'] });
export type CountedQuery = z.infer<typeof CountedQuery>;

export const CountedExportQuery = z
  .strictObject({ ...countedFields, format: z.enum(['xlsx', 'csv']) })
  .refine(periodWhole, { message: refusalText('range.endDate'), path: ['endDate'] })
  .refine(periodInOrder, periodMessage)
  .refine(rowWhole, { message: refusalText('field.required'), path: ['key'] });
export type CountedExportQuery = z.infer<typeof CountedExportQuery>;

// ---------------------------------------------------------------- coverage

export const CoverageQuery = z
  .strictObject({
    startDate: DateString,
    endDate: DateString,
    /** The matrix's columns: target groups (default) or channels. */
    by: z.enum(['targetGroup', 'channel']).optional(),
  })
  .refine(periodInOrder, periodMessage);
export type CoverageQuery = z.infer<typeof CoverageQuery>;

export const Coverage = z.object({
  startDate: z.string(),
  endDate: z.string(),
  by: z.enum(['targetGroup', 'channel']),
  columns: z.array(z.object({ code: z.string(), name: z.string(), nameEn: z.string() })),
  /**
   * The communes and wards in being at the period's end, each with the direct activities
   * (held in person) counted per column, activities in former units rolled up to them.
   */
  rows: z.array(
    z.object({
      unitId: z.number().int(),
      name: z.string(),
      tags: z.array(z.string()),
      /** Border, coastal, mountain or ethnic-minority: where a gap matters most. */
      priority: z.boolean(),
      activities: z.number().int(),
      counts: z.record(z.string(), z.number().int()),
    }),
  ),
  /**
   * Activities placed only in a district, the province, or a former unit shared among several
   * new ones: they reached no single commune or ward, so no cell counts them.
   */
  unassigned: z.number().int(),
  /** Agencies with activities whose end has passed without a result, as of today (whatever the period), most first. */
  overdueByAgency: z.array(
    z.object({ agencyId: z.number().int(), name: z.string(), overdue: z.number().int() }),
  ),
});
export type Coverage = z.infer<typeof Coverage>;

const tags = ['reports'];

export const reportEndpoints = {
  summary: endpoint({
    method: 'GET',
    path: '/api/reports/summary',
    query: SummaryQuery,
    response: Summary,
    status: 200,
    summary: 'Activities, results and figures of a period, in total and by one grouping',
    tags,
  }),
  periods: endpoint({
    method: 'GET',
    path: '/api/reports/periods',
    query: ReportPeriodQuery,
    response: ReportPeriodList,
    status: 200,
    summary: "A year's report periods: months, quarters, the official half-year and year, the 30/7 peak",
    tags,
  }),
  coverage: endpoint({
    method: 'GET',
    path: '/api/reports/coverage',
    query: CoverageQuery,
    response: Coverage,
    status: 200,
    summary:
      'Communes and wards × target groups (or channels): where no activity reached; overdue results by agency',
    tags,
  }),
  counted: endpoint({
    method: 'GET',
    path: '/api/reports/activities',
    query: CountedQuery,
    response: ActivityList,
    status: 200,
    summary: 'The activities one figure counts (same period, filters and basis), sorted and paged',
    tags,
  }),
  countedExport: endpoint({
    method: 'GET',
    path: '/api/reports/activities/export',
    query: CountedExportQuery,
    status: 200,
    summary: 'The activities one figure counts, as xlsx or csv',
    tags,
  }),
  /** The answer is a Word, Excel or CSV file, not JSON: the web links to it for the browser to download. */
  export: endpoint({
    method: 'GET',
    path: '/api/reports/export',
    query: ExportQuery,
    status: 200,
    summary: 'The periodic report as a download: xlsx, docx or csv (the activity list)',
    tags,
  }),
};
