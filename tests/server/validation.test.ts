// Point 6: bad input. Every refusal is a 4xx with the error body of DESIGN §4 that names
// the field, and stores nothing.
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ActivityInput } from '../../server/contracts/activities';
import { ErrorBody } from '../../server/contracts/common';
import { isRefusalKey, type RefusalParams, refusalText } from '../../server/domain/refusals';
import { countRows, testAppOfFile } from '../helpers/app';
import { activityBody, agencyIdByCode, detailPaths, unitIdByCode } from '../helpers/factories';

const t = testAppOfFile();
let valid: ActivityInput;
beforeAll(async () => {
  valid = await activityBody(t.app, { start: '2025-08-05' });
});
/** The body is exactly the error shape of DESIGN §4, and agrees with the status. */
function expectErrorBody(response: LightMyRequestResponse, status: number, code: string): ErrorBody {
  expect(response.statusCode).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  const body = ErrorBody.strict().parse(response.json());
  expect(Object.keys(body).sort()).toEqual(
    ['statusCode', 'code', 'error', 'message', 'key', 'params', ...(body.details ? ['details'] : [])].sort(),
  );
  // Every refusal carries a key the web can word in English: a catalogue key whose Vietnamese
  // words are the message, or one of zod's own issue codes.
  for (const refused of [body, ...(body.details ?? [])]) {
    const key = refused.key ?? '';
    if (isRefusalKey(key)) expect(refusalText(key, refused.params as RefusalParams)).toBe(refused.message);
    else expect(key).toMatch(/^zod\.[a-z_]+$/);
  }
  expect(body.statusCode).toBe(status);
  expect(body.code).toBe(code);
  expect(body.error.length).toBeGreaterThan(0);
  expect(body.message.length).toBeGreaterThan(0);
  for (const detail of body.details ?? []) expect(detail.message.length).toBeGreaterThan(0);
  return body;
}

/** POSTs raw text as JSON, for bodies that JSON.stringify cannot produce. */
function postRaw(payload: string, contentType = 'application/json') {
  return t.app.inject({
    method: 'POST',
    url: '/api/activities',
    headers: { 'content-type': contentType },
    payload,
  });
}

describe('POST /api/activities with a bad field', () => {
  const without = (input: ActivityInput, key: keyof ActivityInput): Record<string, unknown> => {
    const { [key]: _dropped, ...rest } = input;
    return rest;
  };

  const cases: [string, () => Promise<Record<string, unknown>>, string][] = [
    ['missing title', async () => without(valid, 'title'), 'title'],
    ['blank title', async () => ({ ...valid, title: '   ' }), 'title'],
    ['title of 301 characters', async () => ({ ...valid, title: 'a'.repeat(301) }), 'title'],
    ['unknown typeCode', async () => ({ ...valid, typeCode: 'no_such_type' }), 'typeCode'],
    ['malformed typeCode', async () => ({ ...valid, typeCode: 'có dấu' }), 'typeCode'],
    [
      'unknown targetGroupCodes entry',
      async () => ({ ...valid, targetGroupCodes: ['youth', 'martians'] }),
      'targetGroupCodes.1',
    ],
    ['unknown channelCodes entry', async () => ({ ...valid, channelCodes: ['pigeon'] }), 'channelCodes.0'],
    [
      'unknown expected indicator beside a known one',
      async () => ({ ...valid, expected: { attendances: 10, smiles: 3 } }),
      'expected.smiles',
    ],
    ['unknown leadAgencyId', async () => ({ ...valid, leadAgencyId: 999999 }), 'leadAgencyId'],
    [
      'unknown partnerAgencyIds entry',
      async () => ({ ...valid, partnerAgencyIds: [999999] }),
      'partnerAgencyIds.0',
    ],
    ['unknown unitIds entry', async () => ({ ...valid, unitIds: [999999] }), 'unitIds.0'],
    ['unknown taskId', async () => ({ ...valid, taskId: 999999 }), 'taskId'],
    ['unknown campaignId', async () => ({ ...valid, campaignId: 999999 }), 'campaignId'],
    [
      'lead agency not valid on the start date (CA_TTH in 2025)',
      async () => ({ ...valid, leadAgencyId: await agencyIdByCode(t.app, 'CA_TTH') }),
      'leadAgencyId',
    ],
    [
      'partner agency not valid on the start date',
      async () => ({ ...valid, partnerAgencyIds: [await agencyIdByCode(t.app, 'LHPN_TTH')] }),
      'partnerAgencyIds.0',
    ],
    [
      'unit not valid on the start date (a district abolished on 1/7/2025)',
      async () => ({ ...valid, unitIds: [await unitIdByCode(t.app, 'HUE_Q_PHU_XUAN')] }),
      'unitIds.0',
    ],
    [
      'lead agency also a partner',
      async () => ({ ...valid, partnerAgencyIds: [valid.leadAgencyId] }),
      'partnerAgencyIds',
    ],
    ['end before start', async () => ({ ...valid, start: '2025-08-05', end: '2025-08-04' }), 'end'],
    ['end equal to start', async () => ({ ...valid, start: '2025-08-05', end: '2025-08-05' }), 'end'],
    [
      'timed end before start',
      async () => ({ ...valid, start: '2025-08-05T10:00:00+07:00', end: '2025-08-05T09:00:00+07:00' }),
      'end',
    ],
    ['start on 30 February', async () => ({ ...valid, start: '2025-02-30' }), 'start'],
    ['date-time without offset', async () => ({ ...valid, start: '2025-07-30T08:00:00' }), 'start'],
    [
      'all-day with a date-time start',
      async () => ({ ...valid, allDay: true, start: '2025-07-30T08:00:00Z' }),
      'start',
    ],
    ['timed with a date start', async () => ({ ...valid, allDay: false, start: '2025-07-30' }), 'start'],
    [
      'mixed start and end forms',
      async () => ({ ...valid, start: '2025-07-30', end: '2025-07-31T08:00:00Z' }),
      'end',
    ],
    [
      'negative expected figure',
      async () => ({ ...valid, expected: { attendances: -1 } }),
      'expected.attendances',
    ],
    [
      'fractional expected figure',
      async () => ({ ...valid, expected: { attendances: 12.5 } }),
      'expected.attendances',
    ],
    ['string where a number belongs', async () => ({ ...valid, leadAgencyId: '12' }), 'leadAgencyId'],
    ['unknown status', async () => ({ ...valid, status: 'finished' }), 'status'],
    ['unknown field', async () => ({ ...valid, foo: 1 }), 'foo'],
    ['server-owned field', async () => ({ ...valid, version: 3 }), 'version'],
  ];

  it.each(cases)('%s → 400 VALIDATION_FAILED naming the field, nothing stored', async (_name, body, path) => {
    const activitiesBefore = countRows(t.db, 'activities');
    const auditBefore = countRows(t.db, 'audit_log');
    const response = await t.app.inject({ method: 'POST', url: '/api/activities', payload: await body() });
    expectErrorBody(response, 400, 'VALIDATION_FAILED');
    expect(detailPaths(response)).toContain(path);
    expect(countRows(t.db, 'activities')).toBe(activitiesBefore);
    expect(countRows(t.db, 'audit_log')).toBe(auditBefore);
  });

  it('names the unknown indicator key, not its neighbour', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/activities',
      payload: { ...valid, expected: { attendances: 10, smiles: 3, sessions: 1, frowns: 2 } },
    });
    expectErrorBody(response, 400, 'VALIDATION_FAILED');
    expect(detailPaths(response)).toEqual(['expected.smiles', 'expected.frowns']);
  });

  it('names every wrong field of a form at once', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/activities',
      payload: { ...valid, typeCode: 'no_such_type', leadAgencyId: 999999, unitIds: [999998] },
    });
    expectErrorBody(response, 400, 'VALIDATION_FAILED');
    expect(detailPaths(response)).toEqual(expect.arrayContaining(['typeCode', 'leadAgencyId', 'unitIds.0']));
  });

  it('accepts the valid body the cases vary (so each refusal is about its field)', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/activities', payload: valid });
    expect(response.statusCode).toBe(201);
  });

  it('accepts a JSON body that starts with a byte-order mark', async () => {
    const response = await postRaw(`\uFEFF${JSON.stringify(valid)}`);
    expect(response.statusCode).toBe(201);
  });
});

describe('POST /api/activities with a bad body', () => {
  it('refuses a nested __proto__ key, naming where it is', async () => {
    const response = await postRaw(
      JSON.stringify(valid).replace('"expected":{', '"expected":{"__proto__":{"x":1},'),
    );
    expectErrorBody(response, 400, 'VALIDATION_FAILED');
    expect(detailPaths(response)).toEqual(['expected.__proto__']);
  });

  it('refuses a __proto__ key with 400 VALIDATION_FAILED and stores nothing', async () => {
    const before = countRows(t.db, 'activities');
    const fields = JSON.stringify(valid).slice(1);
    const response = await postRaw(`{"__proto__": {"x": 1}, ${fields}`);
    expectErrorBody(response, 400, 'VALIDATION_FAILED');
    expect(detailPaths(response)).toContain('__proto__');
    expect(countRows(t.db, 'activities')).toBe(before);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('refuses a constructor.prototype key with 400', async () => {
    const before = countRows(t.db, 'activities');
    const fields = JSON.stringify(valid).slice(1);
    const response = await postRaw(`{"constructor": {"prototype": {"x": 1}}, ${fields}`);
    expectErrorBody(response, 400, 'VALIDATION_FAILED');
    expect(detailPaths(response)).toContain('constructor.prototype');
    expect(countRows(t.db, 'activities')).toBe(before);
  });

  it.each([
    ['malformed JSON', '{"title": "x",', 'body'],
    ['a bare string', '"hello"', 'body'],
    ['an array', '[]', 'body'],
    ['null', 'null', 'body'],
    ['an empty body', '', 'body'],
  ])('refuses %s with 400 VALIDATION_FAILED', async (_name, payload, path) => {
    const before = countRows(t.db, 'activities');
    const response = await postRaw(payload);
    expectErrorBody(response, 400, 'VALIDATION_FAILED');
    expect(detailPaths(response)).toEqual([path]);
    expect(countRows(t.db, 'activities')).toBe(before);
  });

  it('refuses a body over 1 MiB with 413 PAYLOAD_TOO_LARGE', async () => {
    const before = countRows(t.db, 'activities');
    const response = await postRaw(JSON.stringify({ ...valid, description: 'x'.repeat(1024 * 1024 + 1) }));
    expectErrorBody(response, 413, 'PAYLOAD_TOO_LARGE');
    expect(countRows(t.db, 'activities')).toBe(before);
  });

  it.each([
    ['text/plain', JSON.stringify({ title: 'x' })],
    ['application/x-www-form-urlencoded', 'title=x&typeCode=rally'],
    [
      'multipart/form-data; boundary=x',
      '--x\r\nContent-Disposition: form-data; name="title"\r\n\r\nx\r\n--x--',
    ],
    ['application/xml', '<activity/>'],
  ])('refuses a %s body with 415 UNSUPPORTED_MEDIA_TYPE', async (contentType, payload) => {
    const before = countRows(t.db, 'activities');
    const response = await postRaw(payload, contentType);
    expectErrorBody(response, 415, 'UNSUPPORTED_MEDIA_TYPE');
    expect(countRows(t.db, 'activities')).toBe(before);
  });
});

describe('other routes', () => {
  it('answers an unknown path with 404 NOT_FOUND in the same shape', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expectErrorBody(response, 404, 'NOT_FOUND');
  });

  it('never answers a bad request with a 5xx', async () => {
    const requests = [
      { method: 'PATCH', url: '/api/activities/1', payload: '{"title":', contentType: 'application/json' },
      { method: 'PATCH', url: '/api/activities/1', payload: 'x', contentType: 'text/plain' },
      { method: 'POST', url: '/api/units', payload: '{"code": 1}', contentType: 'application/json' },
      { method: 'POST', url: '/api/agencies', payload: '{}', contentType: 'application/json' },
      { method: 'POST', url: '/api/plans', payload: '{"year": "2024"}', contentType: 'application/json' },
      { method: 'POST', url: '/api/plans/1/tasks', payload: '{"code": ""}', contentType: 'application/json' },
      { method: 'POST', url: '/api/campaigns', payload: '{"name": null}', contentType: 'application/json' },
      { method: 'PATCH', url: '/api/tasks/1', payload: '{"targets": [{}]}', contentType: 'application/json' },
      {
        method: 'GET',
        url: '/api/activities/99999999999999999999',
        payload: undefined,
        contentType: undefined,
      },
      { method: 'GET', url: '/api/activities?start=%E0%A4%A', payload: undefined, contentType: undefined },
      { method: 'GET', url: '/api/units?parentId=-1', payload: undefined, contentType: undefined },
      { method: 'GET', url: '/api/campaigns?from=2024-13-01', payload: undefined, contentType: undefined },
    ] as const;
    for (const request of requests) {
      const response = await t.app.inject({
        method: request.method,
        url: request.url,
        ...(request.payload === undefined ? {} : { payload: request.payload }),
        ...(request.contentType ? { headers: { 'content-type': request.contentType } } : {}),
      });
      expect(response.statusCode, `${request.method} ${request.url}`).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, `${request.method} ${request.url}: ${response.body}`).toBeLessThan(500);
      ErrorBody.parse(response.json());
    }
  });
});
