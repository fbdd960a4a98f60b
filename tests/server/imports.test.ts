// Issue 13: a province's spreadsheets brought in. Each file is built here as an agency would
// have it (the template, a messy file of their own, a CSV from another tool), sent through
// the API, previewed, fixed and committed; bad files are refused with nothing stored.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Activity } from '../../server/contracts/activities';
import type { ImportCommitted, ImportPreview } from '../../server/contracts/imports';
import { countRows, testAppOfFile } from '../helpers/app';
import {
  activityBody,
  agencyIdByCode,
  errorOf,
  getJson,
  json,
  postActivity,
  unitIdByCode,
} from '../helpers/factories';

const t = testAppOfFile();

function multipart(fileName: string, content: Buffer, fields: Record<string, string> = {}) {
  const boundary = '----import-test-boundary';
  const parts = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  const head = Buffer.from(
    `${parts.join('')}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
      'Content-Type: application/octet-stream\r\n\r\n',
  );
  return {
    payload: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

function upload(fileName: string, content: Buffer, fields: Record<string, string> = {}) {
  return t.app.inject({ method: 'POST', url: '/api/imports', ...multipart(fileName, content, fields) });
}

async function uploaded(fileName: string, content: Buffer, fields: Record<string, string> = {}) {
  const response = await upload(fileName, content, fields);
  expect(response.statusCode, response.body).toBe(201);
  return json<ImportPreview>(response);
}

async function xlsx(rows: unknown[][], edit?: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  for (const row of rows) sheet.addRow(row);
  edit?.(sheet);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const stored = () => ({
  imports: countRows(t.db, 'imports'),
  activities: countRows(t.db, 'activities'),
});

async function patch(id: number, payload: Record<string, unknown>) {
  const response = await t.app.inject({ method: 'PATCH', url: `/api/imports/${id}`, payload });
  expect(response.statusCode, response.body).toBe(200);
  return json<ImportPreview>(response);
}

async function commit(id: number) {
  return t.app.inject({ method: 'POST', url: `/api/imports/${id}/commit` });
}

/** The education department's own file: other headings, names without accents. */
const messyHeadings = [
  'STT',
  'Noi dung hoat dong',
  'Hinh thuc',
  'Tu ngay',
  'Gio',
  'Don vi chu tri',
  'Dia ban to chuc',
  'Doi tuong tham gia',
  'Du kien: Luot nguoi tham du',
];

describe('importing activities from a spreadsheet', () => {
  it('reads the template back: headings, dates as cells and as text, names without accents', async () => {
    const template = await t.app.inject({ method: 'GET', url: '/api/imports/template' });
    expect(template.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    const [templateSheet] = workbook.worksheets;
    if (!templateSheet) throw new Error('the template has no sheet');
    const headings = (templateSheet.getRow(1).values as string[]).slice(1);
    expect(headings.slice(0, 8)).toEqual([
      'Mã hoạt động',
      'Phiên bản',
      'Tên hoạt động *',
      'Loại hình *',
      'Ngày bắt đầu *',
      'Ngày kết thúc',
      'Giờ',
      'Cơ quan chủ trì *',
    ]);

    const file = await xlsx([
      headings,
      [
        '',
        '',
        'Nói chuyện tại THPT Hai Bà Trưng',
        'Nói chuyện chuyên đề',
        new Date(Date.UTC(2025, 9, 20)),
        '',
        '8h-10h',
        'So GD&DT',
        '',
        'Phường Phú Xuân',
        '',
        'Hoc sinh trung hoc (THCS, THPT)',
      ],
      [
        '',
        '',
        'Nói chuyện tại THCS Nguyễn Tri Phương',
        'noi chuyen chuyen de',
        '21/10/2025',
        '',
        '',
        'Sở Giáo dục và Đào tạo',
        '',
        'Phu Xuan',
      ],
    ]);
    const preview = await uploaded('mau.xlsx', file);
    expect(preview.rows.map((row) => [row.status, row.errors])).toEqual([
      ['new', []],
      ['new', []],
    ]);
    const before = stored();
    const response = await commit(preview.id);
    expect(response.statusCode, response.body).toBe(200);
    const committed = json<ImportCommitted>(response);
    expect(committed).toMatchObject({ created: 2, updated: 0 });
    expect(stored().activities).toBe(before.activities + 2);
    const [first] = await Promise.all(
      committed.activityIds.map((id) => getJson<Activity>(t.app, `/api/activities/${id}`)),
    );
    expect(first).toMatchObject({
      title: 'Nói chuyện tại THPT Hai Bà Trưng',
      typeCode: 'thematic_talk',
      allDay: false,
      start: '2025-10-20T08:00:00+07:00',
      end: '2025-10-20T10:00:00+07:00',
      leadAgencyId: await agencyIdByCode(t.app, 'SGDDT'),
      targetGroupCodes: ['students_secondary'],
    });
  });

  it('marks new, duplicate and wrong rows; the planner fixes and drops; commit stores once', async () => {
    const education = await agencyIdByCode(t.app, 'SGDDT');
    await postActivity(
      t.app,
      await activityBody(t.app, {
        title: 'Nói chuyện tại THCS Phú Đa',
        start: '2025-04-02',
        leadAgencyId: education,
      }),
    );
    const file = await xlsx([
      messyHeadings,
      [
        1,
        'Nói chuyện tại THPT Vinh Lộc',
        'noi chuyen chuyen de',
        '15/3/2024',
        '8h',
        'So Giao duc va Dao tao',
        'Huyen Phu Vang',
        'Hoc sinh trung hoc (THCS, THPT)',
        '300',
      ],
      [
        2,
        'Nói chuyện tại THPT Phan Đăng Lưu',
        'Nói chuyện chuyên đề',
        '20-03-2025',
        '',
        'Sở GD&ĐT',
        'Huyện Phú Vang',
        '',
        '1.200',
      ],
      [3, 'nói chuyện tại THPT Vinh Lộc', 'Nói chuyện chuyên đề', '15/3/2024', '14h', 'Sở GD&ĐT', '', '', ''],
      [4, 'Nói chuyện tại THCS Phú Đa', 'Nói chuyện chuyên đề', '2/4', '', 'Sở GD&ĐT', '', '', ''],
      [5, 'Nói chuyện tại THCS Phú Mỹ', 'Nói chuyện chuyên đề', '31/2/2025', '', 'Sở GD&ĐT', '', '', ''],
      [
        6,
        'Nói chuyện tại THCS Hồng Hạ',
        'Nói chuyện chuyên đề',
        '10/3/2024',
        '',
        'Phòng GD huyện A Lưới',
        '',
        '',
        '',
      ],
      [7, 'Hội thảo', 'Hội thảo khoa học', '11/3/2024', '', 'Sở GD&ĐT', '', '', 'nhiều'],
    ]);
    const before = stored();
    const preview = await uploaded('so-gd.xlsx', file, { year: '2025' });
    expect(preview.mapping).toEqual({
      '1': 'title',
      '2': 'type',
      '3': 'startDate',
      '4': 'time',
      '5': 'lead',
      '6': 'units',
      '7': 'targetGroups',
      '8': 'expected:attendances',
    });
    expect(preview.rows.map((row) => row.status)).toEqual([
      'new',
      'new',
      'duplicate',
      'duplicate',
      'invalid',
      'invalid',
      'invalid',
    ]);
    expect(preview.counts).toEqual({ new: 2, update: 0, duplicate: 2, invalid: 3, dropped: 0 });
    const [, , , , badDate, badLead, badType] = preview.rows;
    expect(badDate?.errors.map((error) => [error.field, error.message])).toEqual([
      ['startDate', '“31/2/2025” không phải ngày (viết như 30/7/2025)'],
    ]);
    expect(badLead?.errors.map((error) => error.message)).toEqual(['Không tìm thấy “Phòng GD huyện A Lưới”']);
    expect(badLead?.suggestions.lead).toContain('Công an huyện A Lưới');
    expect(badType?.errors.map((error) => error.field)).toEqual(['type', 'expected:attendances']);
    // Nothing is stored by a preview but the preview itself.
    expect(stored()).toEqual({ ...before, imports: before.imports + 1 });

    const refused = await commit(preview.id);
    expect(refused.statusCode).toBe(409);
    expect(errorOf(refused).message).toBe(
      'Còn 3 dòng lỗi (dòng 6, 7, 8): hãy sửa hoặc bỏ các dòng đó trước khi lưu',
    );
    expect(stored().activities).toBe(before.activities);

    const fixed = await patch(preview.id, {
      rows: [
        { index: 4, values: { startDate: '28/2/2025' } },
        { index: 5, values: { lead: 'Sở Giáo dục và Đào tạo' } },
      ],
      drop: [6],
    });
    expect(fixed.counts).toEqual({ new: 4, update: 0, duplicate: 2, invalid: 0, dropped: 1 });
    const response = await commit(preview.id);
    expect(response.statusCode, response.body).toBe(200);
    const committed = json<ImportCommitted>(response);
    expect(committed.created).toBe(4);
    expect(stored().activities).toBe(before.activities + 4);
    const [vinhLoc, phanDangLuu] = await Promise.all(
      committed.activityIds.map((id) => getJson<Activity>(t.app, `/api/activities/${id}`)),
    );
    // A 2024 row names the district as it was then; a 2025 row the district of 2025.
    expect(vinhLoc?.unitIds).toEqual([await unitIdByCode(t.app, 'TTH_H_PHU_VANG')]);
    expect(vinhLoc?.expected).toEqual({ attendances: 300 });
    expect(phanDangLuu?.unitIds).toEqual([await unitIdByCode(t.app, 'HUE_H_PHU_VANG')]);
    expect(phanDangLuu?.expected).toEqual({ attendances: 1200 });

    // The same file again: every good row is now a duplicate, and nothing more is stored.
    const again = await uploaded('so-gd.xlsx', file, { year: '2025' });
    expect(again.counts).toMatchObject({ new: 0, duplicate: 4 });
    await patch(again.id, { drop: [4, 5, 6] });
    const twice = json<ImportCommitted>(await commit(again.id));
    expect(twice.created).toBe(0);
    expect(stored().activities).toBe(before.activities + 4);

    // Undone as a whole: its activities are soft-deleted, the import says so.
    const undo = await t.app.inject({ method: 'DELETE', url: `/api/imports/${preview.id}` });
    expect(undo.statusCode, undo.body).toBe(200);
    expect(json<ImportPreview>(undo).status).toBe('undone');
    const gone = await t.app.inject({ method: 'GET', url: `/api/activities/${committed.activityIds[0]}` });
    expect(json<Activity>(gone).deletedAt).not.toBeNull();
  });

  it('reads a CSV with a BOM and semicolons, and remembers a mapping made by hand', async () => {
    const csv = Buffer.from(
      '\uFEFFTiêu đề;Loại hình;Ngày;Đơn vị chủ trì\r\n' +
        '"Tuyên truyền tại chợ Đông Ba; phiên sáng";Tuyên truyền lưu động;5/5/2025;Công an thành phố Huế\r\n',
      'utf8',
    );
    const first = await uploaded('ca.csv', csv);
    expect(first.headers).toEqual(['Tiêu đề', 'Loại hình', 'Ngày', 'Đơn vị chủ trì']);
    expect(first.mapping).toEqual({ '1': 'type', '2': 'startDate', '3': 'lead' });
    const mapped = await patch(first.id, { mapping: { '0': 'title' } });
    expect(mapped.rows[0]).toMatchObject({
      status: 'new',
      values: { title: 'Tuyên truyền tại chợ Đông Ba; phiên sáng', type: 'Tuyên truyền lưu động' },
    });
    const second = await uploaded('ca-2.csv', csv);
    expect(second.mapping).toEqual({ '0': 'title', '1': 'type', '2': 'startDate', '3': 'lead' });
  });

  it('updates the rows that carry an id, and reports a stale one without writing', async () => {
    const talk = await postActivity(
      t.app,
      await activityBody(t.app, { title: 'Nói chuyện tại THPT Bùi Thị Xuân', start: '2025-05-12' }),
    );
    const headings = [
      'Mã hoạt động',
      'Phiên bản',
      'Tên hoạt động',
      'Loại hình',
      'Ngày bắt đầu',
      'Cơ quan chủ trì',
    ];
    const row = (version: number) => [
      talk.id,
      version,
      'Nói chuyện tại THPT Bùi Thị Xuân (dời)',
      'Nói chuyện chuyên đề',
      '13/5/2025',
      'Công an thành phố Huế',
    ];
    const stale = await uploaded('sua.xlsx', await xlsx([headings, row(talk.version + 5)]));
    expect(stale.rows[0]?.status).toBe('update');
    const refused = await commit(stale.id);
    expect(refused.statusCode).toBe(400);
    expect(errorOf(refused).details?.map((detail) => detail.path)).toEqual(['rows.0']);
    expect((await getJson<Activity>(t.app, `/api/activities/${talk.id}`)).title).toBe(
      'Nói chuyện tại THPT Bùi Thị Xuân',
    );

    const fresh = await uploaded('sua.xlsx', await xlsx([headings, row(talk.version)]));
    const done = json<ImportCommitted>(await commit(fresh.id));
    expect(done).toMatchObject({ created: 0, updated: 1, activityIds: [talk.id] });
    const after = await getJson<Activity>(t.app, `/api/activities/${talk.id}`);
    expect(after).toMatchObject({ title: 'Nói chuyện tại THPT Bùi Thị Xuân (dời)', start: '2025-05-13' });
  });
});

describe('files an import refuses, storing nothing', () => {
  async function refusedFile(name: string, content: Buffer, status: number, message: string) {
    const before = stored();
    const response = await upload(name, content);
    expect(response.statusCode, response.body).toBe(status);
    expect(errorOf(response).details?.[0]?.message ?? errorOf(response).message).toBe(message);
    expect(stored()).toEqual(before);
  }

  it('a file that is not a spreadsheet', async () => {
    await refusedFile(
      'anh.xlsx',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]),
      400,
      'Tệp không phải bảng tính đọc được: hãy lưu dưới dạng .xlsx hoặc .csv (UTF-8)',
    );
  });

  it('a zip that declares far more than it holds', async () => {
    const file = await xlsx([['Tên hoạt động'], ['Một dòng']]);
    // Every entry of the central directory claims 4 GB uncompressed.
    const bomb = Buffer.from(file);
    for (let at = 0; at + 46 <= bomb.length; at++) {
      if (bomb.readUInt32LE(at) === 0x02014b50) bomb.writeUInt32LE(0xfffffff0, at + 24);
    }
    await refusedFile(
      'bom.xlsx',
      bomb,
      400,
      'Tệp không phải bảng tính đọc được: hãy lưu dưới dạng .xlsx hoặc .csv (UTF-8)',
    );
  });

  it('an empty sheet, a heading row alone, 1,000 columns, a cell of 50,000 characters', async () => {
    await refusedFile('trong.xlsx', await xlsx([]), 400, 'Bảng tính trống');
    await refusedFile(
      'tieu-de.csv',
      Buffer.from('Tên hoạt động;Ngày bắt đầu\n'),
      400,
      'Bảng tính chỉ có dòng tiêu đề, chưa có dòng hoạt động nào',
    );
    const wide = Array.from({ length: 1000 }, (_, n) => `Cột ${n + 1}`);
    await refusedFile(
      'rong.csv',
      Buffer.from(`${wide.join(',')}\n${wide.join(',')}\n`),
      400,
      'Bảng tính có quá 100 cột: hãy bỏ các cột không dùng',
    );
    await refusedFile(
      'dai.csv',
      Buffer.from(`Tên hoạt động\n${'a'.repeat(50_000)}\n`),
      400,
      'Ô ở dòng 2, cột 1 dài quá 5.000 ký tự',
    );
  });

  it('a formula is read as its stored value, never evaluated', async () => {
    const file = await xlsx(
      [['Tên hoạt động', 'Loại hình', 'Ngày bắt đầu', 'Cơ quan chủ trì', 'Dự kiến: Lượt người tham dự']],
      (sheet) => {
        sheet.addRow([
          'Nói chuyện tại THPT Hương Thủy',
          'Nói chuyện chuyên đề',
          '6/5/2025',
          'Công an thành phố Huế',
          { formula: '100*3', result: 300 },
        ]);
        sheet.addRow([
          'Nói chuyện tại THPT Hương Trà',
          'Nói chuyện chuyên đề',
          '7/5/2025',
          'Công an thành phố Huế',
          { formula: 'WEBSERVICE("http://x")' },
        ]);
      },
    );
    const preview = await uploaded('cong-thuc.xlsx', file);
    expect(preview.rows.map((row) => row.values['expected:attendances'])).toEqual(['300', '']);
  });
});
