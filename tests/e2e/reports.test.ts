import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ActivityInput } from '../../server/contracts/activities';
import { AgencyList } from '../../server/contracts/agencies';
import { Plan } from '../../server/contracts/plans';
import { Summary } from '../../server/contracts/reports';
import { Task } from '../../server/contracts/tasks';
import { UnitList } from '../../server/contracts/units';
import { ADMIN } from '../helpers/app';
import { deploymentToday, PHONE, screenshot, sidewaysOverflow } from './browser';
import { browserTestOfFile } from './fixture';

const today = deploymentToday;

/** The official year 2025. */
const START = '2024-12-15';
const END = '2025-12-14';
const PERIOD = `startDate=${START}&endDate=${END}`;

const vi = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const en = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });

describe('reports dashboard', () => {
  const site = browserTestOfFile();
  const planTitle = 'Kế hoạch truyền thông năm 2025 (e2e báo cáo)';
  let plan: Plan;
  let busy: Task;
  let idle: Task;
  const ids: Record<string, number> = {};
  let admin: Page;

  async function summary(query: string): Promise<Summary> {
    const response = await site.app.inject({ method: 'GET', url: `/api/reports/summary?${query}` });
    expect(response.statusCode, response.body).toBe(200);
    return Summary.parse(response.json());
  }

  /** The headline figures as the page shows them: `data-figure` or indicator code → text. */
  async function headline(page: Page): Promise<Record<string, string>> {
    const figures = page.locator('[data-figure]');
    await figures.first().waitFor();
    const shown: Record<string, string> = {};
    for (const figure of await figures.all()) {
      const kind = await figure.getAttribute('data-figure');
      const key = kind === 'indicator' ? await figure.getAttribute('data-indicator') : kind;
      shown[key ?? ''] = (await figure.locator('.report-figure__value').textContent()) ?? '';
    }
    return shown;
  }

  /** What the headline must show for `query`: the summary's totals in `format`. */
  async function expectedHeadline(query: string, format = vi): Promise<Record<string, string>> {
    const answer = await summary(query);
    return {
      activities: format.format(answer.totals.activities),
      done: format.format(answer.totals.done),
      ...Object.fromEntries(
        answer.indicators.map((indicator) => [
          indicator.code,
          format.format(answer.totals.values[indicator.code] ?? 0),
        ]),
      ),
    };
  }

  beforeAll(async () => {
    const { app } = site;

    const agencies = AgencyList.parse(
      (await app.inject({ method: 'GET', url: '/api/agencies?limit=1000' })).json(),
    ).items;
    for (const [name, code] of [
      ['police', 'CA_HUE'],
      ['women', 'LHPN_HUE'],
      ['school', 'SGDDT'],
      ['press', 'BPTTH'],
    ] as const) {
      const agency = agencies.find((entry) => entry.code === code);
      if (!agency) throw new Error(`the seed has no agency ${code}`);
      ids[name] = agency.id;
    }
    const units = UnitList.parse(
      (await app.inject({ method: 'GET', url: '/api/units?limit=1000' })).json(),
    ).items;
    for (const [name, code] of [
      ['phuBai', 'HUE_P_PHU_BAI'],
      ['aLuoi1', 'HUE_X_A_LUOI_1'],
    ] as const) {
      const unit = units.find((entry) => entry.code === code);
      if (!unit) throw new Error(`the seed has no unit ${code}`);
      ids[name] = unit.id;
    }

    const planResponse = await app.inject({
      method: 'POST',
      url: '/api/plans',
      payload: {
        title: planTitle,
        titleEn: 'Communication plan 2025 (e2e reports)',
        year: 2025,
        startDate: '2025-01-01',
        endDate: '2025-12-31',
        sections: [{ code: '1', title: 'Truyền thông trực tiếp' }],
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
      title: 'Tuyên truyền trực tiếp tại trường học và cộng đồng (e2e)',
      leadAgencyIds: [ids.police],
      targets: [{ indicatorCode: 'attendances', value: 3000 }],
    });
    idle = await createTask({
      sectionCode: '1',
      code: '1.2',
      title: 'Tin, bài trên báo chí (e2e)',
      leadAgencyIds: [ids.press],
      targets: [{ indicatorCode: 'news_items', value: 20 }],
    });

    const held = async (activity: Partial<ActivityInput>, values: Record<string, number>) => {
      const response = await app.inject({
        method: 'POST',
        url: '/api/activities/held',
        payload: { activity: { leadAgencyId: ids.police, ...activity }, result: { values, confirm: true } },
      });
      expect(response.statusCode, response.body).toBe(201);
    };
    // A joint talk: one activity in the totals, in three agencies' rows.
    await held(
      {
        title: 'Nói chuyện chuyên đề tại trường THPT Phú Bài (e2e)',
        typeCode: 'thematic_talk',
        start: '2025-08-05',
        partnerAgencyIds: [ids.women ?? 0, ids.school ?? 0],
        unitIds: [ids.phuBai ?? 0],
        channelCodes: ['direct'],
        targetGroupCodes: ['students_secondary', 'women'],
        taskId: busy.id,
      },
      { sessions: 1, attendances: 300, attendances_female: 180 },
    );
    await held(
      {
        title: 'Lễ ra quân tháng hành động (e2e)',
        typeCode: 'rally',
        start: '2025-03-10',
        channelCodes: ['direct'],
        targetGroupCodes: ['general_public'],
        taskId: busy.id,
      },
      { sessions: 1, attendances: 1234 },
    );
    // Two posts: the reach is the larger one (5.000), never 8.000.
    await held(
      {
        title: 'Bài đăng cảnh giác việc nhẹ lương cao (e2e)',
        typeCode: 'social_post',
        start: '2025-09-01',
        leadAgencyId: ids.press,
        channelCodes: ['social_media'],
      },
      { social_posts: 1, views: 4000, reach: 3000 },
    );
    await held(
      {
        title: 'Bài đăng đường dây nóng 111 (e2e)',
        typeCode: 'social_post',
        start: '2025-09-02',
        leadAgencyId: ids.press,
        channelCodes: ['social_media'],
      },
      { social_posts: 2, views: 6000, reach: 5000 },
    );
    // Planned in a border commune: an activity, not done; A Lưới 1 is covered for one group.
    const planned = await app.inject({
      method: 'POST',
      url: '/api/activities',
      payload: {
        title: 'Tuyên truyền tại thôn vùng biên giới (e2e)',
        typeCode: 'community_outreach',
        start: '2025-10-01',
        leadAgencyId: ids.police,
        unitIds: [ids.aLuoi1],
        channelCodes: ['direct'],
        targetGroupCodes: ['ethnic_minority'],
      },
    });
    expect(planned.statusCode, planned.body).toBe(201);

    admin = (await site.signedIn(ADMIN)).page;
  });

  const search = (page: Page) => new URL(page.url()).searchParams;
  /** The report's parts are tabs: a part is in view once its tab is chosen. */
  const openTab = (page: Page, name: string) =>
    page
      .getByRole('tablist', { name: 'Các phần của báo cáo' })
      .getByRole('tab', { name, exact: true })
      .click();

  it('opens from the navigation on the official period that holds today', async () => {
    await admin
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Báo cáo' })
      .click();
    await admin.getByRole('heading', { level: 2, name: 'Báo cáo' }).waitFor();
    await admin.waitForURL((url) => url.searchParams.has('startDate'));
    const params = search(admin);
    const startDate = params.get('startDate') ?? '';
    const endDate = params.get('endDate') ?? '';
    expect(startDate <= today && today <= endDate).toBe(true);
    // 15/12 of the year before, to 14/6 or 14/12.
    expect(startDate.slice(5)).toBe('12-15');
    expect(['06-14', '12-14']).toContain(endDate.slice(5));
    expect(['official-half-year', 'official-year']).toContain(
      await admin.getByLabel('Kỳ', { exact: true }).inputValue(),
    );
  });

  it('shows the totals of the official year 2025 as the summary computes them', async () => {
    await admin.getByLabel('Năm', { exact: true }).selectOption('2025');
    await admin.getByLabel('Kỳ', { exact: true }).selectOption('official-year');
    await admin.waitForURL((url) => url.searchParams.get('startDate') === START);
    expect(search(admin).get('endDate')).toBe(END);
    await admin.getByText('Kỳ báo cáo: 15/12/2024 – 14/12/2025').waitFor();

    const expected = await expectedHeadline(`${PERIOD}&groupBy=month`);
    expect(expected.activities).toBe('5');
    expect(expected.attendances).toBe('1.534');
    expect(expected.reach).toBe('5.000');
    await expect.poll(() => headline(admin)).toEqual(expected);
    // Reach is said to be the largest single one, with its unit.
    const reach = admin.locator('[data-indicator="reach"]');
    expect(await reach.textContent()).toContain('Số lớn nhất của một hoạt động');
    expect(await reach.locator('dd').textContent()).toBe('5.000 người');
    expect(await admin.locator('[data-indicator="views"] dd').textContent()).toBe('10.000 lượt xem');
  });

  it('says that joint activities overlap in the agency chart, and lists each agency', async () => {
    await openTab(admin, 'Biểu đồ');
    const chart = admin.locator('[data-chart="agency"]');
    await chart.getByRole('heading', { name: 'Theo cơ quan chủ trì, phối hợp' }).waitFor();
    expect(await chart.locator('[data-note="overlap"]').textContent()).toContain('Một hoạt động phối hợp');
    const bySummary = await summary(`${PERIOD}&groupBy=agency`);
    expect(bySummary.rowsOverlap).toBe(true);
    for (const row of bySummary.rows) {
      const bar = chart.locator(`[data-key="${row.key}"]`);
      expect(await bar.locator('.bar-chart__count').textContent()).toBe(
        `${vi.format(row.activities)} hoạt động`,
      );
    }
    // The type chart has no overlap, hence no note.
    expect(await admin.locator('[data-chart="type"] [data-note="overlap"]').count()).toBe(0);
    // Each chart keeps its figures in a table too.
    const months = admin.locator('[data-chart="month"]');
    await months.getByText('Bảng số liệu').click();
    const august = months.getByRole('row', { name: /Tháng 8\/2025/ });
    expect(await august.getByRole('cell').first().textContent()).toBe('1');
    await screenshot(admin, 'reports-desktop');
    // On paper: no controls, the period in words, the charts one under the other.
    await admin.emulateMedia({ media: 'print' });
    try {
      expect(await admin.getByRole('button', { name: 'In báo cáo' }).isVisible()).toBe(false);
      expect(await admin.getByText('Kỳ báo cáo: 15/12/2024 – 14/12/2025').isVisible()).toBe(true);
      await screenshot(admin, 'reports-print');
    } finally {
      await admin.emulateMedia({ media: 'screen' });
    }
  });

  it('leads from a type bar to the list of the activities of that type', async () => {
    const bar = admin.locator('[data-chart="type"] [data-key="social_post"]').getByRole('link');
    expect(await bar.textContent()).toContain('2 hoạt động');
    await bar.click();
    await admin.waitForURL((url) => url.pathname === '/reports/activities');
    const params = search(admin);
    expect(params.get('groupBy')).toBe('type');
    expect(params.get('key')).toBe('social_post');
    expect(params.get('startDate')).toBe(START);
    expect(params.get('endDate')).toBe(END);
    await admin.locator('[data-count]', { hasText: '2 hoạt động' }).waitFor();
    await admin.goBack();
    await admin.getByRole('heading', { level: 2, name: 'Báo cáo' }).waitFor();
    expect(search(admin).get('startDate')).toBe(START);
    expect(search(admin).get('tab')).toBe('charts');
    await openTab(admin, 'Tổng quan');
  });

  it('keeps the period and the filters in the address, through a reload', async () => {
    // The filters fold away while none is set: the overview's figures come first.
    await admin.locator('.report-filters__summary').click();
    await admin.getByLabel('Loại hoạt động', { exact: true }).selectOption('social_post');
    await admin.getByLabel('Chỉ tính kết quả đã được duyệt').check();
    await admin.getByLabel('Quy về đơn vị hành chính hiện nay').check();
    await admin.waitForURL((url) => url.searchParams.get('rollUpTo') === today);
    const params = search(admin);
    expect(params.get('typeCode')).toBe('social_post');
    expect(params.get('acceptedOnly')).toBe('true');

    await admin.reload();
    await admin.getByRole('heading', { level: 2, name: 'Báo cáo' }).waitFor();
    expect(search(admin).get('startDate')).toBe(START);
    expect(search(admin).get('endDate')).toBe(END);
    expect(await admin.getByLabel('Loại hoạt động', { exact: true }).inputValue()).toBe('social_post');
    expect(await admin.getByLabel('Chỉ tính kết quả đã được duyệt').isChecked()).toBe(true);
    expect(await admin.getByLabel('Quy về đơn vị hành chính hiện nay').isChecked()).toBe(true);
    const query = `${PERIOD}&typeCode=social_post&acceptedOnly=true&rollUpTo=${today}`;
    const expected = await expectedHeadline(`${query}&groupBy=month`);
    // No result has been accepted: two posts, none counted as done.
    expect(expected.activities).toBe('2');
    expect(expected.done).toBe('0');
    await expect.poll(() => headline(admin)).toEqual(expected);
    await admin.getByText('Loại hoạt động: Bài đăng trên cổng thông tin, mạng xã hội').waitFor();

    // The export links carry the same period and filters.
    await openTab(admin, 'Báo cáo');
    for (const [name, format] of [
      ['Word (.docx)', 'docx'],
      ['Excel (.xlsx)', 'xlsx'],
      ['CSV (danh sách hoạt động)', 'csv'],
    ] as const) {
      const link = admin.getByRole('navigation', { name: 'Tải báo cáo' }).getByRole('link', { name });
      const href = new URL((await link.getAttribute('href')) ?? '', site.baseUrl);
      expect(href.pathname).toBe('/api/reports/export');
      expect(Object.fromEntries(href.searchParams)).toEqual({
        startDate: START,
        endDate: END,
        typeCode: 'social_post',
        acceptedOnly: 'true',
        rollUpTo: today,
        format,
      });
      expect(await link.getAttribute('download')).not.toBeNull();
      // The server takes the link as it is: the file comes back as a download.
      const file = await site.app.inject({ method: 'GET', url: `${href.pathname}${href.search}` });
      expect(file.statusCode, file.body.slice(0, 300)).toBe(200);
      expect(file.headers['content-disposition']).toContain('attachment');
    }

    await openTab(admin, 'Tổng quan');
    await admin.getByRole('button', { name: 'Bỏ lọc' }).click();
    await admin.waitForURL((url) => !url.searchParams.has('typeCode'));
    expect(search(admin).has('acceptedOnly')).toBe(false);
    expect(search(admin).has('rollUpTo')).toBe(false);
  });

  it('takes a period typed as dates', async () => {
    await admin.getByLabel('Từ ngày').fill('1/8/2025');
    await admin.getByLabel('Đến ngày').fill('30/9/2025');
    await admin.getByRole('button', { name: 'Xem kỳ này' }).click();
    await admin.waitForURL((url) => url.searchParams.get('startDate') === '2025-08-01');
    expect(search(admin).get('endDate')).toBe('2025-09-30');
    expect(await admin.getByLabel('Kỳ', { exact: true }).inputValue()).toBe('custom');
    const expected = await expectedHeadline('startDate=2025-08-01&endDate=2025-09-30&groupBy=month');
    expect(expected.activities).toBe('3');
    await expect.poll(() => headline(admin)).toEqual(expected);
    // Only August and September, each a bar.
    await openTab(admin, 'Biểu đồ');
    expect(await admin.locator('[data-chart="month"] .bar-chart__row').count()).toBe(2);
  });

  it("shows the plan's progress: targets achieved, and the task with no activity", async () => {
    await admin.goto(`${site.baseUrl}/reports?${PERIOD}`);
    await openTab(admin, 'Tiến độ kế hoạch');
    const section = admin.getByRole('region', { name: 'Tiến độ thực hiện kế hoạch' });
    // The 2024 plan overlaps the official year 2025 by a few days: the 2025 plan comes first.
    expect(await section.getByLabel('Kế hoạch', { exact: true }).inputValue()).toBe(String(plan.id));
    const task = section.locator(`[data-task="${busy.id}"]`);
    const target = task.locator('[data-indicator="attendances"]');
    await target.waitFor();
    expect(await target.getByRole('cell').allTextContents()).toEqual([
      '2',
      '2',
      'Lượt người tham dự',
      '3.000 lượt người',
      '0',
      '1.534',
      '51%',
    ]);
    const idleTask = section.locator(`[data-task="${idle.id}"]`);
    await idleTask.getByText('Chưa có hoạt động', { exact: true }).waitFor();
    await section.getByText('1 nhiệm vụ chưa có hoạt động nào.').waitFor();
    // Each task's figures lead to their activities.
    expect(await task.locator('[data-progress="planned"] a').getAttribute('href')).toBe(
      `/reports/activities?taskId=${busy.id}`,
    );
  });

  it('shows the coverage of communes and wards, gaps marked, and switches to channels', async () => {
    await openTab(admin, 'Độ phủ');
    const section = admin.getByRole('region', { name: 'Độ phủ theo xã, phường' });
    const aLuoi = section.locator(`[data-unit="${ids.aLuoi1}"]`);
    await aLuoi.waitFor();
    expect(await aLuoi.getByRole('rowheader').textContent()).toContain('Đơn vị ưu tiên');
    expect(await aLuoi.locator('td').first().textContent()).toBe('1');
    expect(await aLuoi.locator('[data-gap="true"]').count()).toBeGreaterThan(0);
    await section.getByText('chưa có hoạt động nào: khoảng trống cần bổ sung').waitFor();

    await section.getByRole('tab', { name: 'Kênh truyền thông' }).click();
    await section.getByRole('columnheader', { name: /Mạng xã hội/ }).waitFor();
    expect(search(admin).get('coverageBy')).toBe('channel');
  });

  it('switches to English and back', async () => {
    await admin.getByRole('button', { name: 'English' }).click();
    await admin.getByRole('heading', { level: 2, name: 'Reports' }).waitFor();
    await admin
      .getByRole('tablist', { name: 'Parts of the report' })
      .getByRole('tab', { name: 'Charts' })
      .click();
    await admin.getByRole('heading', { name: 'By activity type' }).waitFor();
    await admin.getByText('Report period: 15/12/2024 – 14/12/2025').waitFor();
    const nav = admin.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByRole('link', { name: 'Reports' }).waitFor();
    const expected = await expectedHeadline(`${PERIOD}&groupBy=month`, en);
    expect(expected.attendances).toBe('1,534');
    await admin
      .locator('[data-chart="type"] .bar-chart__label', { hasText: 'Post on web portals or social media' })
      .waitFor();
    await admin
      .getByRole('tablist', { name: 'Parts of the report' })
      .getByRole('tab', { name: 'Overview' })
      .click();
    await expect.poll(() => headline(admin)).toEqual(expected);

    await admin.getByRole('button', { name: 'Tiếng Việt' }).click();
    await admin.getByRole('heading', { level: 2, name: 'Báo cáo' }).waitFor();
  });

  it('fits a phone without scrolling sideways', async () => {
    const { page } = await site.signedIn(ADMIN, PHONE);
    await page.goto(`${site.baseUrl}/reports?${PERIOD}`);
    await expect.poll(() => headline(page)).toEqual(await expectedHeadline(`${PERIOD}&groupBy=month`));
    await openTab(page, 'Độ phủ');
    await page
      .getByRole('region', { name: 'Độ phủ theo xã, phường' })
      .locator(`[data-unit="${ids.aLuoi1}"]`)
      .waitFor();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await openTab(page, 'Tiến độ kế hoạch');
    await page.locator(`[data-task="${busy.id}"]`).waitFor();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await openTab(page, 'Tổng quan');
    await screenshot(page, 'reports-phone');
  });

  it('says so when the figures cannot be loaded, and loads them again on request', async () => {
    await admin.route('**/api/reports/summary?**', (route) =>
      route.fulfill({
        status: 500,
        contentType: 'application/json',
        body: JSON.stringify({
          statusCode: 500,
          code: 'INTERNAL',
          error: 'Internal Server Error',
          message: 'Lỗi máy chủ',
          requestId: 'req-e2e',
        }),
      }),
    );
    await admin.goto(`${site.baseUrl}/reports?${PERIOD}`);
    const alert = admin.getByRole('alert').filter({ hasText: 'Không tải được số liệu báo cáo.' });
    await alert.waitFor();
    await admin.unroute('**/api/reports/summary?**');
    await alert.getByRole('button', { name: 'Thử lại' }).click();
    await expect.poll(() => headline(admin)).toEqual(await expectedHeadline(`${PERIOD}&groupBy=month`));
    expect(await alert.count()).toBe(0);
  });

  it('logs no console error, breaks no CSP rule, and no request fails but those provoked', () => {
    site.expectNoProblems(site.people, { allow: ['500 GET /api/reports/summary'] });
  });
});
