// Issue 12 point 7 in the browser: clicking the year's activity total on the reports page
// lists exactly the activities the figure counts (as GET /api/reports/activities gives them
// for the same query), sorted by a column, paged, and exported; the reports page in tabs.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ActivityList } from '../../server/contracts/activities';
import { AgencyList } from '../../server/contracts/agencies';
import { Summary } from '../../server/contracts/reports';
import { ADMIN } from '../helpers/app';
import { PHONE, screenshot, sidewaysOverflow } from './browser';
import { browserTestOfFile } from './fixture';

const START = '2025-01-01';
const END = '2025-12-31';
const PERIOD = `startDate=${START}&endDate=${END}`;
/** More than a page (50) of activities in the year, so that the list pages. */
const COUNT = 57;

const vi = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });

describe('the activities behind a figure', () => {
  const site = browserTestOfFile();
  let admin: Page;

  async function counted(query: string): Promise<ActivityList> {
    const response = await site.app.inject({ method: 'GET', url: `/api/reports/activities?${query}` });
    expect(response.statusCode, response.body).toBe(200);
    return ActivityList.parse(response.json());
  }

  /** The ids of the rows the list shows, in order. */
  async function shownIds(page: Page): Promise<number[]> {
    const rows = page.locator('table.activity-list tbody tr');
    return await rows.evaluateAll((all) => all.map((row) => Number(row.getAttribute('data-activity'))));
  }

  beforeAll(async () => {
    const { app } = site;
    const agencies = AgencyList.parse(
      (await app.inject({ method: 'GET', url: '/api/agencies?limit=1000' })).json(),
    ).items;
    const police = agencies.find((entry) => entry.code === 'CA_HUE');
    if (!police) throw new Error('the seed has no CA_HUE');
    for (let index = 0; index < COUNT; index += 1) {
      const month = String((index % 12) + 1).padStart(2, '0');
      const day = String((index % 27) + 1).padStart(2, '0');
      const response = await app.inject({
        method: 'POST',
        url: '/api/activities',
        payload: {
          // Titles out of date order, so that sorting by title changes the order.
          title: `Hoạt động ${String((index * 37) % COUNT).padStart(2, '0')} (e2e danh sách)`,
          typeCode: index % 3 === 0 ? 'thematic_talk' : 'community_outreach',
          start: `2025-${month}-${day}`,
          leadAgencyId: police.id,
          channelCodes: ['direct'],
        },
      });
      expect(response.statusCode, response.body).toBe(201);
    }
    // One in the year with a result (submitted, not accepted), one in 2026 (out of the period).
    const held = await app.inject({
      method: 'POST',
      url: '/api/activities/held',
      payload: {
        activity: {
          title: 'Hội nghị đã tổ chức (e2e danh sách)',
          typeCode: 'rally',
          start: '2025-06-10',
          leadAgencyId: police.id,
          channelCodes: ['direct'],
        },
        result: { values: { sessions: 1, attendances: 120 }, confirm: true },
      },
    });
    expect(held.statusCode, held.body).toBe(201);
    const outside = await app.inject({
      method: 'POST',
      url: '/api/activities',
      payload: {
        title: 'Hoạt động năm sau (e2e danh sách)',
        typeCode: 'rally',
        start: '2026-01-05',
        leadAgencyId: police.id,
      },
    });
    expect(outside.statusCode, outside.body).toBe(201);
    admin = (await site.signedIn(ADMIN)).page;
  });

  it('shows the overview with the period and the headline figures, the parts in tabs', async () => {
    await admin.goto(`${site.baseUrl}/reports?${PERIOD}`);
    await admin.getByText('Kỳ báo cáo: 1/1/2025 – 31/12/2025').waitFor();
    const tabs = admin.getByRole('tablist', { name: 'Các phần của báo cáo' });
    for (const name of ['Tổng quan', 'Biểu đồ', 'Tiến độ kế hoạch', 'Độ phủ', 'Báo cáo']) {
      await tabs.getByRole('tab', { name, exact: true }).waitFor();
    }
    expect(await tabs.getByRole('tab', { name: 'Tổng quan' }).getAttribute('aria-selected')).toBe('true');
    const total = admin.locator('[data-figure="activities"] .report-figure__value');
    await expect.poll(() => total.textContent()).toBe(vi.format(COUNT + 1));
    // The overview fits the first screen: no scrolling past charts to see the figures.
    const box = await total.boundingBox();
    expect((box?.y ?? 9999) + (box?.height ?? 0)).toBeLessThan(900);
    await screenshot(admin, 'activity-list-reports-overview-desktop', { fullPage: false });

    await tabs.getByRole('tab', { name: 'Biểu đồ' }).click();
    await admin.waitForURL((url) => url.searchParams.get('tab') === 'charts');
    await admin.locator('[data-chart="type"]').waitFor();
    expect(await admin.locator('[data-figure="activities"]').isVisible()).toBe(false);
    // The tab is kept through a reload.
    await admin.reload();
    await admin.locator('[data-chart="type"]').waitFor();
    await tabs.getByRole('tab', { name: 'Tổng quan' }).click();
    await admin.waitForURL((url) => !url.searchParams.has('tab'));
  });

  it("lists exactly the activities the year's total counts, as the API gives them", async () => {
    const summary = Summary.parse(
      (await site.app.inject({ method: 'GET', url: `/api/reports/summary?${PERIOD}` })).json(),
    );
    expect(summary.totals.activities).toBe(COUNT + 1);
    await admin.locator('[data-figure="activities"] .report-figure__value').click();
    await admin.waitForURL((url) => url.pathname === '/reports/activities');
    const params = new URL(admin.url()).searchParams;
    expect(params.get('startDate')).toBe(START);
    expect(params.get('endDate')).toBe(END);
    await admin.getByRole('heading', { level: 2, name: 'Danh sách hoạt động' }).waitFor();
    await admin.getByText('Hoạt động (không tính hoạt động đã hủy)').waitFor();
    await admin.getByText('Kỳ: 1/1/2025 – 31/12/2025').waitFor();
    await admin.locator('[data-count]', { hasText: `${vi.format(COUNT + 1)} hoạt động` }).waitFor();

    const api = await counted(PERIOD);
    expect(api.total).toBe(summary.totals.activities);
    await admin.getByText(`Hiển thị 1–50 trong ${vi.format(api.total)} hoạt động`).waitFor();
    expect(await shownIds(admin)).toEqual(api.items.map((item) => item.id));
    const titles = await admin.locator('table.activity-list tbody th a').allTextContents();
    expect(titles).toEqual(api.items.map((item) => item.title));
    expect(titles).not.toContain('Hoạt động năm sau (e2e danh sách)');
    await screenshot(admin, 'activity-list-desktop', { fullPage: false });

    // The next page: the rest, as the API's second page.
    await admin.getByRole('button', { name: 'Trang sau' }).click();
    await admin.waitForURL((url) => url.searchParams.get('offset') === '50');
    const second = await counted(`${PERIOD}&offset=50`);
    await expect.poll(() => shownIds(admin)).toEqual(second.items.map((item) => item.id));
    await admin
      .getByText(`Hiển thị 51–${vi.format(api.total)} trong ${vi.format(api.total)} hoạt động`)
      .waitFor();
  });

  it('sorts by a column either way, the order in the address', async () => {
    await admin.getByRole('button', { name: 'Sắp xếp theo Tên hoạt động' }).click();
    await admin.waitForURL((url) => url.searchParams.get('sort') === 'title');
    // A new order starts again on its first page.
    expect(new URL(admin.url()).searchParams.has('offset')).toBe(false);
    const byTitle = await counted(`${PERIOD}&sort=title`);
    await expect.poll(() => shownIds(admin)).toEqual(byTitle.items.map((item) => item.id));
    const header = admin.locator('th[data-column="title"]');
    expect(await header.getAttribute('aria-sort')).toBe('ascending');

    await admin.getByRole('button', { name: 'Sắp xếp theo Tên hoạt động' }).click();
    await admin.waitForURL((url) => url.searchParams.get('order') === 'desc');
    const back = await counted(`${PERIOD}&sort=title&order=desc`);
    await expect.poll(() => shownIds(admin)).toEqual(back.items.map((item) => item.id));
    expect(await header.getAttribute('aria-sort')).toBe('descending');

    // Through a reload: the same list, the same order.
    await admin.reload();
    await expect.poll(() => shownIds(admin)).toEqual(back.items.map((item) => item.id));
  });

  it('exports the list as it is shown, with the same query', async () => {
    const link = admin
      .getByRole('navigation', { name: 'Tải danh sách' })
      .getByRole('link', { name: 'Excel (.xlsx)' });
    const href = new URL((await link.getAttribute('href')) ?? '', site.baseUrl);
    expect(href.pathname).toBe('/api/reports/activities/export');
    expect(Object.fromEntries(href.searchParams)).toEqual({
      startDate: START,
      endDate: END,
      sort: 'title',
      order: 'desc',
      format: 'xlsx',
    });
    const [download] = await Promise.all([admin.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = await site.app.inject({ method: 'GET', url: `${href.pathname}${href.search}` });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toContain('attachment');
  });

  it('opens an activity from its row', async () => {
    const first = admin.locator('table.activity-list tbody th a').first();
    const title = (await first.textContent()) ?? '';
    await first.click();
    await admin.waitForURL((url) => url.pathname === '/' && url.searchParams.has('activity'));
    await admin.getByRole('dialog').getByText(title).first().waitFor();
    await admin.goBack();
    await admin.waitForURL((url) => url.pathname === '/reports/activities');
  });

  it('lists the done figure, with the accepted-only switch kept in the address', async () => {
    await admin.goto(`${site.baseUrl}/reports?${PERIOD}`);
    const done = admin.locator('[data-figure="done"] .report-figure__value');
    await expect.poll(() => done.textContent()).toBe('1');
    await admin.getByLabel('Chỉ tính kết quả đã được duyệt').check();
    await admin.waitForURL((url) => url.searchParams.get('acceptedOnly') === 'true');
    // The result was submitted, not accepted: it no longer counts.
    await expect.poll(() => done.textContent()).toBe('0');
    await done.click();
    await admin.waitForURL((url) => url.pathname === '/reports/activities');
    const params = new URL(admin.url()).searchParams;
    expect(params.get('figure')).toBe('done');
    expect(params.get('acceptedOnly')).toBe('true');
    await admin.getByText('Chỉ tính kết quả đã được duyệt').waitFor();
    await admin.getByText('Không có hoạt động nào.').waitFor();
    expect((await counted(`${PERIOD}&figure=done&acceptedOnly=true`)).total).toBe(0);
  });

  it('fits a phone: the overview and the list, without scrolling sideways', async () => {
    const { page } = await site.signedIn(ADMIN, PHONE);
    await page.goto(`${site.baseUrl}/reports?${PERIOD}`);
    const total = page.locator('[data-figure="activities"] .report-figure__value');
    await expect.poll(() => total.textContent()).toBe(vi.format(COUNT + 1));
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'activity-list-reports-overview-phone');
    await total.click();
    await page.waitForURL((url) => url.pathname === '/reports/activities');
    await page.locator('table.activity-list tbody tr').first().waitFor();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'activity-list-phone', { fullPage: false });
  });

  it('logs no console error, breaks no CSP rule, and no request fails', () => {
    site.expectNoProblems(site.people);
  });
});
