// Issue 12 point 1: a campaign is closed when it is over and soft-deleted only when made by
// mistake; a closed campaign keeps its activities and takes no new ones.
import { describe, expect, it } from 'vitest';
import type { Activity } from '../../server/contracts/activities';
import type { Campaign } from '../../server/contracts/campaigns';
import { countRows, testAppOfFile } from '../helpers/app';
import { activityBody, errorOf, json, type Page, postActivity, postActivityRaw } from '../helpers/factories';

const t = testAppOfFile();

async function newCampaign(name: string): Promise<Campaign> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/campaigns',
    payload: { name, startDate: '2025-07-01', endDate: '2025-07-31' },
  });
  expect(response.statusCode).toBe(201);
  return json<Campaign>(response);
}

describe('closing and deleting campaigns', () => {
  it('closes a campaign: it keeps its activities, refuses new ones, and reopens', async () => {
    const campaign = await newCampaign('Cao điểm 30/7/2025');
    const held = await postActivity(
      t.app,
      await activityBody(t.app, { start: '2025-07-20', campaignId: campaign.id }),
    );

    const closed = await t.app.inject({
      method: 'PATCH',
      url: `/api/campaigns/${campaign.id}`,
      headers: { 'if-match': '"1"' },
      payload: { closed: true },
    });
    expect(closed.statusCode).toBe(200);
    const closedCampaign = json<Campaign>(closed);
    expect(closedCampaign.closedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(closedCampaign.version).toBe(2);

    const before = countRows(t.db, 'activities');
    const refused = await postActivityRaw(t.app, await activityBody(t.app, { campaignId: campaign.id }));
    expect(refused.statusCode).toBe(400);
    expect(errorOf(refused).details).toMatchObject([
      {
        path: 'campaignId',
        message: 'Chiến dịch "Cao điểm 30/7/2025" đã kết thúc: không thêm hoạt động mới vào chiến dịch này',
      },
    ]);
    expect(countRows(t.db, 'activities')).toBe(before);

    // Its own activities are still corrected: closing stops newcomers, not the record.
    const renamed = await t.app.inject({
      method: 'PATCH',
      url: `/api/activities/${held.id}`,
      headers: { 'if-match': `"${held.version}"` },
      payload: { venue: 'Nhà văn hóa phường Phú Hội' },
    });
    expect(renamed.statusCode).toBe(200);
    expect(json<Activity>(renamed)).toMatchObject({
      venue: 'Nhà văn hóa phường Phú Hội',
      campaignId: campaign.id,
    });

    const reopened = await t.app.inject({
      method: 'PATCH',
      url: `/api/campaigns/${campaign.id}`,
      headers: { 'if-match': '"2"' },
      payload: { closed: false },
    });
    expect(json<Campaign>(reopened).closedAt).toBeNull();
    expect(
      (await postActivityRaw(t.app, await activityBody(t.app, { campaignId: campaign.id }))).statusCode,
    ).toBe(201);
  });

  it('deletes an unused campaign softly: gone from lists and reads, kept in the table and the audit', async () => {
    const mistaken = await newCampaign('Chiến dịch tạo nhầm');
    const stale = await t.app.inject({
      method: 'DELETE',
      url: `/api/campaigns/${mistaken.id}`,
      headers: { 'if-match': '"7"' },
    });
    expect(stale.statusCode).toBe(412);

    const deleted = await t.app.inject({
      method: 'DELETE',
      url: `/api/campaigns/${mistaken.id}`,
      headers: { 'if-match': '"1"' },
    });
    expect(deleted.statusCode).toBe(200);
    expect(json<Campaign>(deleted).deletedAt).toMatch(/^\d{4}-/);
    expect((await t.app.inject({ method: 'GET', url: `/api/campaigns/${mistaken.id}` })).statusCode).toBe(
      404,
    );
    const listed = json<Page<Campaign>>(await t.app.inject({ method: 'GET', url: '/api/campaigns' }));
    expect(listed.items.map((campaign) => campaign.name)).not.toContain('Chiến dịch tạo nhầm');
    const row = t.db.$client.prepare('SELECT deleted_at FROM campaigns WHERE id = ?').get(mistaken.id) as {
      deleted_at: string | null;
    };
    expect(row.deleted_at).not.toBeNull();
    const audit = t.db.$client
      .prepare("SELECT action FROM audit_log WHERE entity_type = 'campaign' AND entity_id = ? ORDER BY id")
      .all(String(mistaken.id)) as { action: string }[];
    expect(audit.map((entry) => entry.action)).toEqual(['create', 'delete']);
  });

  it('refuses to delete a campaign that activities use, and says to close it', async () => {
    const used = await newCampaign('Chiến dịch đang dùng');
    await postActivity(t.app, await activityBody(t.app, { campaignId: used.id }));
    const refused = await t.app.inject({
      method: 'DELETE',
      url: `/api/campaigns/${used.id}`,
      headers: { 'if-match': '"1"' },
    });
    expect(refused.statusCode).toBe(409);
    expect(errorOf(refused).message).toBe(
      'Chiến dịch còn 1 hoạt động và 0 báo cáo: không xóa được, hãy kết thúc chiến dịch',
    );
    expect(
      json<Campaign>(await t.app.inject({ method: 'GET', url: `/api/campaigns/${used.id}` })).deletedAt,
    ).toBeNull();
  });
});
