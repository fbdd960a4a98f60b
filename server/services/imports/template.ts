// The import template (`GET /api/imports/template`): the headings the preview reads first,
// in Vietnamese, with a sheet that says how to fill them and the names the columns take.
import ExcelJS from 'exceljs';
import { activityTypes, channels, targetGroups } from '../../../db/schema';
import { fieldHeadings, importFields } from '../../domain/imports';
import type { Tx } from '../context';

const guidance = [
  'Mỗi dòng là một hoạt động. Cột có dấu * là bắt buộc.',
  'Ngày viết như 30/7/2025 (hoặc 30-07-2025, hoặc ô ngày của Excel); "30/7" lấy năm chọn khi nhập.',
  'Giờ viết như 08:00 hoặc 8h-10h; để trống nếu hoạt động cả ngày.',
  'Cơ quan, địa bàn, đối tượng, kênh: ghi tên (có dấu hay không dấu đều được), nhiều tên cách nhau bằng dấu ;',
  'Mã hoạt động và Phiên bản: để trống khi thêm mới; có khi tệp được xuất từ hệ thống để sửa.',
];

const required = new Set(['title', 'type', 'startDate', 'lead']);

export async function importTemplate(tx: Tx): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Hoạt động', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = importFields.map((field) => ({
    header: `${fieldHeadings[field]}${required.has(field) ? ' *' : ''}`,
    width: field === 'title' ? 45 : 22,
  }));
  sheet.getRow(1).font = { bold: true };
  const notes = workbook.addWorksheet('Hướng dẫn');
  notes.getColumn(1).width = 100;
  for (const line of guidance) notes.addRow([line]);
  const lists: [string, { name: string }[]][] = [
    ['Loại hình', tx.select({ name: activityTypes.name }).from(activityTypes).all()],
    ['Kênh', tx.select({ name: channels.name }).from(channels).all()],
    ['Đối tượng', tx.select({ name: targetGroups.name }).from(targetGroups).all()],
  ];
  for (const [title, rows] of lists) {
    notes.addRow([]);
    notes.addRow([title]).font = { bold: true };
    for (const row of rows) notes.addRow([row.name]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
