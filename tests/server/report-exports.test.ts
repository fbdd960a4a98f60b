// Issue 6 point 7: the periodic report as Excel, Word and CSV, each read back by an
// independent reader (exceljs for the workbook, the docx's XML unzipped, a CSV parser
// here) and compared with the summary API's figures.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Summary } from '../../server/contracts/reports';
import { testAppOfFile } from '../helpers/app';
import { agencyIdByCode, json, unitIdByCode } from '../helpers/factories';

const t = testAppOfFile();
const period = 'startDate=2025-07-01&endDate=2025-12-31';
const quotedTitle = 'Nói chuyện "Cảnh giác", việc nhẹ lương cao';
const formulaTitle = '=HYPERLINK("http://tan-cong.example","Bấm vào")';

async function held(activity: Record<string, unknown>, values: Record<string, number>) {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/activities/held',
    payload: { activity, result: { values, confirm: true } },
  });
  expect(response.statusCode, response.body).toBe(201);
}

async function download(format: string) {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/reports/export?${period}&format=${format}`,
  });
  expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
  expect(String(response.headers['content-disposition'])).toMatch(
    /^attachment; filename="bao-cao-truyen-thong_2025-07-01_2025-12-31\./,
  );
  return response;
}

async function summary(groupBy?: string): Promise<Summary> {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/reports/summary?${period}${groupBy ? `&groupBy=${groupBy}` : ''}`,
  });
  return json<Summary>(response);
}

beforeAll(async () => {
  const police = await agencyIdByCode(t.app, 'CA_HUE');
  const women = await agencyIdByCode(t.app, 'LHPN_HUE');
  const press = await agencyIdByCode(t.app, 'BPTTH');
  const ward = await unitIdByCode(t.app, 'HUE_P_PHU_BAI');
  await held(
    {
      title: 'Tuyên truyền tại chợ Phú Bài',
      typeCode: 'community_outreach',
      start: '2025-08-05',
      leadAgencyId: police,
      partnerAgencyIds: [women],
      unitIds: [ward],
    },
    { sessions: 1, attendances: 1000, attendances_female: 600, leaflets: 1500 },
  );
  await held(
    {
      title: quotedTitle,
      typeCode: 'thematic_talk',
      start: '2025-09-09',
      leadAgencyId: police,
      unitIds: [ward],
    },
    { sessions: 1, attendances: 234 },
  );
  await held(
    {
      title: formulaTitle,
      typeCode: 'social_post',
      start: '2025-10-10',
      leadAgencyId: press,
      channelCodes: ['social_media'],
    },
    { social_posts: 1, views: 12345, reach: 6789 },
  );
});
describe('report exports', () => {
  it('writes an Excel workbook whose every table equals the summary API', async () => {
    const response = await download('xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Tổng hợp',
      'Theo loại hình',
      'Theo địa bàn',
      'Theo cơ quan',
      'Theo nhóm đối tượng',
      'Danh sách hoạt động',
    ]);
    const totals = await summary();
    const headerOf = (sheet: ExcelJS.Worksheet) => (sheet.getRow(2).values as unknown[]).slice(1);
    const columnOf = (sheet: ExcelJS.Worksheet, code: string) => {
      const indicator = totals.indicators.find((entry) => entry.code === code);
      return headerOf(sheet).findIndex((value) => String(value).startsWith(`${indicator?.name} (`)) + 1;
    };
    const overview = workbook.getWorksheet('Tổng hợp');
    if (!overview) throw new Error('no overview sheet');
    expect(overview.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(headerOf(overview).slice(0, 3)).toEqual(['Nội dung', 'Số hoạt động', 'Đã thực hiện (có kết quả)']);
    expect(overview.getRow(3).getCell(2).value).toBe(totals.totals.activities);
    for (const indicator of totals.indicators) {
      const cell = overview.getRow(3).getCell(columnOf(overview, indicator.code));
      expect(cell.value, indicator.code).toBe(totals.totals.values[indicator.code]);
      expect(cell.numFmt).toBe('#,##0');
    }
    // One word per figure, the catalogue's: the indicator's name already says it counts unique people.
    expect(headerOf(overview)).toContain('Số người tiếp cận (người dùng duy nhất) (người)');
    expect(headerOf(overview).some((header) => /lớn nhất/.test(String(header)))).toBe(false);

    for (const [name, groupBy] of [
      ['Theo loại hình', 'type'],
      ['Theo cơ quan', 'agency'],
      ['Theo nhóm đối tượng', 'targetGroup'],
      ['Theo địa bàn', 'unit'],
    ] as const) {
      const sheet = workbook.getWorksheet(name);
      if (!sheet) throw new Error(`no sheet ${name}`);
      const expected = await summary(groupBy);
      expected.rows.forEach((row, index) => {
        const line = sheet.getRow(3 + index);
        expect(line.getCell(1).value, `${name} ${row.label}`).toBe(row.label);
        expect(line.getCell(2).value).toBe(row.activities);
        expect(line.getCell(3).value).toBe(row.done);
        for (const indicator of totals.indicators) {
          expect(line.getCell(columnOf(sheet, indicator.code)).value ?? undefined).toBe(
            row.values[indicator.code],
          );
        }
      });
    }
    const list = workbook.getWorksheet('Danh sách hoạt động');
    expect(list?.getRow(3 + 1).getCell(3).value).toBe(quotedTitle);
  });

  it('writes a Word report in the administrative layout with the figures written the Vietnamese way', async () => {
    const response = await download('docx');
    const zip = await JSZip.loadAsync(response.rawPayload);
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const text = xml.replace(/<[^>]+>/g, '');
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'CÔNG AN THÀNH PHỐ HUẾ',
      'BÁO CÁO',
      'Kết quả công tác truyền thông phòng, chống mua bán người',
      'Từ ngày 1/7/2025 đến ngày 31/12/2025',
      'Tổ chức 2 buổi tuyên truyền, thu hút 1.234 lượt người tham dự.',
      // The share is over the attendances of the activities that recorded the breakdown only.
      'Trong đó: 600 lượt nữ (',
      'số lượt tham dự của 1 hoạt động có ghi nhận)',
      'Phát hành 1.500 tờ rơi, tờ gấp',
      '12.345 lượt xem',
      '6.789 người',
      'Nơi nhận:',
    ]) {
      expect(text, expected).toContain(expected);
    }
    // The totals line of a table: every figure of the summary, in Vietnamese notation.
    const totals = await summary();
    expect(text).toContain(
      `Tổng cộng (mỗi hoạt động tính một lần)${totals.totals.activities}${totals.totals.done}`,
    );
  });

  it('writes a CSV (BOM, RFC 4180, formulas neutralised) that parses back to the activity list', async () => {
    const response = await download('csv');
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    const body = response.rawPayload.toString('utf8');
    expect(body.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(body.slice(1));
    const [header, ...lines] = rows;
    expect(header?.slice(0, 3)).toEqual(['Mã', 'Ngày bắt đầu', 'Tên hoạt động']);
    expect(lines).toHaveLength(3);
    const titles = lines.map((line) => line[2]);
    expect(titles).toContain(quotedTitle);
    expect(titles).toContain(`'${formulaTitle}`);
    const attendances = header?.indexOf('Lượt người tham dự (lượt người)') ?? -1;
    expect(lines.map((line) => line[attendances])).toEqual(['1000', '234', '']);
  });
});

/** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks; records end with CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let field = '';
  let row: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += char;
  }
  return rows;
}
