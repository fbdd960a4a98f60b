// The product as a ministry would see it: the demo data (a year of activities, this year's
// plan and the 30/7 peak campaign) in Chromium, with screenshots of each view for a person
// to look at (test-results/, git-ignored), and an accessibility check by axe-core of the
// calendar, the activity form and the plan page: no serious or critical violation.
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../server/contracts/plans';
import type { Summary } from '../../server/contracts/reports';
import { seedWithDemo } from '../../server/demo';
import { unitWord } from '../../server/domain/indicators';
import { appendixFamilies } from '../../server/services/report-docx';
import { USER_PASSWORD } from '../helpers/accounts';
import { ADMIN, TEST_TIME_ZONE } from '../helpers/app';
import { json, type Page as ListPage } from '../helpers/factories';
import {
  createUserThroughApi,
  deploymentToday,
  type Person,
  PHONE,
  screenshot,
  sidewaysOverflow,
} from './browser';
import { browserTestOfFile } from './fixture';

/** Violations that stop or seriously hinder someone using a screen reader, a keyboard or low vision. */
async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
          .slice(0, 3)
          .map((node) => node.target.join(' '))
          .join(', ')}`,
    );
}

/** The official half-year that has ended last (15/12–14/6), in the deployment's zone. */
function halfYear(): { startDate: string; endDate: string } {
  const today = deploymentToday;
  const year = Number(today.slice(0, 4)) - (today.slice(5) < '06-15' ? 1 : 0);
  return { startDate: `${year - 1}-12-15`, endDate: `${year}-06-14` };
}

/** Clicks a download link of the page and returns the file it saved. */
async function downloadFrom(page: Page, name: RegExp): Promise<Buffer> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name }).click(),
  ]);
  const path = await download.path();
  return readFileSync(path);
}

describe('a tour of the demo data', () => {
  const site = browserTestOfFile();
  let desk: Person;
  let plan: Plan;

  beforeAll(async () => {
    seedWithDemo(site.db, { timeZone: TEST_TIME_ZONE, demo: true });
    const year = deploymentToday.slice(0, 4);
    const plans = json<ListPage<Plan>>(
      await site.app.inject({ method: 'GET', url: `/api/plans?year=${year}` }),
    );
    const found = plans.items[0];
    if (!found) throw new Error(`the demo has no plan for ${year}`);
    plan = found;

    desk = await site.signedIn(ADMIN, { timezoneId: 'Asia/Ho_Chi_Minh' });
  });

  const openView = async (page: Page, tab: string) => {
    await page.getByRole('tab', { name: tab, exact: true }).click();
    // Events drawn: the loading indicator has gone and the view holds at least one activity.
    await page
      .getByRole('status')
      .filter({ hasText: /Đang tải/ })
      .waitFor({ state: 'hidden' });
  };

  it('shows the month, week, agenda and year views of the demo', async () => {
    const { page } = desk;
    await page.getByRole('tab', { name: 'Tháng', exact: true }).waitFor();
    await openView(page, 'Tháng');
    await screenshot(page, 'tour-month');
    await openView(page, 'Tuần');
    await screenshot(page, 'tour-week');
    await openView(page, 'Danh sách');
    await screenshot(page, 'tour-agenda');
    await openView(page, 'Năm');
    await screenshot(page, 'tour-year');
    await openView(page, 'Tháng');
  });

  it('finds no serious accessibility violation on the calendar', async () => {
    expect(await seriousViolations(desk.page)).toEqual([]);
  });

  it('finds no serious accessibility violation in the activity form', async () => {
    const { page } = desk;
    await page
      .getByRole('button', { name: /Tạo hoạt động/ })
      .first()
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await screenshot(page, 'tour-activity-form', { fullPage: false });
    expect(await seriousViolations(page, 'dialog')).toEqual([]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });

  it('finds no serious accessibility violation on the plan page', async () => {
    const { page } = desk;
    await page.goto(`${site.baseUrl}/plans/${plan.id}`);
    await page.getByRole('heading', { level: 2, name: plan.title }).waitFor();
    await screenshot(page, 'tour-plan');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('lets a coordinator produce the half-year report as Word and Excel, every figure equal to the summary', async () => {
    await createUserThroughApi(site, {
      username: 'dieu.phoi.bao.cao',
      displayName: 'Điều phối viên báo cáo',
      role: 'coordinator',
      password: USER_PASSWORD,
    });
    const { page } = await site.signedIn(
      { username: 'dieu.phoi.bao.cao', password: USER_PASSWORD },
      { timezoneId: 'Asia/Ho_Chi_Minh' },
    );
    const half = halfYear();
    await page.goto(`${site.baseUrl}/reports?startDate=${half.startDate}&endDate=${half.endDate}`);
    await page.getByRole('heading', { level: 2 }).first().waitFor();
    await page.waitForLoadState('networkidle');
    await screenshot(page, 'tour-reports');

    const summary = json<Summary>(
      await site.app.inject({
        method: 'GET',
        url: `/api/reports/summary?startDate=${half.startDate}&endDate=${half.endDate}`,
      }),
    );
    expect(summary.totals.done).toBeGreaterThan(10);
    const vn = new Intl.NumberFormat('vi-VN');

    // The documents have their own tab on the reports page.
    await page
      .getByRole('tablist', { name: 'Các phần của báo cáo' })
      .getByRole('tab', { name: 'Báo cáo', exact: true })
      .click();
    const word = await downloadFrom(page, /Word/);
    const xml = (await (await JSZip.loadAsync(word)).file('word/document.xml')?.async('string')) ?? '';
    const text = xml.replace(/<[^>]+>/g, '');
    // The appendix has one table per family of figures, each closed by the totals of its
    // indicators that hold a figure: together they give every figure of the summary.
    const totalRows = [...text.matchAll(/Tổng cộng \(mỗi hoạt động tính một lần\)([\d.]*)/g)].map(
      (match) => match[1] ?? '',
    );
    expect(totalRows.length).toBeGreaterThan(0);
    for (const family of appendixFamilies) {
      const figures = family.codes.flatMap((code) => {
        const value = summary.totals.values[code];
        return value === undefined ? [] : [vn.format(value)];
      });
      if (figures.length === 0) continue;
      const line = [summary.totals.activities, summary.totals.done].map((value) => vn.format(value));
      expect(totalRows, family.title).toContain([...line, ...figures].join(''));
    }
    // The prose counts what was held (activities with a result), never what is only planned.
    expect(text).toContain(`đã tổ chức ${vn.format(summary.totals.done)} hoạt động`);

    const excel = await downloadFrom(page, /Excel/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(excel as unknown as ArrayBuffer);
    const overview = workbook.getWorksheet('Tổng hợp');
    if (!overview) throw new Error('the workbook has no overview sheet');
    // Under the header lines and the frozen table header: one line per figure, its unit beside it.
    const view = overview.views[0];
    const header = view?.state === 'frozen' ? (view.ySplit ?? 0) : 0;
    const lines = Array.from({ length: 2 + summary.indicators.length }, (_, index) =>
      (overview.getRow(header + 1 + index).values as unknown[]).slice(1),
    );
    expect(lines).toEqual([
      ['Số hoạt động', 'hoạt động', summary.totals.activities],
      ['Đã thực hiện (có kết quả)', 'hoạt động', summary.totals.done],
      ...summary.indicators.map((indicator) => [
        indicator.name,
        unitWord(indicator),
        summary.totals.values[indicator.code],
      ]),
    ]);
  });

  it('fits a phone: the agenda by default, nothing wider than the screen', async () => {
    const { page } = await site.signedIn(ADMIN, { ...PHONE, timezoneId: 'Asia/Ho_Chi_Minh' });
    const list = page.getByRole('tab', { name: 'Danh sách', exact: true });
    await list.waitFor();
    expect(await list.getAttribute('aria-selected')).toBe('true');
    await page
      .getByRole('status')
      .filter({ hasText: /Đang tải/ })
      .waitFor({ state: 'hidden' });
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'tour-phone-agenda', { fullPage: false });
    for (const path of ['/my-work', `/plans/${plan.id}`, '/campaigns']) {
      await page.goto(`${site.baseUrl}${path}`);
      await page.getByRole('heading', { level: 2 }).first().waitFor();
      await page.waitForLoadState('networkidle');
      expect(await sidewaysOverflow(page), path).toBeLessThanOrEqual(0);
    }
    await screenshot(page, 'tour-phone-campaigns', { fullPage: false });
  });

  it('met no console error, CSP violation or failed request on the way', () => {
    site.expectNoProblems(site.people);
  });
});
