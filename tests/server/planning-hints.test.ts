// Issue 12 point 10: placing an activity where the same people are already expected that day,
// or in an exam or festival week the coordinators marked, gives a hint; it never blocks.
import { describe, expect, it } from 'vitest';
import type { CalendarMark, PlanningHint } from '../../server/contracts/calendar-marks';
import { createSignedInUser } from '../helpers/accounts';
import { countRows, testAppOfFile } from '../helpers/app';
import {
  activityBody,
  errorOf,
  getJson,
  json,
  postActivity,
  postActivityRaw,
  unitIdByCode,
} from '../helpers/factories';

const t = testAppOfFile();

async function hints(query: string): Promise<PlanningHint[]> {
  return (await getJson<{ hints: PlanningHint[] }>(t.app, `/api/planning-hints?${query}`)).hints;
}

async function mark(payload: Record<string, unknown>): Promise<CalendarMark> {
  const response = await t.app.inject({ method: 'POST', url: '/api/calendar-marks', payload });
  expect(response.statusCode).toBe(201);
  return json<CalendarMark>(response);
}

describe('the same audience in the same unit on the same day', () => {
  it('names the other activity, and only when unit, day and target group all meet', async () => {
    const ward = await unitIdByCode(t.app, 'HUE_Q_PHU_XUAN');
    const other = await unitIdByCode(t.app, 'HUE_Q_THUAN_HOA');
    const talk = await postActivity(
      t.app,
      await activityBody(t.app, {
        title: 'Nói chuyện tại THPT Hai Bà Trưng',
        start: '2025-03-20',
        unitIds: [ward],
      }),
    );

    const sameDay = await hints(
      `startDate=2025-03-20&endDate=2025-03-20&unitIds=${ward}&targetGroupCodes=students_secondary`,
    );
    expect(sameDay).toEqual([
      {
        kind: 'same_audience',
        activity: {
          id: talk.id,
          title: 'Nói chuyện tại THPT Hai Bà Trưng',
          startDate: '2025-03-20',
          leadAgencyId: talk.leadAgencyId,
        },
        unitIds: [ward],
        targetGroupCodes: ['students_secondary'],
      },
    ]);
    // A span of days that holds the day meets it too.
    expect(
      await hints(
        `startDate=2025-03-18&endDate=2025-03-21&unitIds=${ward},${other}&targetGroupCodes=students_secondary`,
      ),
    ).toHaveLength(1);

    // Another day, another unit, another audience, or the activity itself: nothing to say.
    for (const query of [
      `startDate=2025-03-21&endDate=2025-03-21&unitIds=${ward}&targetGroupCodes=students_secondary`,
      `startDate=2025-03-20&endDate=2025-03-20&unitIds=${other}&targetGroupCodes=students_secondary`,
      `startDate=2025-03-20&endDate=2025-03-20&unitIds=${ward}&targetGroupCodes=workers`,
      `startDate=2025-03-20&endDate=2025-03-20&unitIds=${ward}&targetGroupCodes=students_secondary&excludeId=${talk.id}`,
    ]) {
      expect(await hints(query), query).toEqual([]);
    }
  });

  it('does not count a cancelled activity, and never refuses the second one', async () => {
    const ward = await unitIdByCode(t.app, 'HUE_Q_THUAN_HOA');
    const cancelled = await postActivity(
      t.app,
      await activityBody(t.app, {
        start: '2025-04-02',
        unitIds: [ward],
        status: 'cancelled',
        statusNote: 'Trùng lịch thi',
      }),
    );
    expect(cancelled.status).toBe('cancelled');
    expect(
      await hints(
        `startDate=2025-04-02&endDate=2025-04-02&unitIds=${ward}&targetGroupCodes=students_secondary`,
      ),
    ).toEqual([]);

    await postActivity(t.app, await activityBody(t.app, { start: '2025-04-02', unitIds: [ward] }));
    const second = await postActivityRaw(
      t.app,
      await activityBody(t.app, { start: '2025-04-02', unitIds: [ward] }),
    );
    expect(second.statusCode).toBe(201);
    expect(
      await hints(
        `startDate=2025-04-02&endDate=2025-04-02&unitIds=${ward}&targetGroupCodes=students_secondary`,
      ),
    ).toHaveLength(2);
  });
});

describe('busy weeks the coordinators mark', () => {
  it('hints a province-wide exam week, and a district festival to the units under it', async () => {
    const exams = await mark({
      kind: 'exam',
      name: 'Kỳ thi tốt nghiệp THPT',
      startDate: '2025-06-26',
      endDate: '2025-06-28',
    });
    expect(exams).toMatchObject({ kind: 'exam', unitId: null, version: 1, deletedAt: null });
    const district = await unitIdByCode(t.app, 'TTH_H_A_LUOI');
    const festival = await mark({
      kind: 'festival',
      name: 'Lễ hội A Riêu Ca',
      startDate: '2024-03-10',
      endDate: '2024-03-12',
      unitId: district,
    });

    const inExams = await hints('startDate=2025-06-27&endDate=2025-06-27');
    expect(inExams).toEqual([{ kind: 'busy_week', mark: exams }]);
    expect(await hints('startDate=2025-06-29&endDate=2025-07-01')).toEqual([]);

    // A commune of the district sees the district's festival; a commune elsewhere does not.
    const communes = await getJson<{ items: { id: number; parentId: number | null; level: string }[] }>(
      t.app,
      `/api/units?asOf=2024-03-11&limit=1000`,
    );
    const inDistrict = communes.items.find((unit) => unit.parentId === district);
    const elsewhere = communes.items.find(
      (unit) => unit.level === inDistrict?.level && unit.parentId !== district,
    );
    if (!inDistrict || !elsewhere) throw new Error('the seed has no communes');
    expect(await hints(`startDate=2024-03-11&endDate=2024-03-11&unitIds=${inDistrict.id}`)).toEqual([
      { kind: 'busy_week', mark: festival },
    ]);
    expect(await hints(`startDate=2024-03-11&endDate=2024-03-11&unitIds=${elsewhere.id}`)).toEqual([]);
  });

  it('edits with a version check and deletes softly; a deleted mark hints no more', async () => {
    const festival = await mark({
      kind: 'festival',
      name: 'Festival Huế',
      startDate: '2026-06-06',
      endDate: '2026-06-12',
    });
    const stale = await t.app.inject({
      method: 'PATCH',
      url: `/api/calendar-marks/${festival.id}`,
      headers: { 'if-match': '"7"' },
      payload: { name: 'Festival Huế 2026' },
    });
    expect(stale.statusCode).toBe(412);
    const renamed = await t.app.inject({
      method: 'PATCH',
      url: `/api/calendar-marks/${festival.id}`,
      headers: { 'if-match': '"1"' },
      payload: { name: 'Festival Huế 2026' },
    });
    expect(json<CalendarMark>(renamed)).toMatchObject({ name: 'Festival Huế 2026', version: 2 });

    const removed = await t.app.inject({ method: 'DELETE', url: `/api/calendar-marks/${festival.id}` });
    expect(json<CalendarMark>(removed).deletedAt).toMatch(/^\d{4}-/);
    expect(await hints('startDate=2026-06-08&endDate=2026-06-08')).toEqual([]);
    const again = await t.app.inject({ method: 'DELETE', url: `/api/calendar-marks/${festival.id}` });
    expect(again.statusCode).toBe(404);
    const list = await getJson<{ items: CalendarMark[] }>(
      t.app,
      '/api/calendar-marks?from=2026-01-01&to=2026-12-31',
    );
    expect(list.items.map((entry) => entry.id)).not.toContain(festival.id);
  });

  it('refuses a mark that ends before it starts, or names no unit that exists, storing nothing', async () => {
    const before = countRows(t.db, 'calendar_marks');
    for (const payload of [
      { kind: 'exam', name: 'Thi học kỳ', startDate: '2025-12-20', endDate: '2025-12-10' },
      { kind: 'exam', name: 'Thi học kỳ', startDate: '2025-12-10', endDate: '2025-12-20', unitId: 999999 },
      { kind: 'holiday', name: 'Nghỉ', startDate: '2025-12-10', endDate: '2025-12-20' },
      { kind: 'exam', name: '  ', startDate: '2025-12-10', endDate: '2025-12-20' },
    ]) {
      const response = await t.app.inject({ method: 'POST', url: '/api/calendar-marks', payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(errorOf(response).details?.length).toBeGreaterThan(0);
    }
    expect(countRows(t.db, 'calendar_marks')).toBe(before);
  });

  it('lets coordinators mark weeks; an agency editor reads them and is refused a mark', async () => {
    const editor = await createSignedInUser(t, {
      username: 'bientap.hints',
      role: 'agency_editor',
      agencyId: (await activityBody(t.app)).leadAgencyId,
    });
    const before = countRows(t.db, 'calendar_marks');
    const refused = await editor.as.inject({
      method: 'POST',
      url: '/api/calendar-marks',
      payload: { kind: 'exam', name: 'Thi', startDate: '2025-12-10', endDate: '2025-12-12' },
    });
    expect(refused.statusCode).toBe(403);
    expect(countRows(t.db, 'calendar_marks')).toBe(before);
    const read = await editor.as.inject({
      method: 'GET',
      url: '/api/planning-hints?startDate=2025-06-27&endDate=2025-06-27',
    });
    expect(json<{ hints: PlanningHint[] }>(read).hints.map((hint) => hint.kind)).toEqual(['busy_week']);
  });
});
