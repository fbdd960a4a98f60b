import { beforeAll, describe, expect, it } from 'vitest';
import { Activity } from '../../server/contracts/activities';
import { AgencyList } from '../../server/contracts/agencies';
import { Me } from '../../server/contracts/users';
import { daysFromToday } from '../helpers/accounts';
import {
  createUserThroughApi,
  dayText,
  deploymentMonth,
  PHONE,
  screenshot,
  sidewaysOverflow,
  signInThroughPage,
} from './browser';
import { browserTestOfFile } from './fixture';

/** The 15th of the deployment's current month: the month a calendar opens on. */
function midMonth(): string {
  return `${deploymentMonth().prefix}-15`;
}

const VIEWER = { username: 'nguoi.xem', displayName: 'Trần Thị Xem', password: 'mật khẩu người xem' };
const COORDINATOR = { username: 'dieu.phoi', displayName: 'Lê Điều Phối', password: 'mật khẩu điều phối' };

describe('tokens and share links in the browser', () => {
  const site = browserTestOfFile();
  const day = midMonth();
  const policeTitle = 'Công an phường tuyên truyền tại chợ Đông Ba (e2e)';
  const schoolTitle = 'Sở Giáo dục tổ chức hội thi tìm hiểu pháp luật (e2e)';
  const venue = 'Chợ Đông Ba';
  const note = 'Hoạt động của Công an thành phố Huế – gửi lãnh đạo UBND tỉnh';
  const lastDay = daysFromToday(30);

  async function agencyId(code: string): Promise<number> {
    const response = await site.app.inject({ method: 'GET', url: `/api/agencies?code=${code}` });
    const agency = AgencyList.parse(response.json()).items[0];
    if (!agency) throw new Error(`the seed has no agency ${code}`);
    return agency.id;
  }

  /** Asks who the Bearer token belongs to, as a script would, from outside the browser. */
  function whoAmI(secret: string): Promise<Response> {
    return fetch(`${site.baseUrl}/api/auth/me`, { headers: { authorization: `Bearer ${secret}` } });
  }

  beforeAll(async () => {
    const police = await agencyId('CA_HUE');
    const school = await agencyId('SGDDT');
    // The same month, the same day: only the link's agency tells them apart.
    for (const payload of [
      { title: policeTitle, typeCode: 'rally', start: day, leadAgencyId: police, venue },
      { title: schoolTitle, typeCode: 'rally', start: day, leadAgencyId: school },
    ]) {
      const created = await site.app.inject({ method: 'POST', url: '/api/activities', payload });
      expect(created.statusCode, created.body).toBe(201);
      Activity.parse(created.json());
    }
    await createUserThroughApi(site, { ...VIEWER, role: 'viewer' });
    await createUserThroughApi(site, { ...COORDINATOR, role: 'coordinator' });
  });

  it('lets any user make an API token, shows its secret once, and revokes it', async () => {
    const { page, context } = await site.person();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.baseUrl });
    await page.goto(`${site.baseUrl}/`);
    await signInThroughPage(page, VIEWER.username, VIEWER.password);

    // A viewer too: the link is under the user's name in the header.
    await page.getByRole('banner').getByRole('link', { name: 'Mã truy cập cá nhân' }).click();
    await page.getByRole('heading', { level: 2, name: 'Mã truy cập cá nhân' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/me/tokens');
    await page.getByText('Bạn chưa tạo mã truy cập nào.').waitFor();

    await page.getByRole('button', { name: 'Tạo mã truy cập' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tạo mã truy cập' });
    // Without a name: the contract's rule, checked by the page, shows at the name field, which
    // gets the focus.
    await dialog.getByRole('button', { name: 'Tạo mã' }).click();
    const name = dialog.getByRole('textbox', { name: 'Tên gợi nhớ' });
    await dialog.getByText('Không được để trống').waitFor();
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => name.evaluate((input) => input === document.activeElement)).toBe(true);
    await name.fill('Tập lệnh tổng hợp báo cáo quý');
    expect(await dialog.getByRole('combobox', { name: 'Loại mã' }).inputValue()).toBe('api');
    await dialog.getByRole('button', { name: 'Tạo mã' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const box = page.getByRole('region', { name: 'Mã truy cập mới: Tập lệnh tổng hợp báo cáo quý' });
    await box.getByText(/Mã này chỉ hiển thị một lần\./).waitFor();
    const field = box.getByRole('textbox', { name: 'Mã truy cập', exact: true });
    const secret = await field.inputValue();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Focused and selected, ready to copy from the keyboard; how to use it, with the token in it.
    expect(await field.evaluate((input) => input === document.activeElement)).toBe(true);
    expect(await box.textContent()).toContain(`Authorization: Bearer ${secret}`);
    await box.getByRole('button', { name: 'Sao chép' }).click();
    await box.getByText('Đã sao chép vào bộ nhớ tạm.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    const row = page.getByRole('row', { name: /Tập lệnh tổng hợp báo cáo quý/ });
    expect(await row.getByRole('cell').allTextContents()).toEqual(
      expect.arrayContaining(['API (tập lệnh, phần mềm)', 'Chưa dùng', 'Đang dùng được']),
    );
    await screenshot(page, 'tokens-created');

    // The token works from a script, as the user who made it.
    const me = await whoAmI(secret);
    expect(me.status).toBe(200);
    expect(Me.parse(await me.json()).user.username).toBe(VIEWER.username);

    // Once hidden, the secret is gone for good: not in the page, nor after a reload.
    await box.getByRole('button', { name: 'Tôi đã lưu lại, ẩn đi' }).click();
    await box.waitFor({ state: 'detached' });
    await page.reload();
    await row.waitFor();
    expect(await page.content()).not.toContain(secret);
    // The script's use shows.
    expect(await row.textContent()).not.toContain('Chưa dùng');

    await page.getByRole('button', { name: 'Thu hồi mã Tập lệnh tổng hợp báo cáo quý' }).click();
    const confirm = page.getByRole('dialog', { name: 'Thu hồi mã “Tập lệnh tổng hợp báo cáo quý”?' });
    await confirm.waitFor();
    await screenshot(page, 'tokens-revoke', { fullPage: false });
    await confirm.getByRole('button', { name: 'Thu hồi' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await page.getByRole('status').getByText('Đã thu hồi mã “Tập lệnh tổng hợp báo cáo quý”.').waitFor();
    await row.getByText(/^Đã thu hồi \d{1,2}\/\d{1,2}\/\d{4} \d{2}:\d{2}$/).waitFor();
    expect(await page.getByRole('button', { name: 'Thu hồi mã Tập lệnh tổng hợp báo cáo quý' }).count()).toBe(
      0,
    );
    await screenshot(page, 'tokens-revoked');

    expect((await whoAmI(secret)).status).toBe(401);
  });

  it("lets a coordinator share one agency's calendar with someone without an account, until revoked", async () => {
    const { page } = await site.signedIn(COORDINATOR);
    await page.getByRole('link', { name: 'Quản trị' }).click();
    await page
      .getByRole('navigation', { name: 'Quản trị' })
      .getByRole('link', { name: 'Liên kết chia sẻ' })
      .click();
    await page.getByRole('heading', { level: 2, name: 'Liên kết chia sẻ' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin/share-links');
    await page.getByText('Chưa có liên kết chia sẻ nào.').waitFor();

    await page.getByRole('button', { name: 'Tạo liên kết chia sẻ' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tạo liên kết chia sẻ' });
    await dialog
      .getByText('Chưa chọn giới hạn nào: người nhận sẽ xem được toàn bộ lịch hoạt động.')
      .waitFor();
    await dialog.getByRole('textbox', { name: 'Ghi chú' }).fill(note);
    await dialog
      .getByRole('combobox', { name: 'Cơ quan', exact: true })
      .selectOption({ label: 'Công an thành phố Huế' });
    const lastDayField = dialog.getByRole('textbox', { name: 'Dùng được đến hết ngày' });
    // A month by default.
    expect(await lastDayField.inputValue()).toBe(dayText(lastDay));
    // More than a year: the server's message shows at the date field.
    await lastDayField.fill(dayText(daysFromToday(400)));
    await dialog.getByRole('button', { name: 'Tạo liên kết' }).click();
    await dialog.getByText('Hạn dùng phải từ hôm nay đến tối đa 366 ngày').waitFor();
    expect(await lastDayField.getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'share-link-invalid', { fullPage: false });
    await lastDayField.fill(dayText(lastDay));
    await dialog.getByRole('button', { name: 'Tạo liên kết' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const box = page.getByRole('region', { name: 'Liên kết chia sẻ mới' });
    await box.getByText(/Liên kết chỉ hiển thị một lần\./).waitFor();
    const link = await box.getByRole('textbox', { name: 'Liên kết', exact: true }).inputValue();
    expect(link).toMatch(new RegExp(`^${site.baseUrl}/shared/[A-Za-z0-9_-]{43}$`));
    expect(await box.textContent()).toContain(`đến hết ngày ${dayText(lastDay)}`);
    const row = page.getByRole('row').filter({ hasText: note });
    const rowText = await row.textContent();
    for (const expected of [
      'Cơ quan: Công an thành phố Huế',
      COORDINATOR.displayName,
      dayText(lastDay),
      'chưa ai mở',
      'Còn hiệu lực',
    ]) {
      expect(rowText).toContain(expected);
    }
    await screenshot(page, 'share-links-created');

    // Someone without an account: a fresh browser context, no cookie.
    const guest = await site.person();
    const asked: string[] = [];
    guest.page.on('request', (request) => asked.push(new URL(request.url()).pathname));
    await guest.page.goto(link);
    await guest.page.getByRole('heading', { level: 2, name: 'Lịch hoạt động được chia sẻ' }).waitFor();
    await guest.page.getByText(note, { exact: true }).waitFor();
    await guest.page.getByText('Phạm vi: chỉ các hoạt động theo cơ quan “Công an thành phố Huế”.').waitFor();
    await guest.page
      .getByText(`Trang chỉ để xem. Liên kết dùng được đến hết ngày ${dayText(lastDay)}.`)
      .waitFor();
    await guest.page.getByText(policeTitle, { exact: true }).waitFor();
    // Both activities came (or not) in the same answer: the other agency's is not there.
    expect(await guest.page.getByText(schoolTitle).count()).toBe(0);
    const cell = guest.page.getByRole('cell').filter({ has: guest.page.getByText(policeTitle) });
    expect(await cell.getAttribute('data-date')).toBe(day);
    // No sign-in page, no navigation, nobody signed in; and nobody was asked about.
    expect(await guest.page.getByRole('region', { name: 'Đăng nhập' }).count()).toBe(0);
    expect(await guest.page.getByRole('navigation', { name: 'Điều hướng chính' }).count()).toBe(0);
    expect(await guest.page.getByRole('button', { name: 'Đăng xuất' }).count()).toBe(0);
    expect(asked).not.toContain('/api/auth/me');
    // The address is a secret: not for search engines.
    expect(await guest.page.locator('meta[name="robots"]').getAttribute('content')).toBe('noindex, nofollow');
    await screenshot(guest.page, 'shared-calendar');

    // An activity opens read-only details.
    await guest.page.getByRole('button', { name: policeTitle }).click();
    const details = guest.page.getByRole('dialog', { name: policeTitle });
    await details.getByText(venue, { exact: true }).waitFor();
    await details.getByText(dayText(day), { exact: true }).waitFor();
    await screenshot(guest.page, 'shared-activity', { fullPage: false });
    await details.getByRole('button', { name: 'Đóng' }).click();
    await details.waitFor({ state: 'hidden' });

    await guest.page.getByRole('button', { name: 'English' }).click();
    await guest.page.getByRole('heading', { level: 2, name: 'Shared activity calendar' }).waitFor();
    await guest.page.getByText('Scope: only the activities of agency “Công an thành phố Huế”.').waitFor();
    await guest.page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await guest.page.getByRole('heading', { level: 2, name: 'Lịch hoạt động được chia sẻ' }).waitFor();

    // On a phone, the shared page does not scroll sideways.
    const phone = await site.person(PHONE);
    await phone.page.goto(link);
    await phone.page.getByText(policeTitle, { exact: true }).waitFor();
    expect(await sidewaysOverflow(phone.page)).toBeLessThanOrEqual(0);
    await screenshot(phone.page, 'phone-shared-calendar');

    // The coordinator sees the uses, then revokes the link.
    await page.reload();
    await row.getByText(/^gần nhất \d/).waitFor();
    const uses = Number((await row.getByRole('cell').nth(3).textContent())?.match(/^\d+/)?.[0]);
    // Two people opened it (the guest and the phone); the months they looked at are part of those uses.
    expect(uses).toBe(2);
    await page.getByRole('button', { name: `Thu hồi liên kết ${note}` }).click();
    const confirm = page.getByRole('dialog', { name: `Thu hồi liên kết “${note}”?` });
    await confirm.getByRole('button', { name: 'Thu hồi' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await page.getByRole('status').getByText(`Đã thu hồi liên kết “${note}”.`).waitFor();
    await row.getByText('Đã thu hồi', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: `Thu hồi liên kết ${note}` }).count()).toBe(0);
    await screenshot(page, 'share-links-revoked');

    // The page still open learns it at its next request, and a new visit at once.
    const gone = 'Liên kết chia sẻ này không tồn tại, đã hết hạn hoặc đã bị thu hồi.';
    await guest.page.getByRole('button', { name: /^Tiếp/ }).click();
    await guest.page.getByText(gone).waitFor();
    expect(await guest.page.getByText(policeTitle).count()).toBe(0);
    await guest.page.reload();
    await guest.page.getByRole('heading', { level: 2, name: 'Không mở được lịch' }).waitFor();
    await guest.page.getByText(gone).waitFor();
    expect(await guest.page.getByRole('region', { name: 'Đăng nhập' }).count()).toBe(0);
    await screenshot(guest.page, 'shared-revoked');

    // An address that is no link at all says the same, without asking the server.
    await guest.page.goto(`${site.baseUrl}/shared/khong-phai-lien-ket`);
    await guest.page.getByText(gone).waitFor();
    expect(asked).not.toContain('/api/shared/khong-phai-lien-ket');
  });

  it('lists share links as cards on a phone', async () => {
    const { page } = await site.signedIn(COORDINATOR, { ...PHONE, at: '/admin/share-links' });
    await page.getByRole('row').filter({ hasText: note }).waitFor();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'phone-share-links');
  });

  it('logs no console error, breaks no CSP rule, and gets only the refusals it provoked', () => {
    site.expectNoProblems(site.people, {
      allow: [
        // The link valid for more than a year (the token without a name is refused by the
        // page, with the contract's schema, before any request).
        '400 POST /api/share-links',
        // The revoked link, from the open page and from a new visit.
        '404 GET /api/shared/:token/activities',
        '404 GET /api/shared/:token',
      ],
      normalise: (request) => request.replace(/\/api\/shared\/[^/]+/, '/api/shared/:token'),
    });
  });
});
