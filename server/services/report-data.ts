// What a periodic report holds, gathered once for every export format: the totals, the
// tables by type, unit, agency and target group (from the summary, so every exported figure
// equals the API's), the list of activities with their results, and the words the
// administrative layout needs (issuing body, place, date).
import { asc, eq } from 'drizzle-orm';
import { activities, activityTypes, agencies, results, units } from '../../db/schema';
import type { ReportKind } from '../contracts/report-records';
import type { Summary, SummaryQuery, SummaryRow } from '../contracts/reports';
import { unitWord } from '../domain/indicators';
import { addMonths, dateParts, previousDay, todayIn, vietnameseDate } from '../domain/time';
import { validOn } from '../domain/validity';
import { reviewWords, statusWords } from '../domain/vocabularies';
import { loadLinks } from './activities';
import type { ServiceContext } from './context';
import { gatherContext, type ReportContext } from './report-context';
import { officialYear } from './report-periods';
import { getSummary, scopeOf } from './reports';

export type ListedActivity = {
  id: number;
  startDate: string;
  title: string;
  type: string;
  lead: string;
  partners: string;
  units: string;
  status: string;
  review: string;
  values: Record<string, number>;
};

export type ReportData = {
  query: SummaryQuery;
  /** Sơ kết, tổng kết, a campaign or any other period: decides the trích yếu and part IV. */
  kind: ReportKind;
  /** The day (MM-DD) the official reporting year starts. */
  yearStart: string;
  /** "từ ngày 15/12/2024 đến ngày 14/6/2025" */
  periodWords: string;
  totals: Summary;
  tables: {
    key: 'type' | 'unit' | 'agency' | 'targetGroup';
    title: string;
    rows: SummaryRow[];
    overlap: boolean;
  }[];
  indicators: Summary['indicators'];
  activities: ListedActivity[];
  /**
   * The issuing body: its parent line and its name in capitals as the header prints them,
   * its name as a sentence says it, its letters in the ký hiệu, and the place of the date line.
   */
  issuer: {
    /** The agency kind, which decides the header's parent line and who signs. */
    kind: string;
    parent: string;
    parentName: string;
    body: string;
    bodyName: string;
    symbol: string;
    place: string;
  };
  today: string;
  /** What the text says beyond the totals: plan, tasks, campaigns, standing, coverage. */
  context: ReportContext;
};

/** `Tờ rơi, tờ gấp phát hành (tờ)`: the indicator with the one word its figures are counted in. */
export function indicatorHeader(indicator: ReportData['indicators'][number]): string {
  const word = unitWord(indicator);
  // A name that already says its word ("Tổng thời lượng phát sóng (phút)") does not say it twice.
  return indicator.name.endsWith(`(${word})`) ? indicator.name : `${indicator.name} (${word})`;
}

/** The activity list's columns before the figures, in every export. */
export const activityListHeader = [
  'Mã',
  'Ngày bắt đầu',
  'Tên hoạt động',
  'Loại hình',
  'Cơ quan chủ trì',
  'Cơ quan phối hợp',
  'Địa bàn',
  'Trạng thái',
  'Kết quả',
];

/**
 * One activity's cells in the list, its figures in the report's indicator order. Its date
 * is the `YYYY-MM-DD` text unless `day` writes it otherwise (a date cell in Excel).
 */
export function activityListCells(data: ReportData, activity: ListedActivity): (string | number | null)[];
export function activityListCells<Day>(
  data: ReportData,
  activity: ListedActivity,
  day: (date: string) => Day,
): (string | number | Day | null)[];
export function activityListCells<Day>(
  data: ReportData,
  activity: ListedActivity,
  day?: (date: string) => Day,
): (string | number | Day | null)[] {
  return [
    activity.id,
    day ? day(activity.startDate) : activity.startDate,
    activity.title,
    activity.type,
    activity.lead,
    activity.partners,
    activity.units,
    activity.status,
    activity.review,
    ...data.indicators.map((indicator) => activity.values[indicator.code] ?? null),
  ];
}

/** The activities of the period that count (not cancelled), with names and their result's figures. */
function listedActivities(ctx: ServiceContext, query: SummaryQuery): ListedActivity[] {
  // The same activities as the summary's: the list and the tables never disagree.
  const { where } = scopeOf(ctx, query);
  const acceptedOnly = query.acceptedOnly;
  const rows = ctx.db
    .select({
      id: activities.id,
      startDate: activities.startDate,
      title: activities.title,
      typeCode: activities.typeCode,
      leadAgencyId: activities.leadAgencyId,
      status: activities.status,
      review: results.reviewStatus,
      values: results.values,
    })
    .from(activities)
    .leftJoin(results, eq(results.activityId, activities.id))
    .where(where)
    .orderBy(asc(activities.startAt), asc(activities.id))
    .all();
  const links = loadLinks(
    ctx.db,
    rows.map((row) => row.id),
  );
  const agencyNames = new Map(
    ctx.db
      .select({ id: agencies.id, name: agencies.name })
      .from(agencies)
      .all()
      .map((a) => [a.id, a.name]),
  );
  const unitNames = new Map(
    ctx.db
      .select({ id: units.id, name: units.name })
      .from(units)
      .all()
      .map((u) => [u.id, u.name]),
  );
  const typeNames = new Map(
    ctx.db
      .select({ code: activityTypes.code, name: activityTypes.name })
      .from(activityTypes)
      .all()
      .map((t) => [t.code, t.name]),
  );
  return rows.map((row) => {
    // The same results as the summary counts: submitted and accepted, or accepted only.
    const counts =
      row.review !== null &&
      (row.review === 'accepted' || (acceptedOnly !== 'true' && row.review === 'submitted'));
    return {
      id: row.id,
      startDate: row.startDate,
      title: row.title,
      type: typeNames.get(row.typeCode) ?? row.typeCode,
      lead: agencyNames.get(row.leadAgencyId) ?? '',
      partners: (links.partners.get(row.id) ?? []).map((id) => agencyNames.get(id) ?? '').join('; '),
      units: (links.units.get(row.id) ?? []).map((id) => unitNames.get(id) ?? '').join('; '),
      status: statusWords[row.status],
      review: row.review ? reviewWords[row.review] : 'Chưa báo cáo',
      values: counts && row.values ? row.values : {},
    };
  });
}

/** The agency's header lines as a document prints them, from its own fields. */
export function issuerWords(
  agency: { kind: string; name: string; documentSymbol: string; parentLine: string } | undefined,
  place: string,
): ReportData['issuer'] {
  return {
    kind: agency?.kind ?? '',
    parent: agency?.parentLine.toLocaleUpperCase('vi') ?? '',
    parentName: agency?.parentLine ?? '',
    body: agency?.name.toLocaleUpperCase('vi') ?? '',
    bodyName: agency?.name ?? '',
    symbol: agency?.documentSymbol ?? '',
    place,
  };
}

/** The place of the date line: the province (or centrally run city) in being on the day. */
export function placeOn(ctx: ServiceContext, date: string): string {
  return (
    ctx.db
      .select()
      .from(units)
      .where(eq(units.tier, 1))
      .all()
      .find((unit) => validOn(unit, date))?.shortName ?? ''
  );
}

/** The standing agency (the provincial police) in being on the day, which issues the province's report. */
export function standingAgencyOn(ctx: ServiceContext, date: string) {
  return ctx.db
    .select()
    .from(agencies)
    .all()
    .find((agency) => agency.kind === 'police' && /^CA_[A-Z]+$/.test(agency.code) && validOn(agency, date));
}

/** The body issuing an ad hoc export: the user's agency, else the standing agency. */
function issuerOf(ctx: ServiceContext, date: string): ReportData['issuer'] {
  const own = ctx.actor?.agencyId
    ? ctx.db.select().from(agencies).where(eq(agencies.id, ctx.actor.agencyId)).get()
    : undefined;
  const issuer = own && validOn(own, date) ? own : standingAgencyOn(ctx, date);
  return issuerWords(issuer, placeOn(ctx, date));
}

/** `yearStart`: the day (MM-DD) the official reporting year starts, which names a half-year or a year report. */
export function gatherReport(
  ctx: ServiceContext,
  query: SummaryQuery,
  yearStart = '12-15',
  kind?: ReportKind,
): ReportData {
  const base = { ...query, groupBy: undefined };
  const table = (key: ReportData['tables'][number]['key'], title: string) => {
    const summary = getSummary(ctx, { ...base, groupBy: key });
    return { key, title, rows: summary.rows, overlap: summary.rowsOverlap };
  };
  const totals = getSummary(ctx, base);
  const today = todayIn(ctx.timeZone, ctx.now);
  return {
    query,
    kind: kind ?? reportKindOf(query.startDate, query.endDate, yearStart),
    yearStart,
    periodWords: `từ ngày ${vietnameseDate(query.startDate)} đến ngày ${vietnameseDate(query.endDate)}`,
    totals,
    tables: [
      table('type', 'Kết quả theo loại hình hoạt động'),
      table('unit', 'Kết quả theo địa bàn'),
      table('agency', 'Kết quả theo cơ quan, đơn vị chủ trì và phối hợp'),
      table('targetGroup', 'Kết quả theo nhóm đối tượng'),
    ],
    indicators: totals.indicators,
    activities: listedActivities(ctx, query),
    issuer: issuerOf(ctx, today),
    today,
    context: gatherContext(ctx, base),
  };
}

/**
 * The first six months of a reporting year are a half-year report (sơ kết), the whole year
 * a year report (tổng kết); the reporting year starts on the official day (`yearStart`,
 * 15/12 by default) or on 1/1. Any other period is reported as itself.
 */
export function reportKindOf(startDate: string, endDate: string, yearStart: string): ReportKind {
  const { year } = dateParts(endDate);
  const starts = [officialYear(year, yearStart).start, `${year}-01-01`];
  if (!starts.includes(startDate)) return 'custom';
  if (endDate === previousDay(addMonths(startDate, 6))) return 'half_year';
  if (endDate === previousDay(addMonths(startDate, 12))) return 'year';
  return 'custom';
}
