// Issue 6 point 7: the periodic report as Excel, Word and CSV, each read back by an
// independent reader (exceljs for the workbook, the docx's XML unzipped, a CSV parser
// here) and compared with the summary API's figures.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Summary } from '../../server/contracts/reports';
import { unitWord } from '../../server/domain/indicators';
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
/** The row of a sheet's table header: the frozen pane's edge, so the two are the same thing. */
function headerRowOf(sheet: ExcelJS.Worksheet): number {
  const view = sheet.views[0];
  if (view?.state !== 'frozen' || !view.ySplit) throw new Error(`${sheet.name} has no frozen header`);
  return view.ySplit;
}

const valuesOf = (row: ExcelJS.Row) => (row.values as unknown[]).slice(1);

/** The texts above the table, its header lines, in order: a merged range's text once. */
function headingOf(sheet: ExcelJS.Worksheet): string[] {
  const lines: string[] = [];
  for (let row = 1; row < headerRowOf(sheet); row++) {
    sheet.getRow(row).eachCell((cell) => {
      if (cell.master.address === cell.address && typeof cell.value === 'string') lines.push(cell.value);
    });
  }
  return lines;
}

function sheetOf(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

async function workbookOf(response: { rawPayload: Buffer }): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  return workbook;
}

const groupedSheets = [
  ['Theo loại hình', 'type', 'Loại hình hoạt động'],
  ['Theo cơ quan', 'agency', 'Cơ quan chủ trì, phối hợp'],
  ['Theo nhóm đối tượng', 'targetGroup', 'Nhóm đối tượng'],
  ['Theo địa bàn', 'unit', 'Địa bàn'],
] as const;

describe('report exports', () => {
  it('writes an Excel workbook whose every table equals the summary API', async () => {
    const workbook = await workbookOf(await download('xlsx'));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Tổng hợp',
      'Theo loại hình',
      'Theo địa bàn',
      'Theo cơ quan',
      'Theo nhóm đối tượng',
      'Danh sách hoạt động',
    ]);
    const totals = await summary();
    const headerOf = (sheet: ExcelJS.Worksheet) => valuesOf(sheet.getRow(headerRowOf(sheet)));
    const columnOf = (sheet: ExcelJS.Worksheet, code: string) => {
      const indicator = totals.indicators.find((entry) => entry.code === code);
      return headerOf(sheet).findIndex((value) => String(value).startsWith(`${indicator?.name} (`)) + 1;
    };

    // The overview: one line a figure with its own unit, read down the page, never added up.
    const overview = sheetOf(workbook, 'Tổng hợp');
    const top = headerRowOf(overview);
    expect(headerOf(overview)).toEqual(['Nội dung', 'Đơn vị tính', 'Kết quả (mỗi hoạt động tính một lần)']);
    const overviewLines = new Map(
      Array.from({ length: overview.rowCount - top }, (_, index) => overview.getRow(top + 1 + index))
        .filter((row) => typeof row.getCell(1).value === 'string')
        .map((row) => [String(row.getCell(1).value), row]),
    );
    expect(overviewLines.get('Số hoạt động')?.getCell(3).value).toBe(totals.totals.activities);
    expect(overviewLines.get('Đã thực hiện (có kết quả)')?.getCell(3).value).toBe(totals.totals.done);
    for (const indicator of totals.indicators) {
      const line = overviewLines.get(indicator.name);
      expect(line?.getCell(2).value, indicator.code).toBe(unitWord(indicator));
      expect(line?.getCell(3).value, indicator.code).toBe(totals.totals.values[indicator.code]);
      expect(line?.getCell(3).numFmt).toBe('#,##0');
    }

    for (const [name, groupBy, first] of groupedSheets) {
      const sheet = sheetOf(workbook, name);
      const header = headerRowOf(sheet);
      expect(headerOf(sheet).slice(0, 3)).toEqual([first, 'Số hoạt động', 'Đã thực hiện (có kết quả)']);
      // One word per figure, the catalogue's: the indicator's name already says it counts unique people.
      expect(headerOf(sheet)).toContain('Số người tiếp cận (người dùng duy nhất) (người)');
      expect(headerOf(sheet).some((value) => /lớn nhất/.test(String(value)))).toBe(false);
      const expected = await summary(groupBy);
      expected.rows.forEach((row, index) => {
        const line = sheet.getRow(header + 1 + index);
        expect(line.getCell(1).value, `${name} ${row.label}`).toBe(row.label);
        expect(line.getCell(2).value).toBe(row.activities);
        expect(line.getCell(3).value).toBe(row.done);
        for (const indicator of totals.indicators) {
          const cell = line.getCell(columnOf(sheet, indicator.code));
          expect(cell.value ?? undefined).toBe(row.values[indicator.code]);
          expect(cell.numFmt).toBe('#,##0');
          expect(cell.alignment?.horizontal).toBe('right');
        }
      });
      // The total row is the summary's totals, not the rows' sum: a joint activity counts once.
      const total = sheet.getRow(header + 1 + expected.rows.length);
      expect(total.getCell(1).value, name).toBe('Tổng cộng (mỗi hoạt động tính một lần)');
      expect(total.getCell(2).value, name).toBe(totals.totals.activities);
      expect(total.getCell(3).value, name).toBe(totals.totals.done);
      for (const indicator of totals.indicators) {
        expect(total.getCell(columnOf(sheet, indicator.code)).value, `${name} ${indicator.code}`).toBe(
          totals.totals.values[indicator.code],
        );
      }
      expect(total.getCell(2).font?.bold).toBe(true);
      expect(total.getCell(2).border?.top?.style).toBeDefined();
      const after = Array.from(
        { length: 3 },
        (_, index) => sheet.getRow(total.number + 1 + index).getCell(1).value,
      );
      const note = after.find((value) => typeof value === 'string' && value.startsWith('Ghi chú:'));
      expect(note !== undefined, `${name}: a note where rows overlap`).toBe(expected.rowsOverlap);
    }
    // The police-led market outreach has the women's union as partner: two agency rows, one total.
    expect((await summary('agency')).rowsOverlap).toBe(true);

    const list = sheetOf(workbook, 'Danh sách hoạt động');
    expect(list.getRow(headerRowOf(list) + 2).getCell(3).value).toBe(quotedTitle);
  });

  it('lays every sheet out for print: A4 landscape, one page wide, header rows repeated, pages numbered', async () => {
    const workbook = await workbookOf(await download('xlsx'));
    for (const sheet of workbook.worksheets) {
      const header = headerRowOf(sheet);
      expect(sheet.pageSetup, sheet.name).toMatchObject({
        paperSize: 9,
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: `${header}:${header}`,
      });
      const margins = sheet.pageSetup.margins;
      for (const side of ['left', 'right', 'top', 'bottom'] as const) {
        expect(margins?.[side], `${sheet.name} ${side}`).toBeGreaterThanOrEqual(0.3);
        expect(margins?.[side], `${sheet.name} ${side}`).toBeLessThanOrEqual(1);
      }
      expect(sheet.headerFooter.oddFooter, sheet.name).toContain('Trang &P/&N');
      // The table header stays in view under the header lines, which scroll away.
      expect(sheet.views[0], sheet.name).toMatchObject({ state: 'frozen', ySplit: header });
      // A column is at least as wide as its header's longest word: wrapped between words only.
      valuesOf(sheet.getRow(header)).forEach((value, index) => {
        const longest = Math.max(
          ...String(value)
            .split(/\s+/)
            .map((word) => word.length),
        );
        expect(sheet.getColumn(index + 1).width ?? 0, `${sheet.name}: ${value}`).toBeGreaterThanOrEqual(
          longest,
        );
      });
    }
  });

  it("opens with the report's header lines, merged across the table's width", async () => {
    const workbook = await workbookOf(await download('xlsx'));
    const overview = sheetOf(workbook, 'Tổng hợp');
    expect(headingOf(overview)).toEqual([
      'BỘ CÔNG AN',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'CÔNG AN THÀNH PHỐ HUẾ',
      'Độc lập - Tự do - Hạnh phúc',
      // The number is the register's, left blank on a report not issued; the ký hiệu is the agency's.
      'Số:       /BC-CATP',
      expect.stringMatching(/^Huế, ngày \d{2} tháng \d{1,2} năm \d{4}$/),
      'BÁO CÁO',
      'Kết quả công tác truyền thông phòng, chống mua bán người',
      '(Từ ngày 1/7/2025 đến ngày 31/12/2025)',
    ]);
    const merges = (sheet: ExcelJS.Worksheet) => (sheet.model as { merges: string[] }).merges;
    const lastColumn = (sheet: ExcelJS.Worksheet) =>
      sheet
        .getRow(headerRowOf(sheet))
        .getCell(sheet.getRow(headerRowOf(sheet)).cellCount)
        .address.replace(/\d+$/, '');
    const titleRow = (sheet: ExcelJS.Worksheet, text: string) =>
      Array.from({ length: headerRowOf(sheet) }, (_, index) => index + 1).find(
        (row) => sheet.getRow(row).getCell(1).value === text,
      );
    expect(merges(overview)).toContain(
      `A${titleRow(overview, 'BÁO CÁO')}:${lastColumn(overview)}${titleRow(overview, 'BÁO CÁO')}`,
    );
    for (const sheet of workbook.worksheets.slice(1)) {
      const heading = headingOf(sheet);
      expect(heading[0], sheet.name).toBe('CÔNG AN THÀNH PHỐ HUẾ');
      expect(heading.join('\n'), sheet.name).toContain('từ ngày 1/7/2025 đến ngày 31/12/2025');
    }
    const list = sheetOf(workbook, 'Danh sách hoạt động');
    const listTitle = titleRow(list, 'Danh sách hoạt động');
    expect(merges(list)).toContain(`A${listTitle}:${lastColumn(list)}${listTitle}`);
  });

  it("writes the list's start dates as date cells showing the same day in any server zone", async () => {
    const serverZone = process.env.TZ;
    const offsets = new Set<number>();
    try {
      for (const zone of ['America/New_York', 'Asia/Ho_Chi_Minh']) {
        // Node reads TZ again when it is set: the export below runs as on a server in that zone.
        process.env.TZ = zone;
        offsets.add(new Date(Date.UTC(2025, 7, 5)).getTimezoneOffset());
        const list = sheetOf(await workbookOf(await download('xlsx')), 'Danh sách hoạt động');
        const header = headerRowOf(list);
        expect(valuesOf(list.getRow(header))[1]).toBe('Ngày bắt đầu');
        const cells = [1, 2, 3].map((index) => list.getRow(header + index).getCell(2));
        for (const cell of cells) {
          expect(cell.numFmt, zone).toBe('dd/mm/yyyy');
          expect(cell.value, zone).toBeInstanceOf(Date);
        }
        // Stored as a whole day serial (no hours that a zone could push into the day before).
        const days = cells.map((cell) => (cell.value as Date).getTime() / 86_400_000 + 25_569);
        expect(days.every(Number.isInteger), zone).toBe(true);
        expect(
          cells.map((cell) => (cell.value as Date).toISOString().slice(0, 10)),
          zone,
        ).toEqual(['2025-08-05', '2025-09-09', '2025-10-10']);
      }
    } finally {
      if (serverZone === undefined) delete process.env.TZ;
      else process.env.TZ = serverZone;
    }
    // The two zones were really in force: New York and Huế are eleven hours apart in August.
    expect(offsets.size).toBe(2);
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
