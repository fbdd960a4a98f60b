import { describe, expect, it } from 'vitest';
import { ADMIN } from '../helpers/app';
import { PHONE, screenshot, sidewaysOverflow } from './browser';
import { browserTestOfFile } from './fixture';

// The lunar dates under the calendar's days, in a browser whose zone is not Vietnam's: the
// lunar date is the province's day's, whatever the browser's zone.
describe('the lunar dates on the calendar', () => {
  const site = browserTestOfFile();

  const lunarOf = (page: import('playwright-core').Page, date: string) =>
    page.locator(`[role="cell"][data-date="${date}"] .lunar-date`).filter({ visible: true }).first();

  it('shows Tết 2025 under 29/1/2025 once switched on, and keeps the switch in the address', async () => {
    const { page } = await site.signedIn(ADMIN, {
      timezoneId: 'America/New_York',
      at: '/?view=month&date=2025-01-15',
    });
    const toggle = page.getByRole('checkbox', { name: 'Âm lịch' });
    await toggle.waitFor();
    await page.locator('[role="cell"][data-date="2025-01-29"]').first().waitFor();
    expect(await page.locator('.lunar-date').count()).toBe(0);

    await toggle.check();
    await expect.poll(() => lunarOf(page, '2025-01-29').textContent()).toBe('1/1 Tết');
    expect(await lunarOf(page, '2025-01-29').getAttribute('data-lunar')).toBe('1/1');
    // The eve of Tết is the 29th of month 12 (a short month), then Rằm tháng Giêng.
    expect(await lunarOf(page, '2025-01-28').textContent()).toBe('29');
    await expect.poll(() => new URL(page.url()).searchParams.get('lunar')).toBe('1');
    await screenshot(page, 'lunar-month-1366');

    // A reload keeps it on; the week view shows it in the day headers: Monday 10/2/2025 is the
    // 13th of month 1, Wednesday 12/2 Rằm tháng Giêng.
    await page.goto(`${site.baseUrl}/?view=week&date=2025-02-12&lunar=1`);
    await expect
      .poll(() => page.locator('.lunar-header .lunar-date').filter({ visible: true }).allTextContents())
      .toEqual(['13', '14', '15', '16', '17', '18', '19']);
    await screenshot(page, 'lunar-week-1366');

    await page.getByRole('checkbox', { name: 'Âm lịch' }).uncheck();
    await expect.poll(() => page.locator('.lunar-date').count()).toBe(0);
    await expect.poll(() => new URL(page.url()).searchParams.get('lunar')).toBe(null);
  });

  it('fits a phone', async () => {
    const { page } = await site.signedIn(ADMIN, { ...PHONE, at: '/?view=month&date=2025-10-01&lunar=1' });
    // Tết Trung thu: 15/8 lunar.
    await expect.poll(() => lunarOf(page, '2025-10-06').textContent()).toBe('15');
    expect(await lunarOf(page, '2025-10-06').getAttribute('data-lunar')).toBe('15/8');
    expect(await sidewaysOverflow(page)).toBe(0);
    await screenshot(page, 'lunar-month-390');
  });
});
