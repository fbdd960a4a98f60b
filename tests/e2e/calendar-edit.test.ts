import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { Activity, ActivityList } from '../../server/contracts/activities';
import { AgencyList } from '../../server/contracts/agencies';
import { ErrorBody } from '../../server/contracts/common';
import { ADMIN } from '../helpers/app';
import {
  createUserThroughApi,
  dayText,
  deploymentMonth,
  type Person,
  screenshot,
  signInThroughPage,
} from './browser';
import { browserTestOfFile, idsAsParams } from './fixture';

const { year, prefix } = deploymentMonth();
const day = (dayOfMonth: number) => `${prefix}-${String(dayOfMonth).padStart(2, '0')}`;

describe('creating and changing activities on the calendar', () => {
  const site = browserTestOfFile();
  const title = 'Tuyên truyền tại chợ Đông Ba (e2e sửa)';
  const venue = 'Chợ Đông Ba';
  const policeTitle = 'Mít tinh của Công an (e2e sửa)';
  const campaignName = 'Đợt cao điểm tháng 7 (e2e)';
  const theme = 'Chủ đề năm thử nghiệm (e2e)';
  const editorPassword = 'mật khẩu cán bộ sở thử nghiệm';

  let person: Person;
  let page: Page;
  let policeId: number;
  let otherAgencyId: number;
  let policeActivityId: number;
  let createdId: number;

  beforeAll(async () => {
    const { app } = site;
    const agencies = await app.inject({ method: 'GET', url: `/api/agencies?asOf=${day(10)}&limit=1000` });
    const items = AgencyList.parse(agencies.json()).items;
    const police = items.find((agency) => agency.code === 'CA_HUE');
    const other = items.find((agency) => agency.code !== 'CA_HUE' && agency.kind === 'department');
    if (!police || !other) throw new Error('the seed needs CA_HUE and a department');
    policeId = police.id;
    otherAgencyId = other.id;

    const policeActivity = await app.inject({
      method: 'POST',
      url: '/api/activities',
      payload: { title: policeTitle, typeCode: 'rally', start: day(17), leadAgencyId: policeId },
    });
    expect(policeActivity.statusCode, policeActivity.body).toBe(201);
    policeActivityId = Activity.parse(policeActivity.json()).id;

    const themed = await app.inject({
      method: 'PUT',
      url: `/api/catalog/observances/anti_trafficking_day/themes/${year}`,
      payload: { theme },
    });
    expect(themed.statusCode, themed.body).toBe(200);
    const campaign = await app.inject({
      method: 'POST',
      url: '/api/campaigns',
      payload: { name: campaignName, startDate: `${year}-07-01`, endDate: `${year}-07-31`, color: '#1d4ed8' },
    });
    expect(campaign.statusCode, campaign.body).toBe(201);

    await createUserThroughApi(site, {
      username: 'canbo.so',
      displayName: 'Cán bộ sở (e2e)',
      role: 'agency_editor',
      agencyId: otherAgencyId,
      password: editorPassword,
    });

    // Tall enough for the whole month: a drag needs both of its ends on screen.
    person = await site.signedIn(ADMIN, {
      timezoneId: 'America/New_York',
      viewport: { width: 1280, height: 1600 },
    });
    page = person.page;
  });

  async function activitiesTitled(name: string): Promise<Activity[]> {
    const response = await site.app.inject({
      method: 'GET',
      url: `/api/activities?start=${year - 1}-01-01`,
    });
    return ActivityList.parse(response.json()).items.filter((activity) => activity.title === name);
  }

  async function activityById(id: number): Promise<Activity> {
    const response = await site.app.inject({ method: 'GET', url: `/api/activities/${id}` });
    expect(response.statusCode, response.body).toBe(200);
    return Activity.parse(response.json());
  }

  /** The month grid's cell of a day. */
  const dayCell = (date: string) => page.locator(`[role="cell"][data-date="${date}"]`);

  // FullCalendar keeps hidden copies of events to measure them: the one a person sees.
  const event = (name: string) => page.getByText(name, { exact: true }).filter({ visible: true }).first();

  /** A drag as a hand does it: press, move in steps (FullCalendar waits for a few pixels), release. */
  async function drag(from: Locator, to: Locator): Promise<void> {
    const start = await from.boundingBox();
    const end = await to.boundingBox();
    if (!start || !end) throw new Error('nothing to drag from or to');
    await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
    await page.mouse.down();
    await page.mouse.move(start.x + start.width / 2 + 10, start.y + start.height / 2 + 5, { steps: 5 });
    await page.mouse.move(end.x + end.width / 2, end.y + end.height / 2, { steps: 15 });
    await page.mouse.up();
  }

  it('creates an activity from a click on a day, as the API then holds it', async () => {
    const cell = dayCell(day(10));
    await cell.waitFor();
    const box = await cell.boundingBox();
    if (!box) throw new Error('the day has no box');
    // Low in the cell, away from any event.
    await cell.click({ position: { x: box.width / 2, y: box.height - 8 } });

    const dialog = page.getByRole('dialog', { name: 'Tạo hoạt động' });
    await dialog.waitFor();
    const [, m, d] = day(10).split('-').map(Number);
    expect(await dialog.getByLabel('Từ ngày').inputValue()).toBe(`${d}/${m}/${year}`);
    expect(await dialog.getByLabel('Đến hết ngày').inputValue()).toBe(`${d}/${m}/${year}`);

    await dialog.getByLabel('Tên hoạt động').fill(title);
    await dialog.getByRole('combobox', { name: /^Loại hoạt động/ }).selectOption('rally');
    await dialog.getByLabel('Cơ quan chủ trì').selectOption(String(policeId));
    await dialog.getByLabel('Địa điểm').fill(venue);
    // A new activity's form is brief: the planned figures are among the "more details".
    await dialog.getByRole('button', { name: 'Thêm chi tiết' }).click();
    await dialog.getByLabel('Lượt người tham dự').fill('1.200');
    await screenshot(page, 'calendar-edit-form', { fullPage: false });
    await dialog.getByRole('button', { name: 'Tạo hoạt động' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await page
      .getByRole('status')
      .filter({ hasText: `Đã lưu “${title}”` })
      .waitFor();
    await event(title).waitFor();
    await page.reload();
    await event(title).waitFor();
    expect(
      await page
        .getByRole('cell')
        .filter({ has: event(title) })
        .getAttribute('data-date'),
    ).toBe(day(10));

    const [created] = await activitiesTitled(title);
    if (!created) throw new Error('the activity was not stored');
    createdId = created.id;
    expect(created).toMatchObject({
      allDay: true,
      start: day(10),
      end: day(11),
      typeCode: 'rally',
      leadAgencyId: policeId,
      venue,
      status: 'planned',
      expected: { attendances: 1200 },
    });
  });

  it("shows the server's messages at the fields, and stores nothing", async () => {
    const countBefore = ActivityList.parse(
      (await site.app.inject({ method: 'GET', url: `/api/activities?start=${year - 1}-01-01` })).json(),
    ).total;
    // What the server says to the same mistakes, to find it in the page.
    const refusal = await site.app.inject({
      method: 'POST',
      url: '/api/activities',
      payload: {
        title: '',
        typeCode: 'rally',
        start: day(12),
        leadAgencyId: policeId,
        expected: { attendances: -5 },
      },
    });
    expect(refusal.statusCode).toBe(400);
    const details = ErrorBody.parse(refusal.json()).details ?? [];
    const titleMessage = details.find((detail) => detail.path === 'title')?.message;
    const figureMessage = details.find((detail) => detail.path === 'expected.attendances')?.message;
    if (!titleMessage || !figureMessage) throw new Error(`unexpected refusal ${refusal.body}`);

    await page.getByRole('button', { name: 'Tạo hoạt động' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tạo hoạt động' });
    await dialog.getByRole('combobox', { name: /^Loại hoạt động/ }).selectOption('rally');
    await dialog.getByLabel('Cơ quan chủ trì').selectOption(String(policeId));
    await dialog.getByRole('button', { name: 'Thêm chi tiết' }).click();
    await dialog.getByLabel('Lượt người tham dự').fill('-5');
    await dialog.getByRole('button', { name: 'Tạo hoạt động' }).click();

    const titleField = dialog.getByLabel('Tên hoạt động');
    await expect.poll(() => titleField.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await titleField.getAttribute('aria-describedby')) ?? '';
    const said = await Promise.all(
      describedBy.split(' ').map((id) => page.locator(`[id="${id}"]`).textContent()),
    );
    expect(said).toContain(titleMessage);
    // The first field to fix has the focus.
    expect(await titleField.evaluate((element) => element === document.activeElement)).toBe(true);
    const figureField = dialog.getByLabel('Lượt người tham dự');
    expect(await figureField.getAttribute('aria-invalid')).toBe('true');
    const figureIds = ((await figureField.getAttribute('aria-describedby')) ?? '').split(' ');
    const figureSaid = await Promise.all(figureIds.map((id) => page.locator(`[id="${id}"]`).textContent()));
    expect(figureSaid).toContain(figureMessage);
    // And a summary above the form.
    const summary = dialog.getByRole('alert');
    expect(await summary.textContent()).toContain(titleMessage);
    await screenshot(page, 'calendar-edit-form-refused', { fullPage: false });

    await dialog.getByRole('button', { name: 'Hủy' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const countAfter = ActivityList.parse(
      (await site.app.inject({ method: 'GET', url: `/api/activities?start=${year - 1}-01-01` })).json(),
    ).total;
    expect(countAfter).toBe(countBefore);
  });

  it('moves an activity to another day by dragging it', async () => {
    await drag(event(title), dayCell(day(12)));
    await page
      .getByRole('status')
      .filter({ hasText: `Đã dời “${title}”` })
      .waitFor();
    const moved = await activityById(createdId);
    expect(moved).toMatchObject({ allDay: true, start: day(12), end: day(13) });
    await expect
      .poll(() =>
        page
          .getByRole('cell')
          .filter({ has: event(title) })
          .getAttribute('data-date'),
      )
      .toBe(day(12));
  });

  it('undoes a drag over a version someone else changed, and says so', async () => {
    const current = await activityById(createdId);
    const otherVenue = 'Nhà văn hóa phường (sửa song song)';
    const patched = await site.app.inject({
      method: 'PATCH',
      url: `/api/activities/${createdId}`,
      headers: { 'if-match': `"${current.version}"` },
      payload: { venue: otherVenue },
    });
    expect(patched.statusCode, patched.body).toBe(200);

    await drag(event(title), dayCell(day(14)));
    const alert = page.locator('.calendar-page__alert[role="alert"]');
    await alert.getByText('vừa được người khác thay đổi').waitFor();
    await screenshot(page, 'calendar-edit-conflict');

    const stored = await activityById(createdId);
    expect(stored).toMatchObject({ start: day(12), end: day(13), venue: otherVenue });
    await expect
      .poll(() =>
        page
          .getByRole('cell')
          .filter({ has: event(title) })
          .getAttribute('data-date'),
      )
      .toBe(day(12));
    await alert.getByRole('button', { name: 'Đóng' }).click();
  });

  it('duplicates an activity and postpones one, with its reason, from its details', async () => {
    await event(title).click();
    let details = page.getByRole('dialog', { name: title });
    await details.getByText(/Nhà văn hóa phường/).waitFor();
    await details.getByRole('button', { name: 'Nhân bản' }).click();
    const form = page.getByRole('dialog', { name: 'Nhân bản hoạt động' });
    await form.waitFor();
    expect(await form.getByLabel('Tên hoạt động').inputValue()).toBe(`${title} (bản sao)`);
    await form.getByRole('button', { name: 'Tạo hoạt động' }).click();
    await form.waitFor({ state: 'hidden' });
    const [copy] = await activitiesTitled(`${title} (bản sao)`);
    expect(copy).toMatchObject({
      allDay: true,
      start: day(12),
      end: day(13),
      typeCode: 'rally',
      leadAgencyId: policeId,
      venue: 'Nhà văn hóa phường (sửa song song)',
      expected: { attendances: 1200 },
      status: 'planned',
    });
    expect(copy?.id).not.toBe(createdId);

    await event(title).click();
    details = page.getByRole('dialog', { name: title });
    await details.getByRole('button', { name: 'Tạm hoãn' }).click();
    const ask = page.getByRole('dialog', { name: `Tạm hoãn “${title}”` });
    const reason = 'Trùng lịch tiếp đoàn công tác của tỉnh';
    await ask.getByLabel('Lý do').fill(reason);
    await ask.getByRole('button', { name: 'Tạm hoãn' }).click();
    details = page.getByRole('dialog', { name: title });
    await details.getByText(reason, { exact: true }).waitFor();
    await details.getByText('Tạm hoãn', { exact: true }).first().waitFor();
    const postponed = await activityById(createdId);
    expect(postponed).toMatchObject({ status: 'postponed', statusNote: reason });
    await details.getByRole('button', { name: 'Đóng' }).click();
    await details.waitFor({ state: 'hidden' });
  });

  it('edits the copy through the form, sending only what changed, then deletes it', async () => {
    const copyTitle = `${title} (bản sao)`;
    const [copy] = await activitiesTitled(copyTitle);
    if (!copy) throw new Error('no copy to edit');
    await event(copyTitle).click();
    let details = page.getByRole('dialog', { name: copyTitle });
    await details.getByRole('button', { name: 'Sửa' }).click();
    const form = page.getByRole('dialog', { name: 'Sửa hoạt động' });
    await form.getByLabel('Địa điểm').fill('Sân vận động Tự Do');
    await form.getByLabel('Đến hết ngày').fill(dayText(day(14)));
    const patch = page.waitForRequest((request) => request.method() === 'PATCH');
    await form.getByRole('button', { name: 'Lưu' }).click();
    await form.waitFor({ state: 'hidden' });
    // The venue and the times (which go together), with the version the form was opened on.
    const sent = await patch;
    expect(Object.keys(sent.postDataJSON()).sort()).toEqual(['allDay', 'end', 'start', 'venue']);
    expect(sent.headers()['if-match']).toBe(`"${copy.version}"`);
    const edited = await activityById(copy.id);
    expect(edited).toMatchObject({
      venue: 'Sân vận động Tự Do',
      start: day(12),
      end: day(15),
      title: copyTitle,
      version: copy.version + 1,
    });

    await event(copyTitle).click();
    details = page.getByRole('dialog', { name: copyTitle });
    await details.getByRole('button', { name: 'Xóa' }).click();
    const ask = page.getByRole('dialog', { name: `Xóa “${copyTitle}”?` });
    await ask.getByRole('button', { name: 'Xóa hoạt động' }).click();
    await ask.waitFor({ state: 'hidden' });
    // An activity across a week's end is drawn once in each week: every piece must go.
    await expect.poll(() => page.getByText(copyTitle, { exact: true }).count()).toBe(0);
    expect((await activityById(copy.id)).deletedAt).not.toBeNull();
  });

  it("does not let an agency's editor move another agency's activity", async () => {
    const editor = await site.person({
      timezoneId: 'Asia/Ho_Chi_Minh',
      viewport: { width: 1280, height: 1600 },
    });
    // Listening before the page opens: no PATCH at all, from signing in to the drag.
    const patches: string[] = [];
    editor.page.on('request', (request) => {
      if (request.method() === 'PATCH') patches.push(request.url());
    });
    await editor.page.goto(`${site.baseUrl}/`);
    await signInThroughPage(editor.page, 'canbo.so', editorPassword);
    // The whole province, not only "mine" (on by default for an agency's editor).
    await editor.page.goto(`${site.baseUrl}/?mine=0`);
    const policeEvent = editor.page.getByText(policeTitle, { exact: true }).filter({ visible: true }).first();
    await policeEvent.waitFor();
    // They may create (for their own agency), not change the police's activity.
    await editor.page.getByRole('button', { name: 'Tạo hoạt động' }).waitFor();

    const start = await policeEvent.boundingBox();
    const target = await editor.page.locator(`[role="cell"][data-date="${day(19)}"]`).boundingBox();
    if (!start || !target) throw new Error('nothing to drag');
    await editor.page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
    await editor.page.mouse.down();
    await editor.page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 15 });
    await editor.page.mouse.up();
    await editor.page.waitForTimeout(300);
    expect(patches).toEqual([]);
    expect((await activityById(policeActivityId)).start).toBe(day(17));

    await policeEvent.click();
    const details = editor.page.getByRole('dialog', { name: policeTitle });
    await details.getByRole('button', { name: 'Nhân bản' }).waitFor();
    expect(await details.getByRole('button', { name: 'Sửa' }).count()).toBe(0);
    expect(await details.getByRole('button', { name: 'Xóa' }).count()).toBe(0);
    await details.getByRole('button', { name: 'Đóng' }).click();
    site.expectNoProblems(editor);
    // Closed now rather than with the browser: one page fewer for the tests that follow.
    await editor.context.close();
  });

  it('creates a timed activity from hours dragged over in the day view, on the deployment clock', async () => {
    // The browser is in New York: 09:00 on the day view is 09:00 in Huế all the same.
    await page.goto(`${site.baseUrl}/?view=day&date=${day(20)}`);
    const from = page.locator('[data-time="09:00:00"]').last();
    await from.waitFor();
    await drag(from, page.locator('[data-time="10:30:00"]').last());

    const dialog = page.getByRole('dialog', { name: 'Tạo hoạt động' });
    await dialog.waitFor();
    const [, m, d] = day(20).split('-').map(Number);
    expect(await dialog.getByLabel('Cả ngày (không ghi giờ)').isChecked()).toBe(false);
    expect(await dialog.getByLabel('Ngày bắt đầu').inputValue()).toBe(`${d}/${m}/${year}`);
    expect(await dialog.getByLabel('Giờ bắt đầu').inputValue()).toBe('09:00');
    expect(await dialog.getByLabel('Giờ kết thúc').inputValue()).toBe('11:00');
    const timedTitle = 'Nói chuyện chuyên đề buổi sáng (e2e sửa)';
    await dialog.getByLabel('Tên hoạt động').fill(timedTitle);
    await dialog.getByRole('combobox', { name: /^Loại hoạt động/ }).selectOption('thematic_talk');
    await dialog.getByLabel('Cơ quan chủ trì').selectOption(String(policeId));
    await dialog.getByRole('button', { name: 'Tạo hoạt động' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await event(timedTitle).waitFor();

    const [timed] = await activitiesTitled(timedTitle);
    expect(timed).toMatchObject({
      allDay: false,
      start: `${day(20)}T09:00:00+07:00`,
      end: `${day(20)}T11:00:00+07:00`,
    });
  });

  it('draws the 30/7 observance with its theme, and the campaign, in July', async () => {
    await page.goto(`${site.baseUrl}/?date=${year}-07-15`);
    await page.getByRole('heading', { level: 2, name: `Tháng 7/${year}` }).waitFor();
    const july30 = dayCell(`${year}-07-30`);
    await july30.getByText('Ngày toàn dân phòng, chống mua bán người', { exact: false }).first().waitFor();
    await july30.getByText(theme).first().waitFor();
    await dayCell(`${year}-07-06`).getByText(campaignName).first().waitFor();
    // In words under the calendar, for the list view and for screen readers.
    const inRange = page.getByRole('region', { name: 'Ngày kỷ niệm và chiến dịch trong khoảng đang xem' });
    await inRange.getByText(theme, { exact: false }).waitFor();
    await inRange.getByText(campaignName).waitFor();
    await page.getByRole('list', { name: 'Chú giải nền lịch' }).waitFor();
    // Bands are no activities: the month's "+N" counts none of them.
    expect(await page.getByRole('button', { name: /^\+\d+/ }).count()).toBe(0);
    await screenshot(page, 'calendar-edit-bands-month');
  });

  it('titles the week and the day the Vietnamese way, and follows Back', async () => {
    await page.getByRole('tab', { name: 'Tuần', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('view') === 'week');
    // The week of 15/7 in the deployment's year: Monday to Sunday.
    const monday = new Date(Date.UTC(year, 6, 15));
    monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
    const sunday = new Date(monday);
    sunday.setUTCDate(monday.getUTCDate() + 6);
    const dm = (date: Date) => `${date.getUTCDate()}/${date.getUTCMonth() + 1}`;
    await page.getByRole('heading', { level: 2, name: `${dm(monday)} – ${dm(sunday)}/${year}` }).waitFor();
    await screenshot(page, 'calendar-edit-bands-week');

    await page.getByRole('tab', { name: 'Ngày', exact: true }).click();
    const weekdays = ['Chủ nhật', 'Thứ hai', 'Thứ ba', 'Thứ tư', 'Thứ năm', 'Thứ sáu', 'Thứ bảy'];
    const shown = new Date(Date.UTC(year, 6, 15));
    await page
      .getByRole('heading', { level: 2, name: `${weekdays[shown.getUTCDay()]}, 15/7/${year}` })
      .waitFor();

    await page.goBack();
    await page.getByRole('heading', { level: 2, name: `${dm(monday)} – ${dm(sunday)}/${year}` }).waitFor();
    expect(await page.getByRole('tab', { name: 'Tuần', exact: true }).getAttribute('aria-selected')).toBe(
      'true',
    );
    await page.goBack();
    await page.getByRole('heading', { level: 2, name: `Tháng 7/${year}` }).waitFor();
  });

  it('prints the month without the controls', async () => {
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await page.getByRole('tab', { name: 'Tuần', exact: true }).isVisible()).toBe(false);
      expect(await page.getByText('Bộ lọc', { exact: true }).isVisible()).toBe(false);
      expect(await page.getByRole('heading', { level: 2, name: `Tháng 7/${year}` }).isVisible()).toBe(true);
      await screenshot(page, 'calendar-edit-print');
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  it('logs no console error, breaks no CSP rule, and fails no request but those provoked', () => {
    site.expectNoProblems(person, {
      allow: ['400 POST /api/activities', '412 PATCH /api/activities/:id'],
      normalise: idsAsParams,
    });
  });
});
