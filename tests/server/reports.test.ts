// Issue 6 point 1 and 3, on a fixture built by hand so that every expected figure is known:
// a joint activity counted once in the totals and credited to each agency, `max`
// indicators never summed, units never mixed, local-date period boundaries (23:30 on the
// 14th and 00:30 on the 15th), cancelled activities out, done = with a result, accepted
// only on request, and the roll-up across the 1/1/2025 and 1/7/2025 reorganisations.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ActivityInput } from '../../server/contracts/activities';
import type { Summary } from '../../server/contracts/reports';
import { officialYear } from '../../server/services/report-periods';
import { testAppOfFile } from '../helpers/app';
import { agencyIdByCode, detailPaths, json, unitIdByCode } from '../helpers/factories';

const t = testAppOfFile();
const ids: Record<string, number> = {};

async function activity(
  input: Partial<ActivityInput> & Pick<ActivityInput, 'start'>,
  values?: Record<string, number>,
) {
  const body = {
    title: `Hoạt động ${input.start}`,
    typeCode: 'community_outreach',
    leadAgencyId: ids.police,
    ...input,
  } as ActivityInput;
  if (!values) {
    const response = await t.app.inject({ method: 'POST', url: '/api/activities', payload: body });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ id: number }>().id;
  }
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/activities/held',
    payload: { activity: body, result: { values, confirm: true } },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ activity: { id: number } }>().activity.id;
}

async function summary(query: string): Promise<Summary> {
  const response = await t.app.inject({ method: 'GET', url: `/api/reports/summary?${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return json<Summary>(response);
}

/** The official year 2025: 15/12/2024–14/12/2025. */
const year2025 = 'startDate=2024-12-15&endDate=2025-12-14';

beforeAll(async () => {
  for (const [name, code] of [
    ['police', 'CA_HUE'],
    ['women', 'LHPN_HUE'],
    ['school', 'SGDDT'],
    ['press', 'BPTTH'],
  ] as const) {
    ids[name] = await agencyIdByCode(t.app, code);
  }
  for (const [name, code] of [
    ['hongVan2024', 'TTH_H_A_LUOI_X_HONG_VAN'],
    ['trungSon2024', 'TTH_H_A_LUOI_X_TRUNG_SON'],
    ['aLuoi1', 'HUE_X_A_LUOI_1'],
    ['huongThuyTown', 'HUE_TX_HUONG_THUY'],
    ['phuBai', 'HUE_P_PHU_BAI'],
    ['thanhThuy', 'HUE_P_THANH_THUY'],
    ['huongThuyWard', 'HUE_P_HUONG_THUY'],
  ] as const) {
    ids[name] = await unitIdByCode(t.app, code);
  }

  // A joint talk: the police lead, the women's union and the education department join.
  ids.joint = await activity(
    {
      start: '2025-08-05',
      partnerAgencyIds: [ids.women ?? 0, ids.school ?? 0],
      unitIds: [ids.phuBai ?? 0],
      targetGroupCodes: ['women', 'students_secondary'],
    },
    { sessions: 1, attendances: 100, attendances_female: 60, leaflets: 500 },
  );
  // Two posts: reach is unique people, so 3,000 and 5,000 make a reach of 5,000, not 8,000.
  await activity(
    { start: '2025-09-01', typeCode: 'social_post', leadAgencyId: ids.press, channelCodes: ['social_media'] },
    { social_posts: 1, views: 4000, reach: 3000 },
  );
  await activity(
    {
      start: '2025-09-02',
      typeCode: 'social_post',
      leadAgencyId: ids.press,
      channelCodes: ['social_media', 'web_portal'],
    },
    { social_posts: 2, views: 6000, reach: 5000 },
  );
  // Planned, not yet held: counted among the activities, not among the done.
  await activity({ start: '2025-10-01', unitIds: [ids.phuBai ?? 0] });
  // Cancelled: not counted at all.
  await activity({ start: '2025-10-02', status: 'cancelled', statusNote: 'Bão' });
  // Local-date boundaries: 23:30 on the 14th is in the year 2025, 00:30 on the 15th is not,
  // although both are the 14th in UTC.
  await activity(
    { start: '2025-12-14T23:30:00+07:00', end: '2025-12-15T00:00:00+07:00', unitIds: [ids.phuBai ?? 0] },
    { sessions: 1, attendances: 7 },
  );
  await activity(
    { start: '2025-12-15T00:30:00+07:00', end: '2025-12-15T01:30:00+07:00', unitIds: [ids.phuBai ?? 0] },
    { sessions: 1, attendances: 1000 },
  );
  // 2024 activities in communes merged into A Lưới 1, and one in the town of Hương Thủy,
  // shared on 1/7/2025 among the wards Thanh Thủy, Hương Thủy and Phú Bài.
  const police2024 = await agencyIdByCode(t.app, 'CA_TTH');
  await activity(
    { start: '2024-12-20', leadAgencyId: police2024, unitIds: [ids.hongVan2024 ?? 0] },
    { sessions: 1, attendances: 40 },
  );
  await activity(
    { start: '2024-12-21', leadAgencyId: police2024, unitIds: [ids.trungSon2024 ?? 0] },
    { sessions: 1, attendances: 30 },
  );
  await activity({ start: '2025-08-20', unitIds: [ids.aLuoi1 ?? 0] }, { sessions: 1, attendances: 50 });
  await activity(
    { start: '2025-03-03', unitIds: [ids.huongThuyTown ?? 0] },
    { sessions: 1, attendances: 20 },
  );
});
describe('GET /api/reports/summary', () => {
  it('totals each activity once, each indicator within its unit, reach as the largest single value', async () => {
    const result = await summary(year2025);
    // The joint talk, 2 posts, the 23:30 talk and 4 roll-up talks held, 1 planned; not the
    // cancelled one, nor the one at 00:30 on the 15th.
    expect(result.totals).toEqual({
      activities: 9,
      done: 8,
      values: {
        sessions: 6,
        attendances: 100 + 7 + 40 + 30 + 50 + 20,
        attendances_female: 60,
        leaflets: 500,
        social_posts: 3,
        views: 10000,
        reach: 5000,
      },
    });
    const units = Object.fromEntries(result.indicators.map((indicator) => [indicator.code, indicator.unit]));
    expect(units).toMatchObject({
      attendances: 'attendance',
      leaflets: 'copy',
      views: 'view',
      reach: 'person',
    });
    expect(result.rows).toEqual([]);
  });

  it('credits a joint activity to each participating agency, and says the rows overlap', async () => {
    const result = await summary(`${year2025}&groupBy=agency`);
    const row = (id: number | undefined) => result.rows.find((entry) => entry.key === String(id));
    for (const agency of [ids.police, ids.women, ids.school]) {
      expect(row(agency)?.values.attendances, `agency ${agency}`).toBeGreaterThanOrEqual(100);
    }
    expect(row(ids.women)).toMatchObject({
      activities: 1,
      done: 1,
      values: { attendances: 100, leaflets: 500 },
    });
    expect(row(ids.school)).toMatchObject({ activities: 1, done: 1 });
    expect(result.rowsOverlap).toBe(true);
    const rowSum = result.rows.reduce((sum, entry) => sum + entry.activities, 0);
    expect(rowSum).toBeGreaterThan(result.totals.activities);
  });

  it('groups by month by local start date', async () => {
    const result = await summary(`${year2025}&groupBy=month`);
    expect(result.rows.map((entry) => [entry.key, entry.label, entry.activities])).toEqual([
      ['2024-12', 'Tháng 12/2024', 2],
      ['2025-03', 'Tháng 3/2025', 1],
      ['2025-08', 'Tháng 8/2025', 2],
      ['2025-09', 'Tháng 9/2025', 2],
      ['2025-10', 'Tháng 10/2025', 1],
      ['2025-12', 'Tháng 12/2025', 1],
    ]);
    expect(result.rowsOverlap).toBe(false);
  });

  it('never sums reach across activities in a row', async () => {
    const result = await summary(`${year2025}&groupBy=type`);
    const posts = result.rows.find((entry) => entry.key === 'social_post');
    expect(posts).toMatchObject({
      activities: 2,
      done: 2,
      values: { social_posts: 3, views: 10000, reach: 5000 },
    });
    const channels = await summary(`${year2025}&groupBy=channel`);
    expect(channels.rows.find((entry) => entry.key === 'social_media')?.values.reach).toBe(5000);
    expect(channels.rows.find((entry) => entry.key === 'web_portal')?.values.reach).toBe(5000);
    expect(channels.rowsOverlap).toBe(true);
  });

  it('counts accepted results only when asked', async () => {
    const none = await summary(`${year2025}&acceptedOnly=true`);
    expect(none.totals).toEqual({ activities: 9, done: 0, values: {} });
    const review = await t.app.inject({
      method: 'POST',
      url: `/api/activities/${ids.joint}/result/review`,
      payload: { decision: 'accept' },
    });
    expect(review.statusCode, review.body).toBe(200);
    const accepted = await summary(`${year2025}&acceptedOnly=true`);
    expect(accepted.totals).toEqual({
      activities: 9,
      done: 1,
      values: { sessions: 1, attendances: 100, attendances_female: 60, leaflets: 500 },
    });
  });

  it('leaves a returned result out of the figures until its author sends it again', async () => {
    const before = await summary(year2025);
    const id = await activity(
      { start: '2025-11-20', unitIds: [ids.phuBai ?? 0] },
      { sessions: 1, attendances: 500 },
    );
    const counted = await summary(year2025);
    expect(counted.totals.done).toBe(before.totals.done + 1);
    const returned = await t.app.inject({
      method: 'POST',
      url: `/api/activities/${id}/result/review`,
      payload: { decision: 'return', note: 'Số liệu chưa khớp biên bản' },
    });
    expect(returned.statusCode, returned.body).toBe(200);
    const after = await summary(year2025);
    expect(after.totals).toEqual({ ...before.totals, activities: before.totals.activities + 1 });
    // Put back as it was for the other tests: the activity is deleted.
    const version = json<{ version: number }>(
      await t.app.inject({ method: 'GET', url: `/api/activities/${id}` }),
    ).version;
    const deleted = await t.app.inject({
      method: 'DELETE',
      url: `/api/activities/${id}`,
      headers: { 'if-match': `"${version}"` },
    });
    expect(deleted.statusCode, deleted.body).toBe(200);
    expect((await summary(year2025)).totals).toEqual(before.totals);
  });

  it('shows units as recorded, or rolled up to 1/7/2025 without counting twice or losing any', async () => {
    const recorded = await summary(`${year2025}&groupBy=unit`);
    const recordedKeys = recorded.rows.map((entry) => entry.key);
    expect(recordedKeys).toEqual(
      expect.arrayContaining([String(ids.hongVan2024), String(ids.trungSon2024), String(ids.huongThuyTown)]),
    );

    const rolled = await summary(`${year2025}&groupBy=unit&rollUpTo=2025-07-01`);
    const aLuoi = rolled.rows.find((entry) => entry.key === String(ids.aLuoi1));
    expect(aLuoi).toMatchObject({ activities: 3, done: 3, values: { attendances: 120 } });
    const shared = [ids.thanhThuy, ids.huongThuyWard, ids.phuBai]
      .sort((a, b) => (a ?? 0) - (b ?? 0))
      .join('+');
    const town = rolled.rows.find((entry) => entry.key === shared);
    expect(town).toMatchObject({ activities: 1, values: { attendances: 20 } });
    expect(town?.label).toContain('Phú Bài');
    expect(rolled.rows.some((entry) => entry.key === String(ids.hongVan2024))).toBe(false);
    // Each activity is in exactly one unit row here: the rows add up to the totals.
    expect(rolled.rowsOverlap).toBe(false);
    const sum = (field: 'activities' | 'done') =>
      rolled.rows.reduce((total, entry) => total + entry[field], 0);
    expect(sum('activities')).toBe(rolled.totals.activities);
    expect(sum('done')).toBe(rolled.totals.done);
    expect(rolled.rows.reduce((total, entry) => total + (entry.values.attendances ?? 0), 0)).toBe(
      rolled.totals.values.attendances,
    );
  });

  it('filters by a unit or agency together with those it took over, when rolling up', async () => {
    const aLuoi = `${year2025}&unitId=${ids.aLuoi1}`;
    expect((await summary(aLuoi)).totals.activities).toBe(1);
    const rolled = await summary(`${aLuoi}&rollUpTo=2025-07-01`);
    expect(rolled.totals).toMatchObject({ activities: 3, done: 3, values: { attendances: 120 } });
    // A town shared among three wards belongs to none of them alone.
    expect(
      (await summary(`${year2025}&unitId=${ids.phuBai}&rollUpTo=2025-07-01`)).totals.values.attendances,
    ).toBe((await summary(`${year2025}&unitId=${ids.phuBai}`)).totals.values.attendances);
    const police = `${year2025}&agencyId=${ids.police}`;
    const policeNow = await summary(`${police}&rollUpTo=2025-07-01`);
    expect(policeNow.totals.activities).toBe((await summary(police)).totals.activities + 2);
  });

  it('rolls agencies up to those that took them over', async () => {
    const rolled = await summary(`${year2025}&groupBy=agency&rollUpTo=2025-07-01`);
    const keys = rolled.rows.map((entry) => entry.key);
    expect(keys).toContain(String(ids.police));
    expect(keys).not.toContain(String(await agencyIdByCode(t.app, 'CA_TTH')));
    expect(rolled.rows.find((entry) => entry.key === String(ids.police))?.values.attendances).toBe(
      100 + 7 + 40 + 30 + 50 + 20,
    );
  });

  it('refuses a period that ends before it starts, and an unknown grouping', async () => {
    const backwards = await t.app.inject({
      method: 'GET',
      url: '/api/reports/summary?startDate=2025-06-14&endDate=2024-12-15',
    });
    expect(backwards.statusCode).toBe(400);
    expect(detailPaths(backwards)).toEqual(['querystring.endDate']);
    const grouping = await t.app.inject({
      method: 'GET',
      url: `/api/reports/summary?${year2025}&groupBy=colour`,
    });
    expect(grouping.statusCode).toBe(400);
    expect(detailPaths(grouping)).toEqual(['querystring.groupBy']);
  });
});

describe('GET /api/reports/periods', () => {
  it('gives the official cut-offs, the 30/7 peak of the year, quarters and months', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/reports/periods?year=2025' });
    expect(response.statusCode, response.body).toBe(200);
    const { items } = json<{ items: { code: string; label: string; startDate: string; endDate: string }[] }>(
      response,
    );
    const period = (code: string) => items.find((item) => item.code === code);
    expect(period('official-half-year')).toMatchObject({ startDate: '2024-12-15', endDate: '2025-06-14' });
    expect(period('official-year')).toMatchObject({ startDate: '2024-12-15', endDate: '2025-12-14' });
    expect(period('official-year')?.label).toBe('Tổng kết năm 2025 (15/12/2024–14/12/2025)');
    expect(period('peak')).toMatchObject({ startDate: '2025-07-01', endDate: '2025-09-30' });
    expect(period('year')).toMatchObject({ startDate: '2025-01-01', endDate: '2025-12-31' });
    expect(period('quarter-1')).toMatchObject({
      startDate: '2025-01-01',
      endDate: '2025-03-31',
      label: 'Quý I/2025',
    });
    expect(period('month-2')).toMatchObject({
      startDate: '2025-02-01',
      endDate: '2025-02-28',
      label: 'Tháng 2/2025',
    });
    expect(period('month-12')).toMatchObject({ endDate: '2025-12-31' });
    expect(items.filter((item) => item.code.startsWith('month-'))).toHaveLength(12);
    const leap = json<{ items: { code: string; endDate: string }[] }>(
      await t.app.inject({ method: 'GET', url: '/api/reports/periods?year=2028' }),
    );
    expect(leap.items.find((item) => item.code === 'month-2')?.endDate).toBe('2028-02-29');
  });

  it('follows the configured start of the official year', () => {
    expect(officialYear(2025, '12-15')).toEqual({
      start: '2024-12-15',
      halfYearEnd: '2025-06-14',
      yearEnd: '2025-12-14',
    });
    // A province that reports on the calendar year, and one whose year starts in spring.
    expect(officialYear(2025, '01-01')).toEqual({
      start: '2025-01-01',
      halfYearEnd: '2025-06-30',
      yearEnd: '2025-12-31',
    });
    expect(officialYear(2025, '04-01')).toEqual({
      start: '2025-04-01',
      halfYearEnd: '2025-09-30',
      yearEnd: '2026-03-31',
    });
  });
});
