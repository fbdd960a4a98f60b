// Issue 13 point 7: the 2024 plan carried into another year, its merged agencies replaced by
// their successors, a split or an ended one decided by the planner, the dates to look at
// listed, and nothing created before the planner confirms.
import { describe, expect, it } from 'vitest';
import type { Campaign } from '../../server/contracts/campaigns';
import type { PlanCopied, PlanCopyPreview } from '../../server/contracts/plan-copy';
import type { Task } from '../../server/contracts/tasks';
import { countRows, testAppOfFile } from '../helpers/app';
import { agencyIdByCode, errorOf, getJson, json, seededPlan, taskByCode } from '../helpers/factories';

const t = testAppOfFile();

type Stored = Record<'plans' | 'tasks' | 'campaigns' | 'task_targets' | 'audit_log', number>;
const tables = ['plans', 'tasks', 'campaigns', 'task_targets', 'audit_log'] as const;
const stored = (): Stored =>
  Object.fromEntries(tables.map((table) => [table, countRows(t.db, table)])) as Stored;

function copy(planId: number, payload: Record<string, unknown>) {
  return t.app.inject({ method: 'POST', url: `/api/plans/${planId}/copy`, payload });
}

async function post<T>(url: string, payload: Record<string, unknown>): Promise<T> {
  const response = await t.app.inject({ method: 'POST', url, payload });
  expect(response.statusCode, response.body).toBe(201);
  return json<T>(response);
}

/** The 2024 plan, with a task naming a split and an ended agency, and two campaigns. */
async function preparePlan() {
  const plan = await seededPlan(t.app);
  const labour = await agencyIdByCode(t.app, 'SLDTBXH');
  const womenPhuVang = await agencyIdByCode(t.app, 'LHPN_H_PHU_VANG');
  const task = await post<Task>(`/api/plans/${plan.id}/tasks`, {
    code: '9.1',
    title: 'Hỗ trợ nạn nhân trở về năm 2024',
    leadAgencyIds: [labour],
    partnerAgencyIds: [womenPhuVang],
    activityTypeCodes: ['thematic_talk'],
    targets: [{ indicatorCode: 'sessions', value: 12 }],
  });
  const peak = await post<Campaign>('/api/campaigns', {
    name: 'Cao điểm 30/7/2024',
    theme: 'Không trẻ em nào bị bỏ lại phía sau trong cuộc chiến phòng, chống mua bán người',
    startDate: '2024-07-01',
    endDate: '2024-07-30',
    leadAgencyId: await agencyIdByCode(t.app, 'CA_TTH'),
    observanceCode: 'anti_trafficking_day',
    taskIds: [(await taskByCode(t.app, plan.id, '1.2')).id],
  });
  // Two weeks from a Monday to a Sunday; and a window ending on 29/2/2024.
  const schoolWeeks = await post<Campaign>('/api/campaigns', {
    name: 'Tuần sinh hoạt đầu năm học 2024',
    startDate: '2024-09-02',
    endDate: '2024-09-15',
    taskIds: [task.id],
  });
  const leap = await post<Campaign>('/api/campaigns', {
    name: 'Tháng 2/2024 không mua bán người',
    startDate: '2024-02-19',
    endDate: '2024-02-29',
    taskIds: [task.id],
  });
  return { plan, task, labour, womenPhuVang, peak, schoolWeeks, leap };
}

describe('copying a plan forward', () => {
  it('previews the copy, refuses to guess, and creates it all once decided', async () => {
    const { plan, labour, womenPhuVang } = await preparePlan();
    const before = stored();

    const previewed = await copy(plan.id, { year: 2027 });
    expect(previewed.statusCode).toBe(200);
    const preview = json<PlanCopyPreview>(previewed);
    expect(preview.created).toBe(false);
    expect(preview.plan).toEqual({
      title: 'Kế hoạch truyền thông, phòng ngừa tội phạm mua bán người năm 2027',
      year: 2027,
      startDate: '2027-01-01',
      endDate: '2027-12-31',
    });
    expect(preview.tasks.map((task) => task.code)).toContain('9.1');
    const police = preview.replacements.find((entry) => entry.from.shortName === 'Công an tỉnh');
    expect(police?.to.map((to) => to.shortName)).toEqual(['Công an thành phố']);
    expect(police?.usedIn).toContain('Chiến dịch “Cao điểm 30/7/2024”');
    expect(
      preview.unresolved.map((entry) => [entry.from.id, entry.reason, entry.to.map((to) => to.shortName)]),
    ).toEqual([
      [womenPhuVang, 'ended', []],
      [labour, 'split', ['Sở Nội vụ', 'Sở Y tế']],
    ]);
    expect(preview.campaigns).toEqual([
      {
        name: 'Tháng 2/2027 không mua bán người',
        theme: '',
        startDate: '2027-02-19',
        endDate: '2027-02-28',
        leadAgencyId: null,
      },
      {
        // The observance's theme is the year's: none known for 2027 yet.
        name: 'Cao điểm 30/7/2027',
        theme: '',
        startDate: '2027-07-01',
        endDate: '2027-07-30',
        leadAgencyId: await agencyIdByCode(t.app, 'CA_HUE'),
      },
      {
        name: 'Tuần sinh hoạt đầu năm học 2027',
        theme: '',
        startDate: '2027-09-02',
        endDate: '2027-09-15',
        leadAgencyId: null,
      },
    ]);
    expect(preview.dates).toEqual([
      { what: 'Tháng 2/2027 không mua bán người', from: '2024-02-29', to: '2027-02-28', reason: 'leapDay' },
      { what: 'Tuần sinh hoạt đầu năm học 2027', from: '2024-09-02', to: '2027-09-02', reason: 'weekBound' },
    ]);
    expect(stored()).toEqual(before);

    // Confirming while the split and the ended agency are undecided is refused.
    const undecided = await copy(plan.id, { year: 2027, confirm: true });
    expect(undecided.statusCode).toBe(409);
    expect(errorOf(undecided).message).toBe(
      'Chưa chọn cơ quan thay thế cho: Hội Liên hiệp Phụ nữ huyện Phú Vang; Sở Lao động - Thương binh và Xã hội',
    );
    expect(stored()).toEqual(before);

    // A choice of an agency no longer in being is refused too.
    const stale = await copy(plan.id, {
      year: 2027,
      confirm: true,
      choices: [{ from: labour, to: [await agencyIdByCode(t.app, 'CA_TTH')] }],
    });
    expect(stale.statusCode).toBe(400);
    expect(errorOf(stale).details?.map((detail) => detail.path)).toEqual(['choices.0.to']);
    expect(stored()).toEqual(before);

    const homeAffairs = await agencyIdByCode(t.app, 'SNV');
    const created = await copy(plan.id, {
      year: 2027,
      confirm: true,
      choices: [
        { from: labour, to: [homeAffairs] },
        { from: womenPhuVang, to: [] },
      ],
    });
    expect(created.statusCode, created.body).toBe(200);
    const copied = json<PlanCopied>(created);
    expect(copied.plan).toMatchObject({ year: 2027, code: null, issueDate: null, startDate: '2027-01-01' });
    expect(copied.plan.issuerAgencyId).toBe(await agencyIdByCode(t.app, 'UBND_HUE'));
    expect(copied.taskIds).toHaveLength(preview.tasks.length);
    expect(stored().plans).toBe(before.plans + 1);
    expect(stored().tasks).toBe(before.tasks + preview.tasks.length);
    expect(stored().campaigns).toBe(before.campaigns + 3);

    const support = await taskByCode(t.app, copied.plan.id, '9.1');
    expect(support).toMatchObject({
      title: 'Hỗ trợ nạn nhân trở về năm 2027',
      leadAgencyIds: [homeAffairs],
      partnerAgencyIds: [],
      targets: [{ indicatorCode: 'sessions', value: 12 }],
    });
    const policeTask = await taskByCode(t.app, copied.plan.id, '1.2');
    expect(policeTask.leadAgencyIds).toContain(await agencyIdByCode(t.app, 'CA_HUE'));
    expect(policeTask.leadAgencyIds).not.toContain(await agencyIdByCode(t.app, 'CA_TTH'));
    const campaigns = await Promise.all(
      copied.campaignIds.map((id) => getJson<Campaign>(t.app, `/api/campaigns/${id}`)),
    );
    expect(campaigns.find((campaign) => campaign.name === 'Cao điểm 30/7/2027')?.taskIds).toEqual([
      policeTask.id,
    ]);
    expect(campaigns.find((campaign) => campaign.name.startsWith('Tuần sinh hoạt'))?.taskIds).toEqual([
      support.id,
    ]);

    // Sent again, the copy is not made twice.
    const again = await copy(plan.id, { year: 2027, confirm: true, choices: [] });
    expect(again.statusCode).toBe(409);
    expect(errorOf(again).message).toContain('không sao chép lần nữa');
    expect(stored().plans).toBe(before.plans + 1);
  });

  it("gives an observance's campaign the year's theme when the catalogue has it", async () => {
    const plan = await seededPlan(t.app);
    const preview = json<PlanCopyPreview>(await copy(plan.id, { year: 2025 }));
    expect(preview.campaigns.find((campaign) => campaign.name === 'Cao điểm 30/7/2025')?.theme).toBe(
      'Mua bán người là tội phạm có tổ chức – Hãy chấm dứt sự bóc lột',
    );
    // On 1/1/2025 the Department of Labour was still in being: nothing to decide about it.
    expect(preview.unresolved.map((entry) => entry.from.shortName)).not.toContain('Sở LĐ-TB&XH');
  });

  it('refuses a year that is not after the plan’s, storing nothing', async () => {
    const plan = await seededPlan(t.app);
    const before = stored();
    const response = await copy(plan.id, { year: 2024, confirm: true });
    expect(response.statusCode).toBe(400);
    expect(errorOf(response).details?.[0]).toMatchObject({
      path: 'year',
      message: 'Chỉ sao chép kế hoạch sang một năm sau năm 2024',
    });
    expect(stored()).toEqual(before);
  });
});
