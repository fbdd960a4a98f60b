// Issue 5 points 1, 2 and 6: results of held activities (indicators of the type only, a
// breakdown never above its parent, unusual figures confirmed, not silently saved), their
// review (accept, return to the author's My work, resubmit), and period locks refusing
// every kind of write inside them until unlocked.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Activity, ActivityInput } from '../../server/contracts/activities';
import type { PeriodLock } from '../../server/contracts/period-locks';
import type { Result } from '../../server/contracts/results';
import { auditRowsAfter, createSignedInUser, lastAuditId, type SignedInUser } from '../helpers/accounts';
import { countRows, type Injector, testAppOfFile } from '../helpers/app';
import {
  activityBody,
  agencyIdByCode,
  detailPaths,
  errorOf,
  getJson,
  json,
  type Page,
  postActivity,
  unitIdByCode,
} from '../helpers/factories';

const t = testAppOfFile();
let ward: number;
let reporter: SignedInUser;
let coordinator: SignedInUser;

beforeAll(async () => {
  ward = await unitIdByCode(t.app, 'HUE_P_PHONG_DIEN');
  const police = await agencyIdByCode(t.app, 'CA_HUE');
  reporter = await createSignedInUser(t, {
    username: 'bao.cao.phong.dien',
    role: 'unit_reporter',
    agencyId: police,
    unitIds: [ward],
  });
  coordinator = await createSignedInUser(t, { username: 'dieu.phoi.tinh', role: 'coordinator' });
});
/** A talk held in the reporter's ward on `start`, planned for 300 people. */
async function heldTalk(overrides: Partial<ActivityInput> = {}): Promise<Activity> {
  return postActivity(
    t.app,
    await activityBody(t.app, { start: '2025-09-10', unitIds: [ward], ...overrides }),
  );
}

function putResult(as: Injector, id: number, payload: Record<string, unknown>, version?: number) {
  return as.inject({
    method: 'PUT',
    url: `/api/activities/${id}/result`,
    payload,
    ...(version === undefined ? {} : { headers: { 'if-match': `"${version}"` } }),
  });
}

describe('logging a result', () => {
  it('stores the figures, answers with an ETag and marks the activity done', async () => {
    const talk = await heldTalk();
    expect(talk.status).toBe('planned');
    const response = await putResult(reporter.as, talk.id, {
      values: { sessions: 1, attendances: 280, attendances_female: 150 },
      notes: 'Trời mưa, vẫn đông người tham dự',
      links: ['https://baothuathienhue.vn/tin-bai-1'],
      actualStart: '2025-09-10T08:00:00+07:00',
      actualEnd: '2025-09-10T10:30:00+07:00',
    });
    expect(response.statusCode, response.body).toBe(200);
    const result = json<Result>(response);
    expect(result).toMatchObject({
      activityId: talk.id,
      values: { sessions: 1, attendances: 280, attendances_female: 150 },
      notes: 'Trời mưa, vẫn đông người tham dự',
      links: ['https://baothuathienhue.vn/tin-bai-1'],
      actualStart: '2025-09-10T08:00:00+07:00',
      actualEnd: '2025-09-10T10:30:00+07:00',
      reviewStatus: 'submitted',
      reviewNote: '',
      submittedBy: reporter.user.id,
      version: 1,
    });
    expect(response.headers.etag).toBe('"1"');
    expect(await getJson<Result>(t.app, `/api/activities/${talk.id}/result`)).toEqual(result);
    const after = await getJson<Activity>(t.app, `/api/activities/${talk.id}`);
    expect(after).toMatchObject({ status: 'done', resultStatus: 'submitted', overdue: false, version: 2 });
  });

  it('answers 404 for an activity without a result', async () => {
    const talk = await heldTalk();
    const response = await t.app.inject({ method: 'GET', url: `/api/activities/${talk.id}/result` });
    expect(response.statusCode).toBe(404);
    expect(errorOf(response).code).toBe('NOT_FOUND');
  });

  it('refuses an indicator of another type, and stores nothing', async () => {
    const talk = await heldTalk();
    const before = countRows(t.db, 'results');
    const response = await putResult(t.app, talk.id, { values: { attendances: 100, sms_sent: 5000 } });
    expect(response.statusCode).toBe(400);
    expect(errorOf(response).code).toBe('VALIDATION_FAILED');
    expect(detailPaths(response)).toEqual(['values.sms_sent']);
    expect(errorOf(response).details?.[0]?.message).toContain('không thuộc loại hoạt động');
    expect(countRows(t.db, 'results')).toBe(before);
    expect((await getJson<Activity>(t.app, `/api/activities/${talk.id}`)).status).toBe('planned');
  });

  it('refuses a breakdown above its parent (more women than people), and stores nothing', async () => {
    const talk = await heldTalk();
    const before = countRows(t.db, 'results');
    const response = await putResult(t.app, talk.id, {
      values: { attendances: 200, attendances_female: 250, attendances_ethnic_minority: 20 },
    });
    expect(response.statusCode).toBe(400);
    expect(detailPaths(response)).toEqual(['values.attendances_female']);
    expect(errorOf(response).details?.[0]?.message).toContain('250');
    expect(countRows(t.db, 'results')).toBe(before);
  });

  it('refuses negative and fractional figures, and unknown fields', async () => {
    const talk = await heldTalk();
    const before = countRows(t.db, 'results');
    for (const payload of [
      { values: { attendances: -5 } },
      { values: { attendances: 12.5 } },
      { values: { attendances: '120' } },
      { values: { attendances: 120 }, reviewStatus: 'accepted' },
      { values: { attendances: 120 }, links: ['javascript:alert(1)'] },
    ]) {
      const response = await putResult(t.app, talk.id, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(errorOf(response).code).toBe('VALIDATION_FAILED');
    }
    expect(countRows(t.db, 'results')).toBe(before);
  });

  it('asks to confirm a figure far above the plan, then saves it when confirmed', async () => {
    const talk = await heldTalk(); // planned for 300
    const before = countRows(t.db, 'results');
    const unconfirmed = await putResult(t.app, talk.id, { values: { attendances: 3000 } });
    expect(unconfirmed.statusCode).toBe(422);
    const body = errorOf(unconfirmed);
    expect(body.code).toBe('NEEDS_CONFIRMATION');
    expect(body.details).toEqual([
      {
        path: 'values.attendances',
        message: expect.stringContaining('3.000'),
        key: 'figure.abovePlan',
        params: { value: 3000, planned: 300 },
      },
    ]);
    expect(body.details?.[0]?.message).toContain('300');
    expect(countRows(t.db, 'results')).toBe(before);

    const confirmed = await putResult(t.app, talk.id, { values: { attendances: 3000 }, confirm: true });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(json<Result>(confirmed).values).toEqual({ attendances: 3000 });
  });

  it('asks to confirm a figure far above what the type usually gets when nothing was planned', async () => {
    const school = await agencyIdByCode(t.app, 'SGDDT');
    for (const attendances of [80, 100, 120, 90, 110]) {
      const usual = await postActivity(
        t.app,
        await activityBody(t.app, {
          typeCode: 'workshop',
          leadAgencyId: school,
          start: '2025-10-01',
          expected: {},
        }),
      );
      expect((await putResult(t.app, usual.id, { values: { attendances } })).statusCode).toBe(200);
    }
    const odd = await postActivity(
      t.app,
      await activityBody(t.app, {
        typeCode: 'workshop',
        leadAgencyId: school,
        start: '2025-10-02',
        expected: {},
      }),
    );
    const response = await putResult(t.app, odd.id, { values: { attendances: 25000 } });
    expect(response.statusCode).toBe(422);
    expect(errorOf(response).details?.[0]).toMatchObject({
      path: 'values.attendances',
      message: expect.stringContaining('mức thường gặp'),
    });
    expect((await putResult(t.app, odd.id, { values: { attendances: 250 } })).statusCode).toBe(200);
  });

  it('refuses a result for a cancelled activity or one that has not started', async () => {
    const cancelled = await heldTalk({ status: 'cancelled', statusNote: 'Bão' });
    const future = await heldTalk({ start: '2099-01-05' });
    const before = countRows(t.db, 'results');
    for (const activity of [cancelled, future]) {
      const response = await putResult(t.app, activity.id, { values: { attendances: 10 } });
      expect(response.statusCode).toBe(409);
      expect(errorOf(response).code).toBe('CONFLICT');
    }
    expect(countRows(t.db, 'results')).toBe(before);
  });

  it('rejects a stale correction with 412 and keeps the stored figures', async () => {
    const talk = await heldTalk();
    expect((await putResult(t.app, talk.id, { values: { attendances: 200 } })).statusCode).toBe(200);
    expect((await putResult(t.app, talk.id, { values: { attendances: 210 } }, 1)).statusCode).toBe(200);
    const stale = await putResult(t.app, talk.id, { values: { attendances: 999 } }, 1);
    expect(stale.statusCode).toBe(412);
    expect(errorOf(stale).code).toBe('VERSION_CONFLICT');
    expect((await getJson<Result>(t.app, `/api/activities/${talk.id}/result`)).values).toEqual({
      attendances: 210,
    });
  });

  it('refuses to overwrite a first result someone else saved meanwhile (If-Match "0")', async () => {
    const talk = await heldTalk({ start: '2025-09-13' });
    const first = await putResult(reporter.as, talk.id, { values: { attendances: 120 } }, 0);
    expect(first.statusCode, first.body).toBe(200);
    const second = await putResult(t.app, talk.id, { values: { attendances: 999 } }, 0);
    expect(second.statusCode).toBe(412);
    expect(errorOf(second).code).toBe('VERSION_CONFLICT');
    expect((await getJson<Result>(t.app, `/api/activities/${talk.id}/result`)).values).toEqual({
      attendances: 120,
    });
    // The activity's audit row for becoming done shows it as it was before the result.
    const rows = auditRowsAfter(t.db, 0).filter(
      (row) => row.entity_type === 'activity' && row.entity_id === talk.id && row.action === 'update',
    );
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0]?.before ?? '{}')).toMatchObject({ status: 'planned', resultStatus: null });
    expect(JSON.parse(rows[0]?.after ?? '{}')).toMatchObject({ status: 'done', resultStatus: 'submitted' });
  });

  it('keeps a unit reporter from changing their activity once it has a result', async () => {
    const mine = json<Activity>(
      await reporter.as.inject({
        method: 'POST',
        url: '/api/activities',
        payload: await activityBody(t.app, { start: '2025-09-12', unitIds: [ward] }),
      }),
    );
    expect((await putResult(reporter.as, mine.id, { values: { attendances: 120 } })).statusCode).toBe(200);
    const patch = await reporter.as.inject({
      method: 'PATCH',
      url: `/api/activities/${mine.id}`,
      payload: { venue: 'Nơi khác' },
    });
    expect(patch.statusCode).toBe(403);
    expect(errorOf(patch).message).toContain('đã có kết quả');
  });
});

describe('reviewing a result', () => {
  const review = (as: Injector, id: number, payload: Record<string, unknown>) =>
    as.inject({ method: 'POST', url: `/api/activities/${id}/result/review`, payload });
  const returnedToMe = async (as: Injector) =>
    json<Page<Activity>>(
      await as.inject({ method: 'GET', url: '/api/activities?mine=true&resultStatus=returned&limit=1000' }),
    ).items.map((activity) => activity.id);

  it('returns a result with a note to its author’s My work; resubmitting clears it; then it is accepted', async () => {
    const talk = await heldTalk({ start: '2025-09-20' });
    expect((await putResult(reporter.as, talk.id, { values: { attendances: 250 } })).statusCode).toBe(200);

    const noNote = await review(coordinator.as, talk.id, { decision: 'return' });
    expect(noNote.statusCode).toBe(400);
    expect(detailPaths(noNote)).toEqual(['note']);

    const returned = await review(coordinator.as, talk.id, {
      decision: 'return',
      note: 'Bổ sung số lượt nữ tham dự',
    });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(json<Result>(returned)).toMatchObject({
      reviewStatus: 'returned',
      reviewNote: 'Bổ sung số lượt nữ tham dự',
      reviewedBy: coordinator.user.id,
    });
    expect(await returnedToMe(reporter.as)).toContain(talk.id);
    const listed = await getJson<Activity>(reporter.as, `/api/activities/${talk.id}`);
    expect(listed.resultStatus).toBe('returned');

    // Accepting a returned result before it is fixed makes no sense.
    expect((await review(coordinator.as, talk.id, { decision: 'accept' })).statusCode).toBe(409);

    const fixed = await putResult(reporter.as, talk.id, {
      values: { attendances: 250, attendances_female: 140 },
    });
    expect(json<Result>(fixed)).toMatchObject({
      reviewStatus: 'submitted',
      reviewNote: '',
      reviewedBy: null,
    });
    expect(await returnedToMe(reporter.as)).not.toContain(talk.id);

    const accepted = await review(coordinator.as, talk.id, { decision: 'accept' });
    expect(json<Result>(accepted).reviewStatus).toBe('accepted');
    const acceptedOnly = json<Page<Activity>>(
      await t.app.inject({ method: 'GET', url: '/api/activities?resultStatus=accepted&limit=1000' }),
    );
    expect(acceptedOnly.items.map((activity) => activity.id)).toContain(talk.id);
  });

  it('is refused to the reporter (403) and changes nothing', async () => {
    const talk = await heldTalk({ start: '2025-09-21' });
    expect((await putResult(reporter.as, talk.id, { values: { attendances: 250 } })).statusCode).toBe(200);
    const response = await review(reporter.as, talk.id, { decision: 'accept' });
    expect(response.statusCode).toBe(403);
    expect((await getJson<Result>(t.app, `/api/activities/${talk.id}/result`)).reviewStatus).toBe(
      'submitted',
    );
  });
});

describe('period locks', () => {
  it('refuse every kind of write inside a locked period until it is unlocked, and are audited', async () => {
    const inside = await heldTalk({ start: '2025-11-10' });
    const outside = await heldTalk({ start: '2026-01-10' });
    const withResult = await heldTalk({ start: '2025-11-11' });
    expect((await putResult(t.app, withResult.id, { values: { attendances: 100 } })).statusCode).toBe(200);

    const auditFrom = lastAuditId(t.db);
    const locked = await coordinator.as.inject({
      method: 'POST',
      url: '/api/period-locks',
      payload: { startDate: '2025-10-01', endDate: '2025-12-31', note: 'Đã duyệt báo cáo quý IV' },
    });
    expect(locked.statusCode, locked.body).toBe(201);
    const lock = json<PeriodLock>(locked);
    expect(lock).toMatchObject({ startDate: '2025-10-01', endDate: '2025-12-31', unlockedAt: null });
    expect(auditRowsAfter(t.db, auditFrom).map((row) => `${row.action} ${row.entity_type}`)).toEqual([
      'create period_lock',
    ]);

    const activitiesBefore = countRows(t.db, 'activities');
    const resultsBefore = countRows(t.db, 'results');
    const stored = (id: number) => getJson<Activity>(t.app, `/api/activities/${id}`);
    const insideBefore = await stored(inside.id);
    const attempts = [
      {
        method: 'POST' as const,
        url: '/api/activities',
        payload: await activityBody(t.app, { start: '2025-12-31' }),
      },
      { method: 'PATCH' as const, url: `/api/activities/${inside.id}`, payload: { venue: 'Nơi khác' } },
      { method: 'PATCH' as const, url: `/api/activities/${inside.id}`, payload: { start: '2026-02-01' } },
      { method: 'PATCH' as const, url: `/api/activities/${outside.id}`, payload: { start: '2025-12-01' } },
      { method: 'DELETE' as const, url: `/api/activities/${inside.id}` },
      {
        method: 'PUT' as const,
        url: `/api/activities/${inside.id}/result`,
        payload: { values: { attendances: 5 } },
      },
      {
        method: 'PUT' as const,
        url: `/api/activities/${withResult.id}/result`,
        payload: { values: { attendances: 5 } },
      },
      {
        method: 'POST' as const,
        url: `/api/activities/${withResult.id}/result/review`,
        payload: { decision: 'accept' },
      },
    ];
    for (const attempt of attempts) {
      const response = await t.app.inject(attempt);
      expect(response.statusCode, `${attempt.method} ${attempt.url}`).toBe(409);
      expect(errorOf(response).code).toBe('PERIOD_LOCKED');
      expect(errorOf(response).message).toContain('1/10/2025–31/12/2025');
    }
    expect(countRows(t.db, 'activities')).toBe(activitiesBefore);
    expect(countRows(t.db, 'results')).toBe(resultsBefore);
    expect(await stored(inside.id)).toEqual(insideBefore);
    expect((await stored(outside.id)).start).toBe('2026-01-10');

    // Only coordinators lock and unlock.
    const byReporter = await reporter.as.inject({ method: 'DELETE', url: `/api/period-locks/${lock.id}` });
    expect(byReporter.statusCode).toBe(403);

    const listed = json<Page<PeriodLock>>(await t.app.inject({ method: 'GET', url: '/api/period-locks' }));
    expect(listed.items.map((entry) => entry.id)).toContain(lock.id);

    const unlockFrom = lastAuditId(t.db);
    const unlocked = await coordinator.as.inject({ method: 'DELETE', url: `/api/period-locks/${lock.id}` });
    expect(unlocked.statusCode, unlocked.body).toBe(200);
    expect(json<PeriodLock>(unlocked)).toMatchObject({ unlockedBy: coordinator.user.id });
    expect(auditRowsAfter(t.db, unlockFrom).map((row) => `${row.action} ${row.entity_type}`)).toEqual([
      'delete period_lock',
    ]);
    const again = await coordinator.as.inject({ method: 'DELETE', url: `/api/period-locks/${lock.id}` });
    expect(again.statusCode).toBe(409);

    // The lock stays on record, out of the default list.
    const current = json<Page<PeriodLock>>(await t.app.inject({ method: 'GET', url: '/api/period-locks' }));
    expect(current.items.map((entry) => entry.id)).not.toContain(lock.id);
    const history = json<Page<PeriodLock>>(
      await t.app.inject({ method: 'GET', url: '/api/period-locks?includeUnlocked=true' }),
    );
    expect(history.items.map((entry) => entry.id)).toContain(lock.id);

    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/activities/${inside.id}`,
      payload: { venue: 'Nơi khác' },
    });
    expect(patched.statusCode, patched.body).toBe(200);
  });

  it('refuses a lock whose end comes before its start, and stores nothing', async () => {
    const before = countRows(t.db, 'period_locks');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/period-locks',
      payload: { startDate: '2025-06-30', endDate: '2025-01-01' },
    });
    expect(response.statusCode).toBe(400);
    expect(detailPaths(response)).toEqual(['endDate']);
    expect(countRows(t.db, 'period_locks')).toBe(before);
  });
});

describe('an unplanned event logged in one step', () => {
  it('creates the activity as done with its result, for a unit reporter in their unit', async () => {
    const activity = await activityBody(t.app, { start: '2025-09-25', unitIds: [ward], expected: {} });
    const response = await reporter.as.inject({
      method: 'POST',
      url: '/api/activities/held',
      payload: { activity, result: { values: { sessions: 1, attendances: 60 }, notes: 'Họp tổ dân phố' } },
    });
    expect(response.statusCode, response.body).toBe(201);
    const held = json<{ activity: Activity; result: Result }>(response);
    expect(held.activity).toMatchObject({ status: 'done', resultStatus: 'submitted', title: activity.title });
    expect(held.result).toMatchObject({
      activityId: held.activity.id,
      values: { sessions: 1, attendances: 60 },
    });
    expect(response.headers.location).toBe(`/api/activities/${held.activity.id}`);
  });

  it('leaves nothing behind when the result is refused', async () => {
    const activities = countRows(t.db, 'activities');
    const resultsBefore = countRows(t.db, 'results');
    const response = await reporter.as.inject({
      method: 'POST',
      url: '/api/activities/held',
      payload: {
        activity: await activityBody(t.app, { start: '2025-09-26', unitIds: [ward] }),
        result: { values: { attendances: 50, attendances_female: 70 } },
      },
    });
    expect(response.statusCode).toBe(400);
    expect(detailPaths(response)).toEqual(['values.attendances_female']);
    expect(countRows(t.db, 'activities')).toBe(activities);
    expect(countRows(t.db, 'results')).toBe(resultsBefore);
  });
});
