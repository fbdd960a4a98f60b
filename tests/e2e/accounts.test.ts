import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ADMIN } from '../helpers/app';
import {
  createUserThroughApi,
  type PersonOptions,
  PHONE,
  screenshot,
  sidewaysOverflow,
  signInThroughPage,
} from './browser';
import { browserTestOfFile } from './fixture';

describe('accounts in the browser', () => {
  const site = browserTestOfFile();

  /** A new browser context (its own cookies) on the app's home page. */
  async function openApp(options: PersonOptions = {}): Promise<Page> {
    return (await site.person({ ...options, at: '/' })).page;
  }

  const signInForm = (page: Page) => page.getByRole('region', { name: 'Đăng nhập' });

  it('signs in, shows the calendar and who is signed in, then signs out', async () => {
    const page = await openApp();
    await signInForm(page).waitFor();
    await screenshot(page, 'sign-in');

    await signInThroughPage(page, ADMIN.username, ADMIN.password);
    await page.getByRole('region', { name: 'Lịch hoạt động' }).waitFor();
    const header = page.getByRole('banner');
    expect(await header.getByText('Quản trị hệ thống', { exact: true }).isVisible()).toBe(true);
    expect(await header.getByText('Quản trị viên', { exact: true }).isVisible()).toBe(true);
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    expect(await nav.getByRole('link', { name: 'Lịch' }).getAttribute('aria-current')).toBe('page');
    expect(await nav.getByRole('link', { name: 'Quản trị' }).isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await signInForm(page).waitFor();
    expect(await page.getByRole('button', { name: 'Đăng xuất' }).count()).toBe(0);
    // The session is over on the server too, not only on the screen.
    const status = await page.evaluate(async () => (await fetch('/api/auth/me')).status);
    expect(status).toBe(401);
  });

  it('says in Vietnamese that the password is wrong', async () => {
    const page = await openApp();
    const form = signInForm(page);
    await form.getByRole('textbox', { name: 'Tên đăng nhập' }).fill(ADMIN.username);
    await form.getByLabel('Mật khẩu').fill('không phải mật khẩu này');
    await form.getByRole('button', { name: 'Đăng nhập' }).click();
    const alert = form.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    // The password is cleared for the next try, the username kept.
    expect(await form.getByLabel('Mật khẩu').inputValue()).toBe('');
    expect(await form.getByRole('textbox', { name: 'Tên đăng nhập' }).inputValue()).toBe(ADMIN.username);
    await screenshot(page, 'sign-in-wrong-password');
  });

  it('says how long to wait after too many failed attempts', async () => {
    const page = await openApp();
    const form = signInForm(page);
    await form.getByRole('textbox', { name: 'Tên đăng nhập' }).fill('ke.do.mat.khau');
    // The server allows five failures per username and address in its window.
    for (let attempt = 1; attempt <= 6; attempt += 1) {
      await form.getByLabel('Mật khẩu').fill(`đoán lần ${attempt}`);
      const answered = page.waitForResponse((response) => response.url().endsWith('/api/auth/login'));
      await form.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
      await answered;
      // The page empties the password field once it has shown the refusal.
      await page.waitForFunction(
        () => document.querySelector<HTMLInputElement>('input[type="password"]')?.value === '',
      );
    }
    const alert = form.getByRole('alert');
    expect(await alert.textContent()).toMatch(
      /^Đăng nhập sai quá nhiều lần\. Vui lòng thử lại sau \d+ phút\.$/,
    );
  });

  it('lets an administrator create a user, who can then sign in', async () => {
    const { page } = await site.signedIn(ADMIN);
    await page.getByRole('link', { name: 'Quản trị' }).click();
    await page.getByRole('heading', { level: 2, name: 'Người dùng' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin/users');
    const adminNav = page.getByRole('navigation', { name: 'Quản trị' });
    const sections = await adminNav.getByRole('link').allTextContents();
    expect(sections).toEqual([
      'Người dùng',
      'Cơ quan, đơn vị',
      'Đơn vị hành chính',
      'Danh mục',
      'Liên kết chia sẻ',
      'Khóa kỳ báo cáo',
      'Kỳ thi, lễ hội',
      'Nhật ký thay đổi',
    ]);

    await page.getByRole('button', { name: 'Thêm người dùng' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm người dùng' });
    await dialog.waitFor();
    await dialog.getByRole('textbox', { name: 'Tên đăng nhập' }).fill('lan.nguyen');
    await dialog.getByRole('textbox', { name: 'Họ và tên' }).fill('Nguyễn Thị Lan');
    await dialog.getByRole('combobox', { name: 'Vai trò' }).selectOption({ label: 'Cán bộ cơ quan' });
    await dialog.getByRole('combobox', { name: 'Cơ quan' }).selectOption({ label: 'Công an thành phố Huế' });
    // Too short: the contract's rule, which the page checks with the server's own schema, shows
    // at the password field.
    await dialog.getByLabel('Mật khẩu').fill('ngắn');
    await dialog.getByRole('button', { name: 'Tạo người dùng' }).click();
    const password = dialog.getByLabel('Mật khẩu');
    await dialog.getByText('Mật khẩu phải có ít nhất 8 ký tự').waitFor();
    expect(await password.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await password.getAttribute('aria-describedby')) ?? '';
    const description = await page.evaluate(
      (ids) => ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' '),
      describedBy.split(' '),
    );
    expect(description).toContain('Mật khẩu phải có ít nhất 8 ký tự');
    await screenshot(page, 'users-create-invalid', { fullPage: false });

    await password.fill('mật khẩu của Lan 2025');
    await dialog.getByRole('button', { name: 'Tạo người dùng' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('status').getByText('Đã tạo người dùng Nguyễn Thị Lan.').waitFor();
    const row = page.getByRole('row', { name: /Nguyễn Thị Lan/ });
    expect(await row.getByRole('cell').allTextContents()).toEqual(
      expect.arrayContaining(['lan.nguyen', 'Cán bộ cơ quan', 'Công an thành phố Huế', 'Đang hoạt động']),
    );
    await screenshot(page, 'users-list');

    const { page: lan } = await site.signedIn({ username: 'lan.nguyen', password: 'mật khẩu của Lan 2025' });
    expect(await lan.getByRole('banner').getByText('Nguyễn Thị Lan', { exact: true }).isVisible()).toBe(true);
    expect(await lan.getByRole('banner').getByText('Cán bộ cơ quan', { exact: true }).isVisible()).toBe(true);
  });

  it("lets an administrator change a user's scope, reset the password, disable and enable the account", async () => {
    const { page } = await site.signedIn(ADMIN);
    await page.goto(`${site.baseUrl}/admin/users`);

    // A commune reporter: the page asks for units before asking the server.
    await page.getByRole('button', { name: 'Sửa người dùng Nguyễn Thị Lan' }).click();
    const edit = page.getByRole('dialog', { name: 'Sửa người dùng Nguyễn Thị Lan' });
    await edit.getByRole('combobox', { name: 'Vai trò' }).selectOption({ label: 'Người báo cáo cấp xã' });
    await edit.getByRole('button', { name: 'Lưu' }).click();
    await edit.getByText('Cần chọn ít nhất một đơn vị hành chính.').waitFor();
    const units = edit.getByRole('group', { name: 'Đơn vị hành chính phụ trách' });
    await units.getByRole('searchbox').fill('phu xuan');
    await units.getByRole('checkbox', { name: /^Phường Phú Xuân/ }).check();
    await edit.getByRole('button', { name: 'Lưu' }).click();
    await edit.waitFor({ state: 'hidden' });
    const row = page.getByRole('row', { name: /Nguyễn Thị Lan/ });
    await row.getByText('Người báo cáo cấp xã').waitFor();
    expect(await row.textContent()).toContain('Phường Phú Xuân');

    await page.getByRole('button', { name: 'Đặt lại mật khẩu của Nguyễn Thị Lan' }).click();
    const reset = page.getByRole('dialog', { name: 'Đặt lại mật khẩu của Nguyễn Thị Lan' });
    await reset.getByLabel(/^Mật khẩu mới/).fill('mật khẩu mới của Lan');
    await reset.getByLabel('Nhập lại mật khẩu mới').fill('mật khẩu mới của Lan');
    await reset.getByRole('button', { name: 'Đặt lại mật khẩu' }).click();
    await reset.waitFor({ state: 'hidden' });
    await page.getByRole('status').getByText('Đã đặt lại mật khẩu của Nguyễn Thị Lan.').waitFor();
    await site.signIn('lan.nguyen', 'mật khẩu mới của Lan');

    await page.getByRole('button', { name: 'Khóa tài khoản Nguyễn Thị Lan' }).click();
    const confirm = page.getByRole('dialog', { name: 'Khóa tài khoản Nguyễn Thị Lan?' });
    await screenshot(page, 'users-disable', { fullPage: false });
    await confirm.getByRole('button', { name: 'Khóa' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await row.getByText('Đã khóa').waitFor();
    await page.getByRole('button', { name: 'Mở khóa tài khoản Nguyễn Thị Lan' }).click();
    await row.getByText('Đang hoạt động').waitFor();
    // Nobody can lock themselves out.
    expect(await page.getByRole('button', { name: 'Khóa tài khoản Quản trị hệ thống' }).count()).toBe(0);
  });

  it('does not offer the Admin menu to a viewer, nor open its screens', async () => {
    await createUserThroughApi(site, {
      username: 'nguoi.xem',
      displayName: 'Trần Văn Xem',
      role: 'viewer',
      password: 'mật khẩu người xem',
    });
    const { page } = await site.signedIn({ username: 'nguoi.xem', password: 'mật khẩu người xem' });
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    await nav.getByRole('link', { name: 'Lịch' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Quản trị' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Quản trị' }).count()).toBe(0);

    // A typed address does not open what the menu does not offer.
    await page.goto(`${site.baseUrl}/admin/users`);
    await page.getByText('Bạn không có quyền xem trang này.').waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
  });

  it('gives a coordinator the users list to read, the share links and the audit log', async () => {
    await createUserThroughApi(site, {
      username: 'dieu.phoi',
      displayName: 'Lê Điều Phối',
      role: 'coordinator',
      password: 'mật khẩu điều phối',
    });
    const { page } = await site.signedIn({ username: 'dieu.phoi', password: 'mật khẩu điều phối' });
    await page.getByRole('link', { name: 'Quản trị' }).click();
    await page.getByRole('heading', { level: 2, name: 'Người dùng' }).waitFor();
    const sections = await page
      .getByRole('navigation', { name: 'Quản trị' })
      .getByRole('link')
      .allTextContents();
    expect(sections).toEqual([
      'Người dùng',
      'Liên kết chia sẻ',
      'Khóa kỳ báo cáo',
      'Kỳ thi, lễ hội',
      'Nhật ký thay đổi',
    ]);
    await page.getByRole('row', { name: /Nguyễn Thị Lan/ }).waitFor();
    expect(await page.getByRole('button', { name: 'Thêm người dùng' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Sửa người dùng/ }).count()).toBe(0);

    await page.getByRole('link', { name: 'Nhật ký thay đổi' }).click();
    await page.getByRole('heading', { level: 2, name: 'Nhật ký thay đổi' }).waitFor();
    // The administrator's creation of Lan, readable: when, who, what.
    const created = page.getByRole('row', { name: /Tạo mới.*Người dùng “Nguyễn Thị Lan”/ });
    await created.waitFor();
    expect(await created.textContent()).toMatch(/^\d{1,2}\/\d{1,2}\/\d{4} \d{2}:\d{2}Quản trị hệ thống/);
    await page
      .getByRole('combobox', { name: 'Người thực hiện' })
      .selectOption({ label: 'Nguyễn Thị Lan (lan.nguyen)' });
    // Lan's sign-ins are in the unfiltered list too: wait for the admin's rows to go, not for hers to show.
    await page
      .getByRole('row', { name: /Tạo mới/ })
      .first()
      .waitFor({ state: 'detached' });
    await page
      .getByRole('row', { name: /Đăng nhập.*Người dùng “Nguyễn Thị Lan”/ })
      .first()
      .waitFor();
    expect(await page.getByRole('row', { name: /Tạo mới/ }).count()).toBe(0);
    await screenshot(page, 'audit-log');
  });

  it('shows the sign-in page when the session ends under an open page', async () => {
    const user = await createUserThroughApi(site, {
      username: 'se.bi.khoa',
      displayName: 'Phạm Sẽ Khóa',
      role: 'viewer',
      password: 'mật khẩu sẽ bị khóa',
    });
    const page = await openApp();
    // The calendar's own first requests (filters, the plans' tasks, bands, activities) come in
    // waves, with the parsing of each answer between them: a busy machine can pause longer
    // than `networkidle` waits. Once the page has asked nothing for two seconds, the next
    // request is the click's.
    let lastAsked = Date.now();
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/')) lastAsked = Date.now();
    });
    const activitiesShown = page.waitForResponse((response) => response.url().includes('/api/activities?'));
    await signInThroughPage(page, 'se.bi.khoa', 'mật khẩu sẽ bị khóa');
    await activitiesShown;
    await expect.poll(() => Date.now() - lastAsked, { timeout: 20_000, interval: 250 }).toBeGreaterThan(2000);

    // Disabling the account ends its sessions; the page learns it at its next request.
    const disabled = await site.app.inject({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      headers: { 'if-match': `"${user.version}"` },
      payload: { disabled: true },
    });
    expect(disabled.statusCode, disabled.body).toBe(200);
    await page.getByRole('button', { name: /^Tiếp/ }).click();
    const form = signInForm(page);
    await form.waitFor();
    expect(await form.getByRole('status').textContent()).toBe(
      'Phiên đăng nhập đã kết thúc. Vui lòng đăng nhập lại.',
    );

    // A disabled account cannot sign in again.
    await form.getByRole('textbox', { name: 'Tên đăng nhập' }).fill('se.bi.khoa');
    await form.getByLabel('Mật khẩu').fill('mật khẩu sẽ bị khóa');
    await form.getByRole('button', { name: 'Đăng nhập' }).click();
    await form.getByText('Tên đăng nhập hoặc mật khẩu không đúng.').waitFor();
  });

  it('fits a phone screen', async () => {
    const page = await openApp(PHONE);
    await signInForm(page).waitFor();
    await screenshot(page, 'phone-sign-in');
    await signInThroughPage(page, ADMIN.username, ADMIN.password);
    await page.goto(`${site.baseUrl}/admin/users`);
    await page.getByRole('row', { name: /Nguyễn Thị Lan/ }).waitFor();
    // The page itself never scrolls sideways; wide tables scroll inside their own region.
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'phone-users');
  });

  it('logs no console error, breaks no CSP rule, and gets only the refusals it provoked', () => {
    site.expectNoProblems(site.people, {
      allow: [
        '401 POST /api/auth/login',
        '429 POST /api/auth/login',
        // (The password that was too short is refused by the page, with the contract's schema,
        // before any request.)
        // The calendar's request after the account was disabled.
        '401 GET /api/activities',
      ],
    });
  });
});
