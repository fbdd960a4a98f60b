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
import { unitWord } from '../domain/indicators';
import { documentDate, vietnameseDate } from '../domain/time';
import { indicatorHeader, type ReportData } from './report-data';
import { reportKindOf, SUBJECT, subjectOf, TOTAL_LABEL } from './report-words';

const FONT = 'Times New Roman';
/** Half-points: 13 pt for the text, as the decree asks (13–14 pt). */
const SIZE = 26;
const LANGUAGE = { value: 'vi-VN' } as const;
const numbers = new Intl.NumberFormat('vi-VN');
export const vn = (value: number) => numbers.format(value);

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
function header(data: ReportData): Table {
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
        centered(`Số:        /BC-${issuer.symbol}`, { size: 26 }),
      ],
    },
    {
      width: right,
      children: [
        centered('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 24 }),
        centered('Độc lập - Tự do - Hạnh phúc', { bold: true, size: 26 }),
        shortRule(3400, right),
        centered(`${issuer.place}, ${documentDate(data.today)}`, { italics: true, size: 26 }),
      ],
    },
  ]);
}

function title(data: ReportData): Paragraph[] {
  const period = reportKindOf(data.query.startDate, data.query.endDate, data.yearStart) === 'custom';
  return [
    paragraph(''),
    centered('BÁO CÁO', { bold: true, size: 28 }),
    centered(subjectOf(data), { bold: true, size: 28 }),
    ...(period ? [centered(`(${capitalised(data.periodWords)})`, { italics: true })] : []),
    shortRule(1700, PORTRAIT_TEXT_WIDTH),
  ];
}

const capitalised = (text: string) => `${text.charAt(0).toLocaleUpperCase('vi')}${text.slice(1)}`;

// ---------------------------------------------------------------- the text

/** "1.234 buổi" — a figure with its words, or nothing when the indicator has no figure. */
function figure(data: ReportData, code: string, words?: string): string | null {
  const value = data.totals.totals.values[code];
  if (value === undefined) return null;
  const indicator = data.indicators.find((entry) => entry.code === code);
  return `${vn(value)} ${words ?? (indicator ? unitWord(indicator) : '')}`.trim();
}

const present = (parts: (string | null)[]) => parts.filter((part): part is string => part !== null);

/** The general results, as officials write them, from the totals. */
export function narrative(data: ReportData): string[] {
  const { totals } = data.totals;
  const sentences: string[] = [];
  sentences.push(
    `Trong kỳ báo cáo (${data.periodWords}), các cơ quan, đơn vị, địa phương triển khai ${vn(totals.activities)} hoạt động truyền thông phòng, chống mua bán người, trong đó ${vn(totals.done)} hoạt động đã tổ chức và báo cáo kết quả.`,
  );
  if (data.today < data.query.endDate) {
    sentences.push(`Số liệu tính đến ngày ${vietnameseDate(data.today)}.`);
  }
  const sessions = figure(data, 'sessions', 'buổi tuyên truyền');
  const attendances = figure(data, 'attendances', 'lượt người tham dự');
  const within = present([
    figure(data, 'attendances_female', 'lượt nữ'),
    figure(data, 'attendances_ethnic_minority', 'lượt người dân tộc thiểu số'),
    figure(data, 'attendances_students', 'lượt học sinh, sinh viên'),
  ]);
  if (sessions || attendances) {
    const parts = [sessions ? `Tổ chức ${sessions}` : 'Tổ chức các buổi tuyên truyền'];
    if (attendances)
      parts.push(`thu hút ${attendances}${within.length ? ` (trong đó ${within.join(', ')})` : ''}`);
    sentences.push(`${parts.join(', ')}.`);
  }
  const materials = present([
    figure(data, 'leaflets', 'tờ rơi, tờ gấp'),
    figure(data, 'booklets', 'sổ tay, tài liệu'),
    figure(data, 'posters', 'áp phích'),
    figure(data, 'banners', 'băng rôn, khẩu hiệu'),
    figure(data, 'billboards', 'pano'),
  ]);
  if (materials.length) sentences.push(`Phát hành ${materials.join(', ')}.`);
  // Press, radio and television are the mass media; loudspeakers are the grassroots
  // information system, and SMS goes out through the telecom operators: said apart.
  const media = present([
    figure(data, 'news_items', 'tin, bài, ảnh'),
    figure(data, 'programmes', 'chương trình, phóng sự, tọa đàm'),
    figure(data, 'broadcasts', 'lượt phát sóng'),
    figure(data, 'broadcast_minutes', 'phút phát sóng'),
  ]);
  if (media.length) sentences.push(`Trên các phương tiện thông tin đại chúng: ${media.join(', ')}.`);
  const loudspeakers = present([
    figure(data, 'loudspeaker_broadcasts', 'lượt phát'),
    figure(data, 'loudspeaker_minutes', 'phút'),
  ]);
  if (loudspeakers.length)
    sentences.push(`Hệ thống thông tin cơ sở (loa truyền thanh) thực hiện ${loudspeakers.join(', ')}.`);
  const online = present([
    figure(data, 'social_posts', 'bài đăng trên cổng thông tin, mạng xã hội'),
    figure(data, 'web_banners', 'banner trên trang điện tử'),
  ]);
  const views = figure(data, 'views', 'lượt xem');
  const reach = figure(data, 'reach', 'người');
  if (online.length || views || reach) {
    const parts = [...online, ...(views ? [`đạt ${views}`] : [])];
    const reachWords = reach ? `; sản phẩm tiếp cận nhiều nhất đạt ${reach}` : '';
    sentences.push(`Trên môi trường mạng: ${parts.join(', ') || 'các sản phẩm trực tuyến'}${reachWords}.`);
  }
  const sms = figure(data, 'sms_sent', 'tin nhắn');
  if (sms) sentences.push(`Phối hợp các doanh nghiệp viễn thông gửi ${sms} tuyên truyền.`);
  const contest = present([figure(data, 'contest_entries', 'lượt dự thi'), figure(data, 'prizes', 'giải')]);
  if (contest.length) sentences.push(`Các cuộc thi tìm hiểu có ${contest.join(', ')}.`);
  const stage = present([
    figure(data, 'teams', 'đội'),
    figure(data, 'performances', 'tiết mục văn nghệ, tiểu phẩm'),
  ]);
  if (stage.length) sentences.push(`Các hội thi, liên hoan có ${stage.join(', ')} tham gia.`);
  // Contestants are summed across contests as published reports total them (lượt thí sinh);
  // where the catalogue still takes the largest contest (`max`), the sentence says that.
  const contestants = figure(data, 'contestants', 'thí sinh');
  const largestOnly = data.indicators.find((entry) => entry.code === 'contestants')?.aggregation === 'max';
  if (contestants)
    sentences.push(
      largestOnly
        ? `Cuộc thi đông nhất có ${contestants}.`
        : `Các cuộc thi, hội thi có ${figure(data, 'contestants', 'lượt thí sinh')} tham gia.`,
    );
  const pledges = figure(data, 'pledges', 'bản cam kết');
  if (pledges) sentences.push(`Vận động ký ${pledges} không vi phạm pháp luật về mua bán người.`);
  const questionnaires = figure(data, 'questionnaires', 'phiếu khảo sát, phiếu hỏi');
  if (questionnaires) sentences.push(`Thu về ${questionnaires}.`);
  return sentences;
}

/** "Hình thức được tổ chức nhiều nhất là …, tiếp đến là …": the three largest rows of a table. */
function leaders(rows: SummaryRow[], opening: string): string | null {
  const top = [...rows].filter((row) => row.activities > 0).sort((a, b) => b.activities - a.activities);
  const [first, second, third] = top;
  if (!first) return null;
  const named = (row: SummaryRow) => `${row.label} (${vn(row.activities)} hoạt động)`;
  const then = [second, third].filter((row): row is SummaryRow => row !== undefined).map(named);
  return `${opening} ${named(first)}${then.length ? `, tiếp đến là ${then.join(' và ')}` : ''}.`;
}

function body(data: ReportData): Paragraph[] {
  const heading = (text: string) =>
    paragraph([run(text, { bold: true })], { align: AlignmentType.LEFT, keepNext: true });
  const table = (key: ReportData['tables'][number]['key']) =>
    data.tables.find((entry) => entry.key === key)?.rows ?? [];
  const specifics = present([
    leaders(table('type'), 'Hình thức được tổ chức nhiều nhất là'),
    leaders(table('agency'), 'Các cơ quan, đơn vị chủ trì, phối hợp nhiều hoạt động nhất là'),
    leaders(table('unit'), 'Địa bàn có nhiều hoạt động nhất là'),
    leaders(table('targetGroup'), 'Nhóm đối tượng được hướng tới nhiều nhất là'),
  ]);
  return [
    paragraph(`${data.issuer.bodyName} báo cáo kết quả ${SUBJECT} ${data.periodWords} như sau:`, {
      indent: true,
    }),
    heading('I. KẾT QUẢ THỰC HIỆN'),
    heading('1. Kết quả chung'),
    ...narrative(data).map((sentence) => paragraph(sentence, { indent: true })),
    heading('2. Kết quả cụ thể'),
    ...specifics.map((sentence) => paragraph(sentence, { indent: true })),
    paragraph('Số liệu chi tiết theo cơ quan, đơn vị và địa bàn tại Phụ lục kèm theo.', { indent: true }),
    heading('II. ĐÁNH GIÁ CHUNG'),
    paragraph(
      `Số liệu trong báo cáo được tổng hợp từ ${vn(data.totals.totals.done)} kết quả đã báo cáo trên hệ thống${data.query.acceptedOnly === 'true' ? ' (chỉ tính kết quả đã được chấp nhận)' : ' (gồm các kết quả đã gửi, kể cả kết quả chưa được duyệt)'}; mỗi chỉ tiêu được cộng theo đơn vị tính riêng, không cộng lẫn giữa các đơn vị tính; hoạt động phối hợp được tính một lần trong tổng số.`,
      { indent: true },
    ),
  ];
}

/**
 * Who signs, by the kind of body, until the report is composed as a record with its signer:
 * a People's Committee signs on behalf of its members (TM.), a police force or a department
 * by its director, any other body by its head.
 */
function authorityOf(kind: string): string {
  if (kind === 'people_committee') return 'TM. ỦY BAN NHÂN DÂN';
  if (kind === 'police' || kind === 'department') return 'GIÁM ĐỐC';
  return 'THỦ TRƯỞNG CƠ QUAN';
}

/** Nơi nhận on the left, a real list ending with the archive; the signer's block on the right. */
function signature(data: ReportData): Table {
  const left = Math.round(PORTRAIT_TEXT_WIDTH * 0.45);
  const right = PORTRAIT_TEXT_WIDTH - left;
  const line = (text: string) =>
    paragraph([run(text, { size: 22 })], { align: AlignmentType.LEFT, after: 0 });
  const recipients = [
    ...(data.issuer.parentName ? [`- ${data.issuer.parentName} (để báo cáo);`] : []),
    '- Các cơ quan, đơn vị liên quan;',
    `- Lưu: VT, ${data.issuer.symbol}.`,
  ];
  return sideBySide([
    {
      width: left,
      children: [
        paragraph([run('Nơi nhận:', { bold: true, italics: true, size: 24 })], {
          align: AlignmentType.LEFT,
          after: 0,
        }),
        ...recipients.map(line),
      ],
    },
    {
      width: right,
      children: [
        centered(authorityOf(data.issuer.kind), { bold: true, size: 26 }),
        // Room for the signature and the seal; the signer's name is written under it by hand
        // until the report is composed as a record with its signer.
        ...Array.from({ length: 5 }, () => paragraph('', { after: 0 })),
      ],
    },
  ]);
}

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

function appendix(data: ReportData): (Paragraph | Table)[] {
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
      `(Kèm theo Báo cáo số        /BC-${data.issuer.symbol} ngày ${vietnameseDate(data.today)} của ${data.issuer.bodyName})`,
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

export async function reportDocx(data: ReportData): Promise<Buffer> {
  const document = new Document({
    creator: 'Lịch truyền thông phòng, chống mua bán người',
    title: `${subjectOf(data)} ${data.periodWords}`,
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
        children: [header(data), ...title(data), ...body(data), paragraph(''), signature(data)],
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
        children: appendix(data),
      },
    ],
  });
  return Packer.toBuffer(document);
}
