// Point 4: plans, their tasks, and campaigns.
import { describe, expect, it } from 'vitest';
import type { Campaign, CampaignInput } from '../../server/contracts/campaigns';
import type { Plan, PlanInput } from '../../server/contracts/plans';
import type { Task, TaskInput } from '../../server/contracts/tasks';
import { countRows, testAppOfFile } from '../helpers/app';
import { agencyIdByCode, errorOf, json, type Page, seededPlan, taskByCode } from '../helpers/factories';

const t = testAppOfFile();
describe('plans', () => {
  it('lists the seeded 2024 plan with its 11 tasks', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/plans' });
    expect(response.statusCode).toBe(200);
    const page = json<Page<Plan>>(response);
    expect(page).toMatchObject({ total: 1, limit: 100, offset: 0 });
    const [plan] = page.items;
    const issuer = await agencyIdByCode(t.app, 'UBND_TTH');
    expect(plan).toMatchObject({
      code: null,
      title: 'Kế hoạch truyền thông, phòng ngừa tội phạm mua bán người năm 2024',
      year: 2024,
      startDate: '2024-01-01',
      endDate: '2024-12-31',
      issuerAgencyId: issuer,
      taskCount: 11,
    });
    expect(plan?.sections.map((section) => section.code)).toEqual(['1', '2', '3']);

    const one = await t.app.inject({ method: 'GET', url: `/api/plans/${plan?.id}` });
    expect(one.statusCode).toBe(200);
    expect(json<Plan>(one)).toEqual(plan);
    expect(one.headers.etag).toBe(`"${plan?.version}"`);
  });

  it('filters plans by year', async () => {
    expect(json<Page<Plan>>(await t.app.inject({ method: 'GET', url: '/api/plans?year=2024' })).total).toBe(
      1,
    );
    expect(json<Page<Plan>>(await t.app.inject({ method: 'GET', url: '/api/plans?year=1999' })).total).toBe(
      0,
    );
  });

  it('creates and patches a plan', async () => {
    const issuer = await agencyIdByCode(t.app, 'UBND_HUE');
    const input: PlanInput = {
      code: '99/KH-UBND',
      title: 'Kế hoạch thông tin, tuyên truyền phòng, chống mua bán người năm 2026',
      year: 2026,
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      issuerAgencyId: issuer,
      goal: 'Nâng cao nhận thức',
      sections: [{ code: 'I', title: 'Nhiệm vụ chung' }],
    };
    const created = await t.app.inject({ method: 'POST', url: '/api/plans', payload: input });
    expect(created.statusCode).toBe(201);
    const plan = json<Plan>(created);
    expect(plan).toMatchObject({
      code: '99/KH-UBND',
      year: 2026,
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      issuerAgencyId: issuer,
      goal: 'Nâng cao nhận thức',
      sections: [{ code: 'I', title: 'Nhiệm vụ chung', titleEn: '' }],
      taskCount: 0,
      version: 1,
    });
    expect(created.headers.etag).toBe('"1"');
    expect(created.headers.location).toBe(`/api/plans/${plan.id}`);

    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/plans/${plan.id}`,
      headers: { 'if-match': '"1"' },
      payload: { goal: 'Mục tiêu mới', endDate: '2026-06-30' },
    });
    expect(patched.statusCode).toBe(200);
    expect(json<Plan>(patched)).toEqual({ ...plan, goal: 'Mục tiêu mới', endDate: '2026-06-30', version: 2 });
    expect(json<Plan>(await t.app.inject({ method: 'GET', url: `/api/plans/${plan.id}` }))).toEqual(
      json<Plan>(patched),
    );

    // A patch that would end the plan before it starts is refused and changes nothing.
    const backwards = await t.app.inject({
      method: 'PATCH',
      url: `/api/plans/${plan.id}`,
      payload: { startDate: '2026-07-01' },
    });
    expect(backwards.statusCode).toBe(400);
    expect(errorOf(backwards).details?.[0]?.path).toBe('endDate');
    expect(json<Plan>(await t.app.inject({ method: 'GET', url: `/api/plans/${plan.id}` }))).toEqual(
      json<Plan>(patched),
    );
  });

  it('refuses a plan that ends before it starts', async () => {
    const before = countRows(t.db, 'plans');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/plans',
      payload: { title: 'Ngược', year: 2026, startDate: '2026-12-31', endDate: '2026-01-01' },
    });
    expect(response.statusCode).toBe(400);
    expect(errorOf(response).details?.[0]?.path).toBe('endDate');
    expect(countRows(t.db, 'plans')).toBe(before);
  });
});

describe('list bounds', () => {
  it('refuses limit=1001 on every list and defaults to 100', async () => {
    const plan = await seededPlan(t.app);
    for (const url of [
      '/api/plans',
      `/api/plans/${plan.id}/tasks`,
      '/api/campaigns',
      '/api/units',
      '/api/agencies',
    ]) {
      const refused = await t.app.inject({ method: 'GET', url: `${url}?limit=1001` });
      expect(refused.statusCode, url).toBe(400);
      expect(errorOf(refused).details?.[0]?.path, url).toBe('querystring.limit');
      const page = json<Page<unknown>>(await t.app.inject({ method: 'GET', url }));
      expect(page.limit, url).toBe(100);
      expect(page.offset, url).toBe(0);
      const max = await t.app.inject({ method: 'GET', url: `${url}?limit=1000` });
      expect(max.statusCode, url).toBe(200);
    }
  });

  it('pages the tasks with limit and offset', async () => {
    const plan = await seededPlan(t.app);
    const page = json<Page<Task>>(
      await t.app.inject({ method: 'GET', url: `/api/plans/${plan.id}/tasks?limit=3&offset=5` }),
    );
    expect(page.total).toBeGreaterThanOrEqual(11);
    expect(page.items.map((task) => task.code)).toEqual(['2.1', '2.2', '2.3']);
  });
});

describe('tasks', () => {
  it('lists the 11 tasks of the 2024 plan, in order', async () => {
    const plan = await seededPlan(t.app);
    const response = await t.app.inject({ method: 'GET', url: `/api/plans/${plan.id}/tasks` });
    expect(response.statusCode).toBe(200);
    const page = json<Page<Task>>(response);
    expect(page.total).toBe(11);
    expect(page.items.map((task) => task.code)).toEqual([
      '1.1',
      '1.2',
      '1.3',
      '1.4',
      '1.5',
      '2.1',
      '2.2',
      '2.3',
      '3.1',
      '3.2',
      '3.3',
    ]);
    for (const task of page.items) expect(task.planId).toBe(plan.id);
  });

  it('gives task 1.2 the provincial police as lead and every agency as partner', async () => {
    const plan = await seededPlan(t.app);
    const task = await taskByCode(t.app, plan.id, '1.2');
    const police = await agencyIdByCode(t.app, 'CA_TTH');
    expect(task.title).toBe('Hưởng ứng Ngày toàn dân và Ngày thế giới phòng, chống mua bán người 30/7');
    expect(task.sectionCode).toBe('1');
    expect(task.leadAgencyIds).toEqual([police]);
    expect(task.leadAllAgencies).toBe(false);
    expect(task.partnerAllAgencies).toBe(true);
    const one = await t.app.inject({ method: 'GET', url: `/api/tasks/${task.id}` });
    expect(one.statusCode).toBe(200);
    expect(json<Task>(one)).toEqual(task);
    expect(one.headers.etag).toBe(`"${task.version}"`);

    const first = await taskByCode(t.app, plan.id, '1.1');
    expect(first.leadAllAgencies).toBe(true);
    expect(first.leadAgencyIds).toEqual([]);
  });

  it('answers 404 for the tasks of a plan that does not exist', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/plans/999999/tasks' });
    expect(response.statusCode).toBe(404);
    expect(errorOf(response).code).toBe('NOT_FOUND');
  });

  it('creates and patches a task', async () => {
    const plan = await seededPlan(t.app);
    const sectionCode = plan.sections[0]?.code ?? null;
    const lead = await agencyIdByCode(t.app, 'SGDDT');
    const partner = await agencyIdByCode(t.app, 'DOAN_TTH');
    const input: TaskInput = {
      sectionCode,
      code: '9.9',
      title: 'Tổ chức hội thi tìm hiểu pháp luật trong trường học',
      leadAgencyIds: [lead],
      partnerAgencyIds: [partner],
      targetGroupCodes: ['students_secondary'],
      channelCodes: ['school'],
      activityTypeCodes: ['competition'],
      targets: [{ indicatorCode: 'contestants', value: 500 }],
    };
    const created = await t.app.inject({
      method: 'POST',
      url: `/api/plans/${plan.id}/tasks`,
      payload: input,
    });
    expect(created.statusCode).toBe(201);
    const task = json<Task>(created);
    expect(task).toMatchObject({ ...input, planId: plan.id, leadAllAgencies: false, version: 1 });
    expect(created.headers.location).toBe(`/api/tasks/${task.id}`);
    expect(created.headers.etag).toBe('"1"');

    const tasks = json<Page<Task>>(await t.app.inject({ method: 'GET', url: `/api/plans/${plan.id}/tasks` }));
    expect(tasks.total).toBe(12);
    expect(tasks.items.at(-1)?.code).toBe('9.9');

    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/tasks/${task.id}`,
      headers: { 'if-match': '"1"' },
      payload: {
        title: 'Hội thi mới',
        partnerAgencyIds: [],
        targets: [{ indicatorCode: 'contestants', value: 800 }],
      },
    });
    expect(patched.statusCode).toBe(200);
    expect(json<Task>(patched)).toEqual({
      ...task,
      title: 'Hội thi mới',
      partnerAgencyIds: [],
      targets: [{ indicatorCode: 'contestants', value: 800 }],
      version: 2,
    });
    // Lead agencies were not named in the patch and stay.
    expect(json<Task>(patched).leadAgencyIds).toEqual([lead]);
  });

  it('refuses a task with unknown codes, a duplicate code or an unknown agency', async () => {
    const plan = await seededPlan(t.app);
    const before = countRows(t.db, 'tasks');
    const cases: [Record<string, unknown>, string][] = [
      [{ code: '1.1', title: 'Trùng' }, 'code'],
      [{ code: '9.8', title: 'Sai kênh', channelCodes: ['carrier_pigeon'] }, 'channelCodes.0'],
      [{ code: '9.8', title: 'Sai cơ quan', leadAgencyIds: [999999] }, 'leadAgencyIds.0'],
      [
        { code: '9.8', title: 'Sai chỉ tiêu', targets: [{ indicatorCode: 'nope', value: 1 }] },
        'targets.0.indicatorCode',
      ],
      [{ code: '9.8', title: 'Âm', targets: [{ indicatorCode: 'sessions', value: -1 }] }, 'targets.0.value'],
    ];
    for (const [payload, path] of cases) {
      const response = await t.app.inject({ method: 'POST', url: `/api/plans/${plan.id}/tasks`, payload });
      expect(response.statusCode, path).toBe(400);
      expect(errorOf(response).code).toBe('VALIDATION_FAILED');
      expect(errorOf(response).details?.map((detail) => detail.path)).toContain(path);
    }
    expect(countRows(t.db, 'tasks')).toBe(before);
  });
});

describe('campaigns', () => {
  let peak: Campaign;
  let spring: Campaign;

  it('creates a campaign linked to plan tasks', async () => {
    const plan = await seededPlan(t.app);
    const task = await taskByCode(t.app, plan.id, '1.2');
    const lead = await agencyIdByCode(t.app, 'CA_TTH');
    const input: CampaignInput = {
      name: 'Cao điểm tuyên truyền 30/7/2024',
      theme: 'Không trẻ em nào bị bỏ lại phía sau trong cuộc chiến phòng, chống mua bán người',
      startDate: '2024-07-01',
      endDate: '2024-09-30',
      leadAgencyId: lead,
      observanceCode: 'anti_trafficking_day',
      taskIds: [task.id],
      color: '#c62828',
    };
    const created = await t.app.inject({ method: 'POST', url: '/api/campaigns', payload: input });
    expect(created.statusCode).toBe(201);
    peak = json<Campaign>(created);
    expect(peak).toMatchObject({ ...input, version: 1 });
    expect(created.headers.etag).toBe('"1"');
    expect(created.headers.location).toBe(`/api/campaigns/${peak.id}`);
    expect(json<Campaign>(await t.app.inject({ method: 'GET', url: `/api/campaigns/${peak.id}` }))).toEqual(
      peak,
    );

    const second = await t.app.inject({
      method: 'POST',
      url: '/api/campaigns',
      payload: { name: 'Tháng hành động vì trẻ em', startDate: '2024-06-01', endDate: '2024-06-30' },
    });
    expect(second.statusCode).toBe(201);
    spring = json<Campaign>(second);
    expect(spring).toMatchObject({ theme: '', leadAgencyId: null, taskIds: [], color: null });
  });

  it('lists campaigns whose window overlaps [from, to], both inclusive', async () => {
    const names = async (query: string) =>
      json<Page<Campaign>>(await t.app.inject({ method: 'GET', url: `/api/campaigns?${query}` })).items.map(
        (campaign) => campaign.id,
      );
    expect(await names('')).toEqual([spring.id, peak.id]);
    expect(await names('from=2024-07-30&to=2024-07-30')).toEqual([peak.id]);
    expect(await names('from=2024-06-30&to=2024-07-01')).toEqual([spring.id, peak.id]);
    expect(await names('from=2024-09-30')).toEqual([peak.id]);
    expect(await names('from=2024-10-01')).toEqual([]);
    expect(await names('to=2024-06-01')).toEqual([spring.id]);
    expect(await names('to=2024-05-31')).toEqual([]);
    expect(await names(`taskId=${peak.taskIds[0]}`)).toEqual([peak.id]);
    expect(await names(`leadAgencyId=${peak.leadAgencyId}`)).toEqual([peak.id]);
  });

  it('patches a campaign', async () => {
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/campaigns/${peak.id}`,
      payload: { version: 1, endDate: '2024-08-31', taskIds: [], color: null },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.headers.etag).toBe('"2"');
    expect(json<Campaign>(patched)).toEqual({
      ...peak,
      endDate: '2024-08-31',
      taskIds: [],
      color: null,
      version: 2,
    });
    const backwards = await t.app.inject({
      method: 'PATCH',
      url: `/api/campaigns/${peak.id}`,
      payload: { startDate: '2024-09-01' },
    });
    expect(backwards.statusCode).toBe(400);
    expect(errorOf(backwards).details?.[0]?.path).toBe('endDate');
    expect(
      json<Campaign>(await t.app.inject({ method: 'GET', url: `/api/campaigns/${peak.id}` })).version,
    ).toBe(2);
  });

  it('refuses a bad colour, an unknown observance and an unknown task', async () => {
    const before = countRows(t.db, 'campaigns');
    const base = { name: 'X', startDate: '2024-01-01', endDate: '2024-01-31' };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, color: 'red' }, 'color'],
      [{ ...base, observanceCode: 'no_such_day' }, 'observanceCode'],
      [{ ...base, taskIds: [999999] }, 'taskIds.0'],
      [{ ...base, endDate: '2023-12-31' }, 'endDate'],
    ];
    for (const [payload, path] of cases) {
      const response = await t.app.inject({ method: 'POST', url: '/api/campaigns', payload });
      expect(response.statusCode, path).toBe(400);
      expect(errorOf(response).details?.map((detail) => detail.path)).toContain(path);
    }
    expect(countRows(t.db, 'campaigns')).toBe(before);
  });
});
