// Point 4: activities: the range query and every filter, create, read, patch, soft
// delete and restore; DESIGN §3 time rules on the way in and out.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Activity } from '../../server/contracts/activities';
import type { Campaign } from '../../server/contracts/campaigns';
import { createSignedInUser } from '../helpers/accounts';
import { testAppOfFile } from '../helpers/app';
import {
  activityBody,
  agencyIdByCode,
  errorOf,
  getJson,
  json,
  listActivities,
  type Page,
  postActivity,
  seededPlan,
  taskByCode,
  unitIdByCode,
} from '../helpers/factories';

const t = testAppOfFile();
const ids = (activities: { id: number }[]) => activities.map((activity) => activity.id).sort((a, b) => a - b);
const sorted = (...values: number[]) => [...values].sort((a, b) => a - b);

describe('the activity list: range query and filters', () => {
  // Fixtures in March 2025, a month no other test in this file touches.
  const march = 'start=2025-03-01&end=2025-04-01';
  let talk: Activity; // all-day 10–11/3, CA_HUE lead, LHPN_HUE partner, Phú Xuân, task 1.2, campaign
  let contest: Activity; // timed 11/3 08:00–10:00, SGDDT, Thuận Hóa, confirmed
  let programme: Activity; // all-day 15/3, LHPN_HUE lead, no unit, done
  let taskId: number;
  let campaign: Campaign;
  let agency: Record<'CA_HUE' | 'LHPN_HUE' | 'SGDDT' | 'BPTTH', number>;

  beforeAll(async () => {
    agency = {
      CA_HUE: await agencyIdByCode(t.app, 'CA_HUE'),
      LHPN_HUE: await agencyIdByCode(t.app, 'LHPN_HUE'),
      SGDDT: await agencyIdByCode(t.app, 'SGDDT'),
      BPTTH: await agencyIdByCode(t.app, 'BPTTH'),
    };
    const plan = await seededPlan(t.app);
    taskId = (await taskByCode(t.app, plan.id, '1.2')).id;
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/campaigns',
      payload: { name: 'Tháng 3', startDate: '2025-03-01', endDate: '2025-03-31' },
    });
    campaign = json<Campaign>(created);

    talk = await postActivity(
      t.app,
      await activityBody(t.app, {
        start: '2025-03-10',
        end: '2025-03-12',
        partnerAgencyIds: [agency.LHPN_HUE],
        unitIds: [await unitIdByCode(t.app, 'HUE_Q_PHU_XUAN')],
        taskId,
        campaignId: campaign.id,
      }),
    );
    contest = await postActivity(t.app, {
      title: 'Hội thi Rung chuông vàng',
      typeCode: 'competition',
      channelCodes: ['school'],
      status: 'confirmed',
      start: '2025-03-11T08:00:00+07:00',
      end: '2025-03-11T10:00:00+07:00',
      leadAgencyId: agency.SGDDT,
      unitIds: [await unitIdByCode(t.app, 'HUE_Q_THUAN_HOA')],
      targetGroupCodes: ['university_students'],
      expected: { contestants: 120 },
    });
    programme = await postActivity(t.app, {
      title: 'Phóng sự truyền hình',
      typeCode: 'tv_programme',
      channelCodes: ['television'],
      status: 'done',
      start: '2025-03-15',
      leadAgencyId: agency.LHPN_HUE,
      targetGroupCodes: ['general_public'],
    });
  });

  it('answers the stored fields of each activity, with who created it', async () => {
    const { user } = await getJson<{ user: { id: number; username: string } }>(t.app, '/api/auth/me');
    expect(user.username).toBe('admin');
    expect(talk).toMatchObject({
      title: 'Nói chuyện chuyên đề “Cảnh giác việc nhẹ lương cao”',
      description: '',
      typeCode: 'thematic_talk',
      channelCodes: ['direct'],
      status: 'planned',
      allDay: true,
      start: '2025-03-10',
      end: '2025-03-12',
      leadAgencyId: agency.CA_HUE,
      partnerAgencyIds: [agency.LHPN_HUE],
      venue: '',
      targetGroupCodes: ['students_secondary'],
      taskId,
      campaignId: campaign.id,
      expected: { attendances: 300 },
      version: 1,
      createdBy: user.id,
      deletedAt: null,
    });
    expect(talk.unitIds).toHaveLength(1);
    expect(contest).toMatchObject({
      allDay: false,
      start: '2025-03-11T08:00:00+07:00',
      end: '2025-03-11T10:00:00+07:00',
      status: 'confirmed',
      partnerAgencyIds: [],
      taskId: null,
      campaignId: null,
    });
    expect(programme).toMatchObject({ start: '2025-03-15', end: '2025-03-16', unitIds: [], status: 'done' });
    // The end of each has passed: planned and confirmed are overdue, done is not.
    expect(talk.overdue).toBe(true);
    expect(contest.overdue).toBe(true);
    expect(programme.overdue).toBe(false);
  });

  it('returns what overlaps the range, end exclusive on both sides', async () => {
    const page = await listActivities(t.app, march);
    expect(ids(page.items)).toEqual(sorted(talk.id, contest.id, programme.id));
    expect(page.total).toBe(3);
    // Ordered by start.
    expect(page.items.map((activity) => activity.id)).toEqual([talk.id, contest.id, programme.id]);

    const cases: [string, number[]][] = [
      ['start=2025-03-11&end=2025-03-12', [talk.id, contest.id]],
      ['start=2025-03-10&end=2025-03-11', [talk.id]],
      ['start=2025-03-09&end=2025-03-10', []], // ends where the talk starts
      ['start=2025-03-12&end=2025-03-15', []], // the talk ends 12/3 (exclusive), the programme starts 15/3
      ['start=2025-03-15&end=2025-03-16', [programme.id]],
      ['start=2025-03-16&end=2025-03-31', []],
      // Timed bounds: the contest runs 08:00–10:00 local, i.e. 01:00–03:00 UTC.
      ['start=2025-03-11T10:00:00%2B07:00&end=2025-03-11T12:00:00%2B07:00', [talk.id]],
      ['start=2025-03-11T09:59:00%2B07:00&end=2025-03-11T12:00:00%2B07:00', [talk.id, contest.id]],
      ['start=2025-03-11T02:59:00Z&end=2025-03-11T03:00:00Z', [talk.id, contest.id]],
      ['start=2025-03-10T18:00:00Z&end=2025-03-11T01:00:00Z', [talk.id]], // ends when the contest starts
      ['start=2025-03-10T18:00:00Z&end=2025-03-11T01:00:01Z', [talk.id, contest.id]],
    ];
    for (const [query, expected] of cases) {
      const result = await listActivities(t.app, query);
      expect(ids(result.items), query).toEqual(sorted(...expected));
      expect(result.total, query).toBe(expected.length);
    }
  });

  it('reads a date bound as local midnight in APP_TIMEZONE', async () => {
    // 15/3 local starts at 14/3 17:00 UTC: a range ending 14/3 17:00Z does not reach the programme.
    expect(
      ids((await listActivities(t.app, 'start=2025-03-14T00:00:00Z&end=2025-03-14T17:00:00Z')).items),
    ).toEqual([]);
    expect(
      ids((await listActivities(t.app, 'start=2025-03-14T00:00:00Z&end=2025-03-14T17:00:01Z')).items),
    ).toEqual([programme.id]);
  });

  it('filters by agency, as lead or as partner', async () => {
    const by = async (id: number) => ids((await listActivities(t.app, `${march}&agencyId=${id}`)).items);
    expect(await by(agency.CA_HUE)).toEqual([talk.id]);
    // The joint talk appears for its partner as well as for its lead.
    expect(await by(agency.LHPN_HUE)).toEqual(sorted(talk.id, programme.id));
    expect(await by(agency.SGDDT)).toEqual([contest.id]);
    expect(await by(agency.BPTTH)).toEqual([]);
  });

  it('filters by unit, campaign and task', async () => {
    const phuXuan = await unitIdByCode(t.app, 'HUE_Q_PHU_XUAN');
    const thuanHoa = await unitIdByCode(t.app, 'HUE_Q_THUAN_HOA');
    const aLuoi = await unitIdByCode(t.app, 'HUE_H_A_LUOI');
    const list = async (filter: string) => ids((await listActivities(t.app, `${march}&${filter}`)).items);
    expect(await list(`unitId=${phuXuan}`)).toEqual([talk.id]);
    expect(await list(`unitId=${thuanHoa}`)).toEqual([contest.id]);
    expect(await list(`unitId=${aLuoi}`)).toEqual([]);
    expect(await list(`campaignId=${campaign.id}`)).toEqual([talk.id]);
    expect(await list(`taskId=${taskId}`)).toEqual([talk.id]);
    expect(await list('taskId=999999')).toEqual([]);
  });

  it('filters by type, channel, target group and status', async () => {
    const list = async (filter: string) => ids((await listActivities(t.app, `${march}&${filter}`)).items);
    expect(await list('typeCode=thematic_talk')).toEqual([talk.id]);
    expect(await list('typeCode=competition')).toEqual([contest.id]);
    expect(await list('typeCode=rally')).toEqual([]);
    expect(await list('channelCode=television')).toEqual([programme.id]);
    expect(await list('channelCode=school')).toEqual([contest.id]);
    expect(await list('channelCode=sms')).toEqual([]);
    expect(await list('targetGroupCode=students_secondary')).toEqual([talk.id]);
    expect(await list('targetGroupCode=general_public')).toEqual([programme.id]);
    expect(await list('targetGroupCode=fishers')).toEqual([]);
    expect(await list('status=planned')).toEqual([talk.id]);
    expect(await list('status=confirmed')).toEqual([contest.id]);
    expect(await list('status=done')).toEqual([programme.id]);
    expect(await list('status=cancelled')).toEqual([]);
    // Filters combine with AND.
    expect(await list(`agencyId=${agency.LHPN_HUE}&status=done`)).toEqual([programme.id]);
    expect(
      await list(`agencyId=${agency.LHPN_HUE}&typeCode=thematic_talk&campaignId=${campaign.id}`),
    ).toEqual([talk.id]);
  });

  it('pages the list with limit and offset (default 5000, at most 10000)', async () => {
    const all = await listActivities(t.app, march);
    expect(all.limit).toBe(5000);
    expect(all.offset).toBe(0);
    const second = await listActivities(t.app, `${march}&limit=1&offset=1`);
    expect(second).toMatchObject({ limit: 1, offset: 1, total: 3 });
    expect(second.items.map((activity) => activity.id)).toEqual([contest.id]);
    expect((await listActivities(t.app, `${march}&limit=10000`)).limit).toBe(10000);
  });

  it('refuses a bad query with 400 naming the parameter', async () => {
    const cases: [string, string][] = [
      ['limit=10001', 'querystring.limit'],
      ['limit=0', 'querystring.limit'],
      ['status=finished', 'querystring.status'],
      ['agencyId=abc', 'querystring.agencyId'],
      ['start=2025-03-01T08:00:00', 'querystring.start'],
      ['start=2025-03-10&end=2025-03-10', 'querystring.end'],
      ['start=2025-03-10&end=2025-03-01', 'querystring.end'],
      ['colour=red', 'querystring.colour'],
    ];
    for (const [query, path] of cases) {
      const response = await t.app.inject({ method: 'GET', url: `/api/activities?${query}` });
      expect(response.statusCode, query).toBe(400);
      const error = errorOf(response);
      expect(error.code, query).toBe('VALIDATION_FAILED');
      expect(
        error.details?.map((detail) => detail.path),
        query,
      ).toContain(path);
    }
  });
});

describe('creating and reading an activity', () => {
  it('stores a timed start given in UTC and answers it with the +07:00 offset', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/activities',
      payload: await activityBody(t.app, { start: '2025-07-30T01:00:00Z' }),
    });
    expect(created.statusCode).toBe(201);
    const activity = json<Activity>(created);
    expect(activity.allDay).toBe(false);
    expect(activity.start).toBe('2025-07-30T08:00:00+07:00');
    // No end: one hour after the start.
    expect(activity.end).toBe('2025-07-30T09:00:00+07:00');
    expect(created.headers.location).toBe(`/api/activities/${activity.id}`);
    expect(created.headers.etag).toBe('"1"');

    const read = await t.app.inject({ method: 'GET', url: `/api/activities/${activity.id}` });
    expect(read.statusCode).toBe(200);
    expect(json<Activity>(read)).toEqual(activity);
    expect(read.headers.etag).toBe('"1"');
  });

  it('gives an all-day activity without an end one day', async () => {
    const activity = await postActivity(t.app, await activityBody(t.app, { start: '2025-07-30' }));
    expect(activity).toMatchObject({ allDay: true, start: '2025-07-30', end: '2025-07-31' });
  });

  it('keeps a timed activity that crosses local midnight on its local start date', async () => {
    const activity = await postActivity(
      t.app,
      await activityBody(t.app, { start: '2025-07-31T16:30:00Z', end: '2025-07-31T18:00:00Z' }),
    );
    expect(activity.start).toBe('2025-07-31T23:30:00+07:00');
    expect(activity.end).toBe('2025-08-01T01:00:00+07:00');
    const onThe31st = await listActivities(t.app, 'start=2025-07-31&end=2025-08-01');
    expect(ids(onThe31st.items)).toContain(activity.id);
    const onThe1st = await listActivities(t.app, 'start=2025-08-01&end=2025-08-02');
    expect(ids(onThe1st.items)).toContain(activity.id);
  });

  it('stores a title sent in NFD as NFC, trimmed', async () => {
    const title = 'Tuyên truyền phòng, chống mua bán người ở Huế';
    const decomposed = title.normalize('NFD');
    expect(decomposed).not.toBe(title);
    const activity = await postActivity(
      t.app,
      await activityBody(t.app, { title: `  ${decomposed} `, venue: 'Trường THPT A Lưới'.normalize('NFD') }),
    );
    expect(activity.title).toBe(title);
    expect(activity.venue).toBe('Trường THPT A Lưới');
    const read = json<Activity>(await t.app.inject({ method: 'GET', url: `/api/activities/${activity.id}` }));
    expect(read.title).toBe(title);
    expect(read.title).toBe(read.title.normalize('NFC'));
  });

  it('answers 404 NOT_FOUND for an activity that does not exist, and 400 for a bad id', async () => {
    const missing = await t.app.inject({ method: 'GET', url: '/api/activities/999999' });
    expect(missing.statusCode).toBe(404);
    expect(errorOf(missing).code).toBe('NOT_FOUND');
    const bad = await t.app.inject({ method: 'GET', url: '/api/activities/abc' });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).details?.[0]?.path).toBe('params.id');
  });
});

describe('patching an activity', () => {
  it('changes only what the patch names and bumps the version', async () => {
    const activity = await postActivity(
      t.app,
      await activityBody(t.app, { start: '2025-05-05', end: '2025-05-07', venue: 'Nhà văn hóa' }),
    );
    const partner = await agencyIdByCode(t.app, 'DOAN_HUE');
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/activities/${activity.id}`,
      headers: { 'if-match': '"1"' },
      payload: { title: 'Tiêu đề mới', partnerAgencyIds: [partner], expected: { attendances: 450 } },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers.etag).toBe('"2"');
    const patched = json<Activity>(response);
    expect(patched).toEqual({
      ...activity,
      title: 'Tiêu đề mới',
      partnerAgencyIds: [partner],
      expected: { attendances: 450 },
      version: 2,
      updatedAt: patched.updatedAt,
    });
    expect(
      json<Activity>(await t.app.inject({ method: 'GET', url: `/api/activities/${activity.id}` })),
    ).toEqual(patched);
  });

  it('keeps the duration when only the start moves, and re-derives the end when the kind changes', async () => {
    const twoDays = await postActivity(
      t.app,
      await activityBody(t.app, { start: '2025-05-12', end: '2025-05-14' }),
    );
    const moved = await t.app.inject({
      method: 'PATCH',
      url: `/api/activities/${twoDays.id}`,
      payload: { start: '2025-05-19' },
    });
    expect(moved.statusCode).toBe(200);
    expect(json<Activity>(moved)).toMatchObject({ start: '2025-05-19', end: '2025-05-21', allDay: true });

    const timed = await t.app.inject({
      method: 'PATCH',
      url: `/api/activities/${twoDays.id}`,
      payload: { allDay: false, start: '2025-05-19T14:00:00+07:00' },
    });
    expect(timed.statusCode).toBe(200);
    expect(json<Activity>(timed)).toMatchObject({
      allDay: false,
      start: '2025-05-19T14:00:00+07:00',
      end: '2025-05-19T15:00:00+07:00',
    });

    const later = await t.app.inject({
      method: 'PATCH',
      url: `/api/activities/${twoDays.id}`,
      payload: { start: '2025-05-20T01:30:00Z' },
    });
    expect(json<Activity>(later)).toMatchObject({
      start: '2025-05-20T08:30:00+07:00',
      end: '2025-05-20T09:30:00+07:00',
    });
  });

  it('refuses a patch that breaks a rule and changes nothing', async () => {
    const activity = await postActivity(t.app, await activityBody(t.app, { start: '2025-05-26' }));
    const cases: [Record<string, unknown>, string][] = [
      [{ end: '2025-05-25' }, 'end'],
      [{ title: '   ' }, 'title'],
      [{ typeCode: 'no_such_type' }, 'typeCode'],
      [{ leadAgencyId: await agencyIdByCode(t.app, 'CA_TTH') }, 'leadAgencyId'],
      [{ partnerAgencyIds: [activity.leadAgencyId] }, 'partnerAgencyIds'],
      [{ id: 5 }, 'id'],
    ];
    for (const [payload, path] of cases) {
      const response = await t.app.inject({
        method: 'PATCH',
        url: `/api/activities/${activity.id}`,
        payload,
      });
      expect(response.statusCode, path).toBe(400);
      expect(
        errorOf(response).details?.map((detail) => detail.path),
        path,
      ).toContain(path);
    }
    expect(
      json<Activity>(await t.app.inject({ method: 'GET', url: `/api/activities/${activity.id}` })),
    ).toEqual(activity);
  });
});

describe('soft delete and restore', () => {
  it('hides a deleted activity from the list, keeps it readable, refuses edits, and restores it', async () => {
    const activity = await postActivity(t.app, await activityBody(t.app, { start: '2025-06-02' }));
    const range = 'start=2025-06-02&end=2025-06-03';
    expect(ids((await listActivities(t.app, range)).items)).toEqual([activity.id]);

    const deleted = await t.app.inject({ method: 'DELETE', url: `/api/activities/${activity.id}` });
    expect(deleted.statusCode).toBe(200);
    expect(deleted.headers.etag).toBe('"2"');
    const deletedBody = json<Activity>(deleted);
    expect(deletedBody.deletedAt).toEqual(expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/));
    expect(deletedBody.version).toBe(2);

    const page = await listActivities(t.app, range);
    expect(page.items).toEqual([]);
    expect(page.total).toBe(0);

    const read = await t.app.inject({ method: 'GET', url: `/api/activities/${activity.id}` });
    expect(read.statusCode).toBe(200);
    expect(json<Activity>(read)).toEqual(deletedBody);

    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/activities/${activity.id}`,
      payload: { title: 'Sửa khi đã xóa' },
    });
    expect(patch.statusCode).toBe(409);
    expect(errorOf(patch).code).toBe('CONFLICT');
    const again = await t.app.inject({ method: 'DELETE', url: `/api/activities/${activity.id}` });
    expect(again.statusCode).toBe(409);
    expect(errorOf(again).code).toBe('CONFLICT');
    expect(
      json<Activity>(await t.app.inject({ method: 'GET', url: `/api/activities/${activity.id}` })),
    ).toEqual(deletedBody);

    const restored = await t.app.inject({ method: 'POST', url: `/api/activities/${activity.id}/restore` });
    expect(restored.statusCode).toBe(200);
    expect(restored.headers.etag).toBe('"3"');
    const restoredBody = json<Activity>(restored);
    expect(restoredBody).toMatchObject({
      id: activity.id,
      title: activity.title,
      deletedAt: null,
      version: 3,
    });
    expect(ids((await listActivities(t.app, range)).items)).toEqual([activity.id]);

    const restoreAgain = await t.app.inject({
      method: 'POST',
      url: `/api/activities/${activity.id}/restore`,
    });
    expect(restoreAgain.statusCode).toBe(409);
    expect(errorOf(restoreAgain).code).toBe('CONFLICT');

    const editable = await t.app.inject({
      method: 'PATCH',
      url: `/api/activities/${activity.id}`,
      payload: { title: 'Sửa sau khi khôi phục' },
    });
    expect(editable.statusCode).toBe(200);
    expect(json<Activity>(editable).title).toBe('Sửa sau khi khôi phục');
  });

  it('answers 404 when deleting or restoring an activity that does not exist', async () => {
    for (const request of [
      { method: 'DELETE', url: '/api/activities/999999' },
      { method: 'POST', url: '/api/activities/999999/restore' },
    ] as const) {
      const response = await t.app.inject(request);
      expect(response.statusCode).toBe(404);
      expect(errorOf(response).code).toBe('NOT_FOUND');
    }
  });
});

describe('postponing and cancelling', () => {
  it('asks for a reason, stores it, and keeps it when the activity is rescheduled', async () => {
    const activity = await postActivity(t.app, await activityBody(t.app, { start: '2025-06-02' }));
    for (const status of ['postponed', 'cancelled'] as const) {
      const refused = await t.app.inject({
        method: 'PATCH',
        url: `/api/activities/${activity.id}`,
        payload: { status },
      });
      expect(refused.statusCode).toBe(400);
      expect(errorOf(refused).details).toEqual([
        {
          path: 'statusNote',
          key: 'activity.reasonNeeded',
          params: {},
          message: 'Cần ghi lý do tạm hoãn hoặc hủy',
        },
      ]);
    }
    expect(
      json<Activity>(await t.app.inject({ method: 'GET', url: `/api/activities/${activity.id}` })),
    ).toMatchObject({
      status: 'planned',
      statusNote: '',
      version: 1,
    });

    const postponed = await t.app.inject({
      method: 'PATCH',
      url: `/api/activities/${activity.id}`,
      payload: { status: 'postponed', statusNote: '  Trùng lịch họp của xã  ' },
    });
    expect(postponed.statusCode).toBe(200);
    expect(json<Activity>(postponed)).toMatchObject({
      status: 'postponed',
      statusNote: 'Trùng lịch họp của xã',
    });

    const moved = await t.app.inject({
      method: 'PATCH',
      url: `/api/activities/${activity.id}`,
      payload: { status: 'planned', start: '2025-06-16' },
    });
    expect(json<Activity>(moved)).toMatchObject({
      status: 'planned',
      start: '2025-06-16',
      statusNote: 'Trùng lịch họp của xã',
    });
  });
});

describe('the overdue filter', () => {
  it('lists what has ended while still planned or confirmed, and the rest with overdue=false', async () => {
    // An agency no other test here uses, so that the lists hold only these three.
    const school = await agencyIdByCode(t.app, 'SKHCN');
    const late = await postActivity(
      t.app,
      await activityBody(t.app, { start: '2025-02-03', leadAgencyId: school }),
    );
    const held = await postActivity(
      t.app,
      await activityBody(t.app, { start: '2025-02-04', leadAgencyId: school, status: 'done' }),
    );
    const ahead = await postActivity(
      t.app,
      await activityBody(t.app, { start: '2099-02-04', leadAgencyId: school, status: 'confirmed' }),
    );
    const idsOf = async (query: string) =>
      ids((await listActivities(t.app, `agencyId=${school}&${query}`)).items).sort((a, b) => a - b);
    expect(late.overdue).toBe(true);
    expect(await idsOf('overdue=true')).toEqual([late.id]);
    expect(await idsOf('overdue=false')).toEqual([held.id, ahead.id].sort((a, b) => a - b));
    const bad = await t.app.inject({ method: 'GET', url: '/api/activities?overdue=yes' });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).details?.[0]?.path).toBe('querystring.overdue');
  });
});

describe('the mine filter ("My work")', () => {
  it('keeps what the user’s agency leads or joins and what happens in the user’s units', async () => {
    const ward = await unitIdByCode(t.app, 'HUE_P_PHU_XUAN');
    const women = await agencyIdByCode(t.app, 'LHPN_HUE');
    const police = await agencyIdByCode(t.app, 'CA_HUE');
    const culture = await agencyIdByCode(t.app, 'SVHTT');
    const day = { start: '2099-05-04' };
    const led = await postActivity(t.app, await activityBody(t.app, { ...day, leadAgencyId: women }));
    const joined = await postActivity(
      t.app,
      await activityBody(t.app, { ...day, leadAgencyId: culture, partnerAgencyIds: [women] }),
    );
    const inWard = await postActivity(t.app, await activityBody(t.app, { ...day, unitIds: [ward] }));
    const other = await postActivity(t.app, await activityBody(t.app, { ...day, leadAgencyId: police }));

    const { as } = await createSignedInUser(t, {
      username: 'hoi.phu.nu',
      role: 'agency_editor',
      agencyId: women,
      unitIds: [ward],
    });
    const response = await as.inject({
      method: 'GET',
      url: '/api/activities?mine=true&start=2099-05-04&end=2099-05-05',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(ids(json<Page<Activity>>(response).items).sort((a, b) => a - b)).toEqual(
      [led.id, joined.id, inWard.id].sort((a, b) => a - b),
    );
    // The admin has neither agency nor units: their work is the whole province.
    const all = await listActivities(t.app, 'mine=true&start=2099-05-04&end=2099-05-05');
    expect(ids(all.items)).toContain(other.id);
    expect(all.total).toBe(4);
  });

  it('keeps what happens in the units under the user’s units too (a district’s communes)', async () => {
    const district = await unitIdByCode(t.app, 'HUE_H_A_LUOI');
    const commune = await unitIdByCode(t.app, 'HUE_H_A_LUOI_X_HONG_VAN');
    const elsewhere = await unitIdByCode(t.app, 'HUE_H_PHU_LOC');
    const police = await agencyIdByCode(t.app, 'CA_HUE');
    const day = { start: '2025-05-06', leadAgencyId: police };
    const inDistrict = await postActivity(t.app, await activityBody(t.app, { ...day, unitIds: [district] }));
    const inCommune = await postActivity(t.app, await activityBody(t.app, { ...day, unitIds: [commune] }));
    await postActivity(t.app, await activityBody(t.app, { ...day, unitIds: [elsewhere] }));
    const { as } = await createSignedInUser(t, {
      username: 'bao.cao.a.luoi',
      role: 'unit_reporter',
      // An agency that leads none of them: only the units bring them in.
      agencyId: await agencyIdByCode(t.app, 'LHPN_HUE'),
      unitIds: [district],
    });
    const response = await as.inject({
      method: 'GET',
      url: '/api/activities?mine=true&start=2025-05-06&end=2025-05-07',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(ids(json<Page<Activity>>(response).items).sort((a, b) => a - b)).toEqual(
      [inDistrict.id, inCommune.id].sort((a, b) => a - b),
    );
  });
});
