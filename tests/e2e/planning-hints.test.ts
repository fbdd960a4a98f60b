// Issue 12 point 10: a coordinator marks the grade-10 entrance exams on the calendar; placing a
// talk in those days, in a ward where pupils already have a talk that day, shows both hints in
// the form, and the talk is saved all the same (a hint, not a block).
import { describe, expect, it } from 'vitest';
import type { Activity } from '../../server/contracts/activities';
import type { CalendarMark } from '../../server/contracts/calendar-marks';
import { createUser, USER_PASSWORD } from '../helpers/accounts';
import { activityBody, agencyIdByCode, json, unitIdByCode } from '../helpers/factories';
import { PHONE, screenshot } from './browser';
import { browserTestOfFile } from './fixture';

const EXAMS = 'Kỳ thi tuyển sinh lớp 10';
const FIRST = 'Ngoại khóa “Cảnh giác việc nhẹ lương cao”';
const SECOND = 'Nói chuyện chuyên đề cho học sinh THPT Hai Bà Trưng';

describe('planning hints in the activity form', () => {
  const site = browserTestOfFile();

  it('lets a coordinator mark an exam period, and a planner see it and a clash, then save', async () => {
    await createUser(site.app, { username: 'dieu.phoi.hints', role: 'coordinator' });
    const ward = await unitIdByCode(site.app, 'HUE_P_PHU_XUAN');
    const stored = await site.app.inject({
      method: 'POST',
      url: '/api/activities',
      payload: await activityBody(site.app, {
        title: FIRST,
        start: '2026-06-04',
        unitIds: [ward],
        leadAgencyId: await agencyIdByCode(site.app, 'SGDDT'),
      }),
    });
    expect(stored.statusCode).toBe(201);

    const coordinator = await site.signedIn(
      { username: 'dieu.phoi.hints', password: USER_PASSWORD },
      { viewport: { width: 1366, height: 900 }, at: '/admin/calendar-marks' },
    );
    const { page } = coordinator;
    await page.getByRole('button', { name: 'Thêm kỳ thi, lễ hội' }).click();
    const form = page.getByRole('dialog', { name: 'Thêm kỳ thi, lễ hội' });
    await form.getByLabel('Tên').fill(EXAMS);
    await form.getByLabel('Từ ngày').fill('3/6/2026');
    await form.getByLabel('Đến ngày (tính cả ngày này)').fill('5/6/2026');
    await form.getByRole('button', { name: 'Lưu' }).click();
    await form.waitFor({ state: 'hidden' });
    await page.getByRole('cell', { name: EXAMS, exact: true }).waitFor();
    await screenshot(page, 'calendar-marks-admin');
    const marks = json<{ items: CalendarMark[] }>(
      await site.app.inject({ method: 'GET', url: '/api/calendar-marks' }),
    ).items;
    expect(marks).toMatchObject([
      { kind: 'exam', name: EXAMS, startDate: '2026-06-03', endDate: '2026-06-05', unitId: null },
    ]);

    await page.goto(`${site.baseUrl}/?date=2026-06-04`);
    await page.getByRole('button', { name: 'Tạo hoạt động' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tạo hoạt động' });
    await dialog.getByLabel('Tên hoạt động').fill(SECOND);
    await dialog.getByRole('combobox', { name: /^Loại hoạt động/ }).selectOption('thematic_talk');
    await dialog.getByLabel('Cơ quan chủ trì').selectOption(String(await agencyIdByCode(site.app, 'CA_HUE')));
    await dialog.getByLabel('Từ ngày').fill('4/6/2026');
    await dialog.getByLabel('Đến hết ngày').fill('4/6/2026');
    await dialog.getByLabel('Lọc danh sách Đơn vị hành chính (nơi tổ chức)').fill('Phú Xuân');
    await dialog
      .getByRole('group', { name: 'Đơn vị hành chính (nơi tổ chức)' })
      .getByRole('checkbox', { name: /^Phường Phú Xuân/ })
      .check();
    // The short form: what, when, where and who; the rest waits behind "more details".
    expect(await dialog.getByLabel('Mô tả').count()).toBe(0);
    await screenshot(page, 'activity-form-short', { fullPage: false });
    await dialog.getByRole('button', { name: 'Thêm chi tiết' }).click();
    await dialog.getByRole('checkbox', { name: 'Học sinh trung học (THCS, THPT)' }).check();

    const hints = dialog.getByRole('status', { name: 'Lưu ý khi xếp lịch' });
    await expect.poll(() => hints.locator('li').count()).toBe(2);
    expect(await hints.locator('li').allTextContents()).toEqual([
      `Trùng kỳ thi “${EXAMS}” (3/6/2026 – 5/6/2026).`,
      `Cùng ngày, tại Phường Phú Xuân, đã có “${FIRST}” (4/6/2026, Sở GD&ĐT) cho Học sinh trung học (THCS, THPT): cùng đối tượng có thể phải tham dự hai lần.`,
    ]);
    await hints.scrollIntoViewIfNeeded();
    await screenshot(page, 'planning-hints-form', { fullPage: false });

    await dialog.getByRole('button', { name: 'Tạo hoạt động' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const june = json<{ items: Activity[] }>(
      await site.app.inject({ method: 'GET', url: '/api/activities?start=2026-06-01&end=2026-07-01' }),
    ).items;
    expect(june.map((activity) => activity.title).sort()).toEqual([SECOND, FIRST].sort());
    site.expectNoProblems(coordinator);
  });

  it('shows the hints on a phone', async () => {
    const phone = await site.signedIn(
      { username: 'dieu.phoi.hints', password: USER_PASSWORD },
      { ...PHONE, at: '/?date=2026-06-04' },
    );
    const { page } = phone;
    await page.getByRole('button', { name: 'Tạo hoạt động' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tạo hoạt động' });
    await screenshot(page, 'activity-form-short-phone', { fullPage: false });
    await dialog.getByLabel('Từ ngày').fill('5/6/2026');
    const hints = dialog.getByRole('status', { name: 'Lưu ý khi xếp lịch' });
    await expect.poll(() => hints.locator('li').count()).toBe(1);
    await hints.scrollIntoViewIfNeeded();
    await screenshot(page, 'planning-hints-phone', { fullPage: false });
    site.expectNoProblems(phone);
  });
});
