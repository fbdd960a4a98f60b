// The report's activity list as CSV for spreadsheets: UTF-8 with a BOM (so that Excel reads
// Vietnamese), RFC 4180 quoting, CRLF line ends, and cells that a spreadsheet would take
// for a formula (= + - @, tab, carriage return) neutralised with a leading apostrophe.
import { activityListCells, activityListHeader, indicatorHeader, type ReportData } from './report-data';

export function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(cells: (string | number)[]): string {
  return cells.map(csvCell).join(',');
}

export function reportCsv(data: ReportData): string {
  const header = [...activityListHeader, ...data.indicators.map(indicatorHeader)];
  // Figures stay plain numbers (no thousands separator): a spreadsheet reads them as numbers.
  const lines = data.activities.map((activity) =>
    csvLine(activityListCells(data, activity).map((cell) => cell ?? '')),
  );
  return `\uFEFF${[csvLine(header), ...lines].join('\r\n')}\r\n`;
}
