// Issue 11, "Done when", walked in the browser: a coordinator composes the half-year report
// from the reports dashboard, edits two sections, sets the số, the signer and the
// recipients, previews it, issues it and downloads the Word file, which is the issued file
// byte for byte and holds what was written; then the annual draft recomputes after a late
// result without losing its edited text. Desktop and phone screenshots are kept.
import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../server/contracts/report-records';
import { createUser, USER_PASSWORD } from '../helpers/accounts';
import { agencyIdByCode, unitIdByCode } from '../helpers/factories';
import { PHONE, screenshot } from './browser';
import { browserTestOfFile } from './fixture';

const HALF = { startDate: '2025-12-15', endDate: '2026-06-14' };
const YEAR = { startDate: '2025-12-15', endDate: '2026-12-14' };
const STRENGTHS = 'Các lực lượng phối hợp chặt chẽ, tuyên truyền sát đối tượng.';
const WEAKNESSES = 'Một số xã miền núi báo cáo kết quả chậm.';
const PROPOSAL = 'Đề nghị bổ sung kinh phí in tài liệu tiếng Pa Kô.';

describe('the report document, composed and issued in the browser', () => {
  const site = browserTestOfFile();
  let police: number;
  let ward: number;

  /** An activity held on `start`, its result logged and accepted. */
  async function heldAndAccepted(title: string, start: string, attendances: number) {
    const held = await site.app.inject({
      method: 'POST',
      url: '/api/activities/held',
      payload: {
        activity: { title, typeCode: 'community_outreach', start, leadAgencyId: police, unitIds: [ward] },
        result: { values: { sessions: 1, attendances }, confirm: true },
      },
    });
    expect(held.statusCode, held.body).toBe(201);
    const id = held.json<{ activity: { id: number } }>().activity.id;
    const review = await site.app.inject({
      method: 'POST',
      url: `/api/activities/${id}/result/review`,
      payload: { decision: 'accept' },
    });
    expect(review.statusCode, review.body).toBe(200);
  }

  async function reportOf(page: Page): Promise<Report> {
    const id = Number(/\/report-records\/(\d+)$/.exec(page.url())?.[1]);
    const response = await site.app.inject({ method: 'GET', url: `/api/reports/${id}` });
    return response.json<Report>();
  }

  /** Writes a section's text in its editor and saves it. */
  async function editSection(page: Page, title: string, text: string) {
    await page
      .getByRole('navigation', { name: 'Bố cục báo cáo' })
      .getByRole('button', { name: title })
      .click();
    await page.getByLabel('Nội dung mục').fill(text);
    await page.getByRole('button', { name: 'Lưu mục này' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Đã lưu.');
  }

  beforeAll(async () => {
    police = await agencyIdByCode(site.app, 'CA_HUE');
    ward = await unitIdByCode(site.app, 'HUE_P_PHU_BAI');
    await heldAndAccepted('Tuyên truyền tại chợ Phú Bài', '2026-03-10', 300);
    await heldAndAccepted('Nói chuyện tại trường THCS Phú Bài', '2026-04-22', 200);
    await createUser(site.app, { username: 'dieu.phoi', role: 'coordinator', agencyId: police });
  });

  it('composes, edits, previews, issues and downloads the half-year report', async () => {
    const coordinator = await site.signedIn(
      { username: 'dieu.phoi', password: USER_PASSWORD },
      { at: `/reports?startDate=${HALF.startDate}&endDate=${HALF.endDate}&tab=documents` },
    );
    const { page } = coordinator;
    await page.getByRole('button', { name: 'Soạn văn bản báo cáo kỳ này' }).click();
    await page.waitForURL(/\/report-records\/\d+$/);
    await expect
      .poll(() => page.getByRole('heading', { level: 2 }).textContent())
      .toBe('Sơ kết công tác truyền thông phòng, chống mua bán người 6 tháng đầu năm 2026');
    // Nothing to issue without a number and a signer: the page says what is missing.
    await expect.poll(() => page.getByRole('button', { name: 'Ban hành' }).isDisabled()).toBe(true);
    expect(await page.getByText('Cần điền trước khi ban hành: Số, Họ và tên người ký.').count()).toBe(1);

    await page.getByLabel('Số', { exact: true }).fill('27');
    await page.getByLabel('Thẩm quyền ký').fill('KT. GIÁM ĐỐC');
    await page.getByLabel('Chức vụ người ký').fill('PHÓ GIÁM ĐỐC');
    await page.getByLabel('Cấp bậc, học hàm').fill('Đại tá');
    await page.getByLabel('Họ và tên người ký').fill('Nguyễn Thị Hoa');
    await page
      .getByLabel('Nơi nhận (mỗi dòng một nơi)')
      .fill('Bộ Công an (để báo cáo)\nỦy ban nhân dân thành phố Huế (để báo cáo)\nLưu: VT, PC02');
    await page.getByRole('button', { name: 'Lưu thông tin văn bản' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Đã lưu.');
    await screenshot(page, 'report-record-details');

    await editSection(page, 'Ưu điểm', STRENGTHS);
    await editSection(page, 'Hạn chế', WEAKNESSES);
    const outline = page.getByRole('navigation', { name: 'Bố cục báo cáo' });
    expect(await outline.getByText('đã sửa').count()).toBe(2);
    await screenshot(page, 'report-record-section');

    await page.getByRole('button', { name: 'Xem trước' }).click();
    const preview = page.getByRole('article', { name: 'Xem trước' });
    await expect.poll(() => preview.textContent()).toContain('Số: 27/BC-CATP');
    const shown = (await preview.textContent()) ?? '';
    for (const text of [
      STRENGTHS,
      WEAKNESSES,
      'Đại tá Nguyễn Thị Hoa',
      '- Lưu: VT, PC02.',
      'III. ĐÁNH GIÁ',
    ]) {
      expect(shown, text).toContain(text);
    }
    await screenshot(page, 'report-record-preview');

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Ban hành' }).click();
    await expect.poll(async () => (await reportOf(page)).status).toBe('issued');
    await expect.poll(() => page.locator('[data-status]').getAttribute('data-status')).toBe('issued');
    expect(await page.getByRole('button', { name: 'Tính lại số liệu' }).count()).toBe(0);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('a[data-format="docx"]').click(),
    ]);
    const bytes = await readFile((await download.path()) ?? '');
    expect(download.suggestedFilename()).toBe('bao-cao-27-BC-CATP_2025-12-15_2026-06-14.docx');
    // A late result changes nothing of the issued file.
    await heldAndAccepted('Kết quả gửi muộn', '2026-05-30', 999);
    const later = await site.app.inject({
      method: 'GET',
      url: `/api/reports/${(await reportOf(page)).id}/document?format=docx`,
    });
    expect(Buffer.compare(bytes, later.rawPayload)).toBe(0);
    const xml = (await (await JSZip.loadAsync(bytes)).file('word/document.xml')?.async('string')) ?? '';
    const text = xml.replace(/<[^>]+>/g, '');
    for (const expected of [
      STRENGTHS,
      WEAKNESSES,
      'Số: 27/BC-CATP',
      'Nguyễn Thị Hoa',
      'thu hút 500 lượt người tham dự',
    ]) {
      expect(text, expected).toContain(expected);
    }
    site.expectNoProblems(coordinator);
  });

  it('recomputes the annual draft after a late result, keeping the edited text', async () => {
    const coordinator = await site.signedIn(
      { username: 'dieu.phoi', password: USER_PASSWORD },
      { at: `/reports?startDate=${YEAR.startDate}&endDate=${YEAR.endDate}&tab=documents` },
    );
    const { page } = coordinator;
    await page.getByRole('button', { name: 'Soạn văn bản báo cáo kỳ này' }).click();
    await page.waitForURL(/\/report-records\/\d+$/);
    await editSection(page, 'Kiến nghị, đề xuất', PROPOSAL);
    const before = await reportOf(page);

    await heldAndAccepted('Hoạt động tháng 11 báo cáo muộn', '2026-11-20', 150);
    await page.getByRole('button', { name: 'Tính lại số liệu' }).click();
    await expect.poll(async () => (await reportOf(page)).figures.done).toBe(before.figures.done + 1);
    const after = await reportOf(page);
    expect(after.sections.find((section) => section.key === 'proposals')).toMatchObject({
      text: PROPOSAL,
      edited: true,
    });
    expect(after.sections.find((section) => section.key === 'direct')?.text).toContain(
      'thu hút 1.649 lượt người',
    );
    await expect.poll(() => page.getByLabel('Nội dung mục').inputValue()).toBe(PROPOSAL);
    site.expectNoProblems(coordinator);
  });

  it('reads on a phone', async () => {
    const list = await site.app.inject({ method: 'GET', url: '/api/reports' });
    const [latest] = list.json<{ items: Report[] }>().items;
    const phone = await site.signedIn(
      { username: 'dieu.phoi', password: USER_PASSWORD },
      { ...PHONE, at: `/report-records/${latest?.id}` },
    );
    await phone.page.getByRole('navigation', { name: 'Bố cục báo cáo' }).waitFor();
    const overflow = await phone.page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(1);
    await screenshot(phone.page, 'report-record-phone');
    site.expectNoProblems(phone);
  });
});
