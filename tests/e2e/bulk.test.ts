// Issue 12 point 4: from one activity, an education editor copies a talk to ten schools in
// ten wards on ten days, pasted from a spreadsheet into the review grid; a row in a locked
// period is refused beside the row with nothing stored, corrected, and all ten are created
// in one request and appear on the calendar. Every click and typed field is counted: < 20.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Activity } from '../../server/contracts/activities';
import { createUser, USER_PASSWORD } from '../helpers/accounts';
import { countRows } from '../helpers/app';
import { activityBody, agencyIdByCode, json, unitIdByCode } from '../helpers/factories';
import { PHONE, screenshot } from './browser';
import { browserTestOfFile } from './fixture';

const TITLE = 'Nói chuyện phòng chống mua bán người';
const SCHOOLS: [string, string, string][] = [
  ['7/10/2025', 'Phường Kim Long', 'Trường THCS Hàm Nghi'],
  ['8/10/2025', 'Phường Hương An', 'Trường THCS Thống Nhất'],
  ['9/10/2025', 'HUE_P_THUAN_HOA', 'Trường THCS Phạm Văn Đồng'],
  ['10/10/2025', 'Phường Vỹ Dạ', 'Trường THCS Trần Cao Vân'],
  ['13/10/2025', 'Phường An Cựu', 'Trường THCS Nguyễn Du'],
  ['14/10/2025', 'Phường Thủy Xuân', 'Trường THCS Lý Thường Kiệt'],
  ['15/10/2025', 'Phường Dương Nỗ', 'Trường THCS Đặng Văn Ngữ'],
  ['16/10/2025', 'HUE_P_HUONG_THUY', 'Trường THCS Chu Văn An'],
  ['17/10/2025', 'Phường Phú Bài', 'Trường THCS Huỳnh Thúc Kháng'],
  // In September, which the coordinators have locked: refused at this row.
  ['30/9/2025', 'Phường Thanh Thủy', 'Trường THCS Nguyễn Tri Phương'],
];
const pasted = SCHOOLS.map(([date, unit, venue]) => `${TITLE}\t${date}\t${unit}\t${venue}`).join('\n');

describe('copying an activity to several dates and places', () => {
  const site = browserTestOfFile();

  async function octoberTalks(): Promise<Activity[]> {
    const response = await site.app.inject({
      method: 'GET',
      url: '/api/activities?start=2025-09-01&end=2025-11-01',
    });
    return json<{ items: Activity[] }>(response).items.filter((activity) => activity.title === TITLE);
  }

  /** Clicks and typed fields, as a person counts their actions. */
  function counted() {
    let actions = 0;
    return {
      get actions() {
        return actions;
      },
      click: async (locator: ReturnType<Page['locator']>) => {
        actions += 1;
        await locator.click();
      },
      fill: async (locator: ReturnType<Page['locator']>, text: string) => {
        actions += 1;
        await locator.fill(text);
      },
    };
  }

  it('lets an education editor create ten talks in ten schools from one, in under twenty actions', async () => {
    const education = await agencyIdByCode(site.app, 'SGDDT');
    await createUser(site.app, { username: 'bien.tap.sgd', role: 'agency_editor', agencyId: education });
    const first = await site.app.inject({
      method: 'POST',
      url: '/api/activities',
      payload: await activityBody(site.app, {
        title: TITLE,
        start: '2025-10-06',
        leadAgencyId: education,
        unitIds: [await unitIdByCode(site.app, 'HUE_P_PHU_XUAN')],
        venue: 'Trường THCS Nguyễn Tri Phương',
      }),
    });
    expect(first.statusCode).toBe(201);
    const lock = await site.app.inject({
      method: 'POST',
      url: '/api/period-locks',
      payload: { startDate: '2025-09-01', endDate: '2025-09-30', note: 'Đã duyệt báo cáo tháng 9' },
    });
    expect(lock.statusCode).toBe(201);

    const editor = await site.signedIn(
      { username: 'bien.tap.sgd', password: USER_PASSWORD },
      { viewport: { width: 1366, height: 900 }, at: '/?date=2025-10-06' },
    );
    const { page } = editor;
    const person = counted();
    await person.click(page.getByText(TITLE, { exact: true }).filter({ visible: true }).first());
    const details = page.getByRole('dialog', { name: TITLE });
    await person.click(details.getByRole('button', { name: 'Sao chép sang nhiều ngày / nơi' }));
    const dialog = page.getByRole('dialog', { name: `Sao chép “${TITLE}” sang nhiều ngày / nơi` });
    await person.click(dialog.getByText('Dán từ bảng tính', { exact: true }));
    await person.fill(dialog.getByLabel('Dán từ bảng tính'), pasted);
    await person.click(dialog.getByRole('button', { name: 'Thêm các dòng đã dán' }));
    await expect.poll(() => dialog.locator('.bulk__row').count()).toBe(10);
    expect(await dialog.getByLabel('Dòng 3: Đơn vị').locator('option:checked').textContent()).toBe(
      'Phường Thuận Hóa',
    );
    expect(await dialog.getByLabel('Dòng 1: Ngày').inputValue()).toBe('7/10/2025');

    const before = countRows(site.db, 'activities');
    await person.click(dialog.getByRole('button', { name: 'Tạo 10 hoạt động' }));
    // The locked row is named beside it; nothing was stored.
    await expect.poll(() => dialog.locator('.bulk__row--refused').count()).toBe(1);
    const refused = dialog.locator('.bulk__row--refused');
    expect(await refused.locator('th').textContent()).toBe('10');
    expect(await refused.locator('.field__error').textContent()).toMatch(/đã khóa/);
    expect(countRows(site.db, 'activities')).toBe(before);
    await screenshot(page, 'bulk-grid-refused', { fullPage: false });

    await person.fill(dialog.getByLabel('Dòng 10: Ngày'), '20/10/2025');
    await person.click(dialog.getByRole('button', { name: 'Tạo 10 hoạt động' }));
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Đã tạo 10 hoạt động').waitFor();
    expect(person.actions).toBeLessThan(20);

    const talks = await octoberTalks();
    expect(talks).toHaveLength(11);
    const created = talks.filter((talk) => talk.id !== json<Activity>(first).id);
    expect(created.map((talk) => talk.venue).sort()).toEqual(SCHOOLS.map(([, , venue]) => venue).sort());
    expect(created.find((talk) => talk.venue === 'Trường THCS Nguyễn Tri Phương')?.start).toBe('2025-10-20');
    expect(created.find((talk) => talk.venue === 'Trường THCS Hàm Nghi')).toMatchObject({
      start: '2025-10-07',
      end: '2025-10-08',
      leadAgencyId: education,
      unitIds: [await unitIdByCode(site.app, 'HUE_P_KIM_LONG')],
      typeCode: 'thematic_talk',
      expected: { attendances: 300 },
    });
    // The calendar shows them: one a day, 6 to 20 October.
    await expect
      .poll(() => page.getByText(TITLE, { exact: true }).filter({ visible: true }).count())
      .toBe(11);
    await screenshot(page, 'bulk-calendar-after');
    site.expectNoProblems(editor, { allow: ['400 POST /api/activities/bulk'] });
  });

  it('shows the grid on a phone', async () => {
    const phone = await site.signedIn(
      { username: 'bien.tap.sgd', password: USER_PASSWORD },
      { ...PHONE, at: '/?view=list&date=2025-10-06' },
    );
    const { page } = phone;
    await page.getByText(TITLE, { exact: true }).filter({ visible: true }).first().click();
    await page.getByRole('button', { name: 'Sao chép sang nhiều ngày / nơi' }).click();
    const dialog = page.getByRole('dialog', { name: `Sao chép “${TITLE}” sang nhiều ngày / nơi` });
    await dialog.getByRole('button', { name: 'Tháng sau' }).click();
    await dialog.getByRole('button', { name: '5/11/2025', exact: true }).click();
    await dialog.getByRole('button', { name: '12/11/2025', exact: true }).click();
    await dialog.getByLabel('Lọc đơn vị').fill('A Lưới');
    await dialog.getByRole('checkbox', { name: 'Xã A Lưới 1' }).check();
    await dialog.getByRole('checkbox', { name: 'Xã A Lưới 2' }).check();
    await dialog.getByRole('button', { name: 'Thêm vào bảng' }).click();
    await expect.poll(() => dialog.locator('.bulk__row').count()).toBe(4);
    await dialog.locator('.bulk__grid').scrollIntoViewIfNeeded();
    await screenshot(page, 'bulk-grid-phone', { fullPage: false });
    site.expectNoProblems(phone);
  });
});
