import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { AgencyList } from '../../server/contracts/agencies';
import { ADMIN } from '../helpers/app';
import { type Person, screenshot } from './browser';
import { browserTestOfFile } from './fixture';

describe('admin screens', () => {
  const site = browserTestOfFile();
  let person: Person;
  let page: Page;

  beforeAll(async () => {
    // A deep link survives signing in: the page asked for is the page shown.
    person = await site.signedIn(ADMIN, { at: '/admin/agencies' });
    page = person.page;
    await page.getByRole('heading', { level: 2, name: 'Cơ quan, đơn vị' }).waitFor();
  });

  const table = () => page.getByRole('region', { name: 'Danh sách cơ quan, đơn vị' });

  it('finds agencies by a search without diacritics', async () => {
    await page.getByRole('row', { name: /^Công an thành phố Huế/ }).waitFor();
    await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill('cong an thanh pho');
    await expect.poll(() => table().getByRole('row').count()).toBe(2);
    expect(await table().getByRole('row').nth(1).textContent()).toContain('Công an thành phố Huế');
    await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill('');
  });

  it('creates an agency with validity dates and a successor, the dates checked at their fields', async () => {
    await page.getByRole('button', { name: 'Thêm cơ quan' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm cơ quan, đơn vị' });
    await dialog.getByRole('textbox', { name: 'Tên cơ quan' }).fill('Ban Chỉ đạo thử nghiệm (e2e)');
    await dialog.getByRole('textbox', { name: 'Mã' }).fill('BCD_E2E');
    await dialog.getByRole('combobox', { name: 'Loại' }).selectOption({ label: 'Khác' });
    await dialog.getByRole('textbox', { name: 'Hiệu lực từ ngày' }).fill('1/1/2025');
    // 31 February does not exist: said by the page, before asking the server.
    await dialog.getByRole('textbox', { name: 'Hiệu lực đến ngày' }).fill('31/2/2025');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    const validTo = dialog.getByRole('textbox', { name: 'Hiệu lực đến ngày' });
    await dialog.getByText('Ngày không hợp lệ: nhập theo dạng ngày/tháng/năm, ví dụ 30/7/2025.').waitFor();
    expect(await validTo.getAttribute('aria-invalid')).toBe('true');
    // The focus goes where there is something to fix.
    await expect.poll(() => validTo.evaluate((input) => input === document.activeElement)).toBe(true);

    // Before the start: the contract's rule, which the page checks with the server's own schema.
    await validTo.fill('31/12/2024');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.getByText('Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực').waitFor();
    expect(await validTo.getAttribute('aria-invalid')).toBe('true');

    await validTo.fill('30/6/2025');
    const successors = dialog.getByRole('group', { name: 'Cơ quan kế nhiệm' });
    await successors.getByRole('searchbox').fill('uy ban nhan dan thanh pho');
    await successors
      .getByRole('checkbox', { name: 'Ủy ban nhân dân thành phố Huế · UBND_HUE', exact: true })
      .check();
    await successors.getByRole('button', { name: 'Bỏ chọn Ủy ban nhân dân thành phố Huế' }).waitFor();
    await screenshot(page, 'agency-create', { fullPage: false });
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('status').getByText('Đã thêm “Ban Chỉ đạo thử nghiệm (e2e)”.').waitFor();

    const row = page.getByRole('row', { name: /Ban Chỉ đạo thử nghiệm \(e2e\)/ });
    expect(await row.textContent()).toContain('1/1/2025 – 30/6/2025');
    expect(await row.textContent()).toContain('Ủy ban nhân dân thành phố Huế');
  });

  it('lists the agencies in force on a date', async () => {
    const asOf = page.getByRole('textbox', { name: 'Còn hiệu lực vào ngày' });
    await asOf.fill('1/7/2025');
    await page.getByRole('row', { name: /^Công an thành phố Huế/ }).waitFor();
    await expect.poll(() => page.getByRole('row', { name: /Ban Chỉ đạo thử nghiệm/ }).count()).toBe(0);
    // Before Huế became a centrally-run city, the provincial police was in force instead.
    await asOf.fill('31/12/2024');
    await page.getByRole('row', { name: /^Công an tỉnh Thừa Thiên Huế/ }).waitFor();
    await expect.poll(() => page.getByRole('row', { name: /^Công an thành phố Huế/ }).count()).toBe(0);
    await asOf.fill('');
    await page.getByRole('row', { name: /Ban Chỉ đạo thử nghiệm/ }).waitFor();
  });

  it('edits an agency and keeps its history in the audit log', async () => {
    await page.getByRole('button', { name: 'Sửa cơ quan Ban Chỉ đạo thử nghiệm (e2e)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sửa Ban Chỉ đạo thử nghiệm (e2e)' });
    expect(await dialog.getByRole('textbox', { name: 'Hiệu lực đến ngày' }).inputValue()).toBe('30/6/2025');
    await dialog.getByRole('textbox', { name: 'Tên viết tắt' }).fill('BCĐ thử');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('row', { name: /BCĐ thử/ }).waitFor();

    await page.getByRole('link', { name: 'Nhật ký thay đổi' }).click();
    await page.getByRole('combobox', { name: 'Loại đối tượng' }).selectOption({ label: 'Cơ quan' });
    const edited = page.getByRole('row', {
      name: /^\S+ \S+ Quản trị hệ thống Sửa Cơ quan “Ban Chỉ đạo thử nghiệm \(e2e\)”/,
    });
    await edited.waitFor();
    await edited.getByText('Xem 1 trường thay đổi').click();
    const change = edited.getByRole('row', { name: /^Tên viết tắt/ });
    expect(await change.getByRole('cell').allTextContents()).toEqual(['—', 'BCĐ thử']);
    expect(
      await page.getByRole('row', { name: /Tạo mới Cơ quan “Ban Chỉ đạo thử nghiệm \(e2e\)”/ }).count(),
    ).toBe(1);
    await screenshot(page, 'audit-agency');
  });

  it("sets an agency's ký hiệu and parent line, a ký hiệu with a space refused at its field", async () => {
    const agencyOf = async (code: string) => {
      const response = await site.app.inject({ method: 'GET', url: `/api/agencies?code=${code}` });
      expect(response.statusCode, response.body).toBe(200);
      const [agency] = AgencyList.parse(response.json()).items;
      if (!agency) throw new Error(`no agency ${code}`);
      return agency;
    };
    const before = await agencyOf('BCD_E2E');
    await page.getByRole('link', { name: 'Cơ quan, đơn vị' }).click();
    await page.getByRole('heading', { level: 2, name: 'Cơ quan, đơn vị' }).waitFor();
    const open = async () => {
      await page.getByRole('button', { name: 'Sửa cơ quan Ban Chỉ đạo thử nghiệm (e2e)' }).click();
      return page.getByRole('dialog', { name: 'Sửa Ban Chỉ đạo thử nghiệm (e2e)' });
    };

    let dialog = await open();
    const symbol = dialog.getByRole('textbox', { name: 'Ký hiệu trên văn bản' });
    // The form opens on what the agency has: its letters, guessed by the server when it was made.
    expect(await symbol.inputValue()).toBe(before.documentSymbol);
    await symbol.fill('BCĐ TN');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    // Refused by the page with the contract's rule, in Vietnamese, before any request.
    await dialog.getByText('Chỉ gồm chữ và số, không dấu cách').waitFor();
    expect(await symbol.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => symbol.evaluate((input) => input === document.activeElement)).toBe(true);
    await dialog.getByRole('button', { name: 'Hủy' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await agencyOf('BCD_E2E')).toEqual(before);

    dialog = await open();
    await dialog.getByRole('textbox', { name: 'Ký hiệu trên văn bản' }).fill('BCĐTN');
    const parentLine = dialog.getByRole('textbox', { name: 'Dòng cơ quan chủ quản' });
    await dialog
      .getByText('In phía trên tên cơ quan ở đầu văn bản, ví dụ BỘ CÔNG AN; để trống nếu không có')
      .waitFor();
    await parentLine.fill('UBND THÀNH PHỐ HUẾ');
    await screenshot(page, 'agency-document-lines', { fullPage: false });
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = page.getByRole('row', { name: /Ban Chỉ đạo thử nghiệm \(e2e\)/ });
    await row.getByText('Ký hiệu: BCĐTN').waitFor();
    expect(await row.textContent()).toContain('UBND THÀNH PHỐ HUẾ');
    expect(await agencyOf('BCD_E2E')).toMatchObject({
      documentSymbol: 'BCĐTN',
      parentLine: 'UBND THÀNH PHỐ HUẾ',
      version: before.version + 1,
    });
  });

  it('creates and edits an administrative unit', async () => {
    await page.getByRole('link', { name: 'Đơn vị hành chính' }).click();
    await page.getByRole('heading', { level: 2, name: 'Đơn vị hành chính' }).waitFor();
    await page.getByRole('button', { name: 'Thêm đơn vị' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm đơn vị hành chính' });
    await dialog.getByRole('textbox', { name: 'Tên đơn vị' }).fill('Xã Thử Nghiệm');
    await dialog.getByRole('textbox', { name: 'Mã' }).fill('HUE_X_THU_NGHIEM');
    await dialog.getByRole('combobox', { name: 'Cấp' }).selectOption({ label: 'Xã' });
    await dialog.getByRole('combobox', { name: 'Trực thuộc' }).selectOption({ label: 'Thành phố Huế' });
    await dialog.getByRole('textbox', { name: 'Nhãn' }).fill('coastal, e2e');
    await dialog.getByRole('textbox', { name: 'Hiệu lực từ ngày' }).fill('1/7/2025');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = page.getByRole('row', { name: /Xã Thử Nghiệm/ });
    expect(await row.textContent()).toContain('từ 1/7/2025');
    expect(await row.textContent()).toContain('coastal, e2e');

    await page.getByRole('button', { name: 'Sửa đơn vị Xã Thử Nghiệm' }).click();
    const edit = page.getByRole('dialog', { name: 'Sửa Xã Thử Nghiệm' });
    await edit.getByRole('textbox', { name: 'Tên đơn vị' }).fill('Xã Thử Nghiệm Mới');
    await edit.getByRole('button', { name: 'Lưu' }).click();
    await edit.waitFor({ state: 'hidden' });
    await page.getByRole('row', { name: /Xã Thử Nghiệm Mới/ }).waitFor();
  });

  it('shows the catalogue by kind, and an observance with its yearly themes', async () => {
    await page.getByRole('link', { name: 'Danh mục' }).click();
    const tabs = page.getByRole('tablist', { name: 'Danh mục' });
    await tabs.getByRole('tab', { name: 'Loại hoạt động', selected: true }).waitFor();
    // The arrow keys move between tabs, as in any tab list.
    await tabs.getByRole('tab', { name: 'Loại hoạt động' }).focus();
    await page.keyboard.press('End');
    await tabs.getByRole('tab', { name: 'Ngày kỷ niệm', selected: true }).waitFor();
    const panel = page.getByRole('tabpanel', { name: 'Ngày kỷ niệm' });
    const day = panel.getByRole('row', { name: /^Ngày toàn dân phòng, chống mua bán người/ });
    expect(await day.textContent()).toContain('30/7');

    await day.getByRole('button', { name: /^Chủ đề theo năm/ }).click();
    const dialog = page.getByRole('dialog', { name: /^Chủ đề theo năm: Ngày toàn dân/ });
    await dialog.getByRole('row', { name: /^2024/ }).waitFor();
    await screenshot(page, 'catalog-themes', { fullPage: false });
    await dialog.getByRole('button', { name: 'Đóng' }).click();
    // Closing gives the focus back to the button that opened the dialog.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Chủ đề theo năm');

    await tabs.getByRole('tab', { selected: true }).focus();
    await page.keyboard.press('Home');
    await tabs.getByRole('tab', { name: 'Loại hoạt động', selected: true }).waitFor();
    await page.getByRole('tabpanel', { name: 'Loại hoạt động' }).getByRole('row').nth(1).waitFor();
    await screenshot(page, 'catalog');
  });

  it('reads in English on the switch', async () => {
    await page.getByRole('link', { name: 'Cơ quan, đơn vị' }).click();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 2, name: 'Agencies' }).waitFor();
    await page.getByRole('row', { name: /^Huế City Police/ }).waitFor();
    await screenshot(page, 'agencies-en');
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await page.getByRole('heading', { level: 2, name: 'Cơ quan, đơn vị' }).waitFor();
  });

  it('logs no console error, breaks no CSP rule, and gets only the refusals it provoked', () => {
    site.expectNoProblems(person);
    // Exactly this, once: the question before signing in. The agency's dates in the wrong
    // order are refused by the page, with the contract's own schema, before any request.
    expect(person.problems.failedRequests).toEqual(['401 GET /api/auth/me']);
  });
});
