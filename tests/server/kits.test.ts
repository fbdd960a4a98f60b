// Issue 12 point 2: campaign kits. The 30/7 kit ships with the product; a preview lists
// exactly what apply creates and stores nothing; apply creates the campaign and every
// activity in one transaction (one refused row stores nothing); an application is undone
// as a whole while none of its activities has a result; a kit is edited with its version.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Activity } from '../../server/contracts/activities';
import type { Campaign } from '../../server/contracts/campaigns';
import type { Kit, KitApplication, KitApplyResult, KitPreview } from '../../server/contracts/kits';
import { auditRowsAfter, lastAuditId, snapshot } from '../helpers/accounts';
import { countRows, testAppOfFile } from '../helpers/app';
import { agencyIdByCode, detailPaths, errorOf, getJson, json, unitIdByCode } from '../helpers/factories';

const t = testAppOfFile();

const AGENCIES = ['SGDDT', 'DOAN_HUE', 'LHPN_HUE', 'SVHTT', 'SDL', 'MTTQ_HUE'];
const COMMUNES = ['HUE_P_PHU_XUAN', 'HUE_P_KIM_LONG', 'HUE_X_PHU_VINH', 'HUE_X_A_LUOI_1'];
/** Five items led by a named agency, one by each chosen agency, three by each commune's committee. */
const EXPECTED_COUNT = 5 + 6 + 3 * 4;

let kit: Kit;
let agencyIds: number[];
let unitIds: number[];

const preview = (body: Record<string, unknown>, kitId = kit.id) =>
  t.app.inject({ method: 'POST', url: `/api/kits/${kitId}/preview`, payload: body });
const apply = (body: Record<string, unknown>, kitId = kit.id) =>
  t.app.inject({ method: 'POST', url: `/api/kits/${kitId}/apply`, payload: body });
const undo = (id: number) => t.app.inject({ method: 'DELETE', url: `/api/kit-applications/${id}` });

beforeAll(async () => {
  const kits = await getJson<{ items: Kit[] }>(t.app, '/api/kits');
  const found = kits.items.find((entry) => entry.code === 'peak_30_7');
  if (!found) throw new Error('the 30/7 kit is not seeded');
  kit = found;
  agencyIds = await Promise.all(AGENCIES.map((code) => agencyIdByCode(t.app, code)));
  unitIds = await Promise.all(COMMUNES.map((code) => unitIdByCode(t.app, code)));
});

describe('the 30/7 kit', () => {
  it('ships with the product, anchored on the observance, with real catalogue codes', async () => {
    expect(kit.anchor).toEqual({ observanceCode: 'anti_trafficking_day' });
    expect(kit.items.map((item) => [item.offsetDays, item.typeCode])).toEqual([
      [-30, 'rally'],
      [-25, 'sms_campaign'],
      [-21, 'visual_display'],
      [-14, 'thematic_talk'],
      [-14, 'loudspeaker_broadcast'],
      [-10, 'community_outreach'],
      [-7, 'news_article'],
      [0, 'rally'],
      [10, 'conference'],
    ]);
    const catalog = await getJson<{ activityTypes: { code: string }[] }>(t.app, '/api/catalog');
    const types = new Set(catalog.activityTypes.map((type) => type.code));
    expect(kit.items.every((item) => types.has(item.typeCode))).toBe(true);
  });
});

describe('preview and apply', () => {
  it('previews 6 agencies × 4 communes without storing anything, then apply creates exactly those', async () => {
    const body = { year: 2027, agencyIds, unitIds };
    const before = snapshot(t.db);
    const auditBefore = lastAuditId(t.db);
    const previewed = await preview(body);
    expect(previewed.statusCode).toBe(200);
    const plan = json<KitPreview>(previewed);
    expect(snapshot(t.db)).toEqual(before);
    expect(auditRowsAfter(t.db, auditBefore)).toEqual([]);

    expect(plan.activities).toHaveLength(EXPECTED_COUNT);
    expect(plan.campaign).toMatchObject({
      id: null,
      name: `${kit.name} 2027`,
      startDate: '2027-06-30',
      endDate: '2027-08-09',
      observanceCode: 'anti_trafficking_day',
    });
    const police = await agencyIdByCode(t.app, 'CA_HUE');
    expect(plan.activities[0]).toMatchObject({
      start: '2027-06-30',
      end: '2027-07-01',
      leadAgencyId: police,
    });
    const talks = plan.activities.filter((activity) => activity.typeCode === 'thematic_talk');
    expect(talks.map((talk) => talk.leadAgencyId)).toEqual(agencyIds);
    expect(talks[0]).toMatchObject({ start: '2027-07-16', end: '2027-07-30', unitIds: [] });
    // Each commune's loudspeakers are led by its People's Committee and held there.
    const phuXuanCommittee = await agencyIdByCode(t.app, 'UBND_P_PHU_XUAN');
    const broadcasts = plan.activities.filter((activity) => activity.typeCode === 'loudspeaker_broadcast');
    expect(broadcasts.map((entry) => entry.unitIds)).toEqual(unitIds.map((id) => [id]));
    expect(broadcasts[0]?.leadAgencyId).toBe(phuXuanCommittee);

    const applied = await apply(body);
    expect(applied.statusCode).toBe(201);
    const result = json<KitApplyResult>(applied);
    expect(result.activityIds).toHaveLength(plan.activities.length);
    const campaign = await getJson<Campaign>(t.app, `/api/campaigns/${result.campaignId}`);
    expect(campaign).toMatchObject({
      name: plan.campaign.name,
      startDate: plan.campaign.startDate,
      endDate: plan.campaign.endDate,
    });
    const stored = await getJson<{ items: Activity[] }>(
      t.app,
      `/api/activities?campaignId=${result.campaignId}&limit=1000`,
    );
    const sortKey = (entry: { start: string; leadAgencyId: number; title: string }) =>
      `${entry.start} ${entry.leadAgencyId} ${entry.title}`;
    const fields = (entry: KitPreview['activities'][number] | Activity) => ({
      title: entry.title,
      typeCode: entry.typeCode,
      start: entry.start,
      end: entry.end,
      leadAgencyId: entry.leadAgencyId,
      unitIds: entry.unitIds,
      expected: entry.expected,
      // Stored lists come back in their own order.
      channelCodes: [...entry.channelCodes].sort(),
      targetGroupCodes: [...entry.targetGroupCodes].sort(),
    });
    const sorted = <T extends { start: string; leadAgencyId: number; title: string }>(list: T[]) =>
      [...list].sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
    expect(sorted(stored.items).map(fields)).toEqual(sorted(plan.activities).map(fields));

    // One audit row per record written: the campaign, each activity, the application.
    const audit = auditRowsAfter(t.db, auditBefore);
    expect(audit.map((row) => row.entity_type)).toEqual([
      'campaign',
      ...result.activityIds.map(() => 'activity'),
      'kit_application',
    ]);
    expect(audit.every((row) => row.action === 'create')).toBe(true);
    const applications = await getJson<{ items: KitApplication[] }>(
      t.app,
      `/api/kit-applications?campaignId=${result.campaignId}`,
    );
    expect(applications.items).toEqual([
      expect.objectContaining({
        id: result.applicationId,
        createdCampaign: true,
        activityCount: EXPECTED_COUNT,
        withResult: 0,
        undoneAt: null,
      }),
    ]);
  });

  it('adds the activities to an existing open campaign given campaignId, and refuses a closed one', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/campaigns',
      payload: { name: 'Cao điểm tuyên truyền 30/7/2028', startDate: '2028-06-30', endDate: '2028-08-09' },
    });
    const campaign = json<Campaign>(created);
    const body = {
      year: 2028,
      agencyIds: agencyIds.slice(0, 2),
      unitIds: unitIds.slice(0, 1),
      campaignId: campaign.id,
    };
    const plan = json<KitPreview>(await preview(body));
    expect(plan.campaign).toMatchObject({ id: campaign.id, name: campaign.name });
    expect(plan.activities).toHaveLength(5 + 2 + 3);
    const before = countRows(t.db, 'campaigns');
    const result = json<KitApplyResult>(await apply(body));
    expect(result.campaignId).toBe(campaign.id);
    expect(countRows(t.db, 'campaigns')).toBe(before);

    const closed = await t.app.inject({
      method: 'PATCH',
      url: `/api/campaigns/${campaign.id}`,
      payload: { closed: true },
    });
    expect(closed.statusCode).toBe(200);
    const snap = snapshot(t.db);
    const refused = await apply(body);
    expect(refused.statusCode).toBe(400);
    expect(detailPaths(refused)).toEqual(['campaignId']);
    expect(errorOf(refused).details?.[0]?.key).toBe('campaign.closed');
    expect(snapshot(t.db)).toEqual(snap);
  });

  it('stores nothing when one row is refused (a locked day), in preview and apply alike', async () => {
    const lock = await t.app.inject({
      method: 'POST',
      url: '/api/period-locks',
      payload: { startDate: '2029-07-30', endDate: '2029-07-30', note: 'Đã duyệt' },
    });
    expect(lock.statusCode).toBe(201);
    const body = { year: 2029, agencyIds, unitIds };
    const before = snapshot(t.db);
    const auditBefore = lastAuditId(t.db);
    for (const response of [await preview(body), await apply(body)]) {
      expect(response.statusCode).toBe(400);
      const details = errorOf(response).details ?? [];
      // Only the rally on the day starts in the locked day; it is named with its Vietnamese reason.
      expect(details.map((detail) => detail.key)).toEqual(['period.locked']);
      expect(details[0]?.path).toMatch(/^activities\.\d+\.start$/);
      expect(details[0]?.message).toMatch(/khóa/i);
    }
    expect(snapshot(t.db)).toEqual(before);
    expect(auditRowsAfter(t.db, auditBefore).filter((row) => row.action !== 'refused')).toEqual([]);
    await t.app.inject({ method: 'DELETE', url: `/api/period-locks/${json<{ id: number }>(lock).id}` });
  });

  it('refuses a unit without a People’s Committee that day, and missing choices, storing nothing', async () => {
    // A district of the former province, gone before 2027.
    const oldDistrict = await unitIdByCode(t.app, 'TTH_H_NAM_DONG');
    const before = snapshot(t.db);
    const refused = await apply({ year: 2027, agencyIds, unitIds: [unitIds[0], oldDistrict] });
    expect(refused.statusCode).toBe(400);
    expect(detailPaths(refused)).toEqual(['unitIds.1']);
    expect(errorOf(refused).details?.[0]?.message).toMatch(/Ủy ban nhân dân/);
    const empty = await preview({ year: 2027, agencyIds: [], unitIds: [] });
    expect(empty.statusCode).toBe(400);
    expect(detailPaths(empty)).toEqual(['agencyIds', 'unitIds']);
    expect(snapshot(t.db)).toEqual(before);
  });
});

describe('undo', () => {
  it('soft-deletes every activity and the campaign it created', async () => {
    const result = json<KitApplyResult>(await apply({ year: 2030, agencyIds, unitIds }));
    const auditBefore = lastAuditId(t.db);
    const response = await undo(result.applicationId);
    expect(response.statusCode).toBe(200);
    expect(json<KitApplication>(response)).toMatchObject({ activityCount: 0, undoneAt: expect.any(String) });
    const left = await getJson<{ total: number }>(t.app, `/api/activities?campaignId=${result.campaignId}`);
    expect(left.total).toBe(0);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/campaigns/${result.campaignId}` })).statusCode,
    ).toBe(404);
    const audit = auditRowsAfter(t.db, auditBefore);
    expect(audit.map((row) => `${row.action} ${row.entity_type}`)).toEqual([
      ...result.activityIds.map(() => 'delete activity'),
      'delete campaign',
      'delete kit_application',
    ]);
    // Twice is refused, changing nothing.
    const before = snapshot(t.db);
    const again = await undo(result.applicationId);
    expect(again.statusCode).toBe(409);
    expect(errorOf(again).key).toBe('kit.alreadyUndone');
    expect(snapshot(t.db)).toEqual(before);
  });

  it('is refused (409) once an activity has a result, changing nothing', async () => {
    // 2026: the peak is over, so results can be logged.
    const result = json<KitApplyResult>(await apply({ year: 2026, agencyIds, unitIds }));
    const [first] = result.activityIds;
    const done = await t.app.inject({
      method: 'PATCH',
      url: `/api/activities/${first}`,
      payload: { status: 'done' },
    });
    expect(done.statusCode).toBe(200);
    const logged = await t.app.inject({
      method: 'PUT',
      url: `/api/activities/${first}/result`,
      payload: { values: { attendances: 320 } },
    });
    expect(logged.statusCode).toBe(200);
    const before = snapshot(t.db);
    const auditBefore = lastAuditId(t.db);
    const response = await undo(result.applicationId);
    expect(response.statusCode).toBe(409);
    expect(errorOf(response).key).toBe('kit.hasResults');
    expect(errorOf(response).message).toMatch(/đã có kết quả/);
    expect(snapshot(t.db)).toEqual(before);
    expect(auditRowsAfter(t.db, auditBefore).filter((row) => row.action !== 'refused')).toEqual([]);
  });

  it('keeps a campaign that was given (campaignId) and a 404 for an unknown application', async () => {
    const campaign = json<Campaign>(
      await t.app.inject({
        method: 'POST',
        url: '/api/campaigns',
        payload: { name: 'Cao điểm 30/7/2031', startDate: '2031-06-30', endDate: '2031-08-09' },
      }),
    );
    const result = json<KitApplyResult>(
      await apply({ year: 2031, agencyIds, unitIds, campaignId: campaign.id }),
    );
    expect((await undo(result.applicationId)).statusCode).toBe(200);
    expect((await getJson<Campaign>(t.app, `/api/campaigns/${campaign.id}`)).deletedAt).toBeNull();
    expect((await undo(999_999)).statusCode).toBe(404);
  });
});

describe('kits as records', () => {
  const lawDay = {
    code: 'law_day_9_11',
    name: 'Hưởng ứng Ngày Pháp luật 9/11',
    anchor: { month: 11, day: 9 },
    items: [
      {
        offsetDays: -7,
        durationDays: 1,
        title: 'Hội nghị phổ biến pháp luật',
        typeCode: 'conference',
        channelCodes: ['direct'],
        targetGroupCodes: ['officials'],
        lead: 'each_agency',
        expected: { attendances: 100 },
      },
    ],
  };

  it('creates a kit, refuses unknown codes and a taken code, and edits with its version (412 when stale)', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/kits',
      payload: { ...lawDay, items: [{ ...lawDay.items[0], typeCode: 'no_such_type' }] },
    });
    expect(bad.statusCode).toBe(400);
    expect(detailPaths(bad)).toEqual(['items.0.typeCode']);
    expect(countRows(t.db, 'kits')).toBe(1);

    const created = await t.app.inject({ method: 'POST', url: '/api/kits', payload: lawDay });
    expect(created.statusCode).toBe(201);
    const made = json<Kit>(created);
    expect(made).toMatchObject({ ...lawDay, version: 1 });
    const taken = await t.app.inject({ method: 'POST', url: '/api/kits', payload: lawDay });
    expect(taken.statusCode).toBe(400);
    expect(detailPaths(taken)).toEqual(['code']);

    const renamed = await t.app.inject({
      method: 'PATCH',
      url: `/api/kits/${made.id}`,
      headers: { 'if-match': '"1"' },
      payload: { name: 'Ngày Pháp luật 9/11' },
    });
    expect(renamed.statusCode).toBe(200);
    expect(json<Kit>(renamed)).toMatchObject({ name: 'Ngày Pháp luật 9/11', version: 2 });
    const before = snapshot(t.db);
    const stale = await t.app.inject({
      method: 'PATCH',
      url: `/api/kits/${made.id}`,
      headers: { 'if-match': '"1"' },
      payload: { name: 'Tên cũ' },
    });
    expect(stale.statusCode).toBe(412);
    expect(snapshot(t.db)).toEqual(before);

    // A fixed-day anchor: 9/11 of the year.
    const plan = json<KitPreview>(
      await preview({ year: 2027, agencyIds: agencyIds.slice(0, 3), unitIds: [] }, made.id),
    );
    expect(plan.activities.map((activity) => activity.start)).toEqual([
      '2027-11-02',
      '2027-11-02',
      '2027-11-02',
    ]);
    expect(plan.campaign).toMatchObject({
      name: 'Ngày Pháp luật 9/11 2027',
      startDate: '2027-11-02',
      endDate: '2027-11-09',
    });
  });

  it('soft-deletes a kit with its version: gone from the list, its applications still undone', async () => {
    const made = json<Kit>(
      await t.app.inject({ method: 'POST', url: '/api/kits', payload: { ...lawDay, code: 'law_day_copy' } }),
    );
    const applied = json<KitApplyResult>(
      await apply({ year: 2028, agencyIds: agencyIds.slice(0, 2), unitIds: [] }, made.id),
    );
    const before = snapshot(t.db);
    const stale = await t.app.inject({
      method: 'DELETE',
      url: `/api/kits/${made.id}`,
      headers: { 'if-match': '"9"' },
    });
    expect(stale.statusCode).toBe(412);
    expect(snapshot(t.db)).toEqual(before);

    const audit = lastAuditId(t.db);
    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/kits/${made.id}`,
      headers: { 'if-match': '"1"' },
    });
    expect(removed.statusCode).toBe(200);
    expect(json<Kit>(removed).version).toBe(2);
    expect(auditRowsAfter(t.db, audit).map((row) => [row.entity_type, row.action])).toEqual([
      ['kit', 'delete'],
    ]);
    const listed = await getJson<{ items: Kit[] }>(t.app, '/api/kits');
    expect(listed.items.map((entry) => entry.id)).not.toContain(made.id);
    expect((await t.app.inject({ method: 'GET', url: `/api/kits/${made.id}` })).statusCode).toBe(404);
    expect((await undo(applied.applicationId)).statusCode).toBe(200);
  });
});
