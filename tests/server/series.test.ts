// Issue 12 point 3: recurring series. POST /api/activities with `recurrence` creates every
// occurrence in one transaction; PATCH and DELETE with ?scope=this|following|all reach the
// occurrences of that scope, leaving alone (and listing) those with a result, those in a
// locked period, and those changed alone before.
import { describe, expect, it } from 'vitest';
import type {
  Activity,
  ActivityChanged,
  ActivityInput,
  SeriesCreated,
} from '../../server/contracts/activities';
import { expandRecurrence } from '../../server/domain/recurrence';
import { auditRowsAfter, lastAuditId, snapshot } from '../helpers/accounts';
import { testAppOfFile } from '../helpers/app';
import { activityBody, detailPaths, errorOf, getJson, json } from '../helpers/factories';

const t = testAppOfFile();

const create = (payload: object) => t.app.inject({ method: 'POST', url: '/api/activities', payload });

/** A weekly series of Friday loudspeaker broadcasts at 17:00 from Friday 3/10/2025, `count` of them. */
async function fridays(count = 5, overrides: Partial<ActivityInput> = {}): Promise<SeriesCreated> {
  const body = await activityBody(t.app, {
    title: 'Phát thanh loa truyền thanh: phòng chống mua bán người',
    typeCode: 'loudspeaker_broadcast',
    channelCodes: [],
    targetGroupCodes: [],
    expected: {},
    start: '2025-10-03T17:00:00+07:00',
    end: '2025-10-03T17:30:00+07:00',
    ...overrides,
  });
  const response = await create({
    ...body,
    recurrence: { freq: 'weekly', interval: 1, byWeekday: [5], count },
  });
  expect(response.statusCode, response.body).toBe(201);
  return json<SeriesCreated>(response);
}

const patch = (id: number, scope: string, payload: Record<string, unknown>) =>
  t.app.inject({ method: 'PATCH', url: `/api/activities/${id}?scope=${scope}`, payload });

const remove = (id: number, scope: string) =>
  t.app.inject({ method: 'DELETE', url: `/api/activities/${id}?scope=${scope}` });

const read = (id: number) => getJson<Activity>(t.app, `/api/activities/${id}`);

function at<T>(items: T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`no item ${index}`);
  return item;
}

describe('expanding a rule', () => {
  it('skips a month without the chosen day (the 31st), and counts only real occurrences', () => {
    expect(expandRecurrence('2025-01-31', { freq: 'monthly', interval: 1, count: 4 })).toEqual({
      dates: ['2025-01-31', '2025-03-31', '2025-05-31', '2025-07-31'],
    });
    expect(
      expandRecurrence('2025-01-10', { freq: 'monthly', interval: 2, byMonthDay: 31, until: '2025-12-31' }),
    ).toEqual({ dates: ['2025-01-31', '2025-03-31', '2025-05-31', '2025-07-31'] });
  });

  it('starts a weekly rule on the first fitting day on or after the start, every other week', () => {
    // 1/10/2025 is a Wednesday: the series starts on Friday 3/10; Mondays from the next fitting week.
    expect(
      expandRecurrence('2025-10-01', { freq: 'weekly', interval: 2, byWeekday: [1, 5], count: 4 }),
    ).toEqual({
      dates: ['2025-10-03', '2025-10-13', '2025-10-17', '2025-10-27'],
    });
  });

  it('refuses more than 366 occurrences and a rule giving none', () => {
    expect(
      expandRecurrence('2025-01-01', {
        freq: 'weekly',
        interval: 1,
        byWeekday: [1, 2, 3],
        until: '2028-01-01',
      }),
    ).toEqual({ refused: 'tooMany' });
    expect(
      expandRecurrence('2025-02-01', { freq: 'monthly', interval: 12, byMonthDay: 30, count: 3 }),
    ).toEqual({
      refused: 'none',
    });
  });
});

describe('creating a series', () => {
  it('creates each Friday at 17:00 for 30 minutes, in one series, each occurrence audited', async () => {
    const auditBefore = lastAuditId(t.db);
    const { seriesId, items } = await fridays(5);
    expect(items.map((item) => [item.start, item.end])).toEqual(
      ['03', '10', '17', '24', '31'].map((day) => [
        `2025-10-${day}T17:00:00+07:00`,
        `2025-10-${day}T17:30:00+07:00`,
      ]),
    );
    expect(items.map((item) => [item.seriesId, item.seriesPosition, item.seriesDetached])).toEqual(
      [0, 1, 2, 3, 4].map((position) => [seriesId, position, false]),
    );
    const audit = auditRowsAfter(t.db, auditBefore);
    expect(audit.map((row) => [row.action, row.entity_type])).toEqual([
      ['create', 'activity_series'],
      ...items.map(() => ['create', 'activity']),
    ]);
  });

  it('creates a monthly series on the 31st, skipping the months without one', async () => {
    const body = await activityBody(t.app, { start: '2025-01-31' });
    const response = await create({
      ...body,
      recurrence: { freq: 'monthly', interval: 1, until: '2025-08-31' },
    });
    expect(response.statusCode, response.body).toBe(201);
    const { items } = json<SeriesCreated>(response);
    expect(items.map((item) => item.start)).toEqual([
      '2025-01-31',
      '2025-03-31',
      '2025-05-31',
      '2025-07-31',
      '2025-08-31',
    ]);
  });

  it('refuses a bad rule with 400, in Vietnamese, and stores nothing', async () => {
    const body = await activityBody(t.app, { start: '2025-10-03' });
    const cases: [unknown, string][] = [
      [{ freq: 'weekly', interval: 1, byWeekday: [5] }, 'recurrence.until'],
      [{ freq: 'weekly', interval: 1, byWeekday: [5], count: 3, until: '2025-12-31' }, 'recurrence.until'],
      [{ freq: 'weekly', interval: 1, byWeekday: [8], count: 3 }, 'recurrence.byWeekday.0'],
      [{ freq: 'daily', interval: 1, count: 3 }, 'recurrence.freq'],
      [{ freq: 'weekly', interval: 1, byMonthDay: 3, count: 3 }, 'recurrence.byMonthDay'],
      [{ freq: 'weekly', interval: 1, count: 400 }, 'recurrence.count'],
      [{ freq: 'weekly', interval: 1, byWeekday: [1, 2, 3, 4, 5], until: '2027-10-03' }, 'recurrence.until'],
      [{ freq: 'weekly', interval: 1, until: '2025-09-01' }, 'recurrence.until'],
    ];
    const before = snapshot(t.db);
    for (const [recurrence, path] of cases) {
      const response = await create({ ...body, recurrence });
      expect(response.statusCode, JSON.stringify(recurrence)).toBe(400);
      expect(detailPaths(response), JSON.stringify(recurrence)).toContain(path);
    }
    const tooMany = await create({
      ...body,
      recurrence: { freq: 'weekly', interval: 1, byWeekday: [1, 2, 3, 4, 5], until: '2027-10-03' },
    });
    expect(errorOf(tooMany).details?.[0]?.message).toBe(
      'Một chuỗi lặp lại có tối đa 366 lần; hãy chọn ngày kết thúc sớm hơn hoặc ít lần hơn',
    );
    expect(snapshot(t.db)).toEqual(before);
  });
});

describe('editing a series', () => {
  it('"this one" changes and detaches only that occurrence', async () => {
    const { items } = await fridays(4);
    const third = at(items, 2);
    const response = await patch(third.id, 'this', { start: '2025-10-18T08:00:00+07:00' });
    expect(response.statusCode, response.body).toBe(200);
    const changed = json<ActivityChanged>(response);
    expect(changed).toMatchObject({
      start: '2025-10-18T08:00:00+07:00',
      end: '2025-10-18T08:30:00+07:00',
      seriesDetached: true,
      series: { updated: [third.id], skipped: [] },
    });
    for (const other of [at(items, 0), at(items, 1), at(items, 3)]) {
      expect(await read(other.id)).toMatchObject({ start: other.start, version: 1, seriesDetached: false });
    }
  });

  it('"this and following" changes the title from that one on; a moved one keeps its move', async () => {
    const { items } = await fridays(5);
    // The fourth is moved alone first, to Saturday.
    expect((await patch(at(items, 3).id, 'this', { start: '2025-10-25T17:00:00+07:00' })).statusCode).toBe(
      200,
    );
    const response = await patch(at(items, 1).id, 'following', {
      title: 'Phát thanh: cảnh giác việc nhẹ lương cao',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(json<ActivityChanged>(response).series).toEqual({
      updated: [at(items, 1).id, at(items, 2).id, at(items, 4).id],
      skipped: [{ id: at(items, 3).id, start: '2025-10-25T17:00:00+07:00', reason: 'detached' }],
    });
    const titles = await Promise.all(items.map(async (item) => (await read(item.id)).title));
    expect(titles).toEqual([
      'Phát thanh loa truyền thanh: phòng chống mua bán người',
      'Phát thanh: cảnh giác việc nhẹ lương cao',
      'Phát thanh: cảnh giác việc nhẹ lương cao',
      'Phát thanh loa truyền thanh: phòng chống mua bán người',
      'Phát thanh: cảnh giác việc nhẹ lương cao',
    ]);
    expect((await read(at(items, 3).id)).start).toBe('2025-10-25T17:00:00+07:00');
  });

  it('"all" moves every occurrence as the edited one moves; a cancelled one stays cancelled and in place', async () => {
    const { items } = await fridays(4);
    const cancelled = await patch(at(items, 1).id, 'this', { status: 'cancelled', statusNote: 'Mất điện' });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    // The third is dragged from Friday 17:00 to Saturday 7:00, for all.
    const response = await patch(at(items, 2).id, 'all', { start: '2025-10-18T07:00:00+07:00' });
    expect(response.statusCode, response.body).toBe(200);
    expect(json<ActivityChanged>(response).series?.skipped).toEqual([
      { id: at(items, 1).id, start: '2025-10-10T17:00:00+07:00', reason: 'detached' },
    ]);
    const now = await Promise.all(items.map((item) => read(item.id)));
    expect(now.map((item) => [item.start, item.end, item.status])).toEqual([
      ['2025-10-04T07:00:00+07:00', '2025-10-04T07:30:00+07:00', 'planned'],
      ['2025-10-10T17:00:00+07:00', '2025-10-10T17:30:00+07:00', 'cancelled'],
      ['2025-10-18T07:00:00+07:00', '2025-10-18T07:30:00+07:00', 'planned'],
      ['2025-10-25T07:00:00+07:00', '2025-10-25T07:30:00+07:00', 'planned'],
    ]);
    expect(now.map((item) => item.seriesDetached)).toEqual([false, true, false, false]);
  });

  it('never changes an occurrence with a result, and lists it', async () => {
    const { items } = await fridays(3, {
      typeCode: 'thematic_talk',
      channelCodes: ['direct'],
      targetGroupCodes: ['students_secondary'],
      expected: { attendances: 300 },
    });
    const result = await t.app.inject({
      method: 'PUT',
      url: `/api/activities/${at(items, 0).id}/result`,
      payload: { values: { attendances: 120 } },
    });
    expect(result.statusCode, result.body).toBe(200);
    const response = await patch(at(items, 1).id, 'all', { venue: 'Nhà văn hóa phường' });
    expect(response.statusCode, response.body).toBe(200);
    expect(json<ActivityChanged>(response).series).toEqual({
      updated: [at(items, 1).id, at(items, 2).id],
      skipped: [{ id: at(items, 0).id, start: '2025-10-03T17:00:00+07:00', reason: 'result' }],
    });
    expect((await read(at(items, 0).id)).venue).toBe('');
    expect((await read(at(items, 2).id)).venue).toBe('Nhà văn hóa phường');
  });

  it('never changes an occurrence in a locked period, nor moves one into it', async () => {
    const { items } = await fridays(4);
    // Locks 10/10 to 16/10: the second occurrence, and Saturday 11/10 where the first would go.
    const lock = await t.app.inject({
      method: 'POST',
      url: '/api/period-locks',
      payload: { startDate: '2025-10-10', endDate: '2025-10-16', note: 'Đã duyệt' },
    });
    expect(lock.statusCode).toBe(201);
    const response = await patch(at(items, 3).id, 'all', { start: '2025-11-01T17:00:00+07:00' });
    expect(response.statusCode, response.body).toBe(200);
    expect(json<ActivityChanged>(response).series).toEqual({
      updated: [at(items, 2).id, at(items, 3).id],
      skipped: [
        { id: at(items, 0).id, start: '2025-10-03T17:00:00+07:00', reason: 'locked' },
        { id: at(items, 1).id, start: '2025-10-10T17:00:00+07:00', reason: 'locked' },
      ],
    });
    expect((await read(at(items, 0).id)).start).toBe('2025-10-03T17:00:00+07:00');
    expect((await read(at(items, 1).id)).start).toBe('2025-10-10T17:00:00+07:00');
    expect((await read(at(items, 2).id)).start).toBe('2025-10-25T17:00:00+07:00');
    // Without a scope an occurrence in the lock is refused as any activity is.
    expect((await patch(at(items, 1).id, 'this', { title: 'Đổi' })).statusCode).toBe(409);
    await t.app.inject({ method: 'DELETE', url: `/api/period-locks/${json<{ id: number }>(lock).id}` });
  });

  it('refuses a stale version for the whole series edit and changes nothing', async () => {
    const { items } = await fridays(3);
    const before = snapshot(t.db);
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/activities/${at(items, 0).id}?scope=all`,
      payload: { title: 'Muộn' },
      headers: { 'if-match': '"7"' },
    });
    expect(response.statusCode).toBe(412);
    expect(snapshot(t.db)).toEqual(before);
  });
});

describe('deleting in a series', () => {
  it('"this one" deletes that occurrence alone', async () => {
    const { items } = await fridays(3);
    const response = await remove(at(items, 1).id, 'this');
    expect(response.statusCode, response.body).toBe(200);
    expect(json<ActivityChanged>(response).deletedAt).not.toBeNull();
    expect((await read(at(items, 0).id)).deletedAt).toBeNull();
    expect((await read(at(items, 2).id)).deletedAt).toBeNull();
  });

  it('"this and following" soft-deletes from that one on, except a detached one', async () => {
    const { items } = await fridays(4);
    expect((await patch(at(items, 3).id, 'this', { venue: 'Chợ Đông Ba' })).statusCode).toBe(200);
    const response = await remove(at(items, 1).id, 'following');
    expect(response.statusCode, response.body).toBe(200);
    expect(json<ActivityChanged>(response).series).toEqual({
      updated: [at(items, 1).id, at(items, 2).id],
      skipped: [{ id: at(items, 3).id, start: '2025-10-24T17:00:00+07:00', reason: 'detached' }],
    });
    const deleted = await Promise.all(items.map(async (item) => (await read(item.id)).deletedAt !== null));
    expect(deleted).toEqual([false, true, true, false]);
  });

  it('"all" soft-deletes the series but the occurrence in a locked period', async () => {
    const { items } = await fridays(3);
    const lock = await t.app.inject({
      method: 'POST',
      url: '/api/period-locks',
      payload: { startDate: '2025-10-01', endDate: '2025-10-05', note: 'Đã duyệt' },
    });
    expect(lock.statusCode).toBe(201);
    const auditBefore = lastAuditId(t.db);
    const response = await remove(at(items, 2).id, 'all');
    expect(response.statusCode, response.body).toBe(200);
    expect(json<ActivityChanged>(response).series).toEqual({
      updated: [at(items, 1).id, at(items, 2).id],
      skipped: [{ id: at(items, 0).id, start: '2025-10-03T17:00:00+07:00', reason: 'locked' }],
    });
    expect(auditRowsAfter(t.db, auditBefore).map((row) => [row.action, row.entity_id])).toEqual([
      ['delete', at(items, 1).id],
      ['delete', at(items, 2).id],
    ]);
    await t.app.inject({ method: 'DELETE', url: `/api/period-locks/${json<{ id: number }>(lock).id}` });
  });
});
