// Issue 12 point 3: a commune's editor creates the weekly loudspeaker broadcast, every Friday
// to the end of the year, from the create form's "Lặp lại" section; sees the occurrences on
// the calendar; drags ONE of them to the Thursday (this one alone: the others keep their
// dates); then renames the series "this and following" from an earlier Friday, and the moved
// one, changed alone, keeps its date and its title and is named in the answer. On a phone, the
// same questions, and a delete "this and following" that leaves the moved one.
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Activity } from '../../server/contracts/activities';
import { createUser, USER_PASSWORD } from '../helpers/accounts';
import { agencyIdByCode, json, unitIdByCode } from '../helpers/factories';
import { type Person, PHONE, screenshot } from './browser';
import { browserTestOfFile } from './fixture';

const TITLE = 'Phát thanh phòng chống mua bán người, xã A Lưới 1';
const RENAMED = 'Phát thanh: cảnh giác lừa đi làm việc nhẹ lương cao, xã A Lưới 1';
/** Every Friday from 3/10/2025 to 31/12/2025. */
const FRIDAYS = [
  '2025-10-03',
  '2025-10-10',
  '2025-10-17',
  '2025-10-24',
  '2025-10-31',
  '2025-11-07',
  '2025-11-14',
  '2025-11-21',
  '2025-11-28',
  '2025-12-05',
  '2025-12-12',
  '2025-12-19',
  '2025-12-26',
];

describe('a recurring series on the calendar', () => {
  const site = browserTestOfFile();
  let commune: number;
  let editor: Person;
  let page: Page;

  beforeAll(async () => {
    commune = await agencyIdByCode(site.app, 'UBND_X_A_LUOI_1');
    await createUser(site.app, { username: 'bien.tap.xa', role: 'agency_editor', agencyId: commune });
    editor = await site.signedIn(
      { username: 'bien.tap.xa', password: USER_PASSWORD },
      { viewport: { width: 1366, height: 900 }, at: '/?date=2025-10-03' },
    );
    page = editor.page;
  });

  /** The series' occurrences as the API holds them, in date order. */
  async function occurrences(): Promise<Activity[]> {
    const response = await site.app.inject({
      method: 'GET',
      url: '/api/activities?start=2025-09-01&end=2026-02-01&limit=200',
    });
    return json<{ items: Activity[] }>(response)
      .items.filter((activity) => activity.seriesId !== null)
      .sort((a, b) => a.start.localeCompare(b.start));
  }

  const dayCell = (date: string) => page.locator(`[role="cell"][data-date="${date}"]`);
  // FullCalendar keeps hidden copies of events to measure them: the one a person sees.
  const chipIn = (date: string, title: string) =>
    dayCell(date).getByText(title, { exact: true }).filter({ visible: true }).first();

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

  it('creates a broadcast every Friday to the end of the year from the Lặp lại section', async () => {
    const cell = dayCell('2025-10-03');
    await cell.waitFor();
    const box = await cell.boundingBox();
    if (!box) throw new Error('the day has no box');
    await cell.click({ position: { x: box.width / 2, y: box.height - 8 } });
    const dialog = page.getByRole('dialog', { name: 'Tạo hoạt động' });
    await dialog.waitFor();
    await dialog.getByLabel('Tên hoạt động').fill(TITLE);
    await dialog.getByRole('combobox', { name: /^Loại hoạt động/ }).selectOption('loudspeaker_broadcast');
    await dialog.getByLabel(/^Lọc danh sách Đơn vị hành chính/).fill('A Lưới 1');
    await dialog.getByRole('checkbox', { name: /^Xã A Lưới 1(\s|$)/ }).check();

    await dialog.getByRole('combobox', { name: 'Tần suất' }).selectOption('weekly');
    // The first day's weekday and its year's end, as a person most often means.
    expect(await dialog.getByRole('checkbox', { name: 'Thứ Sáu' }).isChecked()).toBe(true);
    expect(await dialog.getByLabel('Ngày kết thúc').inputValue()).toBe('31/12/2025');
    const summary = dialog.locator('.series-fields__summary');
    expect(await summary.textContent()).toBe('Thứ Sáu hằng tuần, đến 31/12/2025 — 13 lần');
    // A count instead, then back to the date.
    await dialog.getByRole('radio', { name: 'Sau số lần' }).check();
    await dialog.getByRole('textbox', { name: 'Số lần' }).fill('4');
    expect(await summary.textContent()).toBe('Thứ Sáu hằng tuần — 4 lần');
    await dialog.getByRole('button', { name: 'Tạo 4 hoạt động' }).waitFor();
    await dialog.getByRole('radio', { name: 'Đến ngày' }).check();
    expect(await summary.textContent()).toBe('Thứ Sáu hằng tuần, đến 31/12/2025 — 13 lần');
    await dialog.locator('.series-fields').scrollIntoViewIfNeeded();
    await screenshot(page, 'series-repeat-section', { fullPage: false });

    await dialog.getByRole('button', { name: 'Tạo 13 hoạt động' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page
      .getByRole('status')
      .filter({ hasText: `Đã tạo chuỗi 13 hoạt động “${TITLE}”` })
      .waitFor();

    const created = await occurrences();
    expect(created.map((activity) => activity.start)).toEqual(FRIDAYS);
    expect(new Set(created.map((activity) => activity.seriesId)).size).toBe(1);
    for (const activity of created) {
      expect(activity).toMatchObject({
        title: TITLE,
        typeCode: 'loudspeaker_broadcast',
        leadAgencyId: commune,
        unitIds: [await unitIdByCode(site.app, 'HUE_X_A_LUOI_1')],
        seriesDetached: false,
      });
    }
    // Every Friday of October on the calendar, and nothing on the other days.
    for (const date of FRIDAYS.slice(0, 5)) await chipIn(date, TITLE).waitFor();
    expect(await page.getByText(TITLE, { exact: true }).filter({ visible: true }).count()).toBe(6);
    await screenshot(page, 'series-calendar');
  });

  it('moves one occurrence by dragging it, and the others keep their dates', async () => {
    const before = await occurrences();
    await dayCell('2025-10-24').scrollIntoViewIfNeeded();
    await drag(chipIn('2025-10-24', TITLE), dayCell('2025-10-23'));
    await page
      .getByRole('status')
      .filter({ hasText: `Đã dời “${TITLE}”` })
      .waitFor();
    await chipIn('2025-10-23', TITLE).waitFor();

    const after = await occurrences();
    const moved = after.find((activity) => activity.id === before[3]?.id);
    expect(moved).toMatchObject({ start: '2025-10-23', end: '2025-10-24', seriesDetached: true });
    expect(after.map((activity) => activity.start)).toEqual(
      FRIDAYS.map((date) => (date === '2025-10-24' ? '2025-10-23' : date)),
    );
    expect(after.filter((activity) => activity.seriesDetached)).toHaveLength(1);
  });

  it('renames this and the following occurrences, leaving the moved one as it was', async () => {
    await chipIn('2025-10-17', TITLE).click();
    const details = page.getByRole('dialog', { name: TITLE });
    await details.getByText('Lần thứ 3 của một chuỗi lặp lại').waitFor();
    await details.getByRole('button', { name: 'Sửa', exact: true }).click();
    const form = page.getByRole('dialog', { name: 'Sửa hoạt động' });
    await form.getByLabel('Tên hoạt động').fill(RENAMED);
    // "This one" until the person says otherwise.
    expect(await form.getByRole('radio', { name: 'Chỉ hoạt động này' }).isChecked()).toBe(true);
    await form.getByRole('radio', { name: 'Hoạt động này và các hoạt động sau' }).check();
    await form.locator('.series-scope').scrollIntoViewIfNeeded();
    await screenshot(page, 'series-scope-question', { fullPage: false });
    await form.getByRole('button', { name: 'Lưu', exact: true }).click();
    await form.waitFor({ state: 'hidden' });
    const notice = page
      .getByRole('status')
      .filter({ hasText: 'Đã sửa 10 hoạt động của chuỗi.' })
      .filter({ hasText: 'Giữ nguyên 1 hoạt động: 23/10/2025 (đã sửa riêng).' });
    await notice.waitFor();
    await notice.scrollIntoViewIfNeeded();
    await screenshot(page, 'series-outcome', { fullPage: false });

    const after = await occurrences();
    expect(after.map((activity) => [activity.start, activity.title])).toEqual(
      FRIDAYS.map((date) => {
        if (date === '2025-10-24') return ['2025-10-23', TITLE];
        return [date, date < '2025-10-17' ? TITLE : RENAMED];
      }),
    );
    await chipIn('2025-10-31', RENAMED).waitFor();
    await chipIn('2025-10-23', TITLE).waitFor();
    site.expectNoProblems(editor);
  });

  it('asks the same on a phone, for the repeat rule and for a delete', async () => {
    const phone = await site.signedIn(
      { username: 'bien.tap.xa', password: USER_PASSWORD },
      { ...PHONE, at: '/?view=list&date=2025-10-03' },
    );
    const { page: small } = phone;
    const open = async () => {
      await small.getByText(RENAMED, { exact: true }).filter({ visible: true }).first().click();
      return small.getByRole('dialog', { name: RENAMED });
    };
    await (await open()).getByRole('button', { name: 'Sửa', exact: true }).click();
    const form = small.getByRole('dialog', { name: 'Sửa hoạt động' });
    await form.locator('.series-scope').scrollIntoViewIfNeeded();
    await screenshot(small, 'series-scope-question-phone', { fullPage: false });
    await form.getByRole('button', { name: 'Hủy' }).click();

    await small.getByRole('button', { name: 'Tạo hoạt động' }).first().click();
    const create = small.getByRole('dialog', { name: 'Tạo hoạt động' });
    await create.getByRole('combobox', { name: 'Tần suất' }).selectOption('monthly');
    await create.getByLabel('Vào ngày (trong tháng)').fill('31');
    await create
      .locator('.series-fields__summary')
      .evaluate((summary) => summary.scrollIntoView({ block: 'center' }));
    await expect
      .poll(() => create.locator('.series-fields__summary').textContent())
      .toMatch(/^Ngày 31 hằng tháng/);
    await screenshot(small, 'series-repeat-section-phone', { fullPage: false });
    await create.getByRole('button', { name: 'Hủy' }).click();
    // Nothing was created.
    expect(await occurrences()).toHaveLength(13);

    // Deleting the 17th "and the following" leaves the earlier ones, and the moved one.
    await (await open()).getByRole('button', { name: 'Xóa', exact: true }).click();
    const question = small.getByRole('dialog', { name: `Xóa “${RENAMED}”?` });
    await question.getByRole('radio', { name: 'Hoạt động này và các hoạt động sau' }).check();
    await screenshot(small, 'series-delete-question-phone', { fullPage: false });
    await question.getByRole('button', { name: 'Xóa hoạt động' }).click();
    await small
      .getByRole('status')
      .filter({
        hasText: 'Đã xóa 10 hoạt động của chuỗi. Giữ nguyên 1 hoạt động: 23/10/2025 (đã sửa riêng).',
      })
      .waitFor();
    expect((await occurrences()).map((activity) => [activity.start, activity.title])).toEqual([
      ['2025-10-03', TITLE],
      ['2025-10-10', TITLE],
      ['2025-10-23', TITLE],
    ]);
    site.expectNoProblems(phone);
  });
});
