import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { Activity, type ActivityInput } from '../../server/contracts/activities';
import { AgencyList } from '../../server/contracts/agencies';
import { AttachmentList } from '../../server/contracts/attachments';
import { Result } from '../../server/contracts/results';
import { UnitList } from '../../server/contracts/units';
import {
  createUserThroughApi,
  dayFrom,
  dayText,
  deploymentToday,
  followMainNav,
  type Person,
  PHONE,
  screenshot,
  sidewaysOverflow,
} from './browser';
import { browserTestOfFile, idsAsParams } from './fixture';

const today = deploymentToday;

/** A day of the previous month of this year, when there is one (not in January: then today). */
const previousMonthDay = (() => {
  const month = Number(today.slice(5, 7));
  return month === 1 ? today : `${today.slice(0, 4)}-${String(month - 1).padStart(2, '0')}-15`;
})();

const REPORTER = { username: 'bao.cao.phong.dien', password: 'mật khẩu người báo cáo xã' } as const;
const COORDINATOR = { username: 'dieu.phoi.tinh', password: 'mật khẩu điều phối viên' } as const;

describe('results, media output and period locks in the browser', () => {
  const site = browserTestOfFile();
  const talkTitle = 'Nói chuyện chuyên đề tại phường Phong Điền (e2e kết quả)';
  const rallyTitle = 'Mít tinh hưởng ứng ngày 30/7 tại Phong Điền (e2e kết quả)';
  const returnNote = 'Số lượt nữ chưa khớp danh sách ký tên: vui lòng kiểm tra lại.';

  let policeId: number;
  let talk: Activity;
  let rally: Activity;
  let reporter: Person;
  let coordinator: Person;

  const getResultOf = async (activityId: number) => {
    const response = await site.app.inject({ method: 'GET', url: `/api/activities/${activityId}/result` });
    return response.statusCode === 200 ? Result.parse(response.json()) : null;
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

    // The plan: two activities held in the reporter's ward in the last days, still "planned".
    const create = async (payload: ActivityInput) => {
      const response = await app.inject({ method: 'POST', url: '/api/activities', payload });
      expect(response.statusCode, response.body).toBe(201);
      return Activity.parse(response.json());
    };
    talk = await create({
      title: talkTitle,
      typeCode: 'thematic_talk',
      start: dayFrom(-2),
      leadAgencyId: policeId,
      unitIds: [ward.id],
      venue: 'Hội trường UBND phường Phong Điền',
      expected: { attendances: 100 },
    });
    rally = await create({
      title: rallyTitle,
      typeCode: 'community_outreach',
      start: dayFrom(-3),
      leadAgencyId: policeId,
      unitIds: [ward.id],
      expected: { attendances: 100 },
    });

    await createUserThroughApi(site, {
      ...REPORTER,
      displayName: 'Hoàng Thị Mai',
      role: 'unit_reporter',
      agencyId: policeId,
      unitIds: [ward.id],
    });
    await createUserThroughApi(site, {
      ...COORDINATOR,
      displayName: 'Trần Văn Điều',
      role: 'coordinator',
      agencyId: policeId,
    });

    reporter = await site.signedIn(REPORTER, PHONE);
    coordinator = await site.signedIn(COORDINATOR);
  });

  const figure = (page: Page, name: string) => page.getByRole('textbox', { name });
  const sendButton = (page: Page) => page.getByRole('button', { name: /^Gửi (lại )?kết quả$/ });

  it('a unit reporter logs a result with a photo on a phone, and a reload keeps what was typed', async () => {
    const { page } = reporter;
    await followMainNav(page, 'Việc của tôi');
    const overdue = page.getByRole('region', { name: 'Hoạt động quá hạn' });
    const row = overdue.getByRole('row').filter({ hasText: talkTitle });
    await row.getByRole('link', { name: 'Báo cáo kết quả' }).click();
    await page.getByRole('heading', { level: 2, name: 'Báo cáo kết quả' }).waitFor();
    await page.getByRole('heading', { level: 3, name: talkTitle }).waitFor();
    expect(await page.getByText('Hội trường UBND phường Phong Điền').isVisible()).toBe(true);

    // Phone-first fields: a number pad, and big enough for a thumb.
    const attendances = figure(page, 'Lượt người tham dự (lượt người)');
    expect(await attendances.getAttribute('inputmode')).toBe('numeric');
    expect(await attendances.getAttribute('pattern')).toBe('[0-9]*');
    expect((await attendances.boundingBox())?.height).toBeGreaterThanOrEqual(44);
    expect(await page.getByText('Dự kiến: 100').isVisible()).toBe(true);

    await figure(page, 'Số buổi, cuộc').fill('1');
    await attendances.fill('80');
    await figure(page, 'Trong đó: lượt nữ').fill('45');
    await page.getByRole('textbox', { name: 'Ghi chú' }).fill('Đoàn viên thanh niên phường tham dự đông đủ.');
    await page.getByText('Đã lưu tạm trên máy này — chưa gửi.').waitFor();

    // The connection drops, the page reloads: nothing typed is lost.
    await page.reload();
    await page.getByText('Đã khôi phục số liệu bạn nhập trước đó.').waitFor();
    expect(await page.getByText('Đã lưu tạm trên máy này — chưa gửi.').isVisible()).toBe(true);
    expect(await figure(page, 'Số buổi, cuộc').inputValue()).toBe('1');
    expect(await figure(page, 'Lượt người tham dự (lượt người)').inputValue()).toBe('80');
    expect(await figure(page, 'Trong đó: lượt nữ').inputValue()).toBe('45');
    expect(await page.getByRole('textbox', { name: 'Ghi chú' }).inputValue()).toBe(
      'Đoàn viên thanh niên phường tham dự đông đủ.',
    );

    // A photo from the phone: both the camera and the file picker are offered.
    const camera = page.getByLabel('Chụp ảnh');
    expect(await camera.getAttribute('capture')).toBe('environment');
    const chooser = page.getByLabel('Chọn tệp');
    expect(await chooser.getAttribute('accept')).toBe('image/*,application/pdf,.docx,.xlsx');
    const photo = await sharp({
      create: { width: 64, height: 48, channels: 3, background: { r: 180, g: 40, b: 40 } },
    })
      .jpeg()
      .toBuffer();
    await chooser.setInputFiles({ name: 'buoi-noi-chuyen.jpg', mimeType: 'image/jpeg', buffer: photo });
    const pending = page.getByRole('list', { name: 'Tệp đã chọn, chưa gửi' });
    await pending.getByText('buoi-noi-chuyen.jpg').waitFor();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'results-form-phone');

    // No connection in the commune hall: nothing is sent, nothing is lost.
    await reporter.context.setOffline(true);
    await sendButton(page).click();
    const offline = page.getByRole('alert').filter({ hasText: 'Chưa gửi được: mất kết nối' });
    await offline.waitFor();
    expect(await offline.textContent()).toContain('Số liệu vẫn được giữ trên máy này');
    expect(await getResultOf(talk.id)).toBeNull();
    expect(await figure(page, 'Lượt người tham dự (lượt người)').inputValue()).toBe('80');
    await reporter.context.setOffline(false);

    await sendButton(page).click();
    await page.getByText('Đã gửi 1 tệp.').waitFor();
    await page.getByText('Đã gửi kết quả. Cơ quan điều phối sẽ xem và duyệt.').waitFor();
    const kept = page.getByRole('list', { name: 'Ảnh, tài liệu đã lưu' });
    await kept.getByRole('link', { name: 'buoi-noi-chuyen.jpg' }).waitFor();
    expect(await page.getByText('Đã gửi, chờ duyệt').isVisible()).toBe(true);
    expect(await page.getByText('Đã lưu tạm trên máy này — chưa gửi.').count()).toBe(0);
    // Held: the activity is done now, no longer overdue.
    expect(await page.locator('.result-activity .status-chip').allTextContents()).toEqual(['Đã thực hiện']);

    const result = await getResultOf(talk.id);
    expect(result?.values).toEqual({ sessions: 1, attendances: 80, attendances_female: 45 });
    expect(result?.notes).toBe('Đoàn viên thanh niên phường tham dự đông đủ.');
    expect(result?.reviewStatus).toBe('submitted');
    const attachments = await site.app.inject({
      method: 'GET',
      url: `/api/activities/${talk.id}/attachments`,
    });
    const files = AttachmentList.parse(attachments.json()).items;
    expect(files.map((file) => [file.fileName, file.kind])).toEqual([['buoi-noi-chuyen.jpg', 'photo']]);

    // Sent: the draft is gone from the device.
    await page.reload();
    await figure(page, 'Lượt người tham dự (lượt người)').waitFor();
    expect(await figure(page, 'Lượt người tham dự (lượt người)').inputValue()).toBe('80');
    expect(await page.getByText('Đã khôi phục số liệu bạn nhập trước đó.').count()).toBe(0);
  });

  it('a unit reporter logs an unplanned event in one step, then lands on its result page', async () => {
    const { page } = reporter;
    const title = 'Tuyên truyền lồng ghép tại chợ Phong Điền (e2e phát sinh)';
    await followMainNav(page, 'Việc của tôi');
    await page.getByRole('link', { name: 'Báo cáo hoạt động phát sinh' }).click();
    await page.getByRole('heading', { level: 2, name: 'Báo cáo hoạt động phát sinh' }).waitFor();

    // Led by the reporter's agency, in the reporter's ward, held today: all filled in already.
    const lead = page.getByRole('combobox', { name: 'Cơ quan chủ trì' });
    expect(await lead.isDisabled()).toBe(true);
    expect(await lead.locator('option:checked').textContent()).toBe('Công an thành phố Huế');
    expect(await page.getByRole('textbox', { name: 'Ngày tổ chức' }).inputValue()).toBe(dayText(today));
    await page.getByRole('list', { name: 'Đã chọn' }).getByText('Phường Phong Điền').waitFor();

    await page.getByRole('combobox', { name: 'Loại hoạt động' }).selectOption('integrated_session');
    await page.getByRole('textbox', { name: 'Tên hoạt động' }).fill(title);
    await page.getByRole('textbox', { name: 'Địa điểm' }).fill('Chợ Phong Điền');
    await figure(page, 'Lượt người tham dự (lượt người)').fill('60');
    await figure(page, 'Trong đó: lượt nữ').fill('35');
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'results-held-phone');
    await page.getByRole('button', { name: 'Lưu hoạt động và số liệu' }).click();

    await page.getByText('Đã ghi nhận hoạt động phát sinh và số liệu.').waitFor();
    await page.getByRole('heading', { level: 3, name: title }).waitFor();
    expect(page.url()).toMatch(/\/activities\/\d+\/result$/);
    const activityId = Number(/activities\/(\d+)\/result/.exec(page.url())?.[1]);
    const activity = Activity.parse(
      (await site.app.inject({ method: 'GET', url: `/api/activities/${activityId}` })).json(),
    );
    expect(activity.title).toBe(title);
    expect(activity.status).toBe('done');
    expect(activity.leadAgencyId).toBe(policeId);
    expect((await getResultOf(activityId))?.values).toEqual({ attendances: 60, attendances_female: 35 });
  });

  it('a breakdown above its parent is refused at its field, and nothing is stored', async () => {
    const { page } = reporter;
    await page.goto(`${site.baseUrl}/activities/${rally.id}/result`);
    await page.getByRole('heading', { level: 3, name: rallyTitle }).waitFor();
    expect(await page.getByText('Chưa có kết quả nào được báo cáo cho hoạt động này.').isVisible()).toBe(
      true,
    );
    await figure(page, 'Lượt người tham dự (lượt người)').fill('50');
    await figure(page, 'Trong đó: lượt nữ').fill('70');
    await sendButton(page).click();

    const female = figure(page, 'Trong đó: lượt nữ');
    await expect.poll(() => female.getAttribute('aria-invalid')).toBe('true');
    const message = page.locator('[data-indicator="attendances_female"] .field__error');
    expect(await message.textContent()).toContain('không thể lớn hơn');
    expect(await message.textContent()).toContain('70');
    expect(await getResultOf(rally.id)).toBeNull();
    // The figures stay on the device, to be corrected.
    expect(await page.getByText('Đã lưu tạm trên máy này — chưa gửi.').isVisible()).toBe(true);
  });

  it('the English interface shows the same refused figure in English', async () => {
    const { page } = reporter;
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: /^Send the result( again)?$/ }).click();
    const message = page.locator('[data-indicator="attendances_female"] .field__error');
    // Worded from the refusal's key and figures, not the server's Vietnamese message.
    await expect.poll(() => message.textContent()).toContain('cannot be more than');
    expect(await message.textContent()).toContain('70');
    expect(await message.textContent()).not.toContain('không thể');
    expect(await getResultOf(rally.id)).toBeNull();
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await sendButton(page).waitFor();
  });

  it('an unusual figure asks for a confirmation, and is saved once confirmed', async () => {
    const { page } = reporter;
    await figure(page, 'Trong đó: lượt nữ').fill('');
    await figure(page, 'Lượt người tham dự (lượt người)').fill('1000');
    await sendButton(page).click();

    const confirm = page.getByRole('button', { name: 'Tôi xác nhận số liệu đúng' });
    await confirm.waitFor();
    const warning = page.locator('[data-indicator="attendances"] .result-figure__warning');
    expect(await warning.textContent()).toContain('cao hơn nhiều so với kế hoạch');
    expect(await getResultOf(rally.id)).toBeNull();

    await confirm.click();
    await page.getByText('Đã gửi kết quả. Cơ quan điều phối sẽ xem và duyệt.').waitFor();
    expect((await getResultOf(rally.id))?.values).toEqual({ attendances: 1000 });
  });

  it('a coordinator returns a result with a note; the reporter fixes it from My work; the coordinator accepts', async () => {
    const { page } = coordinator;
    await followMainNav(page, 'Việc của tôi');
    const awaiting = page.getByRole('region', { name: 'Hoạt động có kết quả chờ duyệt' });
    await awaiting
      .getByRole('row')
      .filter({ hasText: talkTitle })
      .getByRole('link', { name: 'Xem và duyệt' })
      .click();
    await page.getByRole('heading', { level: 3, name: talkTitle }).waitFor();
    await page.getByRole('button', { name: 'Trả lại' }).click();
    // A return without a reason is not sent.
    await page.getByRole('button', { name: 'Gửi trả lại' }).click();
    await page.getByText('Cần ghi lý do trả lại để người báo cáo biết cần sửa gì.').waitFor();
    await page.getByRole('textbox', { name: 'Lý do trả lại' }).fill(returnNote);
    await page.getByRole('button', { name: 'Gửi trả lại' }).click();
    await page.getByText('Đã trả lại kết quả kèm ghi chú cho người báo cáo.').waitFor();
    expect((await getResultOf(talk.id))?.reviewStatus).toBe('returned');

    // The reporter sees the note in "My work" and goes to fix it.
    const mine = reporter.page;
    await followMainNav(mine, 'Việc của tôi');
    const returned = mine.getByRole('region', { name: 'Hoạt động có kết quả bị trả lại' });
    const row = returned.getByRole('row').filter({ hasText: talkTitle });
    await row.getByText(returnNote).waitFor();
    expect(await sidewaysOverflow(mine)).toBeLessThanOrEqual(0);
    await row.getByRole('link', { name: 'Sửa và gửi lại' }).click();
    await mine.getByText('Kết quả bị trả lại để sửa. Lý do:').waitFor();
    expect(await mine.getByText(returnNote).isVisible()).toBe(true);
    await figure(mine, 'Trong đó: lượt nữ').fill('40');
    await sendButton(mine).click();
    await mine.getByText('Đã gửi kết quả. Cơ quan điều phối sẽ xem và duyệt.').waitFor();
    const resent = await getResultOf(talk.id);
    expect(resent?.reviewStatus).toBe('submitted');
    expect(resent?.values.attendances_female).toBe(40);

    // The coordinator, on the same page, sees the corrected figures and accepts.
    await page.reload();
    await page.getByText('Đã gửi, chờ duyệt').waitFor();
    expect(await figure(page, 'Trong đó: lượt nữ').inputValue()).toBe('40');
    await page.getByRole('button', { name: 'Chấp nhận' }).click();
    await page.getByText('Đã chấp nhận kết quả.').waitFor();
    expect(await page.locator('[data-review-status="accepted"]').isVisible()).toBe(true);
    expect((await getResultOf(talk.id))?.reviewStatus).toBe('accepted');
  });

  it('the media page shows media items by channel and month, and its quick form adds one', async () => {
    const held = async (activity: Omit<ActivityInput, 'leadAgencyId'>, values: Record<string, number>) => {
      const response = await site.app.inject({
        method: 'POST',
        url: '/api/activities/held',
        payload: { activity: { ...activity, leadAgencyId: policeId }, result: { values } },
      });
      expect(response.statusCode, response.body).toBe(201);
    };
    await held(
      {
        title: 'Cảnh giác thủ đoạn “việc nhẹ lương cao” (e2e báo điện tử)',
        typeCode: 'news_article',
        start: today,
        channelCodes: ['newspaper', 'web_portal'],
      },
      { news_items: 1, views: 1200, reach: 900 },
    );
    await held(
      {
        title: 'Phóng sự ảnh phòng, chống mua bán người (e2e báo in)',
        typeCode: 'news_article',
        start: previousMonthDay,
        channelCodes: ['newspaper'],
      },
      { news_items: 2, views: 300, reach: 1500 },
    );
    await held(
      {
        title: 'Tin nhắn cảnh báo mua bán người (e2e SMS)',
        typeCode: 'sms_campaign',
        start: today,
        channelCodes: ['sms'],
      },
      { sms_sent: 50000 },
    );

    const { page } = coordinator;
    await followMainNav(page, 'Truyền thông');
    await page.getByRole('heading', { level: 2, name: 'Sản phẩm truyền thông' }).waitFor();
    expect(await page.getByRole('button', { name: 'Năm nay' }).getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByRole('textbox', { name: 'Từ ngày' }).inputValue()).toBe(
      dayText(`${today.slice(0, 4)}-01-01`),
    );

    const items = page.getByRole('region', { name: 'Bảng số sản phẩm theo kênh và tháng' });
    await items.waitFor();
    const month = today.slice(0, 7);
    const newspaper = items.locator('tr[data-channel="newspaper"]');
    expect(await newspaper.locator(`td[data-month="${month}"]`).textContent()).toBe('1');
    if (previousMonthDay.slice(0, 7) !== month) {
      expect(await newspaper.locator(`td[data-month="${previousMonthDay.slice(0, 7)}"]`).textContent()).toBe(
        '1',
      );
    }
    expect(await items.locator('tr[data-channel="web_portal"] td').last().textContent()).toBe('1');
    expect(await page.getByText('Tổng cộng: 3 sản phẩm.').isVisible()).toBe(true);
    expect(
      await page.getByText(/được tính ở dòng của từng kênh, nhưng chỉ tính một lần/).count(),
    ).toBeGreaterThan(0);

    // Figures by channel: views summed, reach the largest single one; never one unit added to another.
    const figures = page.getByRole('region', { name: 'Bảng số liệu theo kênh' });
    const cell = (channel: string, indicator: string) =>
      figures.locator(`tr[data-channel="${channel}"] td[data-indicator="${indicator}"]`);
    expect(await cell('newspaper', 'views').textContent()).toBe('1.500');
    expect(await cell('newspaper', 'reach').textContent()).toBe('1.500');
    expect(await cell('sms', 'sms_sent').textContent()).toBe('50.000');
    expect(await cell('total', 'views').textContent()).toBe('1.500');
    expect(await cell('total', 'reach').textContent()).toBe('1.500');
    expect(await figures.getByRole('columnheader', { name: /Số người tiếp cận/ }).textContent()).toContain(
      'lớn nhất của một sản phẩm',
    );

    // The quick form: a post published today, recorded in one step; the table reloads.
    await page.getByRole('button', { name: 'Ghi nhận sản phẩm' }).click();
    const quick = page.getByRole('region', { name: 'Ghi nhận sản phẩm đã đăng, phát' });
    await quick.getByRole('combobox', { name: 'Loại hoạt động' }).selectOption('social_post');
    await quick
      .getByRole('textbox', { name: 'Tên tin, bài, chương trình' })
      .fill('Bài đăng Zalo OA (e2e nhanh)');
    await quick.getByRole('checkbox', { name: 'Mạng xã hội (Facebook, Zalo OA, TikTok)' }).check();
    await quick.getByRole('textbox', { name: 'Bài đăng trên cổng thông tin, mạng xã hội' }).fill('1');
    await quick.getByRole('textbox', { name: 'Lượt xem (lượt xem)' }).fill('700');
    await quick.getByRole('textbox', { name: 'Liên kết 1' }).fill('https://zalo.me/e2e-bai-dang');
    await quick.getByRole('button', { name: 'Ghi nhận sản phẩm' }).click();
    await page.getByText('Đã ghi nhận “Bài đăng Zalo OA (e2e nhanh)”.').waitFor();
    await page.getByText('Tổng cộng: 4 sản phẩm.').waitFor();
    expect(await cell('social_media', 'views').textContent()).toBe('700');
    expect(await cell('total', 'views').textContent()).toBe('2.200');
    await screenshot(page, 'results-media-page');

    // On a phone, nothing runs off the side.
    await reporter.page.goto(`${site.baseUrl}/media`);
    await reporter.page.getByRole('region', { name: 'Bảng số liệu theo kênh' }).waitFor();
    expect(await sidewaysOverflow(reporter.page)).toBeLessThanOrEqual(0);
  });

  it('a coordinator locks the period, and the reporter’s next save says it is locked', async () => {
    const { page } = coordinator;
    await followMainNav(page, 'Quản trị');
    await page
      .getByRole('navigation', { name: 'Quản trị' })
      .getByRole('link', { name: 'Khóa kỳ báo cáo' })
      .click();
    await page.getByRole('heading', { level: 2, name: 'Khóa kỳ báo cáo' }).waitFor();
    await page.getByText('Không có kỳ nào đang khóa.').waitFor();

    await page.getByRole('button', { name: 'Khóa kỳ báo cáo' }).click();
    const form = page.getByRole('dialog', { name: 'Khóa kỳ báo cáo' });
    await form.getByRole('textbox', { name: 'Từ ngày' }).fill(dayText(dayFrom(-10)));
    await form.getByRole('textbox', { name: 'Đến ngày' }).fill(dayText(dayFrom(-1)));
    await form.getByRole('textbox', { name: 'Ghi chú' }).fill('Số liệu tuần đã duyệt (e2e)');
    await form.getByRole('button', { name: 'Tiếp tục' }).click();
    const period = `${dayText(dayFrom(-10))} – ${dayText(dayFrom(-1))}`;
    const confirm = page.getByRole('dialog', { name: `Khóa kỳ ${period}?` });
    await confirm.getByRole('button', { name: 'Khóa kỳ' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Đã khóa kỳ ${period}.` })
      .waitFor();
    const locks = page.getByRole('region', { name: 'Danh sách khóa kỳ' });
    await locks.getByRole('row').filter({ hasText: period }).getByText('Đang khóa').waitFor();
    await screenshot(page, 'results-locks-page');

    // The reporter corrects a figure of an activity held in the locked period.
    const mine = reporter.page;
    await mine.goto(`${site.baseUrl}/activities/${rally.id}/result`);
    await figure(mine, 'Lượt người tham dự (lượt người)').fill('250');
    await sendButton(mine).click();
    const refusal = mine.getByRole('alert').filter({ hasText: 'Kỳ báo cáo đã khóa' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('đã khóa');
    expect(await refusal.textContent()).toContain('Số liệu bạn nhập vẫn được giữ tạm trên máy này.');
    expect((await getResultOf(rally.id))?.values).toEqual({ attendances: 1000 });

    // Unlocked, with a second question; the history keeps who lifted it.
    await locks.getByRole('button', { name: `Mở khóa kỳ ${period}` }).click();
    await page
      .getByRole('dialog', { name: `Mở khóa kỳ ${period}?` })
      .getByRole('button', { name: 'Mở khóa' })
      .click();
    await page.getByText('Không có kỳ nào đang khóa.').waitFor();
    await page.getByRole('checkbox', { name: 'Hiện cả các kỳ đã mở khóa (lịch sử)' }).check();
    await locks
      .getByRole('row')
      .filter({ hasText: period })
      .getByText(/Mở bởi Trần Văn Điều/)
      .waitFor();

    // And the figures kept on the phone go through now.
    await sendButton(mine).click();
    await mine.getByText('Đã gửi kết quả. Cơ quan điều phối sẽ xem và duyệt.').waitFor();
    expect((await getResultOf(rally.id))?.values).toEqual({ attendances: 250 });
  });

  it('nothing unexpected happened in any page', () => {
    const provoked = {
      allow: [
        '404 GET /api/activities/:id/result',
        '400 PUT /api/activities/:id/result',
        '422 PUT /api/activities/:id/result',
        '409 PUT /api/activities/:id/result',
      ],
      normalise: idsAsParams,
    };
    // The browser logs the request that failed while the phone was offline: provoked above.
    const offline = /ERR_INTERNET_DISCONNECTED/;
    expect(reporter.problems.consoleErrors.some((text) => offline.test(text))).toBe(true);
    site.expectNoProblems(reporter, { ...provoked, allowConsoleErrors: [offline] });
    site.expectNoProblems(coordinator, provoked);
  });
});
