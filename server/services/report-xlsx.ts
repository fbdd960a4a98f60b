// The periodic report as an Excel workbook: one sheet per table (the totals, by type, by
// unit, by agency, by target group, the activity list), Vietnamese headers, whole-number
// formats, frozen header rows. Figures are numbers in their cells, never text.
import ExcelJS from 'exceljs';
import type { SummaryRow } from '../contracts/reports';
import { activityListCells, activityListHeader, indicatorHeader, type ReportData } from './report-data';

const numberFormat = '#,##0';
const headerFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF6' } };

/** A sheet with a title row, a header row frozen under it, and its rows. */
function addSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  title: string,
  header: string[],
  rows: (string | number | null)[][],
  firstNumberColumn: number,
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.addRow([title]).font = { bold: true, size: 13 };
  const headerRow = sheet.addRow(header);
  headerRow.font = { bold: true };
  headerRow.alignment = { wrapText: true, vertical: 'middle' };
  headerRow.eachCell((cell) => {
    cell.fill = headerFill;
  });
  for (const row of rows) sheet.addRow(row);
  sheet.columns.forEach((column, index) => {
    column.width = index + 1 < firstNumberColumn ? 32 : 16;
    if (index + 1 >= firstNumberColumn) column.numFmt = numberFormat;
  });
  return sheet;
}

function tableRows(rows: SummaryRow[], data: ReportData) {
  return rows.map((row) => [
    row.label,
    row.activities,
    row.done,
    ...data.indicators.map((indicator) => row.values[indicator.code] ?? null),
  ]);
}

export async function reportXlsx(data: ReportData): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Lịch truyền thông phòng, chống mua bán người';
  workbook.created = new Date();
  const indicatorHeaders = data.indicators.map(indicatorHeader);
  const tableHeader = (first: string) => [
    first,
    'Số hoạt động',
    'Đã thực hiện (có kết quả)',
    ...indicatorHeaders,
  ];
  const period = `Kết quả công tác truyền thông phòng, chống mua bán người ${data.periodWords}`;

  addSheet(
    workbook,
    'Tổng hợp',
    period,
    tableHeader('Nội dung'),
    [
      [
        'Toàn bộ (mỗi hoạt động tính một lần)',
        data.totals.totals.activities,
        data.totals.totals.done,
        ...data.indicators.map((indicator) => data.totals.totals.values[indicator.code] ?? null),
      ],
    ],
    2,
  );
  const sheetNames: Record<string, [string, string]> = {
    type: ['Theo loại hình', 'Loại hình hoạt động'],
    unit: ['Theo địa bàn', 'Địa bàn'],
    agency: ['Theo cơ quan', 'Cơ quan chủ trì, phối hợp'],
    targetGroup: ['Theo nhóm đối tượng', 'Nhóm đối tượng'],
  };
  for (const table of data.tables) {
    const [name, first] = sheetNames[table.key] ?? [table.title, ''];
    const sheet = addSheet(workbook, name, table.title, tableHeader(first), tableRows(table.rows, data), 2);
    if (table.overlap) {
      sheet.addRow([]);
      sheet.addRow([
        'Ghi chú: một hoạt động phối hợp (hoặc trên nhiều kênh, nhiều địa bàn) được tính ở mỗi dòng liên quan; cộng các dòng có thể lớn hơn tổng.',
      ]).font = { italic: true };
    }
  }
  addSheet(
    workbook,
    'Danh sách hoạt động',
    `Danh sách hoạt động ${data.periodWords}`,
    [...activityListHeader, ...indicatorHeaders],
    data.activities.map((activity) => activityListCells(data, activity)),
    10,
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
