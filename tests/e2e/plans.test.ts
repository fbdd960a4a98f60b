import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { Activity, type ActivityInput } from '../../server/contracts/activities';
import { AgencyList } from '../../server/contracts/agencies';
import { Campaign } from '../../server/contracts/campaigns';
import { Plan } from '../../server/contracts/plans';
import { Task } from '../../server/contracts/tasks';
import { ADMIN } from '../helpers/app';
import {
  createUserThroughApi,
  dayFrom,
  deploymentToday,
  followMainNav,
  PHONE,
  screenshot,
  sidewaysOverflow,
} from './browser';
import { browserTestOfFile } from './fixture';

const today = deploymentToday;

const EDITOR = { username: 'can.bo.cong.an', password: 'mật khẩu cán bộ công an' } as const;
const COORDINATOR = { username: 'dieu.phoi.ke.hoach', password: 'mật khẩu điều phối kế hoạch' } as const;

describe('plans, tasks, campaigns and my work', () => {
  const site = browserTestOfFile();
  const planTitle = 'Kế hoạch truyền thông phòng, chống mua bán người (e2e kế hoạch)';
  const busyTitle = 'Tuyên truyền trực tiếp tại cộng đồng (e2e)';
  const idleTitle = 'Sản phẩm truyền thông trên báo chí (e2e)';
  const campaignName = 'Cao điểm tuyên truyền tháng hành động (e2e)';
  const doneTitle = 'Nói chuyện chuyên đề tại trường THPT Hai Bà Trưng (e2e)';
  const overdueTitle = 'Tuyên truyền lưu động tại chợ Đông Ba (e2e)';
  const upcomingTitle = 'Sân khấu hóa phòng, chống mua bán người tại phường Phú Xuân (e2e)';
  const overdueDays = 5;

  let plan: Plan;
  let busy: Task;
  let idle: Task;
  let campaign: Campaign;
  let policeName: string;
  let admin: Page;

  beforeAll(async () => {
    const { app } = site;

    const agencies = await app.inject({ method: 'GET', url: `/api/agencies?asOf=${today}&limit=1000` });
    expect(agencies.statusCode, agencies.body).toBe(200);
    const police = AgencyList.parse(agencies.json()).items.find((agency) => agency.code === 'CA_HUE');
    if (!police) throw new Error('the seed has no agency CA_HUE');
    policeName = police.name;

    const planResponse = await app.inject({
      method: 'POST',
      url: '/api/plans',
      payload: {
        title: planTitle,
        titleEn: 'Communication plan against human trafficking (e2e plan)',
        year: Number(today.slice(0, 4)),
        startDate: dayFrom(-60),
        endDate: dayFrom(60),
        goal: 'Kéo giảm số vụ mua bán người.',
        sections: [{ code: '1', title: 'Công tác truyền thông', titleEn: 'Communication' }],
      },
    });
    expect(planResponse.statusCode, planResponse.body).toBe(201);
    plan = Plan.parse(planResponse.json());

    const createTask = async (payload: Record<string, unknown>) => {
      const response = await app.inject({ method: 'POST', url: `/api/plans/${plan.id}/tasks`, payload });
      expect(response.statusCode, response.body).toBe(201);
      return Task.parse(response.json());
    };
    busy = await createTask({
      sectionCode: '1',
      code: '1.1',
      title: busyTitle,
      titleEn: 'Face-to-face community outreach (e2e)',
      text: 'Tổ chức tuyên truyền trực tiếp tại cộng đồng.\nƯu tiên địa bàn biên giới, ven biển.',
      leadAgencyIds: [police.id],
      targetGroupCodes: ['general_public'],
      channelCodes: ['direct'],
      targets: [{ indicatorCode: 'attendances', value: 1000 }],
    });
    idle = await createTask({
      sectionCode: '1',
      code: '1.2',
      title: idleTitle,
      leadAllAgencies: true,
      targets: [{ indicatorCode: 'news_items', value: 20 }],
    });

    const campaignResponse = await app.inject({
      method: 'POST',
      url: '/api/campaigns',
      payload: {
        name: campaignName,
        theme: 'Nói không với việc nhẹ lương cao',
        startDate: dayFrom(-30),
        endDate: dayFrom(30),
        leadAgencyId: police.id,
        taskIds: [busy.id],
        color: '#aa3377',
      },
    });
    expect(campaignResponse.statusCode, campaignResponse.body).toBe(201);
    campaign = Campaign.parse(campaignResponse.json());

    const activities: ActivityInput[] = [
      {
        title: doneTitle,
        typeCode: 'thematic_talk',
        start: dayFrom(-20),
        leadAgencyId: police.id,
        taskId: busy.id,
        campaignId: campaign.id,
        status: 'done',
        expected: { attendances: 300 },
      },
      // Planned, and its day has passed: overdue, with no figure against the target.
      {
        title: overdueTitle,
        typeCode: 'rally',
        start: dayFrom(-overdueDays),
        leadAgencyId: police.id,
        taskId: busy.id,
      },
      // Coming up, outside any task: the plan's numbers must not count it.
      {
        title: upcomingTitle,
        typeCode: 'staged_performance',
        start: dayFrom(3),
        leadAgencyId: police.id,
        campaignId: campaign.id,
        status: 'confirmed',
      },
    ];
    for (const payload of activities) {
      const created = await app.inject({ method: 'POST', url: '/api/activities', payload });
      // The held talk has its result: 280 of the 300 people planned came.
      if (payload.title === doneTitle) {
        const { id } = created.json<{ id: number }>();
        const result = await app.inject({
          method: 'PUT',
          url: `/api/activities/${id}/result`,
          payload: { values: { attendances: 280 } },
        });
        expect(result.statusCode, result.body).toBe(200);
      }
      expect(created.statusCode, created.body).toBe(201);
      Activity.parse(created.json());
    }

    await createUserThroughApi(site, {
      ...EDITOR,
      displayName: 'Lê Văn Công',
      role: 'agency_editor',
      agencyId: police.id,
    });

    await createUserThroughApi(site, {
      ...COORDINATOR,
      displayName: 'Trần Thị Kế',
      role: 'coordinator',
      agencyId: police.id,
    });

    admin = (await site.signedIn(ADMIN)).page;
  });

  /** A task's card on the plan page. */
  const taskCard = (page: Page, task: Task) =>
    page.getByRole('article', { name: `${task.code} ${task.title}` });

  it('lists the plans and opens one from the navigation', async () => {
    const nav = admin.getByRole('navigation', { name: 'Điều hướng chính' });
    expect(await nav.getByRole('link').allTextContents()).toEqual([
      'Lịch',
      'Việc của tôi',
      'Kế hoạch',
      'Chiến dịch',
      'Truyền thông',
      'Báo cáo',
      'Quản trị',
    ]);
    await nav.getByRole('link', { name: 'Kế hoạch' }).click();
    await admin.getByRole('heading', { level: 2, name: 'Kế hoạch' }).waitFor();
    const row = admin.getByRole('row').filter({ hasText: planTitle });
    await row.waitFor();
    expect(await row.textContent()).toContain(today.slice(0, 4));
    await row.getByRole('link', { name: planTitle }).click();
    await admin.getByRole('heading', { level: 2, name: planTitle }).waitFor();
    expect(new URL(admin.url()).pathname).toBe(`/plans/${plan.id}`);
    expect(await nav.getByRole('link', { name: 'Kế hoạch' }).getAttribute('aria-current')).toBe('page');
  });

  it("shows each task's activities, progress and targets, and flags the idle one", async () => {
    await admin.getByRole('heading', { level: 3, name: '1. Công tác truyền thông' }).waitFor();
    const card = taskCard(admin, busy);
    await card.waitFor();
    const count = (key: string) => card.locator(`[data-count="${key}"] dd`).textContent();
    expect(await count('planned')).toBe('2');
    expect(await count('done')).toBe('1');
    expect(await count('overdue')).toBe('1');
    expect(await card.getByText(policeName, { exact: true }).count()).toBe(1);

    const bar = card.getByRole('progressbar');
    expect(await bar.getAttribute('aria-valuenow')).toBe('50');
    expect(await bar.getAttribute('aria-valuetext')).toBe('1/2 hoạt động (50%)');

    const target = card.getByRole('row', { name: /Lượt người tham dự/ });
    expect(await target.getByRole('cell').allTextContents()).toEqual([
      '1.000 lượt người',
      '300',
      '280',
      '28%',
    ]);
    expect(await card.getByText('Chưa có hoạt động', { exact: true }).count()).toBe(0);

    const idleCard = taskCard(admin, idle);
    await idleCard.getByText('Chưa có hoạt động', { exact: true }).waitFor();
    await idleCard.getByText('Tất cả các sở, ban, ngành, địa phương', { exact: true }).waitFor();
    expect(
      await idleCard
        .getByRole('row', { name: /Tin, bài, ảnh/ })
        .getByRole('cell')
        .allTextContents(),
      // The target with the catalogue's word for its figures (20 tin, bài).
    ).toEqual(['20 tin, bài', '0', '0', '0%']);
    await admin.getByText('2 nhiệm vụ. 1 nhiệm vụ chưa có hoạt động nào.').waitFor();
    await screenshot(admin, 'plan-desktop');
  });

  it('opens a task: its text, targets and its two activities', async () => {
    await taskCard(admin, busy).getByRole('link', { name: busyTitle }).click();
    await admin.getByRole('heading', { level: 2, name: `1.1 ${busyTitle}` }).waitFor();
    expect(new URL(admin.url()).pathname).toBe(`/tasks/${busy.id}`);
    // A paragraph a line of the plan's text.
    await admin.getByText('Ưu tiên địa bàn biên giới, ven biển.', { exact: true }).waitFor();

    const activities = admin.getByRole('region', { name: 'Hoạt động của 1.1' });
    await activities.getByText('2 hoạt động, sớm nhất trước').waitFor();
    const rows = activities.getByRole('row');
    // The header, then the activities in start order.
    expect(await rows.count()).toBe(3);
    expect(await rows.nth(1).getByRole('rowheader').textContent()).toContain(doneTitle);
    expect(await rows.nth(1).textContent()).toContain('Đã thực hiện');
    const late = rows.nth(2);
    expect(await late.getByRole('rowheader').textContent()).toContain(overdueTitle);
    expect(await late.getByText('Quá hạn', { exact: true }).count()).toBe(1);
    expect(await late.getByRole('link', { name: overdueTitle }).getAttribute('href')).toBe(
      `/?date=${dayFrom(-overdueDays)}&view=day`,
    );
    expect(await activities.getByText(upcomingTitle).count()).toBe(0);

    const calendarLink = admin.getByRole('link', { name: 'Xem trên lịch' });
    expect(await calendarLink.getAttribute('href')).toBe(`/?taskId=${busy.id}&view=list`);
    await screenshot(admin, 'task-desktop');
  });

  it('lists the campaigns and opens one with its activities', async () => {
    const nav = admin.getByRole('navigation', { name: 'Điều hướng chính' });
    await nav.getByRole('link', { name: 'Chiến dịch' }).click();
    await admin.getByRole('heading', { level: 2, name: 'Chiến dịch' }).waitFor();
    const row = admin.getByRole('row').filter({ hasText: campaignName });
    const [startYear, startMonth, startDay] = dayFrom(-30).split('-').map(Number);
    const [endYear, endMonth, endDay] = dayFrom(30).split('-').map(Number);
    const period = `${startDay}/${startMonth}/${startYear} – ${endDay}/${endMonth}/${endYear}`;
    expect(await row.textContent()).toContain(period);
    await row.getByRole('link', { name: campaignName }).click();

    await admin.getByRole('heading', { level: 2, name: campaignName }).waitFor();
    await admin.getByText('Nói không với việc nhẹ lương cao', { exact: true }).waitFor();
    expect(await admin.getByRole('link', { name: `1.1 ${busyTitle}` }).getAttribute('href')).toBe(
      `/tasks/${busy.id}`,
    );
    const activities = admin.getByRole('region', { name: `Hoạt động của ${campaignName}` });
    await activities.getByText(doneTitle).waitFor();
    await activities.getByText(upcomingTitle).waitFor();
    expect(await activities.getByText(overdueTitle).count()).toBe(0);
    expect(await admin.locator('[data-count="done"] dd').textContent()).toBe('1');
    expect(await admin.locator('[data-count="confirmed"] dd').textContent()).toBe('1');
    expect(await admin.getByRole('link', { name: 'Xem trên lịch' }).getAttribute('href')).toBe(
      `/?campaignId=${campaign.id}`,
    );
  });

  it('switches the plan page to English and back', async () => {
    await admin.goto(`${site.baseUrl}/plans/${plan.id}`);
    await admin.getByRole('heading', { level: 2, name: planTitle }).waitFor();
    await admin.getByRole('button', { name: 'English' }).click();
    await admin
      .getByRole('heading', { level: 2, name: 'Communication plan against human trafficking (e2e plan)' })
      .waitFor();
    const card = admin.getByRole('article', { name: '1.1 Face-to-face community outreach (e2e)' });
    await card.getByText('Activities scheduled', { exact: true }).waitFor();
    await card.getByText('Lead', { exact: true }).waitFor();
    expect(await card.getByRole('columnheader').allTextContents()).toEqual([
      'Indicator',
      'Target',
      'Scheduled',
      'Achieved (results)',
      'Of target',
    ]);
    expect(
      await card
        .getByRole('row', { name: /Attendances/ })
        .getByRole('cell')
        .allTextContents(),
    ).toEqual(['1,000 attendances', '300', '280', '28%']);
    await admin.getByText('No activity yet', { exact: true }).waitFor();
    const nav = admin.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByRole('link', { name: 'My work' }).waitFor();

    await admin.getByRole('button', { name: 'Tiếng Việt' }).click();
    await admin.getByRole('heading', { level: 2, name: planTitle }).waitFor();
  });

  it('lets a coordinator set the plan number and the day it was issued, typed as written', async () => {
    const { page } = await site.signedIn(COORDINATOR, { at: `/plans/${plan.id}` });
    await page.getByRole('heading', { level: 2, name: planTitle }).waitFor();
    await page.getByRole('button', { name: 'Sửa kế hoạch' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sửa kế hoạch' });
    const issueDate = dialog.getByRole('textbox', { name: 'Ngày ban hành' });
    expect(await issueDate.inputValue()).toBe('');
    await dialog.getByRole('textbox', { name: 'Số, ký hiệu' }).fill('12/KH-UBND');
    // A day that does not exist is said at the field, before anything is sent.
    await issueDate.fill('30/2/2026');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.getByText('Ngày không hợp lệ: nhập theo dạng ngày/tháng/năm, ví dụ 30/7/2025.').waitFor();
    expect(await issueDate.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => issueDate.evaluate((input) => input === document.activeElement)).toBe(true);

    await issueDate.fill('15/1/2026');
    await screenshot(page, 'plan-edit', { fullPage: false });
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('status').getByText('Đã lưu kế hoạch.').waitFor();
    // Beside its number on the plan page, as a report citing the plan names it.
    await page.getByText('Số 12/KH-UBND, ngày 15/1/2026', { exact: true }).waitFor();

    const stored = await site.app.inject({ method: 'GET', url: `/api/plans/${plan.id}` });
    expect(Plan.parse(stored.json())).toMatchObject({
      title: planTitle,
      startDate: plan.startDate,
      endDate: plan.endDate,
      code: '12/KH-UBND',
      issueDate: '2026-01-15',
      version: plan.version + 1,
    });
    // The form opens again on what was stored.
    await page.getByRole('button', { name: 'Sửa kế hoạch' }).click();
    expect(await dialog.getByRole('textbox', { name: 'Ngày ban hành' }).inputValue()).toBe('15/1/2026');
    await dialog.getByRole('button', { name: 'Hủy' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  it('offers the plan form only to those who may change the plan', async () => {
    const { page } = await site.signedIn(EDITOR, { at: `/plans/${plan.id}` });
    await page.getByRole('heading', { level: 2, name: planTitle }).waitFor();
    await taskCard(page, busy).waitFor();
    expect(await page.getByRole('button', { name: 'Sửa kế hoạch' }).count()).toBe(0);
  });

  it('shows an agency editor what is overdue and what comes next', async () => {
    const { page } = await site.signedIn(EDITOR);
    await followMainNav(page, 'Việc của tôi');
    await page.getByRole('heading', { level: 2, name: 'Việc của tôi' }).waitFor();
    await page.getByText(`Các hoạt động do ${policeName} chủ trì hoặc phối hợp.`).waitFor();

    const overdue = page.getByRole('region', { name: 'Hoạt động quá hạn' });
    const late = overdue.getByRole('row').filter({ hasText: overdueTitle });
    await late.waitFor();
    expect(await late.locator('td[data-label="Quá hạn"]').textContent()).toBe(`${overdueDays} ngày`);
    expect(await late.getByRole('link', { name: 'Báo cáo kết quả' }).getAttribute('href')).toMatch(
      /^\/activities\/\d+\/result$/,
    );
    expect(await late.getByRole('link', { name: overdueTitle }).getAttribute('href')).toBe(
      `/?date=${dayFrom(-overdueDays)}&view=day`,
    );
    expect(await overdue.getByText(doneTitle).count()).toBe(0);

    await page.getByText('Không có kết quả nào bị trả lại.').waitFor();

    const upcoming = page.getByRole('region', { name: 'Hoạt động sắp tới' });
    const [year, month, day] = dayFrom(3).split('-').map(Number);
    // Grouped under its day's heading: `Thứ Tư, 2/12/2026`, or `Chủ Nhật, 6/12/2026`.
    await upcoming.getByText(new RegExp(`^(Thứ .+|Chủ Nhật), ${day}/${month}/${year}$`)).waitFor();
    await upcoming.getByRole('link', { name: upcomingTitle }).waitFor();
    expect(await upcoming.getByText(overdueTitle).count()).toBe(0);
    await screenshot(page, 'my-work');
  });

  it('fits a phone: the plan page and my work never scroll sideways', async () => {
    const { page } = await site.signedIn(ADMIN, PHONE);
    await page.goto(`${site.baseUrl}/plans/${plan.id}`);
    await taskCard(page, busy).getByRole('progressbar').waitFor();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    // The navigation folds behind the menu; opened, every entry is on screen, not cut off.
    await page.getByRole('button', { name: 'Trình đơn' }).click();
    for (const link of await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link')
      .all()) {
      const box = await link.boundingBox();
      expect(box && box.x + box.width).toBeLessThanOrEqual(390);
    }
    await page.getByRole('button', { name: 'Đóng trình đơn' }).click();
    await screenshot(page, 'plan-phone');

    await page.goto(`${site.baseUrl}/tasks/${busy.id}`);
    await page.getByRole('region', { name: 'Hoạt động của 1.1' }).getByText(overdueTitle).waitFor();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);

    await page.goto(`${site.baseUrl}/my-work`);
    await page.getByRole('region', { name: 'Hoạt động sắp tới' }).getByText(upcomingTitle).waitFor();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'my-work-phone');
  });

  it('says so when a plan does not exist, and offers to retry', async () => {
    await admin.goto(`${site.baseUrl}/plans/999999`);
    const alert = admin.getByRole('alert');
    await alert.getByText('Không tải được kế hoạch.').waitFor();
    await alert.getByRole('button', { name: 'Thử lại' }).waitFor();
  });

  it('logs no console error, breaks no CSP rule, and no request fails but those provoked', () => {
    site.expectNoProblems(site.people, {
      allow: [
        '404 GET /api/plans/999999',
        '404 GET /api/plans/999999/tasks',
        '404 GET /api/plans/999999/progress',
      ],
    });
  });
});
