import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { Activity } from '../../server/contracts/activities';
import { AgencyList } from '../../server/contracts/agencies';
import { Campaign } from '../../server/contracts/campaigns';
import { ADMIN } from '../helpers/app';
import { deploymentToday, type Person, PHONE, screenshot, sidewaysOverflow } from './browser';
import { browserTestOfFile } from './fixture';

const today = deploymentToday;

describe('calendar views, filters and colours', () => {
  const site = browserTestOfFile();
  const policeTitle = 'Tuyên truyền lưu động tại chợ Đông Ba (e2e views)';
  const otherTitle = 'Sân khấu hóa phòng, chống mua bán người (e2e views)';
  const campaignName = 'Tháng hành động phòng, chống mua bán người (e2e)';

  let person: Person;
  let page: Page;
  let policeId: number;
  let otherAgencyName: string;
  let policeName: string;

  beforeAll(async () => {
    const { app } = site;

    const agencies = await app.inject({ method: 'GET', url: `/api/agencies?asOf=${today}&limit=1000` });
    expect(agencies.statusCode, agencies.body).toBe(200);
    const items = AgencyList.parse(agencies.json()).items;
    const police = items.find((agency) => agency.code === 'CA_HUE');
    const other = items.find((agency) => agency.code !== 'CA_HUE');
    if (!police || !other) throw new Error('the seed needs CA_HUE and one more agency');
    policeId = police.id;
    policeName = police.name;
    otherAgencyName = other.name;

    const campaignResponse = await app.inject({
      method: 'POST',
      url: '/api/campaigns',
      payload: { name: campaignName, startDate: today, endDate: today, color: '#aa3377' },
    });
    expect(campaignResponse.statusCode, campaignResponse.body).toBe(201);
    const campaign = Campaign.parse(campaignResponse.json());

    for (const payload of [
      {
        title: policeTitle,
        typeCode: 'rally',
        start: `${today}T09:00:00+07:00`,
        end: `${today}T10:00:00+07:00`,
        leadAgencyId: police.id,
        campaignId: campaign.id,
      },
      {
        title: otherTitle,
        typeCode: 'rally',
        start: `${today}T14:00:00+07:00`,
        end: `${today}T15:30:00+07:00`,
        leadAgencyId: other.id,
      },
    ]) {
      const created = await app.inject({ method: 'POST', url: '/api/activities', payload });
      expect(created.statusCode, created.body).toBe(201);
      Activity.parse(created.json());
    }

    person = await site.signedIn(ADMIN, { timezoneId: 'America/New_York' });
    page = person.page;
  });

  // FullCalendar keeps hidden copies of events to measure them: the one a person sees.
  const event = (title: string) => page.getByText(title, { exact: true }).filter({ visible: true }).first();

  it('opens on the month view with the seeded activities', async () => {
    const monthTab = page.getByRole('tab', { name: 'Tháng', exact: true });
    await monthTab.waitFor();
    expect(await monthTab.getAttribute('aria-selected')).toBe('true');
    for (const name of ['Tuần', 'Ngày', 'Danh sách', 'Năm']) {
      await page.getByRole('tab', { name, exact: true }).waitFor();
    }
    await event(policeTitle).waitFor({ state: 'visible' });
    await event(otherTitle).waitFor({ state: 'visible' });
    await screenshot(page, 'calendar-views-month');
  });

  it('shows the activity in the week and the day views, on its date', async () => {
    await page.getByRole('tab', { name: 'Tuần', exact: true }).click();
    await event(policeTitle).waitFor({ state: 'visible' });
    expect(new URL(page.url()).searchParams.get('view')).toBe('week');
    // The day's column holds it.
    const column = page.locator(`[data-date="${today}"]`).filter({ has: page.getByText(policeTitle) });
    expect(await column.count()).toBeGreaterThan(0);
    await screenshot(page, 'calendar-views-week');

    await page.getByRole('tab', { name: 'Ngày', exact: true }).click();
    await event(policeTitle).waitFor({ state: 'visible' });
    expect(new URL(page.url()).searchParams.get('view')).toBe('day');
    expect(await page.locator(`[data-date="${today}"]`).count()).toBeGreaterThan(0);
  });

  it('shows the activity in the agenda list and the year overview', async () => {
    await page.getByRole('tab', { name: 'Danh sách', exact: true }).click();
    await event(policeTitle).waitFor({ state: 'visible' });
    await event(otherTitle).waitFor({ state: 'visible' });
    await screenshot(page, 'calendar-views-list');

    await page.getByRole('tab', { name: 'Năm', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: today.slice(0, 4) }).waitFor();
    // A year's days are small: the day shows the activity itself or "+N hoạt động", which opens the day's list.
    const more = page.getByRole('button', { name: /^\+\d+( hoạt động)?$/ }).filter({ visible: true });
    await event(policeTitle).or(more).first().waitFor({ state: 'visible' });
    expect(new URL(page.url()).searchParams.get('view')).toBe('year');
    await screenshot(page, 'calendar-views-year');
    if ((await event(policeTitle).count()) === 0) {
      await more.first().click();
      await event(policeTitle).waitFor({ state: 'visible' });
      await screenshot(page, 'calendar-views-year-more', { fullPage: false });
      await page.keyboard.press('Escape');
    }

    await page.getByRole('tab', { name: 'Tháng', exact: true }).click();
    await event(policeTitle).waitFor({ state: 'visible' });
    expect(new URL(page.url()).searchParams.get('view')).toBeNull();
  });

  it('filters by agency through the address, and keeps the filter on reload', async () => {
    const agency = page.getByLabel('Cơ quan (chủ trì hoặc phối hợp)');
    // The choices arrive with the agencies' names.
    await agency.locator('option', { hasText: policeName }).waitFor({ state: 'attached' });
    await agency.selectOption({ label: policeName });
    await page.waitForURL((url) => url.searchParams.get('agencyId') === String(policeId));
    await page.getByText(otherTitle, { exact: true }).waitFor({ state: 'detached' });
    await event(policeTitle).waitFor({ state: 'visible' });
    await page.getByText('Bộ lọc (đang áp dụng 1)').waitFor();

    await page.reload();
    await event(policeTitle).waitFor({ state: 'visible' });
    expect(new URL(page.url()).searchParams.get('agencyId')).toBe(String(policeId));
    expect(await page.getByLabel('Cơ quan (chủ trì hoặc phối hợp)').inputValue()).toBe(String(policeId));
    expect(await page.getByText(otherTitle, { exact: true }).count()).toBe(0);

    await page.getByRole('button', { name: 'Xóa bộ lọc' }).click();
    await event(otherTitle).waitFor({ state: 'visible' });
    expect(new URL(page.url()).searchParams.get('agencyId')).toBeNull();
    // Another agency's name is offered too.
    expect(await agency.locator('option', { hasText: otherAgencyName }).count()).toBeGreaterThan(0);
  });

  it('colours by campaign, with a legend that says so', async () => {
    await page.getByRole('list', { name: 'Chú giải trạng thái' }).waitFor();
    await page.getByLabel('Tô màu theo').selectOption({ label: 'Chiến dịch' });
    const legend = page.getByRole('list', { name: 'Chú giải chiến dịch' });
    await legend.getByText(campaignName, { exact: true }).waitFor();
    await legend.getByText('Không thuộc chiến dịch', { exact: true }).waitFor();
    await page.getByRole('list', { name: 'Chú giải trạng thái' }).waitFor({ state: 'hidden' });
    expect(new URL(page.url()).searchParams.get('colorBy')).toBe('campaign');
    await event(policeTitle).waitFor({ state: 'visible' });
    await screenshot(page, 'calendar-views-colour-campaign');

    await page.getByLabel('Tô màu theo').selectOption({ label: 'Loại hoạt động' });
    await page.getByRole('list', { name: 'Chú giải loại hoạt động' }).waitFor();
    await page.getByLabel('Tô màu theo').selectOption({ label: 'Trạng thái' });
    await page.getByRole('list', { name: 'Chú giải trạng thái' }).waitFor();
  });

  it('opens a shared address on its view and date', async () => {
    await page.goto(`${site.baseUrl}/?view=week&date=${today}&agencyId=${policeId}`);
    const weekTab = page.getByRole('tab', { name: 'Tuần', exact: true });
    await weekTab.waitFor();
    expect(await weekTab.getAttribute('aria-selected')).toBe('true');
    await event(policeTitle).waitFor({ state: 'visible' });
    expect(await page.getByText(otherTitle, { exact: true }).count()).toBe(0);
  });

  it('opens on the agenda list on a phone, with the filters folded', async () => {
    const phone = await site.signedIn(ADMIN, PHONE);
    const listTab = phone.page.getByRole('tab', { name: 'Danh sách', exact: true });
    await listTab.waitFor();
    expect(await listTab.getAttribute('aria-selected')).toBe('true');
    await phone.page.getByText(policeTitle, { exact: true }).waitFor({ state: 'visible' });
    // Folded: the summary shows, the fields do not until it is opened.
    await phone.page.getByText('Bộ lọc', { exact: true }).waitFor();
    expect(await phone.page.getByLabel('Tô màu theo').isVisible()).toBe(false);
    expect(await sidewaysOverflow(phone.page)).toBeLessThanOrEqual(0);
    await screenshot(phone.page, 'calendar-views-phone');
    await phone.page.getByText('Bộ lọc', { exact: true }).click();
    await phone.page.getByLabel('Tô màu theo').waitFor({ state: 'visible' });
    await screenshot(phone.page, 'calendar-views-phone-filters');
    site.expectNoProblems(phone);
    // Closed now rather than with the browser: one page fewer for the tests that follow.
    await phone.context.close();
  });

  it('logs no console error, breaks no CSP rule, and no request fails', () => {
    site.expectNoProblems(person);
  });
});
