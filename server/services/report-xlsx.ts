// The periodic report as an Excel workbook: one sheet per table (the totals, by type, by
// unit, by agency, by target group, the activity list). Each sheet opens with the report's
// header lines (on the first sheet the issuing body beside the national motto, then the
// title, the subject and the period; a short reminder on the others), then its table:
// Vietnamese headers wrapped between words, figures as numbers in `#,##0`, days as date
// cells, and on a grouped sheet a total row that is the summary's own. Printed on A4
// landscape, one page wide, the table's header repeated on every page, pages numbered.
import ExcelJS from 'exceljs';
import type { SummaryRow } from '../contracts/reports';
import { unitWord } from '../domain/indicators';
import { documentDate, utcMidnightOf } from '../domain/time';
import { activityListCells, activityListHeader, indicatorHeader, type ReportData } from './report-data';
import { type DocumentFields, TOTAL_LABEL } from './report-words';

type Cell = string | number | Date | null;

/** How a column reads: text wraps, a figure is a whole number, a date a day, a code a bare number. */
type Kind = 'text' | 'figure' | 'date' | 'code';

type Column = {
  header: string;
  kind: Kind;
  /** The widest a text column grows before it wraps. */
  maxWidth?: number;
};

type SheetTable = {
  columns: Column[];
  rows: Cell[][];
  /** The summary's totals, not the rows' sum: on a grouped sheet a joint activity is in several rows. */
  total?: Cell[];
  note?: string;
  /** Leading columns kept in view when scrolling sideways. */
  frozenColumns: number;
};

type Line = { text: string; bold?: boolean; italic?: boolean; size?: number };

/** What stands above a table: the decree's two blocks side by side, then lines across the width. */
type Heading = { left: Line[]; right: Line[]; across: Line[] };

// The font of Vietnamese official documents, as in the Word report; LibreOffice prints it
// with Liberation Serif, which has the same widths.
const FONT = 'Times New Roman';
const SIZE = 12;
const NUMBER_FORMAT = '#,##0';
const DATE_FORMAT = 'dd/mm/yyyy';
/** Points per line of 12 pt text, with the leading Excel and LibreOffice give it. */
const LINE_HEIGHT = 16;
/** A figure header wraps onto at most this many lines; past it the column widens. */
const MAX_HEADER_LINES = 7;
const MIN_FIGURE_WIDTH = 9;
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF6' } };
const GRID: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF9E9E9E' } };
const RULE: Partial<ExcelJS.Border> = { style: 'medium', color: { argb: 'FF000000' } };

// ---------------------------------------------------------------- widths, estimated

/**
 * A column's width counts the default font's digits (Calibri 11, 7 pixels). A Times New
 * Roman 12 small letter is about one of them, a capital half as wide again, bold a tenth
 * wider. Estimated, not measured, and leaning generous: neither Excel nor LibreOffice
 * widens a column on opening. The estimate is Excel's; LibreOffice without Calibri counts
 * in a wider digit, and draws every column (and its wrapped lines) a little roomier.
 */
const PADDING = 2;
function textWidth(text: string, bold = false): number {
  let width = 0;
  for (const char of text) {
    if (char === ' ') width += 0.6;
    else if (char !== char.toLocaleLowerCase('vi')) width += 1.5;
    else width += 1.05;
  }
  return bold ? width * 1.1 : width;
}
const figureText = (value: number) => Math.round(value).toLocaleString('en-US');

/** The lines a text takes in a width, broken between words only (as wrapText breaks it). */
function linesAt(text: string, width: number, bold = false): number {
  const room = width - PADDING;
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const need = textWidth(word, bold);
    if (used === 0) used = need;
    else if (used + textWidth(` ${word}`, bold) <= room) used += textWidth(` ${word}`, bold);
    else {
      lines += 1;
      used = need;
    }
  }
  return lines;
}

function cellWidth(value: Cell, bold: boolean): number {
  if (value === null) return 0;
  if (value instanceof Date) return textWidth(DATE_FORMAT, bold);
  if (typeof value === 'number') return textWidth(figureText(value), true);
  return textWidth(value, bold);
}

/**
 * Wide enough for the header's longest word (a header never breaks inside a word) and, for
 * a figure, its largest number; a text column grows with its cells up to its `maxWidth`.
 */
function widthOf(column: Column, cells: { value: Cell; bold: boolean }[]): number {
  const longestWord = Math.max(0, ...column.header.split(/\s+/).map((word) => textWidth(word, true)));
  const content = Math.max(0, ...cells.map((cell) => cellWidth(cell.value, cell.bold))) + PADDING;
  let width = Math.ceil(longestWord + PADDING);
  if (column.kind === 'text') width = Math.max(width, Math.min(content, column.maxWidth ?? 40));
  else width = Math.max(width, content, column.kind === 'figure' ? MIN_FIGURE_WIDTH : 0);
  while (linesAt(column.header, width, true) > MAX_HEADER_LINES) width += 1;
  return Math.ceil(width);
}

function widthsOf(table: SheetTable): number[] {
  const lines = [
    ...table.rows.map((cells) => ({ cells, bold: false })),
    ...(table.total ? [{ cells: table.total, bold: true }] : []),
  ];
  return table.columns.map((column, index) =>
    widthOf(
      column,
      lines.map((line) => ({ value: line.cells[index] ?? null, bold: line.bold })),
    ),
  );
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

// ---------------------------------------------------------------- the header lines

const font = (line: Pick<Line, 'bold' | 'italic' | 'size'> = {}): Partial<ExcelJS.Font> => ({
  name: FONT,
  size: line.size ?? SIZE,
  bold: line.bold ?? false,
  italic: line.italic ?? false,
});

/** One line merged over columns `from` to `to`, centred, its row as tall as its wrapped text. */
function mergedLine(
  sheet: ExcelJS.Worksheet,
  row: number,
  span: { from: number; to: number; width: number },
  line: Line,
) {
  if (span.to > span.from) sheet.mergeCells(row, span.from, row, span.to);
  const cell = sheet.getCell(row, span.from);
  cell.value = line.text;
  cell.font = font(line);
  cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  const size = line.size ?? SIZE;
  // A merged cell is never fitted, not even by Excel: its row always gets a height.
  const lines = linesAt(line.text, (span.width * SIZE) / size, line.bold);
  const height = Math.max(sheet.getRow(row).height ?? 0, (lines * LINE_HEIGHT * size) / SIZE + 3);
  sheet.getRow(row).height = height;
}

/** The width a block's lines take on one line each. */
function blockWidth(lines: Line[]): number {
  return (
    Math.max(0, ...lines.map((line) => (textWidth(line.text, line.bold) * (line.size ?? SIZE)) / SIZE)) +
    PADDING
  );
}

/**
 * Where the heading's two blocks meet: after the first columns that make about 40 % of the
 * width (as the decree divides the page) and hold the issuing body's lines. Under a narrow
 * table (the overview) the columns of the motto's side widen until each line fits on one.
 */
function headingLayout(widths: number[], heading: Heading): { widths: number[]; split: number } {
  if (widths.length < 2) return { widths, split: widths.length };
  const total = sum(widths);
  const leftNeed = blockWidth(heading.left);
  let split = 1;
  while (split < widths.length - 1 && sum(widths.slice(0, split)) < Math.max(total * 0.4, leftNeed)) {
    split += 1;
  }
  const right = widths.slice(split);
  const lacking = blockWidth(heading.right) - sum(right);
  if (lacking <= 0) return { widths, split };
  const grown = right.map((width) => Math.ceil(width + (lacking * width) / sum(right)));
  return { widths: [...widths.slice(0, split), ...grown], split };
}

/**
 * The heading's rows from row 1: the issuing body's block beside the motto's, then the
 * lines across the whole width. Answers the first row after it.
 */
function writeHeading(sheet: ExcelJS.Worksheet, widths: number[], split: number, heading: Heading): number {
  const total = sum(widths);
  const left = { from: 1, to: split, width: sum(widths.slice(0, split)) };
  const right = { from: split + 1, to: widths.length, width: total - left.width };
  const across = { from: 1, to: widths.length, width: total };
  let row = 1;
  if (split >= widths.length) {
    // One column has no room for two blocks: they stand one under the other.
    for (const line of [...heading.left, ...heading.right]) mergedLine(sheet, row++, across, line);
  } else {
    const blockRows = Math.max(heading.left.length, heading.right.length);
    for (let index = 0; index < blockRows; index++) {
      const leftLine = heading.left[index];
      const rightLine = heading.right[index];
      if (leftLine) mergedLine(sheet, row, left, leftLine);
      if (rightLine) mergedLine(sheet, row, right, rightLine);
      row += 1;
    }
  }
  for (const line of heading.across) {
    if (line.text) mergedLine(sheet, row, across, line);
    row += 1;
  }
  return row;
}

const capitalised = (text: string) => `${text.charAt(0).toLocaleUpperCase('vi')}${text.slice(1)}`;

/** The first sheet's heading: the administrative header of the Word report, then its title. */
function fullHeading(data: ReportData, fields: DocumentFields): Heading {
  const { issuer } = data;
  const date = documentDate(fields.issueDate ?? data.today);
  return {
    left: [
      ...(issuer.parent ? [{ text: issuer.parent }] : []),
      { text: issuer.body, bold: true },
      { text: `Số: ${fields.number || '      '}/${fields.symbol}` },
    ],
    right: [
      { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold: true },
      { text: 'Độc lập - Tự do - Hạnh phúc', bold: true },
      { text: issuer.place ? `${issuer.place}, ${date}` : capitalised(date), italic: true },
    ],
    across: [
      { text: '' },
      { text: 'BÁO CÁO', bold: true, size: 14 },
      { text: fields.subject, bold: true, size: 13 },
      { text: `(${capitalised(data.periodWords)})`, italic: true },
      { text: '' },
    ],
  };
}

/** Every other sheet's: who reports, what the sheet holds, and for which report and period. */
function shortHeading(data: ReportData, fields: DocumentFields, title: string): Heading {
  return {
    left: [{ text: data.issuer.body, bold: true }],
    right: [],
    across: [
      { text: title, bold: true, size: 13 },
      { text: `${fields.subject} (${data.periodWords})`, italic: true },
      { text: '' },
    ],
  };
}

// ---------------------------------------------------------------- the table

function styleCell(cell: ExcelJS.Cell, kind: Kind, bold: boolean, top: Partial<ExcelJS.Border>) {
  cell.font = font({ bold });
  cell.border = { top, left: GRID, bottom: GRID, right: GRID };
  if (kind === 'text') cell.alignment = { horizontal: 'left', vertical: 'top', wrapText: true };
  else cell.alignment = { horizontal: kind === 'date' ? 'center' : 'right', vertical: 'top' };
  if (kind === 'figure') cell.numFmt = NUMBER_FORMAT;
  if (kind === 'date') cell.numFmt = DATE_FORMAT;
}

/** Rows get the height their wrapped text needs: LibreOffice does not fit a row on opening. */
function fitHeight(sheet: ExcelJS.Worksheet, row: number, lines: number) {
  if (lines > 1) sheet.getRow(row).height = lines * LINE_HEIGHT + 3;
}

function writeHeaderRow(sheet: ExcelJS.Worksheet, row: number, columns: Column[], widths: number[]) {
  columns.forEach((column, index) => {
    const cell = sheet.getCell(row, index + 1);
    cell.value = column.header;
    cell.font = font({ bold: true });
    cell.fill = HEADER_FILL;
    cell.border = { top: GRID, left: GRID, bottom: GRID, right: GRID };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  fitHeight(
    sheet,
    row,
    Math.max(...columns.map((column, index) => linesAt(column.header, widths[index] ?? 0, true))),
  );
}

/** A row of the table; the total row is bold under a rule. */
function writeRow(
  sheet: ExcelJS.Worksheet,
  row: number,
  table: SheetTable,
  widths: number[],
  cells: Cell[],
  total: boolean,
) {
  let lines = 1;
  table.columns.forEach((column, index) => {
    const cell = sheet.getCell(row, index + 1);
    const value = cells[index] ?? null;
    cell.value = value;
    styleCell(cell, column.kind, total, total ? RULE : GRID);
    if (typeof value === 'string') lines = Math.max(lines, linesAt(value, widths[index] ?? 0, total));
  });
  fitHeight(sheet, row, lines);
}

/**
 * A4 (paper size 9) landscape, as wide as one page and as many pages long as it takes, the
 * table's header row printed again at the top of each page, page numbers in the footer.
 */
function printSetup(sheet: ExcelJS.Worksheet, headerRow: number) {
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
    printTitlesRow: `${headerRow}:${headerRow}`,
  };
  sheet.headerFooter = { oddFooter: '&CTrang &P/&N' };
}

function addSheet(workbook: ExcelJS.Workbook, name: string, heading: Heading, table: SheetTable) {
  const sheet = workbook.addWorksheet(name);
  const { widths, split } = headingLayout(widthsOf(table), heading);
  widths.forEach((width, index) => {
    // exceljs leaves a width of exactly 9, its default, unwritten, and Excel would use its own 8.43.
    sheet.getColumn(index + 1).width = width === 9 ? 9.1 : width;
  });
  const headerRow = writeHeading(sheet, widths, split, heading);
  writeHeaderRow(sheet, headerRow, table.columns, widths);
  let row = headerRow + 1;
  for (const cells of table.rows) writeRow(sheet, row++, table, widths, cells, false);
  if (table.total) writeRow(sheet, row++, table, widths, table.total, true);
  if (table.note) {
    const across = { from: 1, to: table.columns.length, width: sum(widths) };
    mergedLine(sheet, row + 1, across, { text: table.note, italic: true });
    sheet.getCell(row + 1, 1).alignment = { horizontal: 'left', vertical: 'top', wrapText: true };
  }
  // The heading scrolls away; the table's header row (and its first columns) stay in view.
  sheet.views = [{ state: 'frozen', xSplit: table.frozenColumns, ySplit: headerRow }];
  printSetup(sheet, headerRow);
}

// ---------------------------------------------------------------- the sheets

/** Why the rows of a grouping may add up to more than the total row. */
const overlapNotes: Partial<Record<ReportData['tables'][number]['key'], string>> = {
  unit: 'một hoạt động trên nhiều địa bàn được tính ở mỗi địa bàn',
  agency: 'một hoạt động phối hợp được tính ở dòng của cơ quan chủ trì và của mỗi cơ quan phối hợp',
  targetGroup: 'một hoạt động hướng tới nhiều nhóm đối tượng được tính ở mỗi nhóm',
};

const sheetNames: Record<ReportData['tables'][number]['key'], [string, string]> = {
  type: ['Theo loại hình', 'Loại hình hoạt động'],
  unit: ['Theo địa bàn', 'Địa bàn'],
  agency: ['Theo cơ quan', 'Cơ quan chủ trì, phối hợp'],
  targetGroup: ['Theo nhóm đối tượng', 'Nhóm đối tượng'],
};

/** The list's columns before the figures, by header; any other is text. */
const listColumns: Record<string, Omit<Column, 'header'>> = {
  Mã: { kind: 'code' },
  'Ngày bắt đầu': { kind: 'date' },
  'Tên hoạt động': { kind: 'text', maxWidth: 40 },
  'Cơ quan chủ trì': { kind: 'text', maxWidth: 24 },
  'Cơ quan phối hợp': { kind: 'text', maxWidth: 24 },
};

function figureColumns(data: ReportData): Column[] {
  return [
    { header: 'Số hoạt động', kind: 'figure' },
    { header: 'Đã thực hiện (có kết quả)', kind: 'figure' },
    ...data.indicators.map((indicator) => ({ header: indicatorHeader(indicator), kind: 'figure' as const })),
  ];
}

function figureCells(data: ReportData, row: Omit<SummaryRow, 'key' | 'label'>): Cell[] {
  return [
    row.activities,
    row.done,
    ...data.indicators.map((indicator) => row.values[indicator.code] ?? null),
  ];
}

/**
 * The totals, one figure a line with its unit: they read down the first page, and nothing
 * adds them up (each line counts something else).
 */
function overviewTable(data: ReportData): SheetTable {
  const { totals } = data.totals;
  return {
    columns: [
      { header: 'Nội dung', kind: 'text', maxWidth: 60 },
      { header: 'Đơn vị tính', kind: 'text', maxWidth: 20 },
      { header: TOTAL_LABEL.replace('Tổng cộng', 'Kết quả'), kind: 'figure' },
    ],
    rows: [
      ['Số hoạt động', 'hoạt động', totals.activities],
      ['Đã thực hiện (có kết quả)', 'hoạt động', totals.done],
      ...data.indicators.map((indicator) => [
        indicator.name,
        unitWord(indicator),
        totals.values[indicator.code] ?? null,
      ]),
    ],
    frozenColumns: 0,
  };
}

function groupedTable(data: ReportData, table: ReportData['tables'][number]): SheetTable {
  return {
    columns: [{ header: sheetNames[table.key][1], kind: 'text', maxWidth: 36 }, ...figureColumns(data)],
    rows: table.rows.map((row) => [row.label, ...figureCells(data, row)]),
    total: [TOTAL_LABEL, ...figureCells(data, data.totals.totals)],
    frozenColumns: 1,
    ...(table.overlap
      ? {
          note: `Ghi chú: ${overlapNotes[table.key] ?? 'một hoạt động được tính ở mỗi dòng liên quan'}, nên cộng các dòng có thể lớn hơn dòng Tổng cộng, nơi mỗi hoạt động chỉ tính một lần.`,
        }
      : {}),
  };
}

function listTable(data: ReportData): SheetTable {
  return {
    columns: [
      ...activityListHeader.map((header) => ({
        header,
        ...(listColumns[header] ?? { kind: 'text' as const, maxWidth: 20 }),
      })),
      ...data.indicators.map((indicator) => ({
        header: indicatorHeader(indicator),
        kind: 'figure' as const,
      })),
    ],
    rows: data.activities.map((activity) => activityListCells(data, activity, utcMidnightOf)),
    frozenColumns: 3,
  };
}

export async function reportXlsx(data: ReportData, fields: DocumentFields): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Lịch truyền thông phòng, chống mua bán người';
  workbook.title = `${fields.subject} ${data.periodWords}`;
  // The report's own day through the time module, not the server's clock and zone.
  workbook.created = utcMidnightOf(data.today);
  workbook.modified = workbook.created;
  addSheet(workbook, 'Tổng hợp', fullHeading(data, fields), overviewTable(data));
  for (const table of data.tables) {
    addSheet(
      workbook,
      sheetNames[table.key][0],
      shortHeading(data, fields, table.title),
      groupedTable(data, table),
    );
  }
  addSheet(
    workbook,
    'Danh sách hoạt động',
    shortHeading(data, fields, 'Danh sách hoạt động'),
    listTable(data),
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
