// Issue 12 point 7: every figure leads to exactly the activities it counts. For each figure
// of the summary (totals, done, an indicator, every row of each grouping, with filters and
// under both bases) and of a plan's progress, the list behind it has as many activities as
// the figure says, and they are the ones counted; sorted and paged, and as a file.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Activity, ActivityInput } from '../../server/contracts/activities';
import type { Agency } from '../../server/contracts/agencies';
import type { Plan, PlanProgress } from '../../server/contracts/plans';
import type { Summary, SummaryGrouping } from '../../server/contracts/reports';
import type { Task } from '../../server/contracts/tasks';
import { countRows, testAppOfFile } from '../helpers/app';
import { agencyIdByCode, detailPaths, getJson, json, type Page, unitIdByCode } from '../helpers/factories';

const t = testAppOfFile();
const ids: Record<string, number> = {};
const period = 'startDate=2025-01-01&endDate=2025-12-31';
let plan: Plan;
const tasks: Task[] = [];

async function activity(input: Partial<ActivityInput>, values?: Record<string, number>): Promise<number> {
  const body = {
    title: `Hoạt động ${Object.keys(ids).length}`,
    typeCode: 'community_outreach',
    leadAgencyId: ids.police,
    start: '2025-03-01',
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

const summary = (query: string) => getJson<Summary>(t.app, `/api/reports/summary?${query}`);
const counted = (query: string) =>
  getJson<Page<Activity>>(t.app, `/api/reports/activities?${query}&limit=1000`);

/** Every figure of a summary against the list behind it, by total and by ids. */
async function expectListsMatch(query: string): Promise<void> {
  const totals = await summary(query);
  const all = await counted(query);
  expect(all.total, `activities of ${query}`).toBe(totals.totals.activities);
  expect(all.items.every((item) => item.status !== 'cancelled')).toBe(true);
  const done = await counted(`${query}&figure=done`);
  expect(done.total, `done of ${query}`).toBe(totals.totals.done);
  for (const indicator of totals.indicators) {
    const list = await counted(`${query}&indicator=${indicator.code}`);
    expect(list.total, `${indicator.code} of ${query}`).toBeGreaterThan(0);
    expect(list.items.every((item) => done.items.some((other) => other.id === item.id))).toBe(true);
  }
  const groupings: SummaryGrouping[] = ['month', 'type', 'channel', 'agency', 'unit', 'targetGroup', 'task'];
  for (const groupBy of groupings) {
    const grouped = await summary(`${query}&groupBy=${groupBy}`);
    for (const row of grouped.rows) {
      const rowQuery = `${query}&groupBy=${groupBy}&key=${encodeURIComponent(row.key)}`;
      const list = await counted(rowQuery);
      expect(list.total, `${groupBy} ${row.key} of ${query}`).toBe(row.activities);
      expect((await counted(`${rowQuery}&figure=done`)).total, `${groupBy} ${row.key} done`).toBe(row.done);
    }
  }
}

beforeAll(async () => {
  for (const [name, code] of [
    ['police', 'CA_HUE'],
    ['women', 'LHPN_HUE'],
    ['press', 'BPTTH'],
  ] as const) {
    ids[name] = await agencyIdByCode(t.app, code);
  }
  ids.phuBai = await unitIdByCode(t.app, 'HUE_P_PHU_BAI');
  ids.thanhThuy = await unitIdByCode(t.app, 'HUE_P_THANH_THUY');
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/plans',
    payload: { title: 'Kế hoạch thử danh sách', year: 2025, startDate: '2025-01-01', endDate: '2025-12-31' },
  });
  expect(created.statusCode, created.body).toBe(201);
  plan = json<Plan>(created);
  for (const code of ['1', '2']) {
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/plans/${plan.id}/tasks`,
      payload: { code, title: `Nhiệm vụ ${code}`, targets: [{ indicatorCode: 'attendances', value: 500 }] },
    });
    expect(response.statusCode, response.body).toBe(201);
    tasks.push(json<Task>(response));
  }
  const [one, two] = tasks.map((task) => task.id);

  ids.joint = await activity(
    {
      title: 'Nói chuyện chung ở Phú Bài',
      start: '2025-08-05',
      partnerAgencyIds: [ids.women ?? 0],
      unitIds: [ids.phuBai ?? 0, ids.thanhThuy ?? 0],
      targetGroupCodes: ['women', 'students_secondary'],
      taskId: one,
    },
    { sessions: 1, attendances: 100, leaflets: 500 },
  );
  ids.post = await activity(
    {
      title: 'Bài đăng mạng xã hội',
      start: '2025-09-01',
      typeCode: 'social_post',
      leadAgencyId: ids.press,
      channelCodes: ['social_media', 'web_portal'],
    },
    { social_posts: 1, reach: 3000 },
  );
  ids.planned = await activity({
    title: 'Hội nghị dự kiến',
    start: '2025-10-01',
    unitIds: [ids.phuBai ?? 0],
    taskId: one,
  });
  ids.cancelled = await activity({
    title: 'Buổi bị hủy',
    start: '2025-10-02',
    status: 'cancelled',
    statusNote: 'Bão',
    taskId: one,
  });
  ids.postponed = await activity({
    title: 'Buổi tạm hoãn',
    start: '2025-11-02',
    status: 'postponed',
    statusNote: 'Mưa lớn',
    taskId: two,
  });
  ids.talk = await activity(
    { title: 'Nói chuyện ở Thanh Thủy', start: '2025-07-03', unitIds: [ids.thanhThuy ?? 0], taskId: two },
    { sessions: 1, attendances: 20 },
  );
  // Out of the period: in no figure of it.
  await activity({ title: 'Năm sau', start: '2026-02-01' }, { sessions: 1, attendances: 9 });
});

describe('GET /api/reports/activities', () => {
  it('lists exactly the activities of each figure and row, submitted and accepted results counting', async () => {
    const all = await counted(period);
    expect(all.items.map((item) => item.id).sort()).toEqual(
      [ids.joint, ids.post, ids.planned, ids.postponed, ids.talk].sort(),
    );
    const done = await counted(`${period}&figure=done`);
    expect(done.items.map((item) => item.id).sort()).toEqual([ids.joint, ids.post, ids.talk].sort());
    const reach = await counted(`${period}&indicator=reach`);
    expect(reach.items.map((item) => item.id)).toEqual([ids.post]);
    await expectListsMatch(period);
  });

  it('keeps the filters of the figure', async () => {
    await expectListsMatch(`${period}&agencyId=${ids.women}`);
    await expectListsMatch(`${period}&typeCode=community_outreach`);
    await expectListsMatch(`${period}&unitId=${ids.thanhThuy}&rollUpTo=2025-12-31`);
    const women = await counted(`${period}&agencyId=${ids.women}`);
    expect(women.items.map((item) => item.id)).toEqual([ids.joint]);
  });

  it('counts accepted results only under that basis', async () => {
    const basis = `${period}&acceptedOnly=true`;
    expect((await counted(`${basis}&figure=done`)).total).toBe(0);
    const review = await t.app.inject({
      method: 'POST',
      url: `/api/activities/${ids.talk}/result/review`,
      payload: { decision: 'accept' },
    });
    expect(review.statusCode, review.body).toBe(200);
    const done = await counted(`${basis}&figure=done`);
    expect(done.items.map((item) => item.id)).toEqual([ids.talk]);
    expect((await counted(`${basis}&indicator=reach`)).total).toBe(0);
    await expectListsMatch(basis);
    await expectListsMatch(`${basis}&agencyId=${ids.police}`);
  });

  it('lists what each figure of a plan’s progress counts', async () => {
    const progress = await getJson<PlanProgress>(t.app, `/api/plans/${plan.id}/progress`);
    for (const task of progress.tasks) {
      for (const [figure, expected] of [
        ['activities', task.planned],
        ['done', task.done],
        ['overdue', task.overdue],
        ['postponed', task.postponed],
        ['cancelled', task.cancelled],
      ] as const) {
        const list = await counted(`taskId=${task.taskId}&figure=${figure}`);
        expect(list.total, `task ${task.taskId} ${figure}`).toBe(expected);
      }
    }
    const [first] = progress.tasks;
    expect(first).toMatchObject({ planned: 2, done: 1, overdue: 1, cancelled: 1 });
    const planned = progress.tasks.reduce((sum, task) => sum + task.planned, 0);
    expect((await counted(`planId=${plan.id}`)).total).toBe(planned);
  });

  it('sorts by a column either way and pages', async () => {
    const byTitle = await counted(`${period}&sort=title`);
    const titles = byTitle.items.map((item) => item.title);
    expect(titles).toEqual([...titles].sort());
    const back = await counted(`${period}&sort=title&order=desc`);
    expect(back.items.map((item) => item.title)).toEqual([...titles].reverse());
    const byLead = await counted(`${period}&sort=lead`);
    const leads = await Promise.all(
      byLead.items.map(
        async (item) => (await getJson<Agency>(t.app, `/api/agencies/${item.leadAgencyId}`)).name,
      ),
    );
    expect(leads).toEqual([...leads].sort());
    const second = await getJson<Page<Activity>>(
      t.app,
      `/api/reports/activities?${period}&sort=title&limit=2&offset=2`,
    );
    expect(second).toMatchObject({ total: 5, limit: 2, offset: 2 });
    expect(second.items.map((item) => item.title)).toEqual(titles.slice(2, 4));
  });

  it('refuses a half period or a row without its key, and stores nothing', async () => {
    const before = countRows(t.db, 'audit_log');
    for (const query of ['startDate=2025-01-01', `${period}&groupBy=month`, `${period}&figure=all`]) {
      const response = await t.app.inject({ method: 'GET', url: `/api/reports/activities?${query}` });
      expect(response.statusCode, query).toBe(400);
      expect(detailPaths(response).length, query).toBeGreaterThan(0);
    }
    expect(countRows(t.db, 'audit_log')).toBe(before);
  });

  it('exports the same list as CSV and Excel', async () => {
    const csv = await t.app.inject({
      method: 'GET',
      url: `/api/reports/activities/export?${period}&format=csv&sort=title`,
    });
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'Mã,Ngày bắt đầu,Tên hoạt động,Loại hình,Cơ quan chủ trì,Địa bàn,Trạng thái,Kết quả',
    );
    const list = await counted(`${period}&sort=title`);
    expect(lines.length - 1).toBe(list.total);
    expect(lines.slice(1).map((line) => Number(line.split(',')[0]))).toEqual(
      list.items.map((item) => item.id),
    );
    expect(lines.find((line) => line.startsWith(`${ids.joint},`))).toContain('5/8/2025');
    const xlsx = await t.app.inject({
      method: 'GET',
      url: `/api/reports/activities/export?${period}&format=xlsx`,
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});
