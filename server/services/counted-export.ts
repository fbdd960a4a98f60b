// The list behind a figure as a file (issue 12): the same activities in the same order as
// the screen's list, one row each, as CSV or as an Excel sheet with day cells.

import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { activities, activityTypes, agencies, results, units } from '../../db/schema';

import { utcMidnightOf, vietnameseDate } from '../domain/time';
import { reviewWords, statusWords } from '../domain/vocabularies';
import { loadLinks } from './activities';
import type { ServiceContext } from './context';
import { type CountedSelection, countedCondition, countedOrder } from './counted-activities';
import { csvLine } from './report-csv';

const header = [
  'Mã',
  'Ngày bắt đầu',
  'Tên hoạt động',
  'Loại hình',
  'Cơ quan chủ trì',
  'Địa bàn',
  'Trạng thái',
  'Kết quả',
];

type Row = {
  id: number;
  startDate: string;
  title: string;
  type: string;
  lead: string;
  units: string;
  status: string;
  result: string;
};

function countedRows(ctx: ServiceContext, query: CountedSelection): Row[] {
  const rows = ctx.db
    .select({
      id: activities.id,
      startDate: activities.startDate,
      title: activities.title,
      type: activityTypes.name,
      lead: agencies.name,
      status: activities.status,
      review: results.reviewStatus,
    })
    .from(activities)
    .leftJoin(activityTypes, eq(activityTypes.code, activities.typeCode))
    .leftJoin(agencies, eq(agencies.id, activities.leadAgencyId))
    .leftJoin(results, eq(results.activityId, activities.id))
    .where(countedCondition(ctx, query))
    .orderBy(...countedOrder(query))
    .all();
  const links = loadLinks(
    ctx.db,
    rows.map((row) => row.id),
  );
  const unitNames = new Map(
    ctx.db
      .select({ id: units.id, name: units.name })
      .from(units)
      .all()
      .map((unit) => [unit.id, unit.name]),
  );
  return rows.map((row) => ({
    id: row.id,
    startDate: row.startDate,
    title: row.title,
    type: row.type ?? '',
    lead: row.lead ?? '',
    units: (links.units.get(row.id) ?? []).map((id) => unitNames.get(id) ?? '').join('; '),
    status: statusWords[row.status],
    result: row.review ? reviewWords[row.review] : 'Chưa báo cáo',
  }));
}

function cells(row: Row): [number, string, string, string, string, string, string] {
  return [row.id, row.title, row.type, row.lead, row.units, row.status, row.result];
}

export function countedCsv(ctx: ServiceContext, query: CountedSelection): Buffer {
  const lines = countedRows(ctx, query).map((row) => {
    const [id, ...rest] = cells(row);
    return csvLine([id, vietnameseDate(row.startDate), ...rest]);
  });
  return Buffer.from(`\uFEFF${[csvLine(header), ...lines].join('\r\n')}\r\n`, 'utf8');
}

const widths = [8, 12, 50, 28, 36, 30, 16, 16];

export async function countedXlsx(ctx: ServiceContext, query: CountedSelection): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Danh sách hoạt động', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = header.map((title, index) => ({ header: title, width: widths[index] ?? 16 }));
  sheet.getRow(1).font = { bold: true };
  for (const row of countedRows(ctx, query)) {
    const [id, ...rest] = cells(row);
    sheet.addRow([id, utcMidnightOf(row.startDate), ...rest]);
  }
  sheet.getColumn(2).numFmt = 'dd/mm/yyyy';
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
  return Buffer.from(await book.xlsx.writeBuffer());
}
