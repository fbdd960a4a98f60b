import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { Activity } from '../../server/contracts/activities';
import { AgencyList } from '../../server/contracts/agencies';
import { ADMIN, TEST_TIME_ZONE } from '../helpers/app';
import { deploymentMonth, type Person, screenshot, signInThroughPage } from './browser';
import { browserTestOfFile } from './fixture';

describe('calendar page', () => {
  const site = browserTestOfFile();
  const { year, month, prefix } = deploymentMonth();
  // The 15th: inside the month whatever today is, and still inside it after the shift to New York time.
  const day = `${prefix}-15`;
  const allDayTitle = 'Mít tinh hưởng ứng Ngày toàn quốc phòng, chống mua bán người (e2e)';
  // 06:00 in Huế is 19:00 the day before in New York.
  const timedTitle = 'Nói chuyện chuyên đề "Cảnh giác việc nhẹ lương cao" (e2e)';
  const venue = 'Hội trường UBND phường Phú Xuân';

  let person: Person;
  let page: Page;
  let documentCsp: string | undefined;

  beforeAll(async () => {
    const { app } = site;

    const agencies = await app.inject({ method: 'GET', url: '/api/agencies?code=CA_HUE' });
    expect(agencies.statusCode).toBe(200);
    const police = AgencyList.parse(agencies.json()).items[0];
    if (!police) throw new Error('the seed has no agency CA_HUE');

    for (const payload of [
      { title: allDayTitle, typeCode: 'rally', start: day, leadAgencyId: police.id, venue },
      {
        title: timedTitle,
        typeCode: 'rally',
        start: `${day}T06:00:00+07:00`,
        end: `${day}T08:00:00+07:00`,
        leadAgencyId: police.id,
      },
    ]) {
      const created = await app.inject({ method: 'POST', url: '/api/activities', payload });
      expect(created.statusCode, created.body).toBe(201);
      const activity = Activity.parse(created.json());
      if (activity.title === allDayTitle) {
        // One change, so that the history has more than the creation to show.
        const changed = await app.inject({
          method: 'PATCH',
          url: `/api/activities/${activity.id}`,
          headers: { 'if-match': `"${activity.version}"` },
          payload: { status: 'confirmed' },
        });
        expect(changed.statusCode, changed.body).toBe(200);
      }
    }

    // A browser abroad: the page must show the province's days and hours, not the browser's.
    person = await site.person({ timezoneId: 'America/New_York' });
    page = person.page;

    // Opened by hand, not by site.signedIn: the document's own answer carries the CSP.
    const response = await page.goto(`${site.baseUrl}/`);
    documentCsp = response?.headers()['content-security-policy'];
    await signInThroughPage(page, ADMIN.username, ADMIN.password);
  });

  it('is served under a strict Content-Security-Policy', () => {
    expect(documentCsp).toContain("script-src 'self'");
    expect(documentCsp).toContain("style-src 'self'");
    expect(documentCsp).not.toContain('unsafe-inline');
    expect(documentCsp).not.toContain('unsafe-eval');
  });

  it('shows the Vietnamese title', async () => {
    const title = page.getByRole('heading', {
      level: 1,
      name: 'Lịch truyền thông phòng, chống mua bán người',
    });
    await title.waitFor({ state: 'visible' });
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
  });

  it("opens on the month view of the deployment's current month", async () => {
    const monthTitle = `Tháng ${month}/${year}`;
    await page.getByRole('heading', { level: 2, name: monthTitle }).waitFor({ state: 'visible' });
    const grid = page.getByRole('table', { name: monthTitle });
    await grid.waitFor({ state: 'visible' });
    expect(await grid.getByRole('columnheader').count()).toBe(7);
    // Weeks start on Monday, as in Vietnam.
    expect(await grid.getByRole('columnheader').first().textContent()).toMatch(/^Thứ Hai/);
    // Week rows are named with the locale's "Tuần", which FullCalendar ships decomposed:
    // the NFC pattern finds them only if the page normalised the locale.
    expect(await grid.getByRole('row', { name: /^Tuần \d+$/ }).count()).toBeGreaterThanOrEqual(4);
  });

  it('shows the activity created through the API', async () => {
    const event = page.getByText(allDayTitle, { exact: true });
    await event.waitFor({ state: 'visible' });
    const cell = page.getByRole('cell').filter({ has: event });
    expect(await cell.getAttribute('data-date')).toBe(day);
  });

  it("places a timed activity on the deployment's day and hour, not the browser's", async () => {
    const event = page.getByText(timedTitle, { exact: true });
    await event.waitFor({ state: 'visible' });
    const item = page.getByRole('listitem').filter({ has: event });
    expect(await item.textContent()).toContain('06:00');
    const cell = page.getByRole('cell').filter({ has: event });
    expect(await cell.getAttribute('data-date')).toBe(day);
    expect(await page.getByText(`Giờ hiển thị theo múi giờ ${TEST_TIME_ZONE}`).isVisible()).toBe(true);
    await screenshot(page, 'calendar-month');
  });

  it('opens an activity: its details, then its history', async () => {
    await page.getByRole('button', { name: allDayTitle }).click();
    const dialog = page.getByRole('dialog', { name: allDayTitle });
    await dialog.waitFor({ state: 'visible' });
    const [y, m, d] = day.split('-').map(Number);
    const details = dialog.getByRole('tabpanel');
    await details.getByText(`${d}/${m}/${y}`, { exact: true }).waitFor();
    await details.getByText('Đã xác nhận', { exact: true }).waitFor();
    await details.getByText(venue, { exact: true }).waitFor();
    // The lead agency by name, fetched by id.
    await details.getByText(/^Công an thành phố Huế$/).waitFor();

    await dialog.getByRole('tab', { name: 'Lịch sử' }).click();
    const history = dialog.getByRole('tabpanel', { name: 'Lịch sử' });
    await history.getByText('2 thay đổi, mới nhất trước').waitFor();
    const rows = history.getByRole('row');
    // A header row, then the change (newest first), then the creation.
    expect(await rows.nth(1).getByText('Sửa', { exact: true }).count()).toBe(1);
    expect(await rows.nth(2).getByText('Tạo mới', { exact: true }).count()).toBe(1);
    expect(await rows.nth(1).textContent()).toContain('Quản trị hệ thống');
    await rows
      .nth(1)
      .getByText(/Xem \d+ trường thay đổi/)
      .click();
    const change = rows.nth(1).getByRole('row', { name: /^Trạng thái/ });
    expect(await change.getByRole('cell').allTextContents()).toEqual(['Dự kiến', 'Đã xác nhận']);
    await screenshot(page, 'activity-history', { fullPage: false });

    await dialog.getByRole('button', { name: 'Đóng' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  it('switches to English and back', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText('Communication calendar for preventing and combating human trafficking').waitFor();
    const monthName = new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' }).format(
      Date.UTC(year, month - 1, 1),
    );
    await page.getByRole('heading', { level: 2, name: `${monthName} ${year}` }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.getByRole('button', { name: 'Sign out' }).waitFor();

    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await page.getByRole('heading', { level: 2, name: `Tháng ${month}/${year}` }).waitFor();
  });

  it('logs no console error, breaks no CSP rule, and no request fails', () => {
    site.expectNoProblems(person);
    // Only the question asked before signing in, once.
    expect(person.problems.failedRequests).toEqual(['401 GET /api/auth/me']);
  });
});
