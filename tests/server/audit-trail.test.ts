// The audit trail: one row per change, sign-in and sign-out, naming who, when, what,
// before and after; none for a refused write but one `refused` row for a 403; rows that
// nobody can change or delete; and the query that reads them.
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Activity, ActivityInput } from '../../server/contracts/activities';
import type { User } from '../../server/contracts/users';
import { steppedClock } from '../../server/domain/time';
import {
  type AuditRow,
  auditRowsAfter,
  createSignedInUser,
  daysFromToday,
  lastAuditId,
  localToday,
  parseJson,
  sessionCookieOf,
  USER_PASSWORD,
  withSession,
} from '../helpers/accounts';
import { countRows, type Injector, testAppOfFile } from '../helpers/app';
import {
  agencyIdByCode,
  errorOf,
  getJson,
  json,
  type Page,
  postActivity,
  unitIdByCode,
} from '../helpers/factories';

type AuditEntry = {
  id: number;
  at: string;
  actorId: number | null;
  action: string;
  entityType: string;
  entityId: number | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
};

// The app's clock stands still until a test moves it on: time is stepped, never slept.
const clock = steppedClock();
const t = testAppOfFile({ clock });
let admin: User;
let editor: { user: User; as: Injector };
let viewer: { user: User; as: Injector };
let caHue: number;
let sgddt: number;
let ward: number;

beforeAll(async () => {
  admin = (await getJson<{ user: User }>(t.app, '/api/auth/me')).user;
  caHue = await agencyIdByCode(t.app, 'CA_HUE');
  sgddt = await agencyIdByCode(t.app, 'SGDDT');
  ward = await unitIdByCode(t.app, 'HUE_P_PHONG_DIEN');
  [editor, viewer] = await Promise.all([
    createSignedInUser(t, { username: 'bien.tap.vien', role: 'agency_editor', agencyId: caHue }),
    createSignedInUser(t, { username: 'nguoi.doc', role: 'viewer' }),
  ]);
});
function activityInput(overrides: Partial<ActivityInput> = {}): ActivityInput {
  return {
    title: 'Tuyên truyền tại chợ Đông Ba',
    typeCode: 'community_outreach',
    channelCodes: ['direct'],
    start: '2025-10-02',
    leadAgencyId: caHue,
    unitIds: [ward],
    targetGroupCodes: ['general_public'],
    expected: { attendances: 200 },
    ...overrides,
  };
}

/** Runs a request and returns its answer with the audit rows it wrote, and the time around it. */
async function audited(request: () => Promise<LightMyRequestResponse>) {
  const from = lastAuditId(t.db);
  // Each request happens a moment after the one before, on the app's own clock.
  clock.advance(1);
  const startedAt = clock.reading();
  const response = await request();
  const endedAt = clock.reading();
  return { response, rows: auditRowsAfter(t.db, from), startedAt, endedAt };
}

/** The one row a write must leave, checked field by field. */
function expectOneRow(
  rows: AuditRow[],
  expected: { actorId: number; action: string; entityType: string; entityId: number | null },
  window: { startedAt: string; endedAt: string },
): { row: AuditRow; before: unknown; after: unknown } {
  expect(rows, JSON.stringify(rows)).toHaveLength(1);
  const [row] = rows;
  if (!row) throw new Error('no audit row');
  expect(row).toMatchObject({
    actor_id: expected.actorId,
    action: expected.action,
    entity_type: expected.entityType,
    entity_id: expected.entityId,
  });
  expect(row.at >= window.startedAt && row.at <= window.endedAt, `${row.at} within the request`).toBe(true);
  expect(row.request_id).toEqual(expect.any(String));
  return { row, before: parseJson(row.before), after: parseJson(row.after) };
}

describe('one row for each change', () => {
  let activity: Activity;

  it('records who created, updated, deleted and restored an activity, when, and the record before and after', async () => {
    const created = await audited(() =>
      t.app.inject({ method: 'POST', url: '/api/activities', payload: activityInput() }),
    );
    expect(created.response.statusCode).toBe(201);
    activity = json<Activity>(created.response);
    const key = { actorId: admin.id, entityType: 'activity', entityId: activity.id };
    const onCreate = expectOneRow(created.rows, { ...key, action: 'create' }, created);
    expect(onCreate.before).toBeNull();
    expect(onCreate.after).toEqual(activity);

    const updated = await audited(() =>
      t.app.inject({
        method: 'PATCH',
        url: `/api/activities/${activity.id}`,
        payload: { venue: 'Chợ Đông Ba' },
      }),
    );
    expect(updated.response.statusCode).toBe(200);
    const onUpdate = expectOneRow(updated.rows, { ...key, action: 'update' }, updated);
    expect(onUpdate.before).toEqual(activity);
    expect(onUpdate.after).toEqual(json<Activity>(updated.response));
    expect(onUpdate.after).toMatchObject({ venue: 'Chợ Đông Ba', version: 2 });

    const deleted = await audited(() =>
      t.app.inject({ method: 'DELETE', url: `/api/activities/${activity.id}` }),
    );
    expect(deleted.response.statusCode).toBe(200);
    const onDelete = expectOneRow(deleted.rows, { ...key, action: 'delete' }, deleted);
    expect(onDelete.before).toMatchObject({ deletedAt: null, version: 2 });
    expect(onDelete.after).toEqual(json<Activity>(deleted.response));
    expect(onDelete.after).toMatchObject({ deletedAt: expect.any(String), version: 3 });

    const restored = await audited(() =>
      t.app.inject({ method: 'POST', url: `/api/activities/${activity.id}/restore` }),
    );
    expect(restored.response.statusCode).toBe(200);
    const onRestore = expectOneRow(restored.rows, { ...key, action: 'restore' }, restored);
    expect(onRestore.before).toMatchObject({ deletedAt: expect.any(String) });
    expect(onRestore.after).toMatchObject({ deletedAt: null, version: 4 });

    // The query reads the same history back, newest first, with before and after as objects.
    const history = await getJson<Page<AuditEntry>>(
      t.app,
      `/api/audit?entityType=activity&entityId=${activity.id}`,
    );
    expect(history.total).toBe(4);
    expect(history.items.map((entry) => entry.action)).toEqual(['restore', 'delete', 'update', 'create']);
    expect(history.items.every((entry) => entry.actorId === admin.id)).toBe(true);
    expect(history.items[3]?.after).toEqual(activity);
  });

  it('records every other kind of write the same way', async () => {
    type Step = {
      label: string;
      send: () => Promise<LightMyRequestResponse>;
      status: number;
      action: string;
      entityType: string;
      /** The id the row names, from the answer (or null for catalogue entries, keyed by code). */
      entityId: (body: Record<string, unknown>) => number | null;
      after?: (after: unknown, body: Record<string, unknown>) => void;
    };
    const idOf = (body: Record<string, unknown>) => Number(body.id);
    let campaignId = 0;
    let tokenId = 0;
    let linkId = 0;
    const steps: Step[] = [
      {
        label: 'create a campaign',
        send: () =>
          t.app.inject({
            method: 'POST',
            url: '/api/campaigns',
            payload: {
              name: 'Cao điểm 30/7',
              startDate: '2025-07-01',
              endDate: '2025-09-30',
              leadAgencyId: caHue,
            },
          }),
        status: 201,
        action: 'create',
        entityType: 'campaign',
        entityId: (body) => {
          campaignId = idOf(body);
          return campaignId;
        },
        after: (after, body) => expect(after).toEqual(body),
      },
      {
        label: 'update a campaign',
        send: () =>
          t.app.inject({
            method: 'PATCH',
            url: `/api/campaigns/${campaignId}`,
            payload: { theme: 'Chấm dứt bóc lột' },
          }),
        status: 200,
        action: 'update',
        entityType: 'campaign',
        entityId: idOf,
        after: (after) => expect(after).toMatchObject({ theme: 'Chấm dứt bóc lột', version: 2 }),
      },
      {
        label: 'create a plan',
        send: () =>
          t.app.inject({
            method: 'POST',
            url: '/api/plans',
            payload: { title: 'Kế hoạch 2026', year: 2026, startDate: '2026-01-01', endDate: '2026-12-31' },
          }),
        status: 201,
        action: 'create',
        entityType: 'plan',
        entityId: idOf,
      },
      {
        label: 'create a catalogue channel',
        send: () =>
          t.app.inject({
            method: 'POST',
            url: '/api/catalog/channels',
            payload: { code: 'zalo', name: 'Zalo', kind: 'social' },
          }),
        status: 201,
        action: 'create',
        entityType: 'catalog.channels',
        entityId: () => null,
        after: (after) => expect(after).toMatchObject({ code: 'zalo', name: 'Zalo' }),
      },
      {
        label: 'update a catalogue channel',
        send: () =>
          t.app.inject({ method: 'PATCH', url: '/api/catalog/channels/zalo', payload: { name: 'Zalo OA' } }),
        status: 200,
        action: 'update',
        entityType: 'catalog.channels',
        entityId: () => null,
        after: (after) => expect(after).toMatchObject({ code: 'zalo', name: 'Zalo OA' }),
      },
      {
        label: 'update a user',
        send: () =>
          t.app.inject({
            method: 'PATCH',
            url: `/api/users/${viewer.user.id}`,
            payload: { displayName: 'Người đọc báo cáo' },
          }),
        status: 200,
        action: 'update',
        entityType: 'user',
        entityId: idOf,
        after: (after) => expect(after).toMatchObject({ displayName: 'Người đọc báo cáo' }),
      },
      {
        label: 'create a personal token',
        send: () => viewer.as.inject({ method: 'POST', url: '/api/me/tokens', payload: { name: 'Script' } }),
        status: 201,
        action: 'create',
        entityType: 'api_token',
        entityId: (body) => {
          tokenId = idOf(body);
          return tokenId;
        },
        after: (after, body) => expect(JSON.stringify(after)).not.toContain(String(body.secret)),
      },
      {
        label: 'revoke a personal token',
        send: () => viewer.as.inject({ method: 'DELETE', url: `/api/me/tokens/${tokenId}` }),
        status: 204,
        action: 'delete',
        entityType: 'api_token',
        entityId: () => tokenId,
        after: (after) => expect(after).toMatchObject({ revokedAt: expect.any(String) }),
      },
      {
        label: 'create a share link',
        send: () =>
          t.app.inject({
            method: 'POST',
            url: '/api/share-links',
            payload: { filter: { agencyId: caHue }, expiresOn: daysFromToday(7) },
          }),
        status: 201,
        action: 'create',
        entityType: 'share_link',
        entityId: (body) => {
          linkId = idOf(body);
          return linkId;
        },
        after: (after, body) => expect(JSON.stringify(after)).not.toContain(String(body.secret)),
      },
      {
        label: 'revoke a share link',
        send: () => t.app.inject({ method: 'DELETE', url: `/api/share-links/${linkId}` }),
        status: 204,
        action: 'delete',
        entityType: 'share_link',
        entityId: () => linkId,
      },
    ];
    for (const step of steps) {
      const run = await audited(step.send);
      expect(run.response.statusCode, `${step.label}: ${run.response.body}`).toBe(step.status);
      const body = run.response.body === '' ? {} : json<Record<string, unknown>>(run.response);
      const actorId = step.label.includes('personal token') ? viewer.user.id : admin.id;
      const { after } = expectOneRow(
        run.rows,
        { actorId, action: step.action, entityType: step.entityType, entityId: step.entityId(body) },
        run,
      );
      step.after?.(after, body);
    }
  });

  it('writes one row at sign-in and one at sign-out, by the user who did it, and none for a failed sign-in', async () => {
    const signedIn = await audited(() =>
      t.server.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'nguoi.doc', password: USER_PASSWORD },
      }),
    );
    expect(signedIn.response.statusCode).toBe(200);
    const key = { actorId: viewer.user.id, entityType: 'user', entityId: viewer.user.id };
    const login = expectOneRow(signedIn.rows, { ...key, action: 'login' }, signedIn);
    expect(JSON.stringify(login.after)).not.toContain(USER_PASSWORD);
    const secret = sessionCookieOf(signedIn.response)?.value ?? '';
    expect(JSON.stringify(signedIn.rows)).not.toContain(secret);

    const signedOut = await audited(() =>
      withSession(t.server, secret).inject({ method: 'POST', url: '/api/auth/logout' }),
    );
    expect(signedOut.response.statusCode).toBe(204);
    expectOneRow(signedOut.rows, { ...key, action: 'logout' }, signedOut);

    const failed = await audited(() =>
      t.server.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'nguoi.doc', password: 'không phải mật khẩu' },
        remoteAddress: '192.0.2.44',
      }),
    );
    expect(failed.response.statusCode).toBe(401);
    expect(failed.rows.filter((row) => row.action === 'login')).toEqual([]);
  });
});

describe('refused writes', () => {
  let activity: Activity;
  let othersActivity: Activity;
  beforeAll(async () => {
    activity = await postActivity(t.app, activityInput({ title: 'Hoạt động của Công an' }));
    othersActivity = await postActivity(
      t.app,
      activityInput({ title: 'Hoạt động của Sở Giáo dục', leadAgencyId: sgddt }),
    );
  });

  const reread = (id: number) => getJson<Activity>(t.app, `/api/activities/${id}`);

  it('leave no row when the input is invalid (400) or stale (412)', async () => {
    const refusals: { label: string; status: number; send: () => Promise<LightMyRequestResponse> }[] = [
      {
        label: 'an invalid new activity',
        status: 400,
        send: () =>
          t.app.inject({
            method: 'POST',
            url: '/api/activities',
            payload: { ...activityInput(), start: '30/7/2025' },
          }),
      },
      {
        label: 'an invalid patch',
        status: 400,
        send: () =>
          t.app.inject({
            method: 'PATCH',
            url: `/api/activities/${activity.id}`,
            payload: { typeCode: 'không có' },
          }),
      },
      {
        label: 'a patch with an unknown reference',
        status: 400,
        send: () =>
          t.app.inject({
            method: 'PATCH',
            url: `/api/activities/${activity.id}`,
            payload: { unitIds: [999999] },
          }),
      },
      {
        label: 'a stale If-Match',
        status: 412,
        send: () =>
          t.app.inject({
            method: 'PATCH',
            url: `/api/activities/${activity.id}`,
            headers: { 'if-match': '"99"' },
            payload: { venue: 'Ghi đè' },
          }),
      },
      {
        label: 'a stale version',
        status: 412,
        send: () =>
          t.app.inject({
            method: 'PATCH',
            url: `/api/activities/${activity.id}`,
            payload: { venue: 'Ghi đè', version: 99 },
          }),
      },
    ];
    const activities = countRows(t.db, 'activities');
    for (const refusal of refusals) {
      const run = await audited(refusal.send);
      expect(run.response.statusCode, refusal.label).toBe(refusal.status);
      expect(run.rows, refusal.label).toEqual([]);
    }
    expect(countRows(t.db, 'activities')).toBe(activities);
    expect(await reread(activity.id)).toEqual(activity);
  });

  it('leave exactly one "refused" row for a 403, naming who tried what', async () => {
    const scoped = await audited(() =>
      editor.as.inject({
        method: 'PATCH',
        url: `/api/activities/${othersActivity.id}`,
        payload: { title: 'Chiếm quyền' },
      }),
    );
    expect(scoped.response.statusCode).toBe(403);
    const refusal = expectOneRow(
      scoped.rows,
      // The type is checked in the next test; here, who, what record and which route.
      {
        actorId: editor.user.id,
        action: 'refused',
        entityType: scoped.rows[0]?.entity_type ?? '',
        entityId: othersActivity.id,
      },
      scoped,
    );
    expect(refusal.before).toBeNull();
    expect(refusal.after).toMatchObject({
      method: 'PATCH',
      route: '/api/activities/:id',
      reason: expect.any(String),
    });
    expect(await reread(othersActivity.id)).toEqual(othersActivity);

    const byRole = await audited(() =>
      viewer.as.inject({
        method: 'POST',
        url: '/api/plans',
        payload: { title: 'Không được phép', year: 2027, startDate: '2027-01-01', endDate: '2027-12-31' },
      }),
    );
    expect(byRole.response.statusCode).toBe(403);
    expect(byRole.rows).toHaveLength(1);
    expect(byRole.rows[0]).toMatchObject({ action: 'refused', actor_id: viewer.user.id, entity_id: null });
    expect(parseJson(byRole.rows[0]?.after ?? null)).toMatchObject({ method: 'POST', route: '/api/plans' });
  });

  // Found here: refusals are filed under the URL's first segment ("activities"), every other
  // row of the same record under its entity type ("activity"), so `GET /api/audit?entityType=
  // activity&entityId=…` never shows who was refused on that record (server/plugins/errors.ts:126).
  it('files a refusal under the entity type of the record it concerns', async () => {
    const run = await audited(() =>
      editor.as.inject({ method: 'DELETE', url: `/api/activities/${othersActivity.id}` }),
    );
    expect(run.response.statusCode).toBe(403);
    const history = await getJson<Page<AuditEntry>>(
      t.app,
      `/api/audit?entityType=activity&entityId=${othersActivity.id}`,
    );
    expect(history.items.map((entry) => entry.action)).toContain('refused');
  });
});

describe('the rows themselves', () => {
  it('can be neither changed nor deleted', () => {
    const [row] = auditRowsAfter(t.db, 0);
    if (!row) throw new Error('no audit rows');
    const total = countRows(t.db, 'audit_log');
    const sql = t.db.$client;
    expect(() => sql.prepare("update audit_log set action = 'tampered' where id = ?").run(row.id)).toThrow(
      /append-only/,
    );
    expect(() => sql.prepare('update audit_log set actor_id = null').run()).toThrow(/append-only/);
    expect(() => sql.prepare('delete from audit_log where id = ?').run(row.id)).toThrow(/append-only/);
    expect(() => sql.prepare('delete from audit_log').run()).toThrow(/append-only/);
    expect(countRows(t.db, 'audit_log')).toBe(total);
    expect(auditRowsAfter(t.db, 0)[0]).toEqual(row);
  });

  it('outlive their subject, even one removed behind the API’s back', async () => {
    const activity = await postActivity(t.app, activityInput({ title: 'Sẽ bị xóa khỏi cơ sở dữ liệu' }));
    await t.app.inject({
      method: 'PATCH',
      url: `/api/activities/${activity.id}`,
      payload: { venue: 'Nơi nào đó' },
    });
    const rowsOf = () =>
      t.db.$client
        .prepare("select * from audit_log where entity_type = 'activity' and entity_id = ? order by id")
        .all(activity.id) as AuditRow[];
    const history = rowsOf();
    expect(history.map((row) => row.action)).toEqual(['create', 'update']);

    // Straight at the table: it may be refused for the rows that point at the activity...
    try {
      t.db.$client.prepare('delete from activities where id = ?').run(activity.id);
    } catch {
      // ...and then, without them, it goes through.
      for (const table of [
        'activity_units',
        'activity_channels',
        'activity_target_groups',
        'activity_partners',
      ]) {
        t.db.$client.prepare(`delete from ${table} where activity_id = ?`).run(activity.id);
      }
      t.db.$client.prepare('delete from activities where id = ?').run(activity.id);
    }
    expect(countRows(t.db, 'activities')).toBeGreaterThan(0);
    expect(t.db.$client.prepare('select id from activities where id = ?').get(activity.id)).toBeUndefined();
    expect(rowsOf()).toEqual(history);
  });
});

describe('GET /api/audit', () => {
  const audit = (query: string, as: Injector = t.app) =>
    as.inject({ method: 'GET', url: `/api/audit?${query}` });
  const page = async (query: string) => {
    const response = await audit(query);
    expect(response.statusCode, response.body).toBe(200);
    return json<Page<AuditEntry>>(response);
  };
  const storedCount = (where: string, ...values: unknown[]) =>
    (
      t.db.$client.prepare(`select count(*) as n from audit_log where ${where}`).get(...values) as {
        n: number;
      }
    ).n;

  it('filters by the user who acted', async () => {
    const rows = await page(`userId=${editor.user.id}&limit=1000`);
    expect(rows.total).toBe(storedCount('actor_id = ?', editor.user.id));
    expect(rows.total).toBeGreaterThan(0);
    expect(rows.items.every((entry) => entry.actorId === editor.user.id)).toBe(true);
    // The editor's own sign-in is among them.
    expect(rows.items.map((entry) => entry.action)).toContain('login');
  });

  it('filters by entity type, and by entity type and id', async () => {
    const users = await page('entityType=user&limit=1000');
    expect(users.total).toBe(storedCount("entity_type = 'user'"));
    expect(users.items.every((entry) => entry.entityType === 'user')).toBe(true);
    const one = await page(`entityType=user&entityId=${viewer.user.id}&limit=1000`);
    expect(one.total).toBe(storedCount("entity_type = 'user' and entity_id = ?", viewer.user.id));
    expect(one.total).toBeGreaterThan(0);
    expect(one.items.every((entry) => entry.entityId === viewer.user.id)).toBe(true);
  });

  it('filters by dates (whole local days) and by date-times with an offset', async () => {
    const total = countRows(t.db, 'audit_log');
    const today = localToday();
    const yesterday = daysFromToday(-1);
    const tomorrow = daysFromToday(1);
    expect((await page(`from=${today}`)).total).toBe(total);
    expect((await page(`to=${today}`)).total).toBe(total);
    expect((await page(`from=${today}&to=${today}`)).total).toBe(total);
    expect((await page(`from=${tomorrow}`)).total).toBe(0);
    expect((await page(`to=${yesterday}`)).total).toBe(0);

    clock.advance(1000);
    const from = new Date(clock().epochMilliseconds);
    const run = await audited(() =>
      t.app.inject({
        method: 'POST',
        url: '/api/campaigns',
        payload: { name: 'Chiến dịch để lọc theo giờ', startDate: '2025-11-01', endDate: '2025-11-30' },
      }),
    );
    const to = new Date(clock().epochMilliseconds);
    expect(run.rows).toHaveLength(1);
    const id = run.rows[0]?.id;
    /** The same instant written in the deployment zone's offset. */
    const inHue = (date: Date) =>
      new Date(date.getTime() + 7 * 3_600_000).toISOString().replace('Z', '+07:00');
    for (const [start, end] of [
      [from.toISOString(), to.toISOString()],
      [inHue(from), inHue(to)],
    ]) {
      const window = await page(
        `from=${encodeURIComponent(start ?? '')}&to=${encodeURIComponent(end ?? '')}`,
      );
      expect(window.items.map((entry) => entry.id)).toEqual([id]);
    }
    const after = await page(`from=${encodeURIComponent(inHue(new Date(to.getTime() + 1)))}`);
    expect(after.total).toBe(0);
  });

  it('refuses a bound that is neither a date nor a date-time with an offset', async () => {
    for (const [name, value] of [
      ['from', 'hôm qua'],
      ['to', '2025-13-01'],
      ['from', '2025-07-30T08:00:00'],
    ]) {
      const response = await audit(`${name}=${encodeURIComponent(value ?? '')}`);
      expect(response.statusCode, `${name}=${value}`).toBe(400);
      expect(errorOf(response).details?.map((detail) => detail.path)).toEqual([`querystring.${name}`]);
    }
  });

  it('is refused to a viewer and an agency editor', async () => {
    for (const who of [viewer, editor]) {
      const response = await audit('limit=5', who.as);
      expect(response.statusCode).toBe(403);
      expect(errorOf(response).code).toBe('FORBIDDEN');
      expect(response.body).not.toContain('"items"');
    }
  });
});
