// The calendar home page in Chromium against a real server on a fresh database: the
// month view shows what the API stores, in the deployment's time zone, under a strict CSP.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Activity } from '../../server/contracts/activities';
import { AgencyList } from '../../server/contracts/agencies';
import { createTestApp, TEST_TIME_ZONE, type TestApp } from '../helpers/app';

const webRoot = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** What the server should send; applied by the test when the server sends no policy of its own. */
const strictCsp = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

// A browser abroad: the page must show the province's days and hours, not the browser's.
const browserTimeZone = 'America/New_York';

/** Today's year and month where the server is deployed, which is the month the calendar opens on. */
function deploymentMonth(): { year: number; month: number; prefix: string } {
  const prefix = new Intl.DateTimeFormat('en-CA', {
    timeZone: TEST_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
  })
    .format(new Date())
    .slice(0, 7);
  const [year = 0, month = 0] = prefix.split('-').map(Number);
  return { year, month, prefix };
}

describe('calendar page', () => {
  const { year, month, prefix } = deploymentMonth();
  // The 15th: inside the month whatever today is, and still inside it after the shift to New York time.
  const day = `${prefix}-15`;
  const allDayTitle = 'Mít tinh hưởng ứng Ngày toàn quốc phòng, chống mua bán người (e2e)';
  // 06:00 in Huế is 19:00 the day before in New York.
  const timedTitle = 'Nói chuyện chuyên đề "Cảnh giác việc nhẹ lương cao" (e2e)';

  let testApp: TestApp;
  let profileDir: string;
  let context: BrowserContext;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    testApp = await createTestApp({ webRoot });
    const { app } = testApp;

    const agencies = await app.inject({ method: 'GET', url: '/api/agencies?code=CA_HUE' });
    expect(agencies.statusCode).toBe(200);
    const police = AgencyList.parse(agencies.json()).items[0];
    if (!police) throw new Error('the seed has no agency CA_HUE');

    for (const payload of [
      { title: allDayTitle, typeCode: 'rally', start: day, leadAgencyId: police.id },
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
      Activity.parse(created.json());
    }

    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('the server has no TCP address');

    profileDir = mkdtempSync(join(tmpdir(), 'calendar-e2e-'));
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: '/usr/bin/chromium',
      headless: true,
      timezoneId: browserTimeZone,
      locale: 'en-US',
      viewport: { width: 1280, height: 900 },
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));

    // Violations are also logged to the console, but the event names the directive that was broken.
    await page.addInitScript(() => {
      const violations: string[] = [];
      Object.assign(window, { cspViolations: violations });
      document.addEventListener('securitypolicyviolation', (event) => {
        violations.push(
          `${event.effectiveDirective}: ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
        );
      });
    });
    await page.route(
      (url) => !url.pathname.startsWith('/api/'),
      async (route) => {
        if (route.request().resourceType() !== 'document') return route.continue();
        const response = await route.fetch();
        const headers = response.headers();
        if (!headers['content-security-policy']) headers['content-security-policy'] = strictCsp;
        return route.fulfill({ response, headers });
      },
    );

    await page.goto(`http://127.0.0.1:${address.port}/`);
  });

  afterAll(async () => {
    await context?.close();
    await testApp?.close();
    if (profileDir) rmSync(profileDir, { recursive: true, force: true });
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
  });

  it('switches to English and back', async () => {
    await page.screenshot({ path: '/tmp/calendar.png', fullPage: true });

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText('Communication calendar for preventing and combating human trafficking').waitFor();
    const monthName = new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' }).format(
      Date.UTC(year, month - 1, 1),
    );
    await page.getByRole('heading', { level: 2, name: `${monthName} ${year}` }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');

    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await page.getByRole('heading', { level: 2, name: `Tháng ${month}/${year}` }).waitFor();
  });

  it('logs no console error and breaks no CSP rule', async () => {
    const violations = await page.evaluate(
      () => (window as unknown as { cspViolations: string[] }).cspViolations,
    );
    expect(violations).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
