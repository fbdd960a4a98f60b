// Issue 12 point 2: campaign kits in the browser. A coordinator creates the 30/7/2027 peak
// campaign from the calendar's band, applies the shipped 30/7 kit to six agencies and four
// communes, reviews the preview (as many rows as the API's own preview), creates them in one
// go and finds exactly those activities in the campaign; then undoes the application. An
// application one of whose activities has a result is refused an undo, in Vietnamese. The
// kits page, the preview and the result are looked at on a desktop and on a phone.
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Activity } from '../../server/contracts/activities';
import type { Campaign } from '../../server/contracts/campaigns';
import type { Kit, KitApplication, KitApplyResult, KitPreview } from '../../server/contracts/kits';
import { createUser, USER_PASSWORD } from '../helpers/accounts';
import { countRows } from '../helpers/app';
import { agencyIdByCode, getJson, json, unitIdByCode } from '../helpers/factories';
import { PHONE, screenshot } from './browser';
import { browserTestOfFile } from './fixture';

const AGENCIES: [string, string][] = [
  ['SGDDT', 'Sở Giáo dục và Đào tạo'],
  ['DOAN_HUE', 'Thành Đoàn Huế'],
  ['LHPN_HUE', 'Hội Liên hiệp Phụ nữ thành phố Huế'],
  ['SVHTT', 'Sở Văn hóa và Thể thao'],
  ['SDL', 'Sở Du lịch'],
  ['MTTQ_HUE', 'Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Huế'],
];
const COMMUNES: [string, string][] = [
  ['HUE_P_PHU_XUAN', 'Phường Phú Xuân'],
  ['HUE_P_KIM_LONG', 'Phường Kim Long'],
  ['HUE_X_PHU_VINH', 'Xã Phú Vinh'],
  ['HUE_X_A_LUOI_1', 'Xã A Lưới 1'],
];
const CAMPAIGN = 'Cao điểm tuyên truyền 30/7/2027';
const KIT_NAME = 'Cao điểm tuyên truyền Ngày toàn dân phòng, chống mua bán người 30/7';

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Ticks the entry named `name` in a picker, found by typing it into the picker's filter. */
async function pick(dialog: Locator, picker: string, name: string) {
  await dialog.getByLabel(`Lọc danh sách ${picker}`).fill(name);
  await dialog.getByRole('checkbox', { name: new RegExp(`^${escaped(name)}( ·|$)`) }).check();
}

/** What identifies an activity, for comparing the preview with what was stored. */
const shape = (activity: Pick<Activity, 'title' | 'start' | 'end' | 'leadAgencyId' | 'unitIds'>) =>
  `${activity.title}|${activity.start}|${activity.end}|${activity.leadAgencyId}|${[...activity.unitIds].sort().join(',')}`;

describe('campaign kits in the browser', () => {
  const site = browserTestOfFile();

  async function campaignNamed(name: string): Promise<Campaign | undefined> {
    const response = await site.app.inject({ method: 'GET', url: '/api/campaigns?limit=1000' });
    return json<{ items: Campaign[] }>(response).items.find((campaign) => campaign.name === name);
  }
  async function activitiesOf(campaignId: number): Promise<Activity[]> {
    return (
      await getJson<{ items: Activity[] }>(
        site.app,
        `/api/activities?campaignId=${campaignId}&start=2026-01-01&end=2029-01-01&limit=1000`,
      )
    ).items;
  }
  async function thirtySevenKit(): Promise<Kit> {
    const kits = await getJson<{ items: Kit[] }>(site.app, '/api/kits');
    const kit = kits.items.find((entry) => entry.code === 'peak_30_7');
    if (!kit) throw new Error('the 30/7 kit is not seeded');
    return kit;
  }

  it('lets a coordinator apply the 30/7 kit to the 2027 campaign made from its band, then undo it', async () => {
    const police = await agencyIdByCode(site.app, 'CA_HUE');
    await createUser(site.app, { username: 'dieu.phoi.bo', role: 'coordinator', agencyId: police });
    const coordinator = await site.signedIn(
      { username: 'dieu.phoi.bo', password: USER_PASSWORD },
      { at: '/campaigns' },
    );
    const { page } = coordinator;

    // The kits page, linked from the campaigns page, lists the shipped kit and what it holds.
    await page.getByRole('link', { name: 'Bộ hoạt động mẫu' }).click();
    await page.waitForURL(/\/campaigns\/kits$/);
    const row = page.getByRole('row').filter({ hasText: KIT_NAME });
    await row.getByText(/\d+ hoạt động/).click();
    await expect.poll(() => row.getByText('Lễ phát động đợt cao điểm tuyên truyền').count()).toBe(1);
    expect(await row.getByRole('button', { name: `Áp dụng bộ mẫu: ${KIT_NAME}` }).count()).toBe(1);
    await screenshot(page, 'kits-page');

    // The 30/7/2027 campaign, from the calendar's observance band.
    await page.goto(`${site.baseUrl}/?date=2027-07-01`);
    await page.getByRole('button', { name: 'Tạo chiến dịch cao điểm 30/7/2027' }).click();
    const form = page.getByRole('dialog', { name: 'Chiến dịch mới' });
    await form.getByLabel('Chủ đề').fill('Chung tay phòng, chống mua bán người');
    await form.getByRole('button', { name: 'Lưu' }).click();
    await expect
      .poll(async () => (await campaignNamed(CAMPAIGN))?.observanceCode)
      .toBe('anti_trafficking_day');
    const campaign = await campaignNamed(CAMPAIGN);
    if (!campaign) throw new Error('the campaign was not created');

    await page.goto(`${site.baseUrl}/campaigns/${campaign.id}`);
    await page.getByRole('button', { name: 'Áp dụng bộ mẫu' }).click();
    const dialog = page.getByRole('dialog', { name: `Áp dụng bộ mẫu “${KIT_NAME}”` });
    expect(await dialog.getByLabel('Năm').inputValue()).toBe('2027');
    for (const [, name] of AGENCIES) await pick(dialog, 'Các cơ quan', name);
    for (const [, name] of COMMUNES) await pick(dialog, 'Các xã, phường (đơn vị)', name);
    await dialog.getByRole('button', { name: 'Xem trước' }).click();

    // The API's own preview of the same choices: the page shows exactly its rows.
    const kit = await thirtySevenKit();
    const body = {
      year: 2027,
      agencyIds: await Promise.all(AGENCIES.map(([code]) => agencyIdByCode(site.app, code))),
      unitIds: await Promise.all(COMMUNES.map(([code]) => unitIdByCode(site.app, code))),
      campaignId: campaign.id,
    };
    const preview = json<KitPreview>(
      await site.app.inject({ method: 'POST', url: `/api/kits/${kit.id}/preview`, payload: body }),
    );
    const count = preview.activities.length;
    // Five items led by a named agency, one by each of the six agencies, three by each commune's committee.
    expect(count).toBe(5 + 6 + 3 * 4);
    await expect
      .poll(() => dialog.getByRole('heading', { name: `Sẽ tạo ${count} hoạt động` }).count())
      .toBe(1);
    const table = dialog.getByRole('region', { name: 'Các hoạt động sẽ được tạo' }).getByRole('table');
    expect(await table.locator('tbody tr').count()).toBe(count);
    // Dates as people write them, the rally on the day itself, the lead named.
    const rally = table.locator('tbody tr').filter({ hasText: 'Lễ mít tinh' }).first();
    expect(await rally.textContent()).toMatch(/30\/7\/2027/);
    expect(await table.textContent()).toContain('Phường Kim Long');
    expect(await activitiesOf(campaign.id)).toEqual([]);
    await screenshot(page, 'kits-preview', { fullPage: false });

    await dialog.getByRole('button', { name: `Tạo ${count} hoạt động` }).click();
    await expect.poll(() => dialog.getByRole('status').textContent()).toContain(`Đã tạo ${count} hoạt động`);
    await screenshot(page, 'kits-created', { fullPage: false });
    const stored = await activitiesOf(campaign.id);
    expect(stored.map(shape).sort()).toEqual(preview.activities.map(shape).sort());

    // Back on the campaign page: the application and its activities.
    await dialog.locator('.form-actions').getByRole('button', { name: 'Đóng' }).click();
    const applications = page.getByRole('region', { name: 'Các lần áp dụng bộ mẫu của chiến dịch' });
    await expect.poll(() => applications.getByRole('row').count()).toBe(2);
    await screenshot(page, 'kits-campaign-result');

    await applications.getByRole('button', { name: /^Hoàn tác lần áp dụng ngày/ }).click();
    const confirm = page.getByRole('dialog', { name: /^Hoàn tác lần áp dụng ngày/ });
    await confirm.getByRole('button', { name: 'Hoàn tác' }).click();
    await expect.poll(async () => (await activitiesOf(campaign.id)).length).toBe(0);
    await expect.poll(() => page.getByText(`Đã hoàn tác: ${count} hoạt động đã được xóa.`).count()).toBe(1);
    // The campaign was the coordinator's own, made from the band: it stays.
    expect((await campaignNamed(CAMPAIGN))?.deletedAt ?? null).toBeNull();
    const [undone] = await getJson<{ items: KitApplication[] }>(
      site.app,
      `/api/kit-applications?campaignId=${campaign.id}`,
    ).then((list) => list.items);
    expect(undone?.undoneAt).not.toBeNull();
    site.expectNoProblems(coordinator);
  });

  it('refuses, in Vietnamese, to undo an application one of whose activities has a result', async () => {
    const kit = await thirtySevenKit();
    const agencyIds = await Promise.all(AGENCIES.slice(0, 2).map(([code]) => agencyIdByCode(site.app, code)));
    const unitIds = await Promise.all(COMMUNES.slice(0, 1).map(([code]) => unitIdByCode(site.app, code)));
    // 2026: the peak is over, so a result can be logged.
    const applied = json<KitApplyResult>(
      await site.app.inject({
        method: 'POST',
        url: `/api/kits/${kit.id}/apply`,
        payload: { year: 2026, agencyIds, unitIds },
      }),
    );
    const [first] = applied.activityIds;
    await site.app.inject({ method: 'PATCH', url: `/api/activities/${first}`, payload: { status: 'done' } });
    const logged = await site.app.inject({
      method: 'PUT',
      url: `/api/activities/${first}/result`,
      payload: { values: { attendances: 320 } },
    });
    expect(logged.statusCode).toBe(200);

    await createUser(site.app, { username: 'dieu.phoi.dt', role: 'coordinator' });
    const phone = await site.signedIn(
      { username: 'dieu.phoi.dt', password: USER_PASSWORD },
      { ...PHONE, at: '/campaigns/kits' },
    );
    const { page } = phone;
    await page
      .getByRole('row')
      .filter({ hasText: KIT_NAME })
      .getByText(/\d+ hoạt động/)
      .click();
    await screenshot(page, 'kits-page-phone');
    await page.getByRole('button', { name: `Sửa bộ mẫu: ${KIT_NAME}` }).click();
    const editing = page.getByRole('dialog', { name: 'Sửa bộ hoạt động mẫu' });
    expect(await editing.getByLabel('Tên hoạt động').count()).toBe(9);
    await screenshot(page, 'kits-form-phone', { fullPage: false });
    await editing.getByRole('button', { name: 'Hủy' }).click();

    await page.goto(`${site.baseUrl}/campaigns/${applied.campaignId}`);
    const applications = page.getByRole('region', { name: 'Các lần áp dụng bộ mẫu của chiến dịch' });
    await expect
      .poll(() => applications.getByText('Không hoàn tác được: 1 hoạt động đã có kết quả').count())
      .toBe(1);
    expect(await applications.getByRole('button', { name: /^Hoàn tác/ }).isDisabled()).toBe(true);
    await applications.scrollIntoViewIfNeeded();
    await screenshot(page, 'kits-undo-refused-phone', { fullPage: false });

    // The preview on a phone, for the same campaign (nothing created).
    await page.getByRole('button', { name: 'Áp dụng bộ mẫu' }).click();
    const dialog = page.getByRole('dialog', { name: `Áp dụng bộ mẫu “${KIT_NAME}”` });
    expect(await dialog.getByLabel('Năm').inputValue()).toBe('2026');
    await pick(dialog, 'Các cơ quan', AGENCIES[0]?.[1] ?? '');
    await pick(dialog, 'Các xã, phường (đơn vị)', COMMUNES[1]?.[1] ?? '');
    await dialog.getByRole('button', { name: 'Xem trước' }).click();
    await expect.poll(() => dialog.getByRole('heading', { name: 'Sẽ tạo 9 hoạt động' }).count()).toBe(1);
    await screenshot(page, 'kits-preview-phone', { fullPage: false });
    site.expectNoProblems(phone);
  });

  it('lets a coordinator create a Law Day kit, refused at the field it lacks, then edit and delete it', async () => {
    await createUser(site.app, { username: 'dieu.phoi.tao', role: 'coordinator' });
    const coordinator = await site.signedIn(
      { username: 'dieu.phoi.tao', password: USER_PASSWORD },
      { at: '/campaigns/kits' },
    );
    const { page } = coordinator;
    await page.getByRole('button', { name: 'Tạo bộ mẫu' }).click();
    const form = page.getByRole('dialog', { name: 'Bộ hoạt động mẫu mới' });
    await form.getByLabel('Tên bộ mẫu').fill('Hưởng ứng Ngày Pháp luật 9/11');
    // The code of the kit that ships: the server refuses it at its field.
    await form.getByRole('textbox', { name: 'Mã', exact: true }).fill('peak_30_7');
    await form.getByRole('textbox', { name: 'Ngày', exact: true }).fill('9');
    await form.getByRole('textbox', { name: 'Tháng', exact: true }).fill('11');
    await form.getByLabel('Tên hoạt động').fill('Hội nghị phổ biến pháp luật');
    await form.getByLabel('Bắt đầu (ngày so với ngày mốc)').fill('-7');
    await form
      .getByRole('checkbox', { name: 'Cán bộ, công chức, lực lượng cơ sở (công an xã, đoàn thể)' })
      .check();
    // A duration that is no number, no type chosen: refused at those fields, nothing stored.
    await form.getByLabel('Kéo dài (ngày)').fill('một');
    const before = countRows(site.db, 'kits');
    await form.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => form.locator('.field--invalid').count()).toBeGreaterThan(0);
    expect(countRows(site.db, 'kits')).toBe(before);
    // The focus lands on the field to fix, which says what is wrong with it.
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('SELECT');
    expect(await form.locator('.field--invalid .field__error').allTextContents()).toEqual([
      'Chọn loại hoạt động',
      'Nhập một số nguyên',
    ]);
    await screenshot(page, 'kits-form-refused', { fullPage: false });
    await form.getByLabel('Kéo dài (ngày)').fill('1');
    await form.getByLabel('Loại hoạt động').selectOption('conference');
    await form.getByLabel('Lượt người tham dự', { exact: true }).fill('100');
    await screenshot(page, 'kits-form', { fullPage: false });
    await form.getByRole('button', { name: 'Lưu' }).click();
    await expect
      .poll(() => form.locator('.field--invalid .field__error').allTextContents())
      .toEqual([expect.stringMatching(/peak_30_7/)]);
    expect(countRows(site.db, 'kits')).toBe(before);
    await form.getByRole('textbox', { name: 'Mã', exact: true }).fill('law_day_9_11');
    await form.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => page.getByText('Đã lưu bộ mẫu “Hưởng ứng Ngày Pháp luật 9/11”.').count()).toBe(1);
    const kits = await getJson<{ items: Kit[] }>(site.app, '/api/kits');
    expect(kits.items.find((kit) => kit.code === 'law_day_9_11')).toMatchObject({
      anchor: { month: 11, day: 9 },
      items: [
        {
          title: 'Hội nghị phổ biến pháp luật',
          typeCode: 'conference',
          offsetDays: -7,
          durationDays: 1,
          lead: 'each_agency',
          targetGroupCodes: ['officials'],
          expected: { attendances: 100 },
        },
      ],
    });

    await page.getByRole('button', { name: 'Sửa bộ mẫu: Hưởng ứng Ngày Pháp luật 9/11' }).click();
    const edit = page.getByRole('dialog', { name: 'Sửa bộ hoạt động mẫu' });
    await edit.getByLabel('Tên bộ mẫu').fill('Ngày Pháp luật 9/11');
    await edit.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => page.getByText('Đã lưu bộ mẫu “Ngày Pháp luật 9/11”.').count()).toBe(1);

    // Applied from the kits page: a new campaign of its own name, two agencies, one talk each.
    await page.getByRole('button', { name: 'Áp dụng bộ mẫu: Ngày Pháp luật 9/11' }).click();
    const apply = page.getByRole('dialog', { name: 'Áp dụng bộ mẫu “Ngày Pháp luật 9/11”' });
    await apply.getByLabel('Năm').fill('2027');
    expect(await apply.getByLabel('Chiến dịch', { exact: true }).inputValue()).toBe('');
    await apply.getByLabel('Tên chiến dịch mới').fill('Hưởng ứng Ngày Pháp luật 2027');
    for (const [, name] of AGENCIES.slice(0, 2)) await pick(apply, 'Các cơ quan', name);
    await apply.getByRole('button', { name: 'Xem trước' }).click();
    await expect
      .poll(() =>
        apply
          .getByText('Tạo chiến dịch mới “Hưởng ứng Ngày Pháp luật 2027” (2/11/2027 – 9/11/2027).')
          .count(),
      )
      .toBe(1);
    expect(await apply.locator('tbody tr').count()).toBe(2);
    await apply.getByRole('button', { name: 'Tạo 2 hoạt động' }).click();
    await expect.poll(() => apply.getByRole('status').textContent()).toContain('Đã tạo 2 hoạt động');
    const lawCampaign = await campaignNamed('Hưởng ứng Ngày Pháp luật 2027');
    expect(lawCampaign).toMatchObject({ startDate: '2027-11-02', endDate: '2027-11-09' });
    const talks = await activitiesOf(lawCampaign?.id ?? 0);
    expect(talks.map((talk) => talk.start)).toEqual(['2027-11-02', '2027-11-02']);
    await screenshot(page, 'kits-applied-from-kits-page', { fullPage: false });
    await apply.locator('.form-actions').getByRole('button', { name: 'Đóng' }).click();

    await page.getByRole('button', { name: 'Xóa bộ mẫu: Ngày Pháp luật 9/11' }).click();
    await page
      .getByRole('dialog', { name: 'Xóa bộ hoạt động mẫu' })
      .getByRole('button', { name: 'Xóa' })
      .click();
    await expect.poll(() => page.getByText('Đã xóa bộ mẫu “Ngày Pháp luật 9/11”.').count()).toBe(1);
    const left = await getJson<{ items: Kit[] }>(site.app, '/api/kits');
    expect(left.items.map((kit) => kit.code)).toEqual(['peak_30_7']);
    site.expectNoProblems(coordinator, { allow: ['400 POST /api/kits'] });

    // Everyone else reads the kits, and is offered nothing to change.
    await createUser(site.app, { username: 'nguoi.xem.bo', role: 'viewer' });
    const viewer = await site.signedIn(
      { username: 'nguoi.xem.bo', password: USER_PASSWORD },
      { at: '/campaigns/kits' },
    );
    await expect
      .poll(() =>
        viewer.page.getByText('Chỉ điều phối viên và quản trị viên sửa hoặc áp dụng bộ mẫu.').count(),
      )
      .toBe(1);
    await expect.poll(() => viewer.page.getByRole('row').filter({ hasText: KIT_NAME }).count()).toBe(1);
    expect(await viewer.page.getByRole('button', { name: /bộ mẫu/ }).count()).toBe(0);
    site.expectNoProblems(viewer);
  });
});
