import type { Page, Request } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { Activity, type ActivityInput, ActivityList } from '../../server/contracts/activities';
import { AgencyList } from '../../server/contracts/agencies';
import { Result } from '../../server/contracts/results';
import { UnitList } from '../../server/contracts/units';
import { USER_PASSWORD } from '../helpers/accounts';
import { createUserThroughApi, dayFrom, dayText, deploymentToday, type Person } from './browser';
import { browserTestOfFile, idsAsParams } from './fixture';

const today = deploymentToday;

const REPORTER = { username: 'bao.cao.sua.loi', displayName: 'Lê Thị Hoa' } as const;
const EDITOR = { username: 'bien.tap.cong.an', displayName: 'Nguyễn Văn Biên' } as const;
const VIEWER = { username: 'nguoi.xem.tinh', displayName: 'Phạm Thị Xem' } as const;

describe('review fixes in the browser', () => {
  const site = browserTestOfFile();
  const draftTitle = 'Nói chuyện chuyên đề tại phường Phong Điền (e2e bản nháp cũ)';
  const returnedTitle = 'Tuyên truyền lưu động tại chợ Phong Điền (e2e trả lại)';
  const returnNote = 'Thiếu số buổi: vui lòng bổ sung (e2e).';

  let policeId: number;
  let wardId: number;
  let reporter: Person;
  let editor: Person;
  let viewer: Person;

  const createActivity = async (payload: ActivityInput) => {
    const response = await site.app.inject({ method: 'POST', url: '/api/activities', payload });
    expect(response.statusCode, response.body).toBe(201);
    return Activity.parse(response.json());
  };
  const getResultOf = async (activityId: number) => {
    const response = await site.app.inject({ method: 'GET', url: `/api/activities/${activityId}/result` });
    return response.statusCode === 200 ? Result.parse(response.json()) : null;
  };
  /** A first result saved by the administrator, as a coordinator on another computer would. */
  const saveFirstResult = async (activityId: number, values: Record<string, number>) => {
    const response = await site.app.inject({
      method: 'PUT',
      url: `/api/activities/${activityId}/result`,
      headers: { 'if-match': '"0"' },
      payload: { values },
    });
    expect(response.statusCode, response.body).toBe(200);
    return Result.parse(response.json());
  };
  const activityCount = async () => {
    const response = await site.app.inject({
      method: 'GET',
      url: `/api/activities?start=${dayFrom(-400)}`,
    });
    expect(response.statusCode, response.body).toBe(200);
    return ActivityList.parse(response.json()).total;
  };

  beforeAll(async () => {
    const { app } = site;
    const agencies = await app.inject({ method: 'GET', url: `/api/agencies?asOf=${today}&limit=1000` });
    const police = AgencyList.parse(agencies.json()).items.find((agency) => agency.code === 'CA_HUE');
    if (!police) throw new Error('the seed has no agency CA_HUE');
    policeId = police.id;
    const units = await app.inject({ method: 'GET', url: '/api/units?code=HUE_P_PHONG_DIEN' });
    const ward = UnitList.parse(units.json()).items[0];
    if (!ward) throw new Error('the seed has no unit HUE_P_PHONG_DIEN');
    wardId = ward.id;

    await createUserThroughApi(site, {
      ...REPORTER,
      password: USER_PASSWORD,
      role: 'unit_reporter',
      agencyId: policeId,
      unitIds: [wardId],
    });
    await createUserThroughApi(site, {
      ...EDITOR,
      password: USER_PASSWORD,
      role: 'agency_editor',
      agencyId: policeId,
    });
    await createUserThroughApi(site, { ...VIEWER, password: USER_PASSWORD, role: 'viewer' });

    reporter = await site.signedIn({ username: REPORTER.username, password: USER_PASSWORD });
    editor = await site.signedIn({ username: EDITOR.username, password: USER_PASSWORD });
    viewer = await site.signedIn({ username: VIEWER.username, password: USER_PASSWORD });
  });

  const figure = (page: Page, name: string) => page.getByRole('textbox', { name });
  const ATTENDANCES = 'Lượt người tham dự (lượt người)';

  it('a draft typed before someone else saved the result is offered, not restored over it', async () => {
    const talk = await createActivity({
      title: draftTitle,
      typeCode: 'thematic_talk',
      start: dayFrom(-2),
      leadAgencyId: policeId,
      unitIds: [wardId],
    });
    const { page } = reporter;
    await page.goto(`${site.baseUrl}/activities/${talk.id}/result`);
    await page.getByRole('heading', { level: 3, name: draftTitle }).waitFor();
    await page.getByText('Chưa có kết quả nào được báo cáo cho hoạt động này.').waitFor();
    await figure(page, ATTENDANCES).fill('80');
    await page.getByText('Đã lưu tạm trên máy này — chưa gửi.').waitFor();

    // Meanwhile a coordinator, elsewhere, saves the first result of the activity.
    const saved = await saveFirstResult(talk.id, { sessions: 1, attendances: 120 });

    await page.reload();
    await page.getByText('Đã gửi, chờ duyệt').waitFor();
    // The saved figures are shown, not the draft…
    expect(await figure(page, ATTENDANCES).inputValue()).toBe('120');
    expect(await figure(page, 'Số buổi, cuộc').inputValue()).toBe('1');
    expect(await page.getByText('Đã khôi phục số liệu bạn nhập trước đó.').count()).toBe(0);
    expect(await page.getByText('Đã lưu tạm trên máy này — chưa gửi.').count()).toBe(0);
    // …and the typed figures are offered.
    await page.getByText('Máy này còn số liệu bạn nhập trước khi kết quả được cập nhật.').waitFor();
    const restore = page.getByRole('button', { name: 'Khôi phục số liệu đã nhập' });
    expect(await restore.isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Bỏ số liệu đã nhập' }).isVisible()).toBe(true);

    await restore.click();
    await expect.poll(() => figure(page, ATTENDANCES).inputValue()).toBe('80');
    await page.getByText('Đã khôi phục số liệu bạn nhập trước đó.').waitFor();
    expect(await page.getByText('Đã lưu tạm trên máy này — chưa gửi.').isVisible()).toBe(true);
    expect(await restore.count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Bỏ số liệu đã nhập' }).count()).toBe(0);
    // Nothing was sent: the server still holds the coordinator's figures.
    expect((await getResultOf(talk.id))?.values).toEqual(saved.values);

    // Restored, the draft is now typed against the saved version: a reload keeps it, unasked.
    await page.reload();
    await page.getByText('Đã khôi phục số liệu bạn nhập trước đó.').waitFor();
    expect(await figure(page, ATTENDANCES).inputValue()).toBe('80');
    expect(await page.getByRole('button', { name: 'Khôi phục số liệu đã nhập' }).count()).toBe(0);
  });

  it('a timed activity whose end day is later needs its end time, and nothing is stored', async () => {
    const { page } = editor;
    const countBefore = await activityCount();
    const posts: string[] = [];
    const onRequest = (request: Request) => {
      if (request.method() === 'POST') posts.push(request.url());
    };
    page.on('request', onRequest);
    try {
      await page.goto(`${site.baseUrl}/`);
      await page.getByRole('button', { name: 'Tạo hoạt động' }).click();
      const dialog = page.getByRole('dialog', { name: 'Tạo hoạt động' });
      await dialog.waitFor();
      await dialog.getByLabel('Cả ngày (không ghi giờ)').uncheck();
      await dialog
        .getByLabel('Tên hoạt động')
        .fill('Tập huấn ba ngày cho tuyên truyền viên (e2e giờ kết thúc)');
      await dialog.getByRole('combobox', { name: /^Loại hoạt động/ }).selectOption('thematic_talk');
      await dialog.getByLabel('Ngày bắt đầu').fill(dayText(dayFrom(5)));
      await dialog.getByLabel('Giờ bắt đầu').fill('08:00');
      await dialog.getByLabel('Ngày kết thúc').fill(dayText(dayFrom(7)));
      await dialog.getByLabel('Giờ kết thúc').fill('');
      await dialog.getByRole('button', { name: 'Tạo hoạt động' }).click();

      const endTime = dialog.getByLabel('Giờ kết thúc');
      await expect.poll(() => endTime.getAttribute('aria-invalid')).toBe('true');
      const describedBy = ((await endTime.getAttribute('aria-describedby')) ?? '').split(' ');
      const said = await Promise.all(
        describedBy.filter(Boolean).map((id) => page.locator(`[id="${id}"]`).textContent()),
      );
      expect(said).toContain('Nhập giờ kết thúc cho ngày kết thúc, hoặc xóa ngày kết thúc.');
      // Only the end time is wrong: the other fields are fine.
      expect(await dialog.getByLabel('Ngày kết thúc').getAttribute('aria-invalid')).not.toBe('true');
      expect(await dialog.getByLabel('Giờ bắt đầu').getAttribute('aria-invalid')).not.toBe('true');
      expect(await dialog.isVisible()).toBe(true);

      await dialog.getByRole('button', { name: 'Hủy' }).click();
      await dialog.waitFor({ state: 'hidden' });
    } finally {
      page.off('request', onRequest);
    }
    expect(posts).toEqual([]);
    expect(await activityCount()).toBe(countBefore);
  });

  it('a viewer sees returned results and media output without links to write; an agency editor gets them', async () => {
    const outreach = await createActivity({
      title: returnedTitle,
      typeCode: 'community_outreach',
      start: dayFrom(-4),
      leadAgencyId: policeId,
      unitIds: [wardId],
    });
    const saved = await saveFirstResult(outreach.id, { attendances: 90 });
    const returned = await site.app.inject({
      method: 'POST',
      url: `/api/activities/${outreach.id}/result/review`,
      headers: { 'if-match': `"${saved.version}"` },
      payload: { decision: 'return', note: returnNote },
    });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(Result.parse(returned.json()).reviewStatus).toBe('returned');

    const returnedRow = (page: Page) =>
      page
        .getByRole('region', { name: 'Hoạt động có kết quả bị trả lại' })
        .getByRole('row')
        .filter({ hasText: returnedTitle });

    // The viewer reads the returned result and its note, with nothing to click to change it.
    const seen = viewer.page;
    await seen.goto(`${site.baseUrl}/my-work`);
    await returnedRow(seen).getByText(returnNote).waitFor();
    expect(await returnedRow(seen).getByRole('link', { name: 'Sửa và gửi lại' }).count()).toBe(0);
    expect(await seen.getByRole('link', { name: 'Báo cáo hoạt động phát sinh' }).count()).toBe(0);

    await seen.goto(`${site.baseUrl}/media`);
    await seen.getByRole('heading', { level: 2, name: 'Sản phẩm truyền thông' }).waitFor();
    // Loaded: no media item was reported in this database, which the page says.
    await seen.getByText(/^Không có sản phẩm truyền thông nào có kết quả trong kỳ/).waitFor();
    expect(await seen.getByRole('link', { name: 'Báo cáo hoạt động phát sinh' }).count()).toBe(0);
    expect(await seen.getByRole('button', { name: 'Ghi nhận sản phẩm' }).count()).toBe(0);
    expect(await seen.getByRole('heading', { name: 'Ghi nhận sản phẩm đã đăng, phát' }).count()).toBe(0);

    // The police's editor, whose agency leads the activity, is offered both.
    const mine = editor.page;
    await mine.goto(`${site.baseUrl}/my-work`);
    await returnedRow(mine).getByText(returnNote).waitFor();
    const fix = returnedRow(mine).getByRole('link', { name: 'Sửa và gửi lại' });
    expect(await fix.isVisible()).toBe(true);
    expect(await fix.getAttribute('href')).toBe(`/activities/${outreach.id}/result`);
    expect(await mine.getByRole('link', { name: 'Báo cáo hoạt động phát sinh' }).isVisible()).toBe(true);

    await mine.goto(`${site.baseUrl}/media`);
    await mine.getByText(/^Không có sản phẩm truyền thông nào có kết quả trong kỳ/).waitFor();
    expect(await mine.getByRole('link', { name: 'Báo cáo hoạt động phát sinh' }).isVisible()).toBe(true);
    expect(await mine.getByRole('button', { name: 'Ghi nhận sản phẩm' }).isVisible()).toBe(true);
  });

  it('nothing unexpected happened in any page', () => {
    // The result page asked for a result that was not there yet, before the coordinator's save.
    const noResultYet = '404 GET /api/activities/:id/result';
    expect(reporter.problems.failedRequests.map(idsAsParams)).toContain(noResultYet);
    site.expectNoProblems(reporter, { allow: [noResultYet], normalise: idsAsParams });
    // Nothing but being signed out at first.
    site.expectNoProblems([editor, viewer], { normalise: idsAsParams });
  });
});
