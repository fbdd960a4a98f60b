// What a periodic report says it is, in the words every export shares: the kind of report
// its period makes it, its trích yếu, and the label of a table's total row. The Word and
// the Excel files print the same subject, so it is written once, here.
import { addMonths, dateParts, previousDay } from '../domain/time';
import type { ReportData } from './report-data';
import { officialYear } from './report-periods';

export type ReportKind = 'half_year' | 'year' | 'custom';

/** What every report is about: the subject's words after the kind of report. */
export const SUBJECT = 'công tác truyền thông phòng, chống mua bán người';

/**
 * A table's last row: the summary's totals, where a joint activity counts once, so not
 * the sum of rows that credit it to every agency, unit or group it touches.
 */
export const TOTAL_LABEL = 'Tổng cộng (mỗi hoạt động tính một lần)';

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

/** The trích yếu, as the kind of report words it: the year is the one the period ends in. */
export function subjectOf(data: Pick<ReportData, 'query' | 'yearStart'>): string {
  const year = dateParts(data.query.endDate).year;
  switch (reportKindOf(data.query.startDate, data.query.endDate, data.yearStart)) {
    case 'half_year':
      return `Sơ kết ${SUBJECT} 6 tháng đầu năm ${year}`;
    case 'year':
      return `Tổng kết ${SUBJECT} năm ${year} và phương hướng, nhiệm vụ năm ${year + 1}`;
    case 'custom':
      return `Kết quả ${SUBJECT}`;
  }
}
