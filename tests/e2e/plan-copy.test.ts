// Issue 13 point 7, in the browser: a coordinator copies the 2024 plan to 2027, confirms each
// merged agency's successor on the way, decides who takes over the split Department of
// Labour's task, and lands on the new plan.
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../server/contracts/plans';
import type { Task } from '../../server/contracts/tasks';
import { createUser, USER_PASSWORD } from '../helpers/accounts';
import { agencyIdByCode, getJson, json, seededPlan, taskByCode } from '../helpers/factories';
import { PHONE, screenshot } from './browser';
import { browserTestOfFile } from './fixture';

const NEW_TITLE = 'Kế hoạch truyền thông, phòng ngừa tội phạm mua bán người năm 2027';

describe('copying a plan to a new year', () => {
  const site = browserTestOfFile();

  it('previews, asks for each replacement, and creates the 2027 plan', async () => {
    await createUser(site.app, { username: 'dieu.phoi.sao.chep', role: 'coordinator' });
    const plan = await seededPlan(site.app);
    const labour = await agencyIdByCode(site.app, 'SLDTBXH');
    const added = await site.app.inject({
      method: 'POST',
      url: `/api/plans/${plan.id}/tasks`,
      payload: { code: '9.1', title: 'Hỗ trợ nạn nhân trở về', leadAgencyIds: [labour] },
    });
    expect(added.statusCode).toBe(201);

    const coordinator = await site.signedIn(
      { username: 'dieu.phoi.sao.chep', password: USER_PASSWORD },
      { viewport: { width: 1366, height: 900 }, at: `/plans/${plan.id}` },
    );
    const { page } = coordinator;
    await page.getByRole('button', { name: 'Sao chép sang năm mới' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sao chép kế hoạch sang năm mới' });
    await dialog.getByLabel('Sang năm').fill('2027');
    await dialog.getByRole('button', { name: 'Xem trước' }).click();
    await dialog.getByText(NEW_TITLE).waitFor();

    const replaced = dialog.getByRole('group', { name: /^Cơ quan được thay/ }).getByRole('checkbox');
    expect(await replaced.count()).toBe(10);
    await expect
      .poll(() =>
        dialog.getByRole('checkbox', { name: 'Công an tỉnh Thừa Thiên Huế → Công an thành phố Huế' }).count(),
      )
      .toBe(1);
    const create = dialog.getByRole('button', { name: 'Tạo kế hoạch năm 2027' });
    expect(await create.isDisabled()).toBe(true);
    expect(await dialog.getByRole('status').textContent()).toBe('Còn 11 mục chưa xác nhận hoặc chưa chọn.');
    await screenshot(page, 'plan-copy-preview', { fullPage: false });

    for (const box of await replaced.all()) await box.check();
    await dialog
      .getByLabel('Thay “Sở Lao động - Thương binh và Xã hội” bằng')
      .selectOption({ label: 'Sở Nội vụ' });
    expect(await create.isDisabled()).toBe(false);
    await create.scrollIntoViewIfNeeded();
    await screenshot(page, 'plan-copy-decided', { fullPage: false });
    await create.click();

    await page.getByRole('heading', { name: NEW_TITLE }).waitFor();
    const plans = await getJson<{ items: Plan[] }>(site.app, '/api/plans?year=2027');
    expect(plans.items.map((entry) => entry.title)).toEqual([NEW_TITLE]);
    const copied = plans.items[0] as Plan;
    expect(page.url()).toMatch(new RegExp(`/plans/${copied.id}$`));
    expect(copied.taskCount).toBe(plan.taskCount + 1);
    expect((await taskByCode(site.app, copied.id, '9.1')).leadAgencyIds).toEqual([
      await agencyIdByCode(site.app, 'SNV'),
    ]);
    const police = await taskByCode(site.app, copied.id, '1.2');
    expect(police.leadAgencyIds).toContain(await agencyIdByCode(site.app, 'CA_HUE'));
    site.expectNoProblems(coordinator);
  });

  it('fits a phone', async () => {
    const plan = await seededPlan(site.app);
    const phone = await site.signedIn(
      { username: 'dieu.phoi.sao.chep', password: USER_PASSWORD },
      { ...PHONE, at: `/plans/${plan.id}` },
    );
    const { page } = phone;
    await page.getByRole('button', { name: 'Sao chép sang năm mới' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sao chép kế hoạch sang năm mới' });
    await dialog.getByLabel('Sang năm').fill('2028');
    await dialog.getByRole('button', { name: 'Xem trước' }).click();
    await dialog.getByRole('group', { name: /^Cơ quan được thay/ }).waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await screenshot(page, 'plan-copy-phone', { fullPage: false });
    // A preview stores nothing.
    expect(
      json<{ items: Task[] }>(await site.app.inject({ method: 'GET', url: '/api/plans?year=2028' })).items,
    ).toEqual([]);
    site.expectNoProblems(phone);
  });
});
