// Issue 12 point 4: POST /api/activities/bulk creates every row as a single create would,
// audited one by one, in one transaction: a bad row, a row out of the writer's scope or in a
// locked period refuses the whole batch, names the row, and stores nothing.
import { describe, expect, it } from 'vitest';
import type { Activity, ActivityInput } from '../../server/contracts/activities';
import { auditRowsAfter, createSignedInUser, lastAuditId, snapshot } from '../helpers/accounts';
import { testAppOfFile } from '../helpers/app';
import { activityBody, agencyIdByCode, detailPaths, errorOf, json, unitIdByCode } from '../helpers/factories';

const t = testAppOfFile();

const SCHOOLS = [
  'Trường THCS Nguyễn Tri Phương',
  'Trường THCS Hàm Nghi',
  'Trường THCS Thống Nhất',
  'Trường THCS Phạm Văn Đồng',
  'Trường THCS Trần Cao Vân',
  'Trường THCS Nguyễn Du',
  'Trường THCS Lý Thường Kiệt',
  'Trường THCS Đặng Văn Ngữ',
  'Trường THCS Chu Văn An',
  'Trường THCS Huỳnh Thúc Kháng',
];
const WARDS = [
  'HUE_P_PHU_XUAN',
  'HUE_P_KIM_LONG',
  'HUE_P_HUONG_AN',
  'HUE_P_THUAN_HOA',
  'HUE_P_VY_DA',
  'HUE_P_AN_CUU',
  'HUE_P_THUY_XUAN',
  'HUE_P_DUONG_NO',
  'HUE_P_THUAN_AN',
  'HUE_P_HUONG_THUY',
];

const bulk = (items: unknown[], as = t.app) =>
  as.inject({ method: 'POST', url: '/api/activities/bulk', payload: { items } });

/** Ten talks of the education department in ten schools of ten wards, a day apart. */
async function tenTalks(): Promise<ActivityInput[]> {
  const school = await agencyIdByCode(t.app, 'SGDDT');
  return Promise.all(
    SCHOOLS.map(async (venue, index) =>
      activityBody(t.app, {
        title: `Nói chuyện phòng chống mua bán người – ${venue}`,
        start: `2025-10-${String(6 + index).padStart(2, '0')}`,
        leadAgencyId: school,
        unitIds: [await unitIdByCode(t.app, WARDS[index] ?? '')],
        venue,
      }),
    ),
  );
}

describe('bulk creation', () => {
  it('creates ten talks in ten schools in one request, each audited, with the values sent', async () => {
    const items = await tenTalks();
    const auditBefore = lastAuditId(t.db);
    const response = await bulk(items);
    expect(response.statusCode).toBe(201);
    const created = json<{ items: Activity[] }>(response).items;
    expect(created).toHaveLength(10);
    created.forEach((activity, index) => {
      const sent = items[index];
      expect(activity).toMatchObject({
        title: sent?.title,
        start: sent?.start,
        end: `2025-10-${String(7 + index).padStart(2, '0')}`,
        allDay: true,
        leadAgencyId: sent?.leadAgencyId,
        unitIds: sent?.unitIds,
        venue: SCHOOLS[index],
        typeCode: 'thematic_talk',
        channelCodes: ['direct'],
        targetGroupCodes: ['students_secondary'],
        expected: { attendances: 300 },
        status: 'planned',
        version: 1,
      });
    });
    // Each row reads back as it was answered, and each has its own audit row.
    for (const activity of created) {
      expect(
        json<Activity>(await t.app.inject({ method: 'GET', url: `/api/activities/${activity.id}` })),
      ).toEqual(activity);
    }
    const audit = auditRowsAfter(t.db, auditBefore);
    expect(audit.map((row) => [row.action, row.entity_type, row.entity_id])).toEqual(
      created.map((activity) => ['create', 'activity', activity.id]),
    );
  });

  it('stores nothing when row 3 is bad, and names items.3 with its field', async () => {
    const items = await tenTalks();
    const bad = [
      ...items.slice(0, 3),
      { ...items[3], title: '   ', typeCode: 'no_such_type' },
      ...items.slice(4),
    ];
    const before = snapshot(t.db);
    const auditBefore = lastAuditId(t.db);
    const response = await bulk(bad);
    expect(response.statusCode).toBe(400);
    expect(errorOf(response).code).toBe('VALIDATION_FAILED');
    expect(detailPaths(response)).toEqual(['items.3.title']);

    // A row the schema accepts but the service refuses (an unknown code) is named the same way.
    const unknown = [...items.slice(0, 3), { ...items[3], typeCode: 'no_such_type' }, ...items.slice(4)];
    const refused = await bulk(unknown);
    expect(refused.statusCode).toBe(400);
    expect(detailPaths(refused)).toEqual(['items.3.typeCode']);
    expect(snapshot(t.db)).toEqual(before);
    expect(auditRowsAfter(t.db, auditBefore)).toEqual([]);
  });

  it('names every refused row at once, a locked period at its start', async () => {
    const items = await tenTalks();
    const lock = await t.app.inject({
      method: 'POST',
      url: '/api/period-locks',
      payload: { startDate: '2025-10-14', endDate: '2025-10-31', note: 'Đã duyệt' },
    });
    expect(lock.statusCode).toBe(201);
    const before = snapshot(t.db);
    const response = await bulk([
      ...items.slice(0, 2),
      { ...items[2], channelCodes: ['no_such_channel'] },
      ...items.slice(3),
    ]);
    expect(response.statusCode).toBe(400);
    // Rows 8 and 9 start on 14 and 15/10, inside the lock.
    expect(detailPaths(response)).toEqual(['items.2.channelCodes.0', 'items.8.start', 'items.9.start']);
    expect(errorOf(response).details?.[1]?.key).toBe('period.locked');
    expect(snapshot(t.db)).toEqual(before);
    const unlocked = await t.app.inject({
      method: 'DELETE',
      url: `/api/period-locks/${json<{ id: number }>(lock).id}`,
    });
    expect(unlocked.statusCode).toBe(200);
  });

  it("refuses an agency editor's row led by another agency, naming that row, and stores nothing", async () => {
    const school = await agencyIdByCode(t.app, 'SGDDT');
    const { as } = await createSignedInUser(t, {
      username: 'bien.tap.bulk',
      role: 'agency_editor',
      agencyId: school,
    });
    const items = await tenTalks();
    const police = await agencyIdByCode(t.app, 'CA_HUE');
    const before = snapshot(t.db);
    const response = await bulk(
      items.map((item, index) => (index === 5 ? { ...item, leadAgencyId: police } : item)),
      as,
    );
    expect(response.statusCode).toBe(400);
    const [detail] = errorOf(response).details ?? [];
    expect(detail).toMatchObject({ path: 'items.5.leadAgencyId', key: 'activity.otherAgency' });
    expect(detail?.message).toMatch(/cơ quan của mình/);
    expect(snapshot(t.db)).toEqual(before);

    // Their own agency's ten are theirs to create.
    const own = await bulk(items, as);
    expect(own.statusCode).toBe(201);
    expect(json<{ items: Activity[] }>(own).items.map((activity) => activity.leadAgencyId)).toEqual(
      items.map(() => school),
    );
  });

  it('limits a batch to 200 rows and refuses an empty one, storing nothing', async () => {
    const [talk] = await tenTalks();
    const before = snapshot(t.db);
    const tooMany = await bulk(Array.from({ length: 201 }, () => talk));
    expect(tooMany.statusCode).toBe(400);
    expect(errorOf(tooMany).details).toEqual([
      expect.objectContaining({
        path: 'items',
        key: 'activity.bulkTooMany',
        message: expect.stringMatching(/200/),
      }),
    ]);
    const empty = await bulk([]);
    expect(empty.statusCode).toBe(400);
    expect(errorOf(empty).details?.[0]).toMatchObject({ path: 'items', key: 'activity.bulkEmpty' });
    expect(snapshot(t.db)).toEqual(before);

    const most = await bulk(Array.from({ length: 200 }, () => talk));
    expect(most.statusCode).toBe(201);
    expect(json<{ items: Activity[] }>(most).items).toHaveLength(200);
  });
});
