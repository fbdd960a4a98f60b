// The periodic report as a Word document an official can sign, in the layout of Decree
// 30/2020/NĐ-CP: A4 portrait, Times New Roman 13 pt, the issuing body and the national motto
// side by side (40/60) with their short rules, the number and the date line, the kind of
// document and its trích yếu, the text written from the figures (numbers the Vietnamese way:
// 1.234), nơi nhận and the signature block; page numbers from page 2 in the top margin. The
// figures themselves go to an appendix in a landscape section: tables of at most about ten
// figure columns, grouped by family, with a total row and their header repeated on each page.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { SummaryRow } from '../contracts/reports';
import { headedSections, paragraphsOf, recipientLines } from '../domain/report-outline';
import { documentDate, vietnameseDate } from '../domain/time';
import { indicatorHeader, type ReportData } from './report-data';
import { SUBJECT, vn } from './report-sections';
import { type DocumentFields, TOTAL_LABEL } from './report-words';

const FONT = 'Times New Roman';
/** Half-points: 13 pt for the text, as the decree asks (13–14 pt). */
const SIZE = 26;
const LANGUAGE = { value: 'vi-VN' } as const;

/** A4 in twentieths of a point, and the decree's margins: top and bottom 20 mm, left 30, right 20. */
const A4 = { width: 11906, height: 16838 };
const MM = 56.7;
const PORTRAIT_MARGINS = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 20 * MM };
const LANDSCAPE_MARGINS = { top: 20 * MM, bottom: 20 * MM, left: 20 * MM, right: 20 * MM };
const PORTRAIT_TEXT_WIDTH = A4.width - PORTRAIT_MARGINS.left - PORTRAIT_MARGINS.right;
const LANDSCAPE_TEXT_WIDTH = A4.height - LANDSCAPE_MARGINS.left - LANDSCAPE_MARGINS.right;

type Align = (typeof AlignmentType)[keyof typeof AlignmentType];
type RunStyle = { bold?: boolean; italics?: boolean; size?: number };

const run = (text: string, style: RunStyle = {}) =>
  new TextRun({
    text,
    font: FONT,
    size: style.size ?? SIZE,
    bold: style.bold ?? false,
    italics: style.italics ?? false,
    language: LANGUAGE,
  });

function paragraph(
  children: ParagraphChild[] | string,
  options: { align?: Align; indent?: boolean; after?: number; keepNext?: boolean } = {},
) {
  return new Paragraph({
    children: typeof children === 'string' ? [run(children)] : children,
    alignment: options.align ?? AlignmentType.JUSTIFIED,
    spacing: { after: options.after ?? 120, line: 300 },
    keepNext: options.keepNext ?? false,
    ...(options.indent ? { indent: { firstLine: 567 } } : {}),
  });
}

const centered = (text: string, style: RunStyle = {}, after = 0) =>
  paragraph([run(text, style)], { align: AlignmentType.CENTER, after });

/**
 * The short rule under the motto, the issuing body and the trích yếu: an empty line whose
 * top border is `width` twips long, centred in its column of `column` twips.
 */
function shortRule(width: number, column: number): Paragraph {
  const side = Math.max(0, Math.round((column - width) / 2));
  return new Paragraph({
    children: [],
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    indent: { left: side, right: side },
    spacing: { after: 120, line: 240 },
  });
}

const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const noBorders = { top: none, bottom: none, left: none, right: none };

/** A table without lines, for what the decree lays out side by side (header, signature). */
function sideBySide(columns: { width: number; children: Paragraph[] }[]): Table {
  return new Table({
    width: { size: PORTRAIT_TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: columns.map((column) => column.width),
    layout: TableLayoutType.FIXED,
    borders: { ...noBorders, insideHorizontal: none, insideVertical: none },
    rows: [
      new TableRow({
        children: columns.map(
          (column) =>
            new TableCell({
              children: column.children,
              borders: noBorders,
              width: { size: column.width, type: WidthType.DXA },
            }),
        ),
      }),
    ],
  });
}

// ---------------------------------------------------------------- first page

/** Issuing body (40 %) and national motto (60 %), each with its rule, then the number and the date line. */
/** "Số: 12/BC-CATP", or room for the number the register gives when it is not known yet. */
const numberLine = (fields: DocumentFields) => `Số: ${fields.number || '       '}/${fields.symbol}`;
const issuedOn = (data: ReportData, fields: DocumentFields) => fields.issueDate ?? data.today;

function header(data: ReportData, fields: DocumentFields): Table {
  const left = Math.round(PORTRAIT_TEXT_WIDTH * 0.4);
  const right = PORTRAIT_TEXT_WIDTH - left;
  const { issuer } = data;
  return sideBySide([
    {
      width: left,
      children: [
        ...(issuer.parent ? [centered(issuer.parent, { size: 24 })] : []),
        centered(issuer.body, { bold: true, size: 24 }),
        shortRule(Math.min(left * 0.5, 1700), left),
        centered(numberLine(fields), { size: 26 }),
      ],
    },
    {
      width: right,
      children: [
        centered('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 24 }),
        centered('Độc lập - Tự do - Hạnh phúc', { bold: true, size: 26 }),
        shortRule(3400, right),
        centered(`${fields.place || issuer.place}, ${documentDate(issuedOn(data, fields))}`, {
          italics: true,
          size: 26,
        }),
      ],
    },
  ]);
}

function title(data: ReportData, fields: DocumentFields): Paragraph[] {
  const period = fields.kind === 'custom' || fields.kind === 'campaign';
  return [
    paragraph(''),
    centered('BÁO CÁO', { bold: true, size: 28 }),
    centered(fields.subject, { bold: true, size: 28 }),
    ...(period ? [centered(`(${capitalised(data.periodWords)})`, { italics: true })] : []),
    shortRule(1700, PORTRAIT_TEXT_WIDTH),
  ];
}

const capitalised = (text: string) => `${text.charAt(0).toLocaleUpperCase('vi')}${text.slice(1)}`;

// ---------------------------------------------------------------- the text

/** The sections as the outline heads and numbers them, each line a paragraph. */
function body(fields: DocumentFields): Paragraph[] {
  const heading = (text: string) =>
    paragraph([run(text, { bold: true })], { align: AlignmentType.LEFT, keepNext: true });
  return headedSections(fields.sections).flatMap((section) => [
    ...(section.partHeading ? [heading(section.partHeading)] : []),
    ...(section.heading ? [heading(section.heading)] : []),
    ...paragraphsOf(section.text).map((line) => paragraph(line, { indent: true })),
  ]);
}

/** Nơi nhận on the left, a real list ending with the archive; the signer's block on the right. */
function signature(data: ReportData, fields: DocumentFields): Table {
  const left = Math.round(PORTRAIT_TEXT_WIDTH * 0.45);
  const right = PORTRAIT_TEXT_WIDTH - left;
  const line = (text: string) =>
    paragraph([run(text, { size: 22 })], { align: AlignmentType.LEFT, after: 0 });
  const { signer } = fields;
  const signed = [signer.rank, signer.name].filter(Boolean).join(' ');
  return sideBySide([
    {
      width: left,
      children: [
        paragraph([run('Nơi nhận:', { bold: true, italics: true, size: 24 })], {
          align: AlignmentType.LEFT,
          after: 0,
        }),
        ...recipientLines(fields.recipients, fields.symbol || data.issuer.symbol).map(line),
      ],
    },
    {
      width: right,
      children: [
        ...present([signer.authority, signer.title]).map((text) =>
          centered(text.toLocaleUpperCase('vi'), { bold: true, size: 26 }),
        ),
        // Room for the signature and the seal, then the signer's rank and name.
        ...Array.from({ length: 4 }, () => paragraph('', { after: 0 })),
        ...(signed ? [centered(signed, { bold: true, size: 26 })] : []),
      ],
    },
  ]);
}

const present = (parts: string[]) => parts.filter((part) => part.trim() !== '');

// ---------------------------------------------------------------- the appendix

/** The appendix's families of figures, at most about ten columns each, in the order officials read them. */
export const appendixFamilies = [
  {
    title: 'Tuyên truyền trực tiếp và tài liệu',
    codes: [
      'sessions',
      'attendances',
      'attendances_female',
      'attendances_ethnic_minority',
      'attendances_students',
      'leaflets',
      'booklets',
      'posters',
      'banners',
      'pledges',
    ],
  },
  {
    title: 'Báo chí, phát thanh, truyền hình, thông tin cơ sở và môi trường mạng',
    codes: [
      'news_items',
      'programmes',
      'broadcasts',
      'broadcast_minutes',
      'loudspeaker_broadcasts',
      'loudspeaker_minutes',
      'social_posts',
      'views',
      'reach',
      'sms_sent',
    ],
  },
  {
    title: 'Thi tìm hiểu, hội thi, văn nghệ và sản phẩm khác',
    codes: [
      'contest_entries',
      'contestants',
      'prizes',
      'teams',
      'performances',
      'billboards',
      'web_banners',
      'questionnaires',
    ],
  },
] as const;

type Indicator = ReportData['indicators'][number];
type Column = { header: string; cell: (row: Omit<SummaryRow, 'key' | 'label'>) => string };

function tableCell(
  text: string,
  width: number,
  style: { bold?: boolean; align?: Align; shade?: boolean } = {},
) {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    margins: { left: 60, right: 60, top: 30, bottom: 30 },
    ...(style.shade ? { shading: { fill: 'EEEEEE' } } : {}),
    children: [
      new Paragraph({
        children: [run(text, { bold: style.bold ?? false, size: 20 })],
        alignment: style.align ?? AlignmentType.LEFT,
        spacing: { after: 0, line: 240 },
      }),
    ],
  });
}

/**
 * One family's figures by the rows of a grouping: the label, the activities and those done,
 * then each indicator of the family that has a figure in any row (empty columns left out).
 */
function appendixTable(
  data: ReportData,
  first: string,
  rows: SummaryRow[],
  indicators: Indicator[],
): Table | null {
  const shown = indicators.filter((indicator) =>
    [data.totals.totals, ...rows].some((row) => row.values[indicator.code] !== undefined),
  );
  // Only the rows with a figure of this family: a press table does not list every commune.
  const listed = rows.filter((row) => shown.some((indicator) => row.values[indicator.code] !== undefined));
  if (shown.length === 0 || listed.length === 0) return null;
  const columns: Column[] = [
    { header: 'Số hoạt động', cell: (row) => vn(row.activities) },
    { header: 'Đã tổ chức', cell: (row) => vn(row.done) },
    ...shown.map((indicator) => ({
      header: indicatorHeader(indicator),
      cell: (row: Omit<SummaryRow, 'key' | 'label'>) => {
        const value = row.values[indicator.code];
        return value === undefined ? '' : vn(value);
      },
    })),
  ];
  // The label column takes what a figure column does not need: figures are short, names long.
  const figureWidth = Math.min(1500, Math.floor((LANDSCAPE_TEXT_WIDTH * 0.7) / columns.length));
  const labelWidth = LANDSCAPE_TEXT_WIDTH - figureWidth * columns.length;
  const widths = [labelWidth, ...columns.map(() => figureWidth)];
  const line = (label: string, row: Omit<SummaryRow, 'key' | 'label'>, bold = false) =>
    new TableRow({
      cantSplit: true,
      children: [
        tableCell(label, labelWidth, { bold }),
        ...columns.map((column) =>
          tableCell(column.cell(row), figureWidth, { bold, align: AlignmentType.RIGHT }),
        ),
      ],
    });
  return new Table({
    width: { size: LANDSCAPE_TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: [
          tableCell(first, labelWidth, { bold: true, align: AlignmentType.CENTER, shade: true }),
          ...columns.map((column) =>
            tableCell(column.header, figureWidth, { bold: true, align: AlignmentType.CENTER, shade: true }),
          ),
        ],
      }),
      ...listed.map((row) => line(row.label, row)),
      line(TOTAL_LABEL, data.totals.totals, true),
    ],
  });
}

function appendix(data: ReportData, fields: DocumentFields): (Paragraph | Table)[] {
  const heading = (text: string) =>
    paragraph([run(text, { bold: true })], { align: AlignmentType.LEFT, keepNext: true, after: 80 });
  const grouping = (key: ReportData['tables'][number]['key']) =>
    data.tables.find((entry) => entry.key === key)?.rows ?? [];
  const indicatorsOf = (codes: readonly string[]) =>
    codes.flatMap((code) => data.indicators.filter((indicator) => indicator.code === code));
  const [direct] = appendixFamilies;
  // An indicator the catalogue gained after these families were drawn still gets its table.
  const familyCodes = new Set<string>(appendixFamilies.flatMap((family) => family.codes));
  const others = data.indicators.filter((indicator) => !familyCodes.has(indicator.code));
  const tables: { title: string; first: string; rows: SummaryRow[]; indicators: Indicator[] }[] = [
    ...appendixFamilies.map((family) => ({
      title: `${family.title}, theo cơ quan, đơn vị chủ trì và phối hợp`,
      first: 'Cơ quan, đơn vị',
      rows: grouping('agency'),
      indicators: indicatorsOf(family.codes),
    })),
    ...(others.length > 0
      ? [
          {
            title: 'Chỉ tiêu khác, theo cơ quan, đơn vị',
            first: 'Cơ quan, đơn vị',
            rows: grouping('agency'),
            indicators: others,
          },
        ]
      : []),
    {
      title: `${direct.title}, theo địa bàn`,
      first: 'Địa bàn',
      rows: grouping('unit'),
      indicators: indicatorsOf(direct.codes),
    },
  ];
  const built = tables.flatMap((entry) => {
    const table = appendixTable(data, entry.first, entry.rows, entry.indicators);
    return table ? [{ title: entry.title, table }] : [];
  });
  return [
    centered('PHỤ LỤC', { bold: true, size: 26 }),
    centered(`Số liệu kết quả ${SUBJECT}`, { bold: true, size: 26 }),
    centered(
      `(Kèm theo Báo cáo số ${fields.number || '       '}/${fields.symbol} ngày ${vietnameseDate(issuedOn(data, fields))} của ${data.issuer.bodyName})`,
      {
        italics: true,
      },
      200,
    ),
    ...built.flatMap(({ title: tableTitle, table }, index) => [
      heading(`Bảng ${index + 1}. ${tableTitle}`),
      table,
      ...(data.tables.some((entry) => entry.overlap)
        ? [
            paragraph(
              [
                run(
                  'Ghi chú: bảng liệt kê các cơ quan, đơn vị, địa bàn có số liệu của nhóm chỉ tiêu này; hoạt động phối hợp được tính cho mỗi nơi tham gia, nên cộng các dòng có thể khác tổng cộng.',
                  { italics: true, size: 20 },
                ),
              ],
              { after: 200 },
            ),
          ]
        : [paragraph('', { after: 120 })]),
    ]),
  ];
}

// ---------------------------------------------------------------- the document

/** The page number, centred in the top margin, on every page but the first. */
function pageNumbers() {
  return {
    default: new Header({
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [
            new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: SIZE, language: LANGUAGE }),
          ],
        }),
      ],
    }),
    first: new Header({ children: [new Paragraph({ children: [] })] }),
  };
}

export async function reportDocx(data: ReportData, fields: DocumentFields): Promise<Buffer> {
  const document = new Document({
    creator: 'Lịch truyền thông phòng, chống mua bán người',
    title: `${fields.subject} ${data.periodWords}`,
    styles: {
      default: { document: { run: { font: FONT, size: SIZE, language: LANGUAGE } } },
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: { size: { ...A4, orientation: PageOrientation.PORTRAIT }, margin: PORTRAIT_MARGINS },
        },
        headers: pageNumbers(),
        children: [
          header(data, fields),
          ...title(data, fields),
          ...body(fields),
          paragraph(''),
          signature(data, fields),
        ],
      },
      {
        properties: {
          page: {
            // docx swaps the width and height itself for a landscape page.
            size: { ...A4, orientation: PageOrientation.LANDSCAPE },
            margin: LANDSCAPE_MARGINS,
          },
        },
        headers: { default: pageNumbers().default },
        children: appendix(data, fields),
      },
    ],
  });
  return Packer.toBuffer(document);
}
