// Issue 12 points 6 and 8: a commune reporter on a phone sees their commune's activities
// (the "mine" switch on by default, kept in the address) with the calendar in the first
// third of the screen; chips read as what and where; the media page fits 1366 px, shows the
// official year beside the calendar year and keeps its filters in the address.
import { describe, expect, it } from 'vitest';
import { createUser, USER_PASSWORD } from '../helpers/accounts';
import { activityBody, agencyIdByCode, unitIdByCode } from '../helpers/factories';
import { deploymentToday, PHONE, screenshot, sidewaysOverflow } from './browser';
import { browserTestOfFile } from './fixture';

const OWN = 'Phát thanh lưu động tại thôn Kăn Sâm';
const ELSEWHERE = 'Nói chuyện chuyên đề tại THPT Hai Bà Trưng';
const day = `${deploymentToday.slice(0, 8)}15`;

describe('a calendar a commune reporter can read on a phone', () => {
  const site = browserTestOfFile();

  it('shows only their commune, near the top, and everything when the switch is off', async () => {
    const commune = await unitIdByCode(site.app, 'HUE_X_A_LUOI_1');
    const committee = await agencyIdByCode(site.app, 'UBND_X_A_LUOI_1');
    for (const [title, unitIds, leadAgencyId] of [
      [OWN, [commune], committee],
      [ELSEWHERE, [await unitIdByCode(site.app, 'HUE_P_PHU_XUAN')], await agencyIdByCode(site.app, 'SGDDT')],
    ] as const) {
      const response = await site.app.inject({
        method: 'POST',
        url: '/api/activities',
        payload: await activityBody(site.app, { title, start: day, unitIds: [...unitIds], leadAgencyId }),
      });
      expect(response.statusCode, response.body).toBe(201);
    }
    await createUser(site.app, {
      username: 'bao.cao.a.luoi',
      role: 'unit_reporter',
      agencyId: committee,
      unitIds: [commune],
    });

    const reporter = await site.signedIn(
      { username: 'bao.cao.a.luoi', password: USER_PASSWORD },
      { ...PHONE, at: `/?date=${day}` },
    );
    const { page } = reporter;
    await page.getByText(OWN).first().waitFor();
    expect(await page.getByText(ELSEWHERE).count()).toBe(0);
    expect(page.url()).not.toContain('mine=0');
    // The calendar's own heading (its month) is where it starts.
    const box = await page.getByRole('heading', { name: /^Tháng \d+\/\d{4}$/ }).boundingBox();
    expect(box?.y ?? 999).toBeLessThanOrEqual(281);
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'calendar-phone-reporter', { fullPage: false });

    await page.getByRole('checkbox', { name: 'Của tôi' }).uncheck();
    await page.getByText(ELSEWHERE).first().waitFor();
    expect(page.url()).toContain('mine=0');
    await page.reload();
    await page.getByText(ELSEWHERE).first().waitFor();
    expect(await page.getByRole('checkbox', { name: 'Của tôi' }).isChecked()).toBe(false);

    // The menu folds the navigation away and opens it on a tap.
    await page.getByRole('button', { name: 'Trình đơn' }).click();
    await page.getByRole('link', { name: 'Việc của tôi' }).waitFor();
    await screenshot(page, 'calendar-phone-menu', { fullPage: false });
    site.expectNoProblems(reporter);
  });

  it('reads as what and where on a desk, the type as a colour mark', async () => {
    const desk = await site.signedIn(
      { username: 'bao.cao.a.luoi', password: USER_PASSWORD },
      { viewport: { width: 1366, height: 900 }, at: `/?date=${day}&mine=0` },
    );
    const { page } = desk;
    const title = page.getByText(ELSEWHERE, { exact: true }).first();
    await title.waitFor();
    // The chip: the whole title (what and where), and the unit's short name beside it.
    expect(await title.textContent()).toBe(ELSEWHERE);
    expect(await page.getByText(/Phú Xuân/).count()).toBeGreaterThan(0);
    await screenshot(page, 'calendar-chips-desk', { fullPage: false });
    site.expectNoProblems(desk);
  });

  it('gives the media page the official year, its filters in the address, and no sideways scroll', async () => {
    const desk = await site.signedIn(
      { username: 'bao.cao.a.luoi', password: USER_PASSWORD },
      { viewport: { width: 1366, height: 900 }, at: '/media' },
    );
    const { page } = desk;
    const official = page.getByRole('button', { name: /^Năm báo cáo \d{4}$/ });
    await official.waitFor();
    await official.click();
    await expect.poll(() => official.getAttribute('aria-pressed')).toBe('true');
    const address = new URL(page.url());
    expect(address.searchParams.get('startDate')).toMatch(/-12-15$/);
    await page.getByRole('checkbox', { name: /^Chỉ tính kết quả đã được chấp nhận/ }).check();
    await expect.poll(() => new URL(page.url()).searchParams.get('accepted')).toBe('1');
    const kept = page.url();
    await page.reload();
    await official.waitFor();
    expect(page.url()).toBe(kept);
    expect(await official.getAttribute('aria-pressed')).toBe('true');
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'media-official-year', { fullPage: false });
    site.expectNoProblems(desk);
  });
});
