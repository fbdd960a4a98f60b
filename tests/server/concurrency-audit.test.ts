// Point 4: optimistic concurrency (ETag, If-Match, `version`) and the append-only audit log.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Activity } from '../../server/contracts/activities';
import type { Agency } from '../../server/contracts/agencies';
import type { Campaign } from '../../server/contracts/campaigns';
import type { Plan } from '../../server/contracts/plans';
import type { Task } from '../../server/contracts/tasks';
import type { Unit } from '../../server/contracts/units';
import { countRows, testAppOfFile } from '../helpers/app';
import { activityBody, errorOf, json, postActivity, seededPlan } from '../helpers/factories';

const t = testAppOfFile();
type AuditRow = {
  id: number;
  action: string;
  entity_type: string;
  entity_id: number;
  before: string | null;
  after: string | null;
  request_id: string | null;
};

function auditRows(): AuditRow[] {
  return t.db.$client.prepare('select * from audit_log order by id').all() as AuditRow[];
}

/** Runs a write and returns the audit rows it added. */
async function auditedBy<T>(write: () => Promise<T>): Promise<{ result: T; rows: AuditRow[] }> {
  const before = countRows(t.db, 'audit_log');
  const result = await write();
  return { result, rows: auditRows().slice(before) };
}

const parse = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

describe('ETag and If-Match on activities', () => {
  let activity: Activity;
  beforeAll(async () => {
    activity = await postActivity(
      t.app,
      await activityBody(t.app, { start: '2025-04-07', venue: 'Hội trường' }),
    );
  });

  const read = async () => {
    const response = await t.app.inject({ method: 'GET', url: `/api/activities/${activity.id}` });
    return { body: json<Activity>(response), etag: response.headers.etag };
  };

  it('answers each version with its ETag', async () => {
    expect((await read()).etag).toBe('"1"');
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/activities/${activity.id}`,
      headers: { 'if-match': '"1"' },
      payload: { venue: 'Nhà văn hóa' },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.headers.etag).toBe('"2"');
    activity = json<Activity>(patched);
    expect(activity.version).toBe(2);
    expect(await read()).toEqual({ body: activity, etag: '"2"' });
  });

  it('refuses a stale If-Match with 412 VERSION_CONFLICT and changes nothing', async () => {
    const before = await read();
    const auditBefore = countRows(t.db, 'audit_log');
    for (const ifMatch of ['"1"', 'W/"1"', '1', '"3"']) {
      const response = await t.app.inject({
        method: 'PATCH',
        url: `/api/activities/${activity.id}`,
        headers: { 'if-match': ifMatch },
        payload: { title: 'Ghi đè của người đến sau', venue: 'Nơi khác' },
      });
      expect(response.statusCode, ifMatch).toBe(412);
      const error = errorOf(response);
      expect(error.code).toBe('VERSION_CONFLICT');
      expect(error.statusCode).toBe(412);
      expect(error.error).toBe('Precondition Failed');
    }
    expect(await read()).toEqual(before);
    expect(countRows(t.db, 'audit_log')).toBe(auditBefore);
  });

  it('refuses a stale version in the body with 412 and changes nothing', async () => {
    const before = await read();
    const auditBefore = countRows(t.db, 'audit_log');
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/activities/${activity.id}`,
      payload: { version: 1, title: 'Ghi đè của người đến sau' },
    });
    expect(response.statusCode).toBe(412);
    expect(errorOf(response).code).toBe('VERSION_CONFLICT');
    expect(await read()).toEqual(before);
    expect(countRows(t.db, 'audit_log')).toBe(auditBefore);
  });

  it('refuses a stale If-Match on delete and restore', async () => {
    const before = await read();
    const auditBefore = countRows(t.db, 'audit_log');
    const stale = await t.app.inject({
      method: 'DELETE',
      url: `/api/activities/${activity.id}`,
      headers: { 'if-match': '"1"' },
    });
    expect(stale.statusCode).toBe(412);
    expect(errorOf(stale).code).toBe('VERSION_CONFLICT');
    expect(await read()).toEqual(before);
    expect(before.body.deletedAt).toBeNull();

    const deleted = await t.app.inject({
      method: 'DELETE',
      url: `/api/activities/${activity.id}`,
      headers: { 'if-match': '"2"' },
    });
    expect(deleted.statusCode).toBe(200);
    expect(deleted.headers.etag).toBe('"3"');
    const afterDelete = await read();
    const staleRestore = await t.app.inject({
      method: 'POST',
      url: `/api/activities/${activity.id}/restore`,
      headers: { 'if-match': '"2"' },
    });
    expect(staleRestore.statusCode).toBe(412);
    expect(errorOf(staleRestore).code).toBe('VERSION_CONFLICT');
    expect(await read()).toEqual(afterDelete);
    expect(afterDelete.body.deletedAt).not.toBeNull();

    const restored = await t.app.inject({
      method: 'POST',
      url: `/api/activities/${activity.id}/restore`,
      headers: { 'if-match': '"3"' },
    });
    expect(restored.statusCode).toBe(200);
    activity = json<Activity>(restored);
    expect(activity).toMatchObject({ version: 4, deletedAt: null });
    // Two refused writes, two accepted ones: two audit rows.
    expect(countRows(t.db, 'audit_log')).toBe(auditBefore + 2);
  });

  it('accepts If-Match "*" and a weak or bare current version', async () => {
    const forms = [() => '*', (version: number) => `W/"${version}"`, (version: number) => String(version)];
    for (const form of forms) {
      const ifMatch = form(activity.version);
      const response = await t.app.inject({
        method: 'PATCH',
        url: `/api/activities/${activity.id}`,
        headers: { 'if-match': ifMatch },
        payload: { venue: `Phòng ${ifMatch}` },
      });
      expect(response.statusCode, ifMatch).toBe(200);
      activity = json<Activity>(response);
    }
    expect(activity.version).toBe(7);
  });

  it('refuses a malformed If-Match, or one that disagrees with the body, with 400', async () => {
    const before = await read();
    const malformed = await t.app.inject({
      method: 'PATCH',
      url: `/api/activities/${activity.id}`,
      headers: { 'if-match': 'abc' },
      payload: { venue: 'X' },
    });
    expect(malformed.statusCode).toBe(400);
    expect(errorOf(malformed).code).toBe('VALIDATION_FAILED');
    expect(errorOf(malformed).details?.[0]?.path).toBe('If-Match');
    const disagree = await t.app.inject({
      method: 'PATCH',
      url: `/api/activities/${activity.id}`,
      headers: { 'if-match': `"${activity.version}"` },
      payload: { version: activity.version - 1, venue: 'X' },
    });
    expect(disagree.statusCode).toBe(400);
    expect(errorOf(disagree).details?.[0]?.path).toBe('version');
    expect(await read()).toEqual(before);
  });
});

describe('If-Match on the other resources', () => {
  const cases: [string, () => Promise<string>, Record<string, unknown>][] = [
    ['unit', async () => '/api/units/1', { name: 'Tên mới' }],
    ['agency', async () => '/api/agencies/1', { shortName: 'Tên mới' }],
    ['plan', async () => `/api/plans/${(await seededPlan(t.app)).id}`, { goal: 'Mục tiêu mới' }],
    ['task', async () => '/api/tasks/1', { title: 'Nhiệm vụ mới' }],
    [
      'campaign',
      async () => {
        const response = await t.app.inject({
          method: 'POST',
          url: '/api/campaigns',
          payload: { name: 'Chiến dịch', startDate: '2025-01-01', endDate: '2025-01-31' },
        });
        return `/api/campaigns/${json<Campaign>(response).id}`;
      },
      { name: 'Chiến dịch mới' },
    ],
  ];

  it.each(cases)(
    '%s: a stale If-Match or version gets 412 and changes nothing',
    async (_kind, urlOf, change) => {
      const url = await urlOf();
      const first = await t.app.inject({ method: 'GET', url });
      expect(first.statusCode).toBe(200);
      const version = json<{ version: number }>(first).version;
      expect(first.headers.etag).toBe(`"${version}"`);

      const ok = await t.app.inject({
        method: 'PATCH',
        url,
        headers: { 'if-match': `"${version}"` },
        payload: change,
      });
      expect(ok.statusCode).toBe(200);
      expect(ok.headers.etag).toBe(`"${version + 1}"`);
      const current = json<Record<string, unknown>>(ok);
      expect(current).toMatchObject({ ...change, version: version + 1 });

      const auditBefore = countRows(t.db, 'audit_log');
      const byHeader = await t.app.inject({
        method: 'PATCH',
        url,
        headers: { 'if-match': `"${version}"` },
        payload: change,
      });
      expect(byHeader.statusCode).toBe(412);
      expect(errorOf(byHeader).code).toBe('VERSION_CONFLICT');
      const byBody = await t.app.inject({ method: 'PATCH', url, payload: { ...change, version } });
      expect(byBody.statusCode).toBe(412);
      expect(errorOf(byBody).code).toBe('VERSION_CONFLICT');
      const reread = await t.app.inject({ method: 'GET', url });
      expect(json<Record<string, unknown>>(reread)).toEqual(current);
      expect(reread.headers.etag).toBe(`"${version + 1}"`);
      expect(countRows(t.db, 'audit_log')).toBe(auditBefore);
    },
  );
});

describe('the audit log', () => {
  it('adds exactly one row with before and after for each create, update, delete and restore', async () => {
    const body = await activityBody(t.app, { start: '2025-04-21' });
    const created = await auditedBy(() => postActivity(t.app, body));
    expect(created.rows).toHaveLength(1);
    const activity = created.result;
    expect(created.rows[0]).toMatchObject({
      action: 'create',
      entity_type: 'activity',
      entity_id: activity.id,
    });
    expect(parse(created.rows[0]?.before ?? null)).toBeNull();
    expect(parse(created.rows[0]?.after ?? null)).toEqual(activity);

    const updated = await auditedBy(async () =>
      json<Activity>(
        await t.app.inject({
          method: 'PATCH',
          url: `/api/activities/${activity.id}`,
          payload: { title: 'Đổi tên' },
        }),
      ),
    );
    expect(updated.rows).toHaveLength(1);
    expect(updated.rows[0]).toMatchObject({
      action: 'update',
      entity_type: 'activity',
      entity_id: activity.id,
    });
    expect(parse(updated.rows[0]?.before ?? null)).toEqual(activity);
    expect(parse(updated.rows[0]?.after ?? null)).toEqual(updated.result);
    expect(updated.result.title).toBe('Đổi tên');

    const deleted = await auditedBy(async () =>
      json<Activity>(await t.app.inject({ method: 'DELETE', url: `/api/activities/${activity.id}` })),
    );
    expect(deleted.rows).toHaveLength(1);
    expect(deleted.rows[0]).toMatchObject({ action: 'delete', entity_id: activity.id });
    expect(parse(deleted.rows[0]?.before ?? null)).toEqual(updated.result);
    expect(parse(deleted.rows[0]?.after ?? null)).toEqual(deleted.result);
    expect(deleted.result.deletedAt).not.toBeNull();

    const restored = await auditedBy(async () =>
      json<Activity>(await t.app.inject({ method: 'POST', url: `/api/activities/${activity.id}/restore` })),
    );
    expect(restored.rows).toHaveLength(1);
    expect(restored.rows[0]).toMatchObject({ action: 'restore', entity_id: activity.id });
    expect(parse(restored.rows[0]?.before ?? null)).toEqual(deleted.result);
    expect(parse(restored.rows[0]?.after ?? null)).toEqual(restored.result);
    expect(restored.result.deletedAt).toBeNull();
  });

  it('audits creates and updates of units, agencies, plans, tasks and campaigns', async () => {
    const plan = await seededPlan(t.app);
    const creates: [string, string, Record<string, unknown>][] = [
      ['unit', '/api/units', { code: 'AUDIT_UNIT', name: 'Phường Kiểm Tra', level: 'ward' }],
      ['agency', '/api/agencies', { code: 'AUDIT_AGENCY', name: 'Cơ quan Kiểm Tra', kind: 'other' }],
      ['plan', '/api/plans', { title: 'KH', year: 2027, startDate: '2027-01-01', endDate: '2027-12-31' }],
      ['task', `/api/plans/${plan.id}/tasks`, { code: '8.8', title: 'Nhiệm vụ kiểm tra' }],
      ['campaign', '/api/campaigns', { name: 'CD', startDate: '2027-07-01', endDate: '2027-07-31' }],
    ];
    for (const [entityType, url, payload] of creates) {
      const created = await auditedBy(() => t.app.inject({ method: 'POST', url, payload }));
      expect(created.result.statusCode, entityType).toBe(201);
      const body = json<Unit | Agency | Plan | Task | Campaign>(created.result);
      expect(created.rows, entityType).toHaveLength(1);
      expect(created.rows[0]).toMatchObject({
        action: 'create',
        entity_type: entityType,
        entity_id: body.id,
      });
      expect(parse(created.rows[0]?.after ?? null)).toEqual(body);

      const location = created.result.headers.location as string;
      const patchBody = entityType === 'task' || entityType === 'plan' ? { title: 'Mới' } : { name: 'Mới' };
      const updated = await auditedBy(() =>
        t.app.inject({ method: 'PATCH', url: location, payload: patchBody }),
      );
      expect(updated.result.statusCode, entityType).toBe(200);
      expect(updated.rows).toHaveLength(1);
      expect(updated.rows[0]).toMatchObject({
        action: 'update',
        entity_type: entityType,
        entity_id: body.id,
      });
      expect(parse(updated.rows[0]?.before ?? null)).toEqual(body);
      expect(parse(updated.rows[0]?.after ?? null)).toEqual(json<unknown>(updated.result));
    }
  });

  it('adds no row for a refused write', async () => {
    const activity = await postActivity(t.app, await activityBody(t.app, { start: '2025-04-28' }));
    const refusals = [
      { method: 'POST', url: '/api/activities', payload: { title: '' } },
      { method: 'PATCH', url: `/api/activities/${activity.id}`, payload: { typeCode: 'nope' } },
      { method: 'PATCH', url: '/api/activities/999999', payload: { title: 'x' } },
      { method: 'POST', url: `/api/activities/${activity.id}/restore`, payload: undefined },
      { method: 'POST', url: '/api/units', payload: { code: 'TTH', name: 'Trùng', level: 'province' } },
      {
        method: 'PATCH',
        url: '/api/agencies/1',
        payload: { validFrom: '2030-01-01', validTo: '2029-01-01' },
      },
    ] as const;
    const before = countRows(t.db, 'audit_log');
    for (const request of refusals) {
      const response = await t.app.inject({
        method: request.method,
        url: request.url,
        ...(request.payload === undefined ? {} : { payload: request.payload }),
      });
      expect(response.statusCode, `${request.method} ${request.url}`).toBeGreaterThanOrEqual(400);
      expect(response.statusCode).toBeLessThan(500);
    }
    expect(countRows(t.db, 'audit_log')).toBe(before);
  });

  it('is append-only: UPDATE and DELETE on audit_log throw', () => {
    const rows = auditRows();
    expect(rows.length).toBeGreaterThan(0);
    expect(() => t.db.$client.prepare("update audit_log set action = 'tampered'").run()).toThrow(
      /append-only/,
    );
    expect(() => t.db.$client.prepare('delete from audit_log').run()).toThrow(/append-only/);
    expect(() => t.db.$client.prepare('delete from audit_log where id = ?').run(rows[0]?.id)).toThrow(
      /append-only/,
    );
    expect(auditRows()).toEqual(rows);
  });
});

describe('a patch that changes nothing', () => {
  it('keeps the version and writes no audit row', async () => {
    const activity = await postActivity(
      t.app,
      await activityBody(t.app, { start: '2025-05-12', venue: 'Nhà văn hóa' }),
    );
    const { result, rows } = await auditedBy(() =>
      t.app.inject({
        method: 'PATCH',
        url: `/api/activities/${activity.id}`,
        headers: { 'if-match': '"1"' },
        // The same values as stored, one of them written differently (NFD, padded).
        payload: { venue: '  Nhà văn hóa'.normalize('NFD'), start: activity.start },
      }),
    );
    expect(result.statusCode, result.body).toBe(200);
    expect(json<Activity>(result)).toMatchObject({ version: 1, venue: 'Nhà văn hóa' });
    expect(result.headers.etag).toBe('"1"');
    expect(rows).toHaveLength(0);

    const changed = await auditedBy(() =>
      t.app.inject({
        method: 'PATCH',
        url: `/api/activities/${activity.id}`,
        payload: { venue: 'Hội trường xã' },
      }),
    );
    expect(json<Activity>(changed.result).version).toBe(2);
    expect(changed.rows.map((row) => row.action)).toEqual(['update']);
  });
});
