// The words of a report's header and closing that do not come from the figures: the trích
// yếu by kind, who signs by the kind of body, nơi nhận by scope, and how its lines print.
import type { Report, ReportKind } from '../contracts/report-records';
import { dateParts } from '../domain/time';
import { SUBJECT } from './report-sections';

/** What the document prints beside the figures: the record's own fields. */
export type DocumentFields = Pick<
  Report,
  'kind' | 'number' | 'symbol' | 'place' | 'issueDate' | 'subject' | 'sections' | 'recipients' | 'signer'
>;

/** The trích yếu, as the kind of report words it: the year is the one the period ends in. */
export function subjectOf(kind: ReportKind, endDate: string, campaignName?: string): string {
  const { year } = dateParts(endDate);
  switch (kind) {
    case 'half_year':
      return `Sơ kết ${SUBJECT} 6 tháng đầu năm ${year}`;
    case 'year':
      return `Tổng kết ${SUBJECT} năm ${year} và phương hướng, nhiệm vụ năm ${year + 1}`;
    case 'campaign':
      return campaignName
        ? `Kết quả thực hiện ${campaignName.charAt(0).toLocaleLowerCase('vi')}${campaignName.slice(1)}`
        : `Kết quả đợt cao điểm ${SUBJECT}`;
    case 'custom':
      return `Kết quả ${SUBJECT}`;
  }
}

/**
 * Who signs, by the kind of body: a People's Committee on behalf of its members (TM.), a
 * police force or a department by its director, any other body by its head.
 */
export function authorityOf(kind: string): string {
  if (kind === 'people_committee' || kind === 'commune_authority') return 'TM. ỦY BAN NHÂN DÂN';
  if (kind === 'police' || kind === 'department') return 'GIÁM ĐỐC';
  return 'THỦ TRƯỞNG CƠ QUAN';
}

/**
 * Nơi nhận: the bodies reported to (the one above, and for a province-wide report the
 * province's People's Committee), the steering committee's members, the archive.
 */
export function recipientsOf(reportedTo: readonly string[], provinceWide: boolean, symbol: string): string[] {
  return [
    ...[...new Set(reportedTo.filter(Boolean))].map((name) => `${name} (để báo cáo)`),
    ...(provinceWide ? ['Các cơ quan, đơn vị thành viên Ban Chỉ đạo'] : []),
    `Lưu: VT, ${symbol}`,
  ];
}

/**
 * A table's last row: the summary's totals, where a joint activity counts once, so not
 * the sum of rows that credit it to every agency, unit or group it touches.
 */
export const TOTAL_LABEL = 'Tổng cộng (mỗi hoạt động tính một lần)';
