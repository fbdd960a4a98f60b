// Issue 6 point 5: coverage gaps. Communes and wards in being at the period's end × target
// groups (direct activities only) or × channels; priority (border, coastal, mountain,
// ethnic-minority) units first; activities in former units rolled up; overdue by agency.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ActivityInput } from '../../server/contracts/activities';
import type { Coverage } from '../../server/contracts/reports';
import { testAppOfFile } from '../helpers/app';
import { agencyIdByCode, detailPaths, json, postActivity, unitIdByCode } from '../helpers/factories';

const t = testAppOfFile();
const id: Record<string, number> = {};

async function coverage(query: string): Promise<Coverage> {
  const response = await t.app.inject({ method: 'GET', url: `/api/reports/coverage?${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return json<Coverage>(response);
}

beforeAll(async () => {
  id.police = await agencyIdByCode(t.app, 'CA_HUE');
  id.school = await agencyIdByCode(t.app, 'SGDDT');
  for (const [name, code] of [
    ['phuBai', 'HUE_P_PHU_BAI'],
    ['phongDien', 'HUE_P_PHONG_DIEN'],
    ['aLuoi1', 'HUE_X_A_LUOI_1'],
    ['hongVan2025', 'HUE_H_A_LUOI_X_HONG_VAN'],
  ] as const) {
    id[name] = await unitIdByCode(t.app, code);
  }
  const base = (input: Partial<ActivityInput>): ActivityInput => ({
    title: 'Tuyên truyền',
    typeCode: 'community_outreach',
    start: '2025-09-10',
    leadAgencyId: id.police ?? 0,
    ...input,
  });
  await postActivity(
    t.app,
    base({ unitIds: [id.phuBai ?? 0], channelCodes: ['direct'], targetGroupCodes: ['women'] }),
  );
  // Loudspeakers reach people but meet nobody: not a direct activity.
  await postActivity(
    t.app,
    base({
      typeCode: 'loudspeaker_broadcast',
      unitIds: [id.phongDien ?? 0],
      channelCodes: ['loudspeaker'],
      targetGroupCodes: ['ethnic_minority'],
    }),
  );
  // No channel named: a talk is direct by its type. In a commune since merged into A Lưới 1.
  await postActivity(
    t.app,
    base({
      typeCode: 'thematic_talk',
      start: '2025-03-05',
      unitIds: [id.hongVan2025 ?? 0],
      targetGroupCodes: ['students_secondary'],
    }),
  );
  // Overdue: planned, ended, no result.
  await postActivity(
    t.app,
    base({ start: '2025-05-05', leadAgencyId: id.school ?? 0, unitIds: [id.hongVan2025 ?? 0] }),
  );
});
describe('GET /api/reports/coverage', () => {
  it('counts direct activities per commune or ward and target group, priority units first', async () => {
    const result = await coverage('startDate=2025-01-01&endDate=2025-12-31');
    expect(result.by).toBe('targetGroup');
    expect(result.rows).toHaveLength(40);
    const row = (unitId: number | undefined) => result.rows.find((entry) => entry.unitId === unitId);
    expect(row(id.phuBai)).toMatchObject({ activities: 1, counts: { women: 1 } });
    expect(row(id.phongDien)).toMatchObject({ activities: 0, counts: {} });
    // The 2025 commune Hồng Vân became part of A Lưới 1 on 1/7/2025: its talk and the overdue one count there.
    expect(row(id.aLuoi1)).toMatchObject({ activities: 2, priority: true });
    expect(row(id.aLuoi1)?.counts.students_secondary).toBe(1);
    expect(result.rows.some((entry) => entry.unitId === id.hongVan2025)).toBe(false);
    const firstOrdinary = result.rows.findIndex((entry) => !entry.priority);
    expect(result.rows.slice(firstOrdinary).every((entry) => !entry.priority)).toBe(true);
    expect(result.rows.filter((entry) => entry.priority && entry.activities === 0).length).toBeGreaterThan(5);
    expect(result.columns.map((column) => column.code)).toContain('women');
  });

  it('counts every channel that reached a unit in the channel matrix', async () => {
    const result = await coverage('startDate=2025-07-01&endDate=2025-12-31&by=channel');
    const phongDien = result.rows.find((entry) => entry.unitId === id.phongDien);
    expect(phongDien).toMatchObject({ activities: 1, counts: { loudspeaker: 1 } });
    expect(result.columns.map((column) => column.code)).toContain('loudspeaker');
  });

  it('lists agencies with overdue results', async () => {
    const result = await coverage('startDate=2025-01-01&endDate=2025-12-31');
    expect(result.overdueByAgency.find((entry) => entry.agencyId === id.school)?.overdue).toBe(1);
  });

  it('refuses a period that ends before it starts', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/reports/coverage?startDate=2025-12-31&endDate=2025-01-01',
    });
    expect(response.statusCode).toBe(400);
    expect(detailPaths(response)).toEqual(['querystring.endDate']);
  });
});
