// The periodic report as a Word document in the usual administrative layout (Nghị định
// 30/2020/NĐ-CP): the issuing body and the national motto side by side, number and date,
// the title, a narrative paragraph per section written from the figures (numbers the
// Vietnamese way: 1.234), the tables, and the signature block.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { SummaryRow } from '../contracts/reports';
import { unitWord } from '../domain/indicators';
import type { ReportData } from './report-data';

const FONT = 'Times New Roman';
const SIZE = 26; // half-points: 13 pt, the size of an administrative text
const numbers = new Intl.NumberFormat('vi-VN');
export const vn = (value: number) => numbers.format(value);

const run = (text: string, options: { bold?: boolean; italics?: boolean; size?: number } = {}) =>
  new TextRun({
    text,
    font: FONT,
    size: options.size ?? SIZE,
    bold: options.bold ?? false,
    italics: options.italics ?? false,
  });

function paragraph(
  children: ParagraphChild[] | string,
  options: {
    align?: (typeof AlignmentType)[keyof typeof AlignmentType];
    indent?: boolean;
    after?: number;
  } = {},
) {
  return new Paragraph({
    children: typeof children === 'string' ? [run(children)] : children,
    alignment: options.align ?? AlignmentType.JUSTIFIED,
    spacing: { after: options.after ?? 120, line: 300 },
    ...(options.indent ? { indent: { firstLine: 567 } } : {}),
  });
}

const noBorders = {
  top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
};

/** Issuing body (left) and national motto (right), with the number and the place and date under them. */
function header(data: ReportData): Table {
  const [year, month, day] = data.today.split('-');
  const cell = (lines: Paragraph[]) =>
    new TableCell({ children: lines, borders: noBorders, width: { size: 50, type: WidthType.PERCENTAGE } });
  const centered = (children: ParagraphChild[]) =>
    paragraph(children, { align: AlignmentType.CENTER, after: 0 });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { ...noBorders, insideHorizontal: noBorders.top, insideVertical: noBorders.top },
    rows: [
      new TableRow({
        children: [
          cell([
            centered([run(data.issuer.parent, { size: 24 })]),
            centered([run(data.issuer.body, { bold: true, size: 24 })]),
            centered([run('Số:        /BC-', { size: 24 })]),
          ]),
          cell([
            centered([run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 24 })]),
            centered([run('Độc lập - Tự do - Hạnh phúc', { bold: true })]),
            centered([
              run(`${data.issuer.place}, ngày ${Number(day)} tháng ${Number(month)} năm ${year}`, {
                italics: true,
              }),
            ]),
          ]),
        ],
      }),
    ],
  });
}

/** "1.234 buổi" — a figure with its unit, or nothing when the indicator has no figure. */
function figure(data: ReportData, code: string, words?: string): string | null {
  const value = data.totals.totals.values[code];
  if (value === undefined) return null;
  const indicator = data.indicators.find((entry) => entry.code === code);
  return `${vn(value)} ${words ?? (indicator ? unitWord(indicator.unit) : '')}`.trim();
}

/** The general results, as officials write them, from the totals. */
export function narrative(data: ReportData): string[] {
  const { totals } = data.totals;
  const sentences: string[] = [];
  const sessions = figure(data, 'sessions', 'buổi tuyên truyền');
  const attendances = figure(data, 'attendances', 'lượt người tham dự');
  const within = [
    figure(data, 'attendances_female', 'lượt nữ'),
    figure(data, 'attendances_ethnic_minority', 'lượt người dân tộc thiểu số'),
    figure(data, 'attendances_students', 'lượt học sinh, sinh viên'),
  ].filter((part): part is string => part !== null);
  sentences.push(
    `Trong kỳ báo cáo (${data.periodWords}), các cơ quan, đơn vị, địa phương triển khai ${vn(totals.activities)} hoạt động truyền thông phòng, chống mua bán người, trong đó ${vn(totals.done)} hoạt động đã báo cáo kết quả.`,
  );
  if (sessions || attendances) {
    const parts = [sessions ? `Tổ chức ${sessions}` : 'Tổ chức các buổi tuyên truyền'];
    if (attendances)
      parts.push(`thu hút ${attendances}${within.length ? ` (trong đó ${within.join(', ')})` : ''}`);
    sentences.push(`${parts.join(', ')}.`);
  }
  const materials = [
    figure(data, 'leaflets', 'tờ rơi, tờ gấp'),
    figure(data, 'booklets', 'sổ tay, tài liệu'),
    figure(data, 'posters', 'áp phích'),
    figure(data, 'banners', 'băng rôn, khẩu hiệu'),
    figure(data, 'billboards', 'pano'),
  ].filter((part): part is string => part !== null);
  if (materials.length) sentences.push(`Phát hành ${materials.join(', ')}.`);
  const media = [
    figure(data, 'news_items', 'tin, bài, ảnh'),
    figure(data, 'programmes', 'chương trình, phóng sự, tọa đàm'),
    figure(data, 'broadcasts', 'lượt phát sóng'),
    figure(data, 'social_posts', 'bài đăng trên cổng thông tin, mạng xã hội'),
    figure(data, 'loudspeaker_broadcasts', 'lượt phát trên loa truyền thanh cơ sở'),
    figure(data, 'sms_sent', 'tin nhắn SMS'),
  ].filter((part): part is string => part !== null);
  if (media.length)
    sentences.push(`Về truyền thông trên phương tiện thông tin đại chúng: ${media.join(', ')}.`);
  const views = figure(data, 'views', 'lượt xem');
  const reach = figure(data, 'reach', 'người');
  if (views || reach) {
    const reachWords = reach ? `; sản phẩm tiếp cận nhiều nhất đạt ${reach}` : '';
    sentences.push(`Các sản phẩm truyền thông trực tuyến đạt ${views ?? '0 lượt xem'}${reachWords}.`);
  }
  const contest = [figure(data, 'contest_entries', 'lượt dự thi'), figure(data, 'prizes', 'giải')].filter(
    (part): part is string => part !== null,
  );
  if (contest.length) sentences.push(`Các cuộc thi tìm hiểu có ${contest.join(', ')}.`);
  // Contestants are counted per contest (a `max` indicator): the largest contest, never a sum.
  const contestants = figure(data, 'contestants', 'thí sinh');
  if (contestants) sentences.push(`Cuộc thi đông nhất có ${contestants}.`);
  const pledges = figure(data, 'pledges', 'bản cam kết');
  if (pledges) sentences.push(`Vận động ký ${pledges} không vi phạm pháp luật về mua bán người.`);
  return sentences;
}

function table(data: ReportData, first: string, rows: SummaryRow[], includeTotal: boolean): Table {
  const cell = (
    text: string,
    bold = false,
    align: (typeof AlignmentType)[keyof typeof AlignmentType] = AlignmentType.LEFT,
  ) =>
    new TableCell({
      children: [new Paragraph({ children: [run(text, { bold, size: 22 })], alignment: align })],
    });
  const header = new TableRow({
    tableHeader: true,
    children: [
      cell(first, true),
      cell('Số hoạt động', true),
      cell('Có kết quả', true),
      ...data.indicators.map((indicator) =>
        cell(
          `${indicator.name} (${unitWord(indicator.unit)}${indicator.aggregation === 'max' ? ', lớn nhất' : ''})`,
          true,
        ),
      ),
    ],
  });
  const line = (label: string, row: Omit<SummaryRow, 'key' | 'label'>, bold = false) =>
    new TableRow({
      children: [
        cell(label, bold),
        cell(vn(row.activities), bold, AlignmentType.RIGHT),
        cell(vn(row.done), bold, AlignmentType.RIGHT),
        ...data.indicators.map((indicator) => {
          const value = row.values[indicator.code];
          return cell(value === undefined ? '' : vn(value), bold, AlignmentType.RIGHT);
        }),
      ],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      header,
      ...rows.map((row) => line(row.label, row)),
      ...(includeTotal ? [line('Tổng cộng (mỗi hoạt động tính một lần)', data.totals.totals, true)] : []),
    ],
  });
}

function sectionNarrative(rows: SummaryRow[], what: string): string {
  const top = [...rows].sort((a, b) => b.activities - a.activities).slice(0, 3);
  if (top.length === 0) return `Chưa có hoạt động nào ${what} trong kỳ.`;
  return `Nhiều hoạt động nhất: ${top.map((row) => `${row.label} (${vn(row.activities)} hoạt động)`).join('; ')}.`;
}

export async function reportDocx(data: ReportData): Promise<Buffer> {
  const heading = (text: string) => paragraph([run(text, { bold: true })], { align: AlignmentType.LEFT });
  const tables = data.tables.flatMap((entry, index) => [
    heading(`${['1', '2', '3', '4'][index]}. ${entry.title}`),
    paragraph(sectionNarrative(entry.rows, 'được ghi nhận'), { indent: true }),
    ...(entry.overlap
      ? [
          paragraph(
            [
              run(
                'Ghi chú: hoạt động phối hợp được tính cho mỗi cơ quan, đơn vị tham gia; cộng các dòng có thể lớn hơn tổng cộng.',
                { italics: true, size: 22 },
              ),
            ],
            { indent: true },
          ),
        ]
      : []),
    table(
      data,
      entry.key === 'unit'
        ? 'Địa bàn'
        : entry.key === 'agency'
          ? 'Cơ quan'
          : entry.key === 'type'
            ? 'Loại hình'
            : 'Nhóm đối tượng',
      entry.rows,
      true,
    ),
    paragraph(''),
  ]);
  const document = new Document({
    creator: 'Lịch truyền thông phòng, chống mua bán người',
    title: `Báo cáo kết quả công tác truyền thông phòng, chống mua bán người ${data.periodWords}`,
    styles: { default: { document: { run: { font: FONT, size: SIZE } } } },
    sections: [
      {
        properties: { page: { margin: { top: 1134, bottom: 1134, left: 1701, right: 1134 } } },
        children: [
          header(data),
          paragraph(''),
          paragraph([run('BÁO CÁO', { bold: true, size: 28 })], { align: AlignmentType.CENTER, after: 0 }),
          paragraph([run('Kết quả công tác truyền thông phòng, chống mua bán người', { bold: true })], {
            align: AlignmentType.CENTER,
            after: 0,
          }),
          paragraph([run(`(${data.periodWords.replace(/^từ/, 'Từ')})`, { italics: true })], {
            align: AlignmentType.CENTER,
          }),
          heading('I. KẾT QUẢ CHUNG'),
          ...narrative(data).map((sentence) => paragraph(sentence, { indent: true })),
          heading('II. KẾT QUẢ CỤ THỂ'),
          ...tables,
          heading('III. NHẬN XÉT, ĐÁNH GIÁ'),
          paragraph(
            `Số liệu trong báo cáo được tổng hợp từ ${vn(data.totals.totals.done)} kết quả đã báo cáo trên hệ thống${data.query.acceptedOnly === 'true' ? ' (chỉ tính kết quả đã được chấp nhận)' : ''}; mỗi chỉ tiêu được cộng theo đơn vị tính riêng, không cộng lẫn giữa các đơn vị tính.`,
            { indent: true },
          ),
          paragraph(''),
          signature(data),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

function signature(data: ReportData): Table {
  const cell = (lines: Paragraph[]) =>
    new TableCell({ children: lines, borders: noBorders, width: { size: 50, type: WidthType.PERCENTAGE } });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { ...noBorders, insideHorizontal: noBorders.top, insideVertical: noBorders.top },
    rows: [
      new TableRow({
        children: [
          cell([
            paragraph([run('Nơi nhận:', { bold: true, italics: true, size: 24 })], {
              align: AlignmentType.LEFT,
              after: 0,
            }),
            paragraph([run('- Như trên;', { size: 22 })], { align: AlignmentType.LEFT, after: 0 }),
            paragraph([run('- Lưu: VT.', { size: 22 })], { align: AlignmentType.LEFT, after: 0 }),
          ]),
          cell([
            paragraph([run(`THỦ TRƯỞNG ${data.issuer.body}`.trim(), { bold: true, size: 24 })], {
              align: AlignmentType.CENTER,
              after: 0,
            }),
            paragraph([run('(Ký, ghi rõ họ tên và đóng dấu)', { italics: true, size: 24 })], {
              align: AlignmentType.CENTER,
            }),
          ]),
        ],
      }),
    ],
  });
}
