// The periods reports are asked for: calendar months, quarters and the year; the official
// reporting cut-offs (half-year 15/12–14/6, year 15/12–14/12, after NĐ 09/2019/NĐ-CP as
// provinces apply it); and the 30/7 peak window of the year. All dates inclusive, local.
import { and, eq } from 'drizzle-orm';
import { observanceThemes } from '../../db/schema';
import type { ReportPeriod } from '../contracts/reports';
import type { ServiceContext } from './context';
import { addDays, vietnameseDate } from './time';

/** Day and month on which the official reporting year starts, in the year before. */
const OFFICIAL_YEAR_START = { month: 12, day: 15 };
/** The 30/7 peak's usual window when the year's theme gives none. */
const DEFAULT_PEAK = { start: '07-01', end: '09-30' };

const pad = (n: number) => String(n).padStart(2, '0');

function lastDayOfMonth(year: number, month: number): string {
  return addDays(month === 12 ? `${year + 1}-01-01` : `${year}-${pad(month + 1)}-01`, -1);
}

export function reportPeriods(ctx: ServiceContext, year: number): ReportPeriod[] {
  const months: ReportPeriod[] = Array.from({ length: 12 }, (_, index) => {
    const month = index + 1;
    return {
      kind: 'month',
      code: `month-${month}`,
      label: `Tháng ${month}/${year}`,
      labelEn: `${new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' }).format(Date.UTC(year, index, 1))} ${year}`,
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
  const officialStart = `${year - 1}-${pad(OFFICIAL_YEAR_START.month)}-${pad(OFFICIAL_YEAR_START.day)}`;
  const halfYearEnd = addDays(`${year}-06-${pad(OFFICIAL_YEAR_START.day)}`, -1);
  const yearEnd = addDays(`${year}-${pad(OFFICIAL_YEAR_START.month)}-${pad(OFFICIAL_YEAR_START.day)}`, -1);
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
      label: `Sơ kết 6 tháng đầu năm ${year} (${vietnameseDate(officialStart)}–${vietnameseDate(halfYearEnd)})`,
      labelEn: `Half-year ${year} report (${vietnameseDate(officialStart)}–${vietnameseDate(halfYearEnd)})`,
      startDate: officialStart,
      endDate: halfYearEnd,
    },
    {
      kind: 'official-year',
      code: 'official-year',
      label: `Tổng kết năm ${year} (${vietnameseDate(officialStart)}–${vietnameseDate(yearEnd)})`,
      labelEn: `Annual ${year} report (${vietnameseDate(officialStart)}–${vietnameseDate(yearEnd)})`,
      startDate: officialStart,
      endDate: yearEnd,
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
