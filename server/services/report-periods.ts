// The periods reports are asked for: calendar months, quarters and the year; the official
// reporting cut-offs (by default half-year 15/12–14/6 and year 15/12–14/12, after
// NĐ 09/2019/NĐ-CP as provinces apply it; REPORT_YEAR_START changes the day); and the 30/7
// peak window of the year. All dates inclusive, local.
import { and, eq } from 'drizzle-orm';
import { observanceThemes } from '../../db/schema';
import type { ReportPeriod } from '../contracts/reports';
import { addMonths, englishMonth, lastDayOfMonth, previousDay, vietnameseDate } from '../domain/time';
import type { ServiceContext } from './context';

/**
 * The official reporting year Y from its start day (`MM-DD`): a start after June belongs to
 * the year before (15/12/Y-1); its half-year and year end the day before six and twelve
 * months on.
 */
export function officialYear(year: number, start: string) {
  const month = Number(start.slice(0, 2));
  const first = `${month > 6 ? year - 1 : year}-${start}`;
  return {
    start: first,
    halfYearEnd: previousDay(addMonths(first, 6)),
    yearEnd: previousDay(addMonths(first, 12)),
  };
}
/** The 30/7 peak's usual window when the year's theme gives none. */
const DEFAULT_PEAK = { start: '07-01', end: '09-30' };

const pad = (n: number) => String(n).padStart(2, '0');

export function reportPeriods(ctx: ServiceContext, year: number, officialStart = '12-15'): ReportPeriod[] {
  const months: ReportPeriod[] = Array.from({ length: 12 }, (_, index) => {
    const month = index + 1;
    return {
      kind: 'month',
      code: `month-${month}`,
      label: `Tháng ${month}/${year}`,
      labelEn: englishMonth(`${year}-${pad(index + 1)}-01`),
      startDate: `${year}-${pad(month)}-01`,
      endDate: lastDayOfMonth(year, month),
    };
  });
  const roman = ['I', 'II', 'III', 'IV'];
  const quarters: ReportPeriod[] = [1, 2, 3, 4].map((quarter) => ({
    kind: 'quarter',
    code: `quarter-${quarter}`,
    label: `Quý ${roman[quarter - 1]}/${year}`,
    labelEn: `Q${quarter} ${year}`,
    startDate: `${year}-${pad(quarter * 3 - 2)}-01`,
    endDate: lastDayOfMonth(year, quarter * 3),
  }));
  const official = officialYear(year, officialStart);
  const theme = ctx.db
    .select()
    .from(observanceThemes)
    .where(and(eq(observanceThemes.observanceCode, 'anti_trafficking_day'), eq(observanceThemes.year, year)))
    .get();
  const peakStart = theme?.peakStartDate ?? `${year}-${DEFAULT_PEAK.start}`;
  const peakEnd = theme?.peakEndDate ?? `${year}-${DEFAULT_PEAK.end}`;
  return [
    {
      kind: 'official-half-year',
      code: 'official-half-year',
      label: `Sơ kết 6 tháng đầu năm ${year} (${vietnameseDate(official.start)}–${vietnameseDate(official.halfYearEnd)})`,
      labelEn: `Half-year ${year} report (${vietnameseDate(official.start)}–${vietnameseDate(official.halfYearEnd)})`,
      startDate: official.start,
      endDate: official.halfYearEnd,
    },
    {
      kind: 'official-year',
      code: 'official-year',
      label: `Tổng kết năm ${year} (${vietnameseDate(official.start)}–${vietnameseDate(official.yearEnd)})`,
      labelEn: `Annual ${year} report (${vietnameseDate(official.start)}–${vietnameseDate(official.yearEnd)})`,
      startDate: official.start,
      endDate: official.yearEnd,
    },
    {
      kind: 'peak',
      code: 'peak',
      label: `Cao điểm 30/7/${year} (${vietnameseDate(peakStart)}–${vietnameseDate(peakEnd)})`,
      labelEn: `30/7 peak ${year} (${vietnameseDate(peakStart)}–${vietnameseDate(peakEnd)})`,
      startDate: peakStart,
      endDate: peakEnd,
    },
    {
      kind: 'year',
      code: 'year',
      label: `Năm ${year} (1/1–31/12)`,
      labelEn: `Calendar year ${year}`,
      startDate: `${year}-01-01`,
      endDate: `${year}-12-31`,
    },
    ...quarters,
    ...months,
  ];
}
