// Issue 12 point 1, in part: campaigns are created and corrected in the browser. A
// coordinator creates the 30/7/2027 peak campaign from the campaigns page and lands on it;
// a window out of order is refused at its field with nothing stored; the theme is corrected
// from the list; an agency's editor starts with their agency as the lead.
import { describe, expect, it } from 'vitest';
import type { Campaign } from '../../server/contracts/campaigns';
import { createUser, USER_PASSWORD } from '../helpers/accounts';
import { countRows } from '../helpers/app';
import { agencyIdByCode } from '../helpers/factories';
import { PHONE, screenshot } from './browser';
import { browserTestOfFile } from './fixture';

const NAME = 'Cao điểm tuyên truyền hưởng ứng Ngày 30/7/2027';

describe('campaigns in the browser', () => {
  const site = browserTestOfFile();

  async function campaignNamed(name: string): Promise<Campaign | undefined> {
    const response = await site.app.inject({ method: 'GET', url: '/api/campaigns?limit=1000' });
    return response.json<{ items: Campaign[] }>().items.find((campaign) => campaign.name === name);
  }

  it('lets a coordinator create a campaign, refusing a window out of order, then correct its theme', async () => {
    const police = await agencyIdByCode(site.app, 'CA_HUE');
    await createUser(site.app, { username: 'dieu.phoi.cd', role: 'coordinator', agencyId: police });
    const coordinator = await site.signedIn(
      { username: 'dieu.phoi.cd', password: USER_PASSWORD },
      { at: '/campaigns' },
    );
    const { page } = coordinator;
    await page.getByRole('button', { name: 'Tạo chiến dịch' }).click();
    const dialog = page.getByRole('dialog', { name: 'Chiến dịch mới' });
    await dialog.getByLabel('Chiến dịch').fill(NAME);
    await dialog.getByLabel('Bắt đầu').fill('31/7/2027');
    await dialog.getByLabel('Kết thúc').fill('1/7/2027');
    await dialog.getByLabel('Cơ quan chủ trì').selectOption({ label: 'Công an thành phố Huế' });
    const before = countRows(site.db, 'campaigns');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => dialog.locator('.field--invalid').count()).toBeGreaterThan(0);
    expect(await dialog.locator('.field--invalid .field__error').first().textContent()).toMatch(/ngày/i);
    expect(countRows(site.db, 'campaigns')).toBe(before);
    await screenshot(page, 'campaign-form-refused');

    await dialog.getByLabel('Bắt đầu').fill('1/7/2027');
    await dialog.getByLabel('Kết thúc').fill('31/7/2027');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await page.waitForURL(/\/campaigns\/\d+$/);
    const created = await campaignNamed(NAME);
    expect(created).toMatchObject({ startDate: '2027-07-01', endDate: '2027-07-31', leadAgencyId: police });
    // The page titles itself once the campaign is loaded.
    await expect.poll(() => page.getByRole('heading', { level: 2 }).textContent()).toBe(NAME);

    await page.goto(`${site.baseUrl}/campaigns`);
    await page.getByRole('button', { name: `Sửa chiến dịch: ${NAME}` }).click();
    const edit = page.getByRole('dialog', { name: 'Sửa chiến dịch' });
    await edit.getByLabel('Chủ đề').fill('Nói không với mua bán người');
    await edit.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(async () => (await campaignNamed(NAME))?.theme).toBe('Nói không với mua bán người');
    await expect.poll(() => page.getByText('Nói không với mua bán người').count()).toBe(1);
    await screenshot(page, 'campaigns-list');
    site.expectNoProblems(coordinator);
  });

  it("starts an agency editor's campaign with their agency as the lead, on a phone too", async () => {
    const school = await agencyIdByCode(site.app, 'SGDDT');
    await createUser(site.app, { username: 'bien.tap.gd', role: 'agency_editor', agencyId: school });
    const editor = await site.signedIn(
      { username: 'bien.tap.gd', password: USER_PASSWORD },
      { ...PHONE, at: '/campaigns' },
    );
    const { page } = editor;
    await page.getByRole('button', { name: 'Tạo chiến dịch' }).click();
    const dialog = page.getByRole('dialog', { name: 'Chiến dịch mới' });
    expect(await dialog.getByLabel('Cơ quan chủ trì').inputValue()).toBe(String(school));
    await dialog.getByLabel('Chiến dịch').fill('Tuyên truyền đầu năm học 2027-2028');
    await dialog.getByLabel('Bắt đầu').fill('1/9/2027');
    await dialog.getByLabel('Kết thúc').fill('30/9/2027');
    await screenshot(page, 'campaign-form-phone');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await page.waitForURL(/\/campaigns\/\d+$/);
    expect(await campaignNamed('Tuyên truyền đầu năm học 2027-2028')).toMatchObject({ leadAgencyId: school });
    site.expectNoProblems(editor);
  });
  it("creates the 30/7/2027 peak campaign from the calendar's band, asking for the year's theme; then closes and deletes it", async () => {
    await createUser(site.app, { username: 'dieu.phoi.bang', role: 'coordinator' });
    const coordinator = await site.signedIn(
      { username: 'dieu.phoi.bang', password: USER_PASSWORD },
      { at: '/?date=2027-07-01' },
    );
    const { page } = coordinator;
    const offer = page.getByRole('button', { name: 'Tạo chiến dịch cao điểm 30/7/2027' });
    await offer.click();
    const dialog = page.getByRole('dialog', { name: 'Chiến dịch mới' });
    expect(await dialog.getByLabel('Chiến dịch').inputValue()).toBe('Cao điểm tuyên truyền 30/7/2027');
    expect(await dialog.getByLabel('Bắt đầu').inputValue()).toBe('30/6/2027');
    expect(await dialog.getByLabel('Kết thúc').inputValue()).toBe('9/8/2027');
    // 2027 has no theme in the catalogue yet: the form asks for it before saving anything.
    const before = countRows(site.db, 'campaigns');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => dialog.getByText('Hãy nhập chủ đề của năm').count()).toBe(1);
    expect(countRows(site.db, 'campaigns')).toBe(before);
    await dialog.getByLabel('Chủ đề').fill('Chung tay phòng, chống mua bán người');
    await screenshot(page, 'campaign-from-band');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await expect
      .poll(async () => (await campaignNamed('Cao điểm tuyên truyền 30/7/2027'))?.observanceCode)
      .toBe('anti_trafficking_day');
    // The band no longer offers a campaign its year already has.
    await expect.poll(() => offer.count()).toBe(0);

    const peak = await campaignNamed('Cao điểm tuyên truyền 30/7/2027');
    await page.goto(`${site.baseUrl}/campaigns/${peak?.id}`);
    await page.getByRole('button', { name: 'Kết thúc chiến dịch' }).click();
    await expect.poll(() => page.getByText(/Đã kết thúc ngày/).count()).toBe(1);
    expect((await campaignNamed('Cao điểm tuyên truyền 30/7/2027'))?.closedAt).not.toBeNull();
    await screenshot(page, 'campaign-closed');
    page.once('dialog', (question) => void question.accept());
    await page.getByRole('button', { name: 'Xóa chiến dịch' }).click();
    await page.waitForURL(/\/campaigns$/);
    expect(await campaignNamed('Cao điểm tuyên truyền 30/7/2027')).toBeUndefined();
    site.expectNoProblems(coordinator);
  });
});
