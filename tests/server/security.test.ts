// Cross-site request refusal, JSON-only bodies, and the security headers on every answer.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Activity, ActivityInput } from '../../server/contracts/activities';
import type { Campaign } from '../../server/contracts/campaigns';
import { changedTables, sessionCookieOf, snapshot, withSession } from '../helpers/accounts';
import { ADMIN, countRows, createTestApp, type Injector, testAppOfFile } from '../helpers/app';
import { agencyIdByCode, errorOf, getJson, json, postActivity } from '../helpers/factories';

const t = testAppOfFile();
let input: ActivityInput;
let activity: Activity;
let adminSecret: string;
let bearer: string;

beforeAll(async () => {
  input = {
    title: 'Hội thi tìm hiểu pháp luật',
    typeCode: 'law_contest',
    start: '2025-08-12',
    leadAgencyId: await agencyIdByCode(t.app, 'SGDDT'),
    targetGroupCodes: ['students_secondary'],
  };
  activity = await postActivity(t.app, input);
  const login = await t.server.inject({ method: 'POST', url: '/api/auth/login', payload: ADMIN });
  adminSecret = sessionCookieOf(login)?.value ?? '';
  const token = await t.app.inject({ method: 'POST', url: '/api/me/tokens', payload: { name: 'Script' } });
  bearer = json<{ secret: string }>(token).secret;
});
/** Runs requests and says what they stored: the tables they changed and the audit rows they added. */
async function storedBy(send: () => Promise<void>) {
  const before = snapshot(t.db);
  const audit = countRows(t.db, 'audit_log');
  await send();
  return { changed: changedTables(before, snapshot(t.db)), auditRows: countRows(t.db, 'audit_log') - audit };
}

describe('a write from another site', () => {
  const EVIL = 'http://evil.example';
  const admin = () => withSession(t.server, adminSecret);

  it('is refused (403) whatever credentials it carries, and stores nothing', async () => {
    const attempts: { label: string; as: Injector; headers: Record<string, string> }[] = [
      { label: 'a session cookie', as: admin(), headers: { origin: EVIL } },
      { label: 'a Bearer token', as: t.server, headers: { origin: EVIL, authorization: `Bearer ${bearer}` } },
      { label: 'nothing', as: t.server, headers: { origin: EVIL } },
      { label: 'an opaque origin', as: admin(), headers: { origin: 'null' } },
      {
        label: 'another port',
        as: admin(),
        headers: { host: 'localhost:3000', origin: 'http://localhost:8080' },
      },
      { label: 'Sec-Fetch-Site: cross-site', as: admin(), headers: { 'sec-fetch-site': 'cross-site' } },
      { label: 'Sec-Fetch-Site: same-site', as: admin(), headers: { 'sec-fetch-site': 'same-site' } },
    ];
    const writes = [
      { method: 'POST', url: '/api/activities', payload: { ...input, title: 'Chèn từ trang lạ' } },
      { method: 'PATCH', url: `/api/activities/${activity.id}`, payload: { title: 'Sửa từ trang lạ' } },
      { method: 'DELETE', url: `/api/activities/${activity.id}` },
      { method: 'POST', url: `/api/activities/${activity.id}/restore` },
      { method: 'PUT', url: '/api/catalog/observances/law_day/themes/2030', payload: { theme: 'Lạ' } },
      { method: 'POST', url: '/api/me/tokens', payload: { name: 'Mã của kẻ lạ' } },
      { method: 'POST', url: '/api/auth/login', payload: ADMIN },
      { method: 'POST', url: '/api/auth/logout' },
    ] as const;
    const failures: string[] = [];
    const stored = await storedBy(async () => {
      for (const attempt of attempts) {
        for (const write of writes) {
          const response = await attempt.as.inject({ ...write, headers: attempt.headers });
          if (response.statusCode !== 403 || errorOf(response).code !== 'FORBIDDEN') {
            failures.push(`${write.method} ${write.url} with ${attempt.label}: ${response.statusCode}`);
          }
          if (sessionCookieOf(response)) failures.push(`${write.method} ${write.url} set a session cookie`);
        }
      }
    });
    expect(failures).toEqual([]);
    expect(stored).toEqual({ changed: [], auditRows: 0 });
    // The refused sign-out did not end the session it carried.
    expect((await admin().inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    expect(await getJson<Activity>(t.app, `/api/activities/${activity.id}`)).toEqual(activity);
  });

  it('may read, but the answer grants no other site access to it', async () => {
    const response = await admin().inject({ method: 'GET', url: '/api/auth/me', headers: { origin: EVIL } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    expect(response.headers['access-control-allow-credentials']).toBeUndefined();
  });
});

describe('a write from this site', () => {
  it('goes through with its own Origin, with Sec-Fetch-Site: same-origin, or with neither (a script)', async () => {
    const cases: { label: string; headers: Record<string, string> }[] = [
      { label: 'its own origin', headers: { host: 'lich.hue.gov.vn', origin: 'https://lich.hue.gov.vn' } },
      {
        label: 'its own origin and port',
        headers: { host: 'localhost:3000', origin: 'http://localhost:3000' },
      },
      { label: 'Sec-Fetch-Site: same-origin', headers: { 'sec-fetch-site': 'same-origin' } },
      { label: 'no Origin', headers: {} },
    ];
    for (const { label, headers } of cases) {
      const name = `Chiến dịch (${label})`;
      const response = await withSession(t.server, adminSecret).inject({
        method: 'POST',
        url: '/api/campaigns',
        headers,
        payload: { name, startDate: '2025-08-01', endDate: '2025-08-31' },
      });
      expect(response.statusCode, `${label}: ${response.body}`).toBe(201);
      const campaign = json<Campaign>(response);
      expect(await getJson<Campaign>(t.app, `/api/campaigns/${campaign.id}`)).toMatchObject({ name });
    }
  });
});

describe('a body that is not JSON', () => {
  it('is refused with 415 UNSUPPORTED_MEDIA_TYPE and stores nothing', async () => {
    const bodies = [
      {
        type: 'application/x-www-form-urlencoded',
        payload: 'title=Form&typeCode=law_contest&start=2025-08-12',
      },
      { type: 'text/plain', payload: JSON.stringify({ ...input, title: 'Văn bản thuần' }) },
      { type: 'text/plain;charset=UTF-8', payload: JSON.stringify(input) },
      {
        type: 'multipart/form-data; boundary=x',
        payload: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--',
      },
    ];
    const routes = [
      { method: 'POST', url: '/api/activities' },
      { method: 'PATCH', url: `/api/activities/${activity.id}` },
      { method: 'POST', url: '/api/auth/login' },
    ] as const;
    const answers: { label: string; response: LightMyRequestResponse }[] = [];
    const stored = await storedBy(async () => {
      for (const route of routes) {
        for (const body of bodies) {
          answers.push({
            label: `${route.method} ${route.url} as ${body.type}`,
            response: await t.app.inject({
              ...route,
              headers: { 'content-type': body.type },
              payload: body.payload,
            }),
          });
        }
      }
    });
    for (const { label, response } of answers) {
      expect(response.statusCode, label).toBe(415);
      expect(errorOf(response), label).toMatchObject({ statusCode: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
    }
    expect(stored).toEqual({ changed: [], auditRows: 0 });
  });
});

describe('security headers', () => {
  function expectSecurityHeaders(response: LightMyRequestResponse, label: string): void {
    const policy = String(response.headers['content-security-policy'] ?? '');
    expect(policy, label).toContain("default-src 'self'");
    expect(policy, label).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options'], label).toBe('nosniff');
    expect(
      ['no-referrer', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin'],
      label,
    ).toContain(response.headers['referrer-policy']);
    expect(response.headers['x-frame-options'], label).toBe('DENY');
  }

  it('are on JSON answers and on error answers alike', async () => {
    const answers: { label: string; status: number; send: () => Promise<LightMyRequestResponse> }[] = [
      { label: 'health', status: 200, send: () => t.server.inject({ method: 'GET', url: '/api/health' }) },
      {
        label: 'a list',
        status: 200,
        send: () => t.app.inject({ method: 'GET', url: '/api/activities?start=2025-08-01&end=2025-09-01' }),
      },
      { label: 'not found', status: 404, send: () => t.app.inject({ method: 'GET', url: '/api/khong-co' }) },
      {
        label: 'no record',
        status: 404,
        send: () => t.app.inject({ method: 'GET', url: '/api/activities/999999' }),
      },
      {
        label: 'unauthenticated',
        status: 401,
        send: () => t.server.inject({ method: 'GET', url: '/api/users' }),
      },
      {
        label: 'cross-site',
        status: 403,
        send: () =>
          t.app.inject({
            method: 'POST',
            url: '/api/campaigns',
            headers: { origin: 'http://evil.example' },
            payload: {},
          }),
      },
      {
        label: 'invalid',
        status: 400,
        send: () => t.app.inject({ method: 'GET', url: '/api/activities?limit=0' }),
      },
      {
        label: 'not JSON',
        status: 415,
        send: () =>
          t.app.inject({
            method: 'POST',
            url: '/api/campaigns',
            headers: { 'content-type': 'text/plain' },
            payload: 'x',
          }),
      },
    ];
    for (const { label, status, send } of answers) {
      const response = await send();
      expect(response.statusCode, label).toBe(status);
      expect(response.headers['content-type'], label).toMatch(/^application\/json/);
      expectSecurityHeaders(response, label);
    }
  });

  it('keep frame-ancestors on the API docs page, which brings its own policy', async () => {
    const docs = await t.server.inject({ method: 'GET', url: '/api/docs' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toMatch(/^text\/html/);
    expectSecurityHeaders(docs, 'docs');
  });

  // A web root of its own, so that this test never depends on whether web/dist was built first.
  it('are on the web app’s pages and static files', async () => {
    const webRoot = mkdtempSync(join(tmpdir(), 'calendar-web-'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><html lang="vi"><title>Lịch</title></html>');
    mkdirSync(join(webRoot, 'assets'));
    writeFileSync(join(webRoot, 'assets', 'app.js'), 'export {};');
    const web = await createTestApp({ webRoot });
    try {
      for (const [label, url, type] of [
        ['the home page', '/', /^text\/html/],
        ['a deep link', '/lich/2025/07', /^text\/html/],
        ['a static file', '/assets/app.js', /^(text|application)\/javascript/],
      ] as const) {
        const response = await web.server.inject({ method: 'GET', url });
        expect(response.statusCode, label).toBe(200);
        expect(response.headers['content-type'], label).toMatch(type);
        expectSecurityHeaders(response, label);
      }
    } finally {
      await web.close();
      rmSync(webRoot, { recursive: true, force: true });
    }
  });
});
