// Point 4: units and agencies: lookup by code, validity on a date, create, read, patch.
import { describe, expect, it } from 'vitest';
import type { Agency, AgencyInput } from '../../server/contracts/agencies';
import type { Unit, UnitInput } from '../../server/contracts/units';
import { auditRowsAfter, lastAuditId, parseJson } from '../helpers/accounts';
import { countRows, testAppOfFile } from '../helpers/app';
import { agencyByCode, detailPaths, errorOf, json, type Page, unitByCode } from '../helpers/factories';

const t = testAppOfFile();
async function unitCodes(query: string): Promise<{ codes: string[]; page: Page<Unit> }> {
  const response = await t.app.inject({ method: 'GET', url: `/api/units?${query}` });
  expect(response.statusCode).toBe(200);
  const page = json<Page<Unit>>(response);
  return { codes: page.items.map((unit) => unit.code), page };
}

async function agencyCodes(query: string): Promise<{ codes: string[]; page: Page<Agency> }> {
  const response = await t.app.inject({ method: 'GET', url: `/api/agencies?${query}` });
  expect(response.statusCode).toBe(200);
  const page = json<Page<Agency>>(response);
  return { codes: page.items.map((agency) => agency.code), page };
}

describe('units', () => {
  it('finds a unit by code, with the fields of DESIGN §4', async () => {
    const { page } = await unitCodes('code=TTH_TP_HUE');
    expect(page.total).toBe(1);
    expect(page.items).toHaveLength(1);
    const [unit] = page.items;
    const province = await unitByCode(t.app, 'TTH');
    expect(unit).toMatchObject({
      code: 'TTH_TP_HUE',
      name: 'Thành phố Huế',
      level: 'city',
      parentId: province.id,
      validFrom: null,
      validTo: '2024-12-31',
      tags: ['urban', 'coastal'],
    });
  });

  it('answers an empty page for an unknown code', async () => {
    const { page } = await unitCodes('code=NO_SUCH_UNIT');
    expect(page).toEqual({ items: [], total: 0, limit: 100, offset: 0 });
  });

  it('lists the units in being on a date (asOf)', async () => {
    const before = await unitCodes('asOf=2024-06-01&limit=1000');
    expect(before.codes).toContain('TTH_TP_HUE');
    expect(before.codes).toContain('TTH');
    expect(before.codes).not.toContain('HUE_Q_PHU_XUAN');
    expect(before.codes).not.toContain('HUE');

    const after = await unitCodes('asOf=2025-03-01&limit=1000');
    expect(after.codes).toContain('HUE_Q_PHU_XUAN');
    expect(after.codes).not.toContain('TTH_TP_HUE');

    // The district level was abolished on 1/7/2025 (db/seed/units.json): by 1/8/2025 neither
    // district is in being, and the ward of Phú Xuân has taken over.
    const august = await unitCodes('asOf=2025-08-01&limit=1000');
    expect(august.codes).not.toContain('TTH_TP_HUE');
    expect(august.codes).not.toContain('HUE_Q_PHU_XUAN');
    expect(august.codes).toContain('HUE_P_PHU_XUAN');
    expect(august.codes).toContain('HUE');

    // Phú Xuân district existed 1/1/2025–30/6/2025 only (validTo inclusive).
    expect((await unitCodes('asOf=2025-06-30&code=HUE_Q_PHU_XUAN')).codes).toEqual(['HUE_Q_PHU_XUAN']);
    expect((await unitCodes('asOf=2025-07-01&code=HUE_Q_PHU_XUAN')).codes).toEqual([]);
    expect((await unitCodes('asOf=2024-12-31&code=TTH_TP_HUE')).codes).toEqual(['TTH_TP_HUE']);
    expect((await unitCodes('asOf=2025-01-01&code=TTH_TP_HUE')).codes).toEqual([]);
  });

  it('combines asOf with code', async () => {
    expect((await unitCodes('code=TTH_TP_HUE&asOf=2024-06-01')).codes).toEqual(['TTH_TP_HUE']);
    expect((await unitCodes('code=TTH_TP_HUE&asOf=2025-08-01')).codes).toEqual([]);
  });

  it('lists at most 100 by default and pages with offset', async () => {
    const all = await unitCodes('limit=1000');
    expect(all.page.total).toBe(72);
    expect(all.page.items).toHaveLength(72);
    const first = await unitCodes('');
    expect(first.page.limit).toBe(100);
    const second = await unitCodes('limit=10&offset=10');
    expect(second.page).toMatchObject({ limit: 10, offset: 10, total: 72 });
    expect(second.codes).toEqual(all.codes.slice(10, 20));
  });

  it('refuses a limit over 1000 and a bad asOf', async () => {
    for (const query of ['limit=1001', 'limit=0', 'offset=-1', 'asOf=2025-02-30', 'asOf=yesterday']) {
      const response = await t.app.inject({ method: 'GET', url: `/api/units?${query}` });
      expect(response.statusCode, query).toBe(400);
      const error = errorOf(response);
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.details?.[0]?.path).toBe(`querystring.${query.split('=')[0]}`);
    }
  });

  it('creates, reads and patches a unit', async () => {
    const parent = await unitByCode(t.app, 'HUE');
    const input: UnitInput = {
      code: 'TEST_WARD',
      name: 'Phường Thử Nghiệm',
      level: 'ward',
      parentId: parent.id,
      validFrom: '2025-07-01',
      tags: ['urban'],
    };
    const created = await t.app.inject({ method: 'POST', url: '/api/units', payload: input });
    expect(created.statusCode).toBe(201);
    const unit = json<Unit>(created);
    expect(unit).toMatchObject({ ...input, shortName: input.name, tier: 3, validTo: null, version: 1 });
    expect(created.headers.location).toBe(`/api/units/${unit.id}`);
    expect(created.headers.etag).toBe('"1"');

    const read = await t.app.inject({ method: 'GET', url: `/api/units/${unit.id}` });
    expect(read.statusCode).toBe(200);
    expect(json<Unit>(read)).toEqual(unit);
    expect(read.headers.etag).toBe('"1"');

    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/units/${unit.id}`,
      headers: { 'if-match': '"1"' },
      payload: { name: 'Phường Thử Nghiệm Mới', validTo: '2030-12-31' },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.headers.etag).toBe('"2"');
    expect(json<Unit>(patched)).toEqual({
      ...unit,
      name: 'Phường Thử Nghiệm Mới',
      validTo: '2030-12-31',
      version: 2,
    });
    expect(json<Unit>(await t.app.inject({ method: 'GET', url: `/api/units/${unit.id}` }))).toEqual(
      json<Unit>(patched),
    );
    expect((await unitCodes('code=TEST_WARD&asOf=2031-01-01')).codes).toEqual([]);
    expect((await unitCodes('code=TEST_WARD&asOf=2030-12-31')).codes).toEqual(['TEST_WARD']);
  });

  it('refuses a parent link that would close a loop, and changes nothing', async () => {
    const city = await unitByCode(t.app, 'HUE');
    const ward = await unitByCode(t.app, 'HUE_P_AN_CUU');
    expect(ward.parentId).toBe(city.id);
    for (const [unit, parentId] of [
      [city, city.id],
      [city, ward.id],
    ] as const) {
      const response = await t.app.inject({
        method: 'PATCH',
        url: `/api/units/${unit.id}`,
        payload: { parentId },
      });
      expect(response.statusCode, response.body).toBe(400);
      expect(detailPaths(response)).toEqual(['parentId']);
    }
    expect(await unitByCode(t.app, 'HUE')).toEqual(city);
  });

  it('refuses a duplicate code, an unknown parent and a validity that runs backwards', async () => {
    const before = countRows(t.db, 'units');
    const cases: [Record<string, unknown>, string][] = [
      [{ code: 'TTH', name: 'Trùng mã', level: 'province' }, 'code'],
      [{ code: 'X_NEW', name: 'Không cha', level: 'ward', parentId: 999999 }, 'parentId'],
      [
        { code: 'X_NEW', name: 'Ngược', level: 'ward', validFrom: '2025-01-02', validTo: '2025-01-01' },
        'validTo',
      ],
    ];
    for (const [payload, path] of cases) {
      const response = await t.app.inject({ method: 'POST', url: '/api/units', payload });
      expect(response.statusCode, path).toBe(400);
      expect(errorOf(response).details?.map((detail) => detail.path)).toContain(path);
    }
    expect(countRows(t.db, 'units')).toBe(before);
  });

  it('answers 404 NOT_FOUND for a unit that does not exist', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/units/999999' });
    expect(response.statusCode).toBe(404);
    expect(errorOf(response).code).toBe('NOT_FOUND');
  });
});

describe('agencies', () => {
  it('finds an agency by code, with the fields of DESIGN §4', async () => {
    const { page } = await agencyCodes('code=CA_HUE');
    expect(page.total).toBe(1);
    const hue = await unitByCode(t.app, 'HUE');
    expect(page.items[0]).toMatchObject({
      code: 'CA_HUE',
      name: 'Công an thành phố Huế',
      shortName: 'Công an thành phố',
      nameEn: 'Huế City Police',
      kind: 'police',
      unitId: hue.id,
      validFrom: '2025-01-01',
      validTo: null,
    });
    const predecessor = await agencyByCode(t.app, 'CA_TTH');
    expect(predecessor.validTo).toBe('2024-12-31');
    expect(predecessor.successorIds).toEqual([page.items[0]?.id]);
  });

  it('lists the agencies in being on a date (asOf)', async () => {
    const in2024 = await agencyCodes('asOf=2024-06-01&limit=1000');
    expect(in2024.codes).toContain('CA_TTH');
    expect(in2024.codes).not.toContain('CA_HUE');
    expect(in2024.codes).toContain('SGDDT'); // open-ended validity
    const in2025 = await agencyCodes('asOf=2025-08-01&limit=1000');
    expect(in2025.codes).toContain('CA_HUE');
    expect(in2025.codes).not.toContain('CA_TTH');
    expect(in2025.codes).not.toContain('DPTTH'); // merged into BPTTH on 1/7/2025
    expect(in2025.codes).toContain('BPTTH');
    expect(in2025.codes).toContain('SGDDT');
    expect((await agencyCodes('code=CA_HUE&asOf=2024-12-31')).codes).toEqual([]);
    expect((await agencyCodes('code=CA_HUE&asOf=2025-01-01')).codes).toEqual(['CA_HUE']);
  });

  it('lists 128 agencies in all, 100 to a default page', async () => {
    const first = await agencyCodes('');
    expect(first.page.total).toBe(128);
    expect(first.page.items).toHaveLength(100);
    expect(first.page.limit).toBe(100);
    const rest = await agencyCodes('offset=100');
    expect(rest.page.items).toHaveLength(28);
    const response = await t.app.inject({ method: 'GET', url: '/api/agencies?limit=1001' });
    expect(response.statusCode).toBe(400);
    expect(errorOf(response).code).toBe('VALIDATION_FAILED');
  });

  it('creates, reads and patches an agency', async () => {
    const hue = await unitByCode(t.app, 'HUE');
    const input: AgencyInput = {
      code: 'TEST_DEPT',
      name: 'Sở Thử Nghiệm thành phố Huế',
      shortName: 'Sở Thử Nghiệm',
      nameEn: 'Department of Testing',
      kind: 'department',
      unitId: hue.id,
      validFrom: '2025-07-01',
    };
    const created = await t.app.inject({ method: 'POST', url: '/api/agencies', payload: input });
    expect(created.statusCode).toBe(201);
    const agency = json<Agency>(created);
    expect(agency).toMatchObject({ ...input, validTo: null, successorIds: [], version: 1 });
    expect(created.headers.etag).toBe('"1"');
    expect(created.headers.location).toBe(`/api/agencies/${agency.id}`);

    const read = await t.app.inject({ method: 'GET', url: `/api/agencies/${agency.id}` });
    expect(json<Agency>(read)).toEqual(agency);
    expect(read.headers.etag).toBe('"1"');

    const successor = await agencyByCode(t.app, 'SGDDT');
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/agencies/${agency.id}`,
      payload: { version: 1, shortName: 'Sở TN', validTo: '2026-12-31', successorIds: [successor.id] },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.headers.etag).toBe('"2"');
    expect(json<Agency>(patched)).toEqual({
      ...agency,
      shortName: 'Sở TN',
      validTo: '2026-12-31',
      successorIds: [successor.id],
      version: 2,
    });
    expect((await agencyCodes('code=TEST_DEPT&asOf=2027-01-01')).codes).toEqual([]);
  });

  it('seeds the lines its documents print: the police under the Ministry, a department under the city', async () => {
    expect(await agencyByCode(t.app, 'CA_HUE')).toMatchObject({
      documentSymbol: 'CATP',
      parentLine: 'BỘ CÔNG AN',
    });
    expect((await agencyByCode(t.app, 'SGDDT')).parentLine).toBe('UBND THÀNH PHỐ HUẾ');
  });

  it("patches an agency's ký hiệu and parent line, audited", async () => {
    const police = await agencyByCode(t.app, 'CA_HUE');
    const from = lastAuditId(t.db);
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/agencies/${police.id}`,
      headers: { 'if-match': `"${police.version}"` },
      payload: { documentSymbol: ' CAHUE ', parentLine: 'BỘ CÔNG AN (thử)' },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    // Read back as stored: the spaces around the letters are not kept.
    expect(await agencyByCode(t.app, 'CA_HUE')).toEqual({
      ...police,
      documentSymbol: 'CAHUE',
      parentLine: 'BỘ CÔNG AN (thử)',
      version: police.version + 1,
    });
    const rows = auditRowsAfter(t.db, from);
    expect(rows.map((row) => [row.action, row.entity_type, row.entity_id])).toEqual([
      ['update', 'agency', police.id],
    ]);
    const [row] = rows;
    expect(parseJson(row?.before ?? null)).toMatchObject({
      documentSymbol: 'CATP',
      parentLine: 'BỘ CÔNG AN',
    });
    expect(parseJson(row?.after ?? null)).toMatchObject({
      documentSymbol: 'CAHUE',
      parentLine: 'BỘ CÔNG AN (thử)',
    });

    // An empty parent line is "none", and is kept as such.
    const cleared = await t.app.inject({
      method: 'PATCH',
      url: `/api/agencies/${police.id}`,
      payload: { version: police.version + 1, parentLine: '' },
    });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(json<Agency>(cleared).parentLine).toBe('');
  });

  it('refuses a ký hiệu that is not letters and digits, storing nothing', async () => {
    const school = await agencyByCode(t.app, 'SGDDT');
    const from = lastAuditId(t.db);
    for (const documentSymbol of ['GD ĐT', 'GD-ĐT', 'X'.repeat(21)]) {
      const refused = await t.app.inject({
        method: 'PATCH',
        url: `/api/agencies/${school.id}`,
        payload: { version: school.version, documentSymbol },
      });
      expect(refused.statusCode, documentSymbol).toBe(400);
      const error = errorOf(refused);
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.details?.map((detail) => detail.path)).toEqual(['documentSymbol']);
    }
    const spaced = await t.app.inject({
      method: 'PATCH',
      url: `/api/agencies/${school.id}`,
      payload: { documentSymbol: 'GD ĐT' },
    });
    // The catalogue's key, so that the web words it in the reader's language.
    expect(errorOf(spaced).details?.[0]).toMatchObject({
      key: 'agency.documentSymbol',
      message: 'Chỉ gồm chữ và số, không dấu cách',
    });
    expect(await agencyByCode(t.app, 'SGDDT')).toEqual(school);
    expect(auditRowsAfter(t.db, from).filter((row) => row.action !== 'refused')).toEqual([]);
  });

  it('refuses a duplicate code and an unknown kind, storing nothing', async () => {
    const before = countRows(t.db, 'agencies');
    const duplicate = await t.app.inject({
      method: 'POST',
      url: '/api/agencies',
      payload: { code: 'CA_HUE', name: 'Trùng', kind: 'police' },
    });
    expect(duplicate.statusCode).toBe(400);
    expect(errorOf(duplicate).details?.[0]?.path).toBe('code');
    const badKind = await t.app.inject({
      method: 'POST',
      url: '/api/agencies',
      payload: { code: 'X_NEW', name: 'Loại lạ', kind: 'ministry' },
    });
    expect(badKind.statusCode).toBe(400);
    expect(errorOf(badKind).details?.[0]?.path).toBe('kind');
    expect(countRows(t.db, 'agencies')).toBe(before);
  });
});
