// DESIGN §4 Auth: 401 before anything else, the session cookie and its lifetime, sign-in
// throttling, the first administrator, and personal API tokens.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OpenAPIV3_1 } from 'openapi-types';
import { beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../db/client';
import { buildApp } from '../../server/app';
import type { ErrorBody } from '../../server/contracts/common';
import type { User } from '../../server/contracts/users';
import { steppedClock, systemClock } from '../../server/domain/time';
import { ensureFirstAdmin } from '../../server/services/users';
import {
  changedTables,
  createUser,
  sessionCookieOf,
  sha256Hex,
  snapshot,
  USER_PASSWORD,
  withSession,
} from '../helpers/accounts';
import {
  ADMIN,
  countRows,
  createTestApp,
  type Injector,
  TEST_TIME_ZONE,
  testAppOfFile,
} from '../helpers/app';
import { errorOf, json } from '../helpers/factories';

const t = testAppOfFile();
/** A viewer, signed in once for the token tests. */
let reader: User;
let readerAs: Injector;

beforeAll(async () => {
  reader = await createUser(t.app, { username: 'doc.gia', role: 'viewer' });
  readerAs = await t.signIn('doc.gia', USER_PASSWORD);
});
type SignIn = { username: string; password: string; address?: string; headers?: Record<string, string> };

function signIn(input: SignIn, server = t.server) {
  return server.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: input.username, password: input.password },
    ...(input.address ? { remoteAddress: input.address } : {}),
    ...(input.headers ? { headers: input.headers } : {}),
  });
}

/** Signs in and returns the session secret, failing the test if refused. */
async function sessionOf(username: string, password = USER_PASSWORD, server = t.server): Promise<string> {
  const response = await signIn({ username, password }, server);
  expect(response.statusCode, response.body).toBe(200);
  const cookie = sessionCookieOf(response);
  if (!cookie) throw new Error('no session cookie');
  return cookie.value;
}

const me = (secret: string, server = t.server) =>
  withSession(server, secret).inject({ method: 'GET', url: '/api/auth/me' });

type SessionRow = {
  id: number;
  user_id: number;
  created_at: string;
  last_seen_at: string;
  ended_at: string | null;
};

function sessionRow(secret: string): SessionRow | undefined {
  return t.db.$client.prepare('select * from sessions where token_hash = ?').get(sha256Hex(secret)) as
    | SessionRow
    | undefined;
}

function setSessionTimes(secret: string, times: { createdAt?: Date; lastSeenAt?: Date }): void {
  const row = sessionRow(secret);
  if (!row) throw new Error('no such session');
  t.db.$client
    .prepare('update sessions set created_at = ?, last_seen_at = ? where id = ?')
    .run(
      (times.createdAt ?? new Date(row.created_at)).toISOString(),
      (times.lastSeenAt ?? new Date(row.last_seen_at)).toISOString(),
      row.id,
    );
}

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

describe('without a session or token', () => {
  /** Answer without an account (DESIGN §4); the share-link routes take the link's secret. */
  const PUBLIC = new Set([
    'GET /api/health',
    'POST /api/auth/login',
    'GET /api/shared/{token}',
    'GET /api/shared/{token}/activities',
  ]);
  type Method = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  const METHODS: readonly Method[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

  it('answers 401 UNAUTHENTICATED on every other route, before validating anything', async () => {
    const doc = json<OpenAPIV3_1.Document>(
      await t.server.inject({ method: 'GET', url: '/api/openapi.json' }),
    );
    const routes = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
      METHODS.filter((method) => item?.[method.toLowerCase() as Lowercase<Exclude<Method, 'HEAD'>>]).map(
        (method) => ({ method, path }),
      ),
    );
    const guarded = routes.filter(({ method, path }) => !PUBLIC.has(`${method} ${path}`));
    expect(guarded.length).toBeGreaterThan(35);

    const before = snapshot(t.db);
    const auditBefore = countRows(t.db, 'audit_log');
    const failures: string[] = [];
    for (const { method, path } of guarded) {
      // Ids that may or may not exist, a bad query and a bad body: none of it may be looked at.
      const url = `${path.replace('{id}', '1').replace('{code}', 'direct').replace('{year}', '2025')}?limit=oops&nope=1`;
      const mutating = method !== 'GET';
      const invalidJson = JSON.stringify({ 'không-hợp-lệ': [1, 2, 3], version: 'x' });
      const attempts: { label: string; headers: Record<string, string>; body?: string }[] = [
        { label: 'no credentials', headers: {} },
        { label: 'an unknown session', headers: { cookie: 'cc_session=not-a-session-at-all' } },
        { label: 'an unknown token', headers: { authorization: 'Bearer not-a-token-at-all' } },
        // Not even the body's type is looked at.
        ...(mutating ? [{ label: 'a text body', headers: { 'content-type': 'text/plain' }, body: 'x' }] : []),
      ];
      for (const { label, headers, body: sentBody } of attempts) {
        const methods: Method[] = method === 'GET' ? ['GET', 'HEAD'] : [method];
        for (const sent of methods) {
          const response = await t.server.inject({
            method: sent,
            url,
            headers: mutating && !sentBody ? { 'content-type': 'application/json', ...headers } : headers,
            ...(mutating ? { payload: sentBody ?? invalidJson } : {}),
          });
          const body = sent === 'HEAD' ? null : errorOf(response);
          const wellFormed =
            body === null ||
            (body.statusCode === 401 &&
              body.code === 'UNAUTHENTICATED' &&
              body.error === 'Unauthorized' &&
              body.message.length > 0 &&
              body.details === undefined);
          if (response.statusCode !== 401 || !wellFormed) {
            failures.push(`${sent} ${url} with ${label}: ${response.statusCode} ${response.body}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
    expect(changedTables(before, snapshot(t.db))).toEqual([]);
    expect(countRows(t.db, 'audit_log')).toBe(auditBefore);
  });

  it('still answers the public routes', async () => {
    expect((await t.server.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    expect((await t.server.inject({ method: 'GET', url: '/api/openapi.json' })).statusCode).toBe(200);
    const docs = await t.server.inject({ method: 'GET', url: '/api/docs' });
    expect(docs.statusCode).toBeLessThan(400);
    // A share link that does not exist is not found, not "sign in first".
    const shared = await t.server.inject({ method: 'GET', url: `/api/shared/${'x'.repeat(43)}` });
    expect(shared.statusCode).toBe(404);
  });
});

describe('signing in', () => {
  it('answers { user } and sets an HttpOnly, SameSite=Lax session cookie for the whole site', async () => {
    const response = await signIn({ username: 'doc.gia', password: USER_PASSWORD });
    expect(response.statusCode).toBe(200);
    const body = json<{ user: User }>(response);
    expect(body).toEqual({ user: reader });
    expect(response.body).not.toMatch(/password/i);
    const cookie = sessionCookieOf(response);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    // Over plain http the cookie cannot be Secure, or the browser would never send it back.
    expect(cookie?.secure).toBeFalsy();
    const session = await me(cookie?.value ?? '');
    expect(session.statusCode).toBe(200);
    expect(json<{ user: User }>(session).user.id).toBe(reader.id);
  });

  it('marks the cookie Secure behind a TLS proxy the server is told to trust, and only then', async () => {
    const proxied = await buildApp({ db: t.db, timeZone: TEST_TIME_ZONE, webRoot: null, trustProxy: true });
    try {
      const https = await signIn(
        { username: 'doc.gia', password: USER_PASSWORD, headers: { 'x-forwarded-proto': 'https' } },
        proxied,
      );
      expect(https.statusCode).toBe(200);
      expect(sessionCookieOf(https)).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax' });
    } finally {
      await proxied.close();
    }
    // Without trustProxy, anyone could send the header: it is ignored.
    const spoofed = await signIn({
      username: 'doc.gia',
      password: USER_PASSWORD,
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(spoofed.statusCode).toBe(200);
    expect(sessionCookieOf(spoofed)?.secure).toBeFalsy();
  });

  it('accepts a 64-character Vietnamese passphrase, however it is normalised', async () => {
    const passphrase = 'Sông Hương núi Ngự, mưa Huế dầm dề, người đi xa vẫn nhớ về quê!!'.normalize('NFC');
    expect([...passphrase]).toHaveLength(64);
    await createUser(t.app, { username: 'cau.dai', role: 'viewer', password: passphrase });
    const signedIn = await signIn({ username: 'cau.dai', password: passphrase });
    expect(signedIn.statusCode).toBe(200);
    expect(json<{ user: User }>(signedIn).user.username).toBe('cau.dai');
    // The same words typed on a keyboard that sends decomposed accents.
    const decomposed = await signIn({ username: 'cau.dai', password: passphrase.normalize('NFD') });
    expect(decomposed.statusCode).toBe(200);
  });

  it('refuses a password of 7 characters when a user is created, and stores nothing', async () => {
    const users = countRows(t.db, 'users');
    for (const password of ['abc1234', 'mậtkhẩu']) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/users',
        payload: { username: 'ngan.qua', displayName: 'Ngắn quá', role: 'viewer', password },
      });
      expect(response.statusCode, password).toBe(400);
      expect(errorOf(response).code).toBe('VALIDATION_FAILED');
      expect(errorOf(response).details?.map((detail) => detail.path)).toEqual(['password']);
    }
    expect(countRows(t.db, 'users')).toBe(users);
  });

  it('answers a wrong password and an unknown user identically', async () => {
    const address = '192.0.2.10';
    const wrongPassword = await signIn({ username: 'doc.gia', password: 'sai mật khẩu rồi', address });
    const unknownUser = await signIn({ username: 'khong.co.ai', password: 'sai mật khẩu rồi', address });
    expect(wrongPassword.statusCode).toBe(401);
    expect(unknownUser.statusCode).toBe(401);
    expect(errorOf(wrongPassword).code).toBe('UNAUTHENTICATED');
    expect(unknownUser.body).toBe(wrongPassword.body);
    expect(sessionCookieOf(wrongPassword)).toBeUndefined();
    expect(sessionCookieOf(unknownUser)).toBeUndefined();
  });

  it('uses a session secret of at least 128 bits and stores only its SHA-256', async () => {
    const secret = await sessionOf('doc.gia');
    expect(secret).toMatch(/^[A-Za-z0-9_-]+$/);
    // base64url: 6 bits a character.
    expect(secret.length * 6).toBeGreaterThanOrEqual(128);
    const row = sessionRow(secret);
    expect(row).toMatchObject({ user_id: reader.id, ended_at: null });
    const stored = JSON.stringify(t.db.$client.prepare('select * from sessions').all());
    expect(stored).not.toContain(secret);
    expect(stored).toContain(sha256Hex(secret));
  });

  it('keeps sessions across a restart of the server', async () => {
    const secret = await sessionOf('doc.gia');
    // A new process: its own connection to the same database file, its own app.
    const db = openDatabase(join(t.dir, 'test.db'));
    const restarted = await buildApp({ db, timeZone: TEST_TIME_ZONE, webRoot: null });
    try {
      const response = await me(secret, restarted);
      expect(response.statusCode).toBe(200);
      expect(json<{ user: User }>(response).user.id).toBe(reader.id);
    } finally {
      await restarted.close();
      closeDatabase(db);
    }
  });

  it('opens a new session at each sign-in and ends the one the browser sent along', async () => {
    const first = await sessionOf('doc.gia');
    const again = await signIn({
      username: 'doc.gia',
      password: USER_PASSWORD,
      headers: { cookie: `cc_session=${first}` },
    });
    expect(again.statusCode).toBe(200);
    const second = sessionCookieOf(again)?.value ?? '';
    expect(second).not.toBe('');
    expect(second).not.toBe(first);
    expect((await me(first)).statusCode).toBe(401);
    expect(sessionRow(first)?.ended_at).not.toBeNull();
    expect((await me(second)).statusCode).toBe(200);
  });

  it('ends the session at sign-out', async () => {
    const secret = await sessionOf('doc.gia');
    const out = await withSession(t.server, secret).inject({ method: 'POST', url: '/api/auth/logout' });
    expect(out.statusCode).toBe(204);
    const cleared = sessionCookieOf(out);
    expect(cleared?.value).toBe('');
    expect(cleared?.expires?.getTime() ?? 0).toBeLessThan(Date.now());
    expect(sessionRow(secret)?.ended_at).not.toBeNull();
    const after = await me(secret);
    expect(after.statusCode).toBe(401);
    expect(errorOf(after).code).toBe('UNAUTHENTICATED');
  });

  it('ends a session idle for 30 minutes', async () => {
    const secret = await sessionOf('doc.gia');
    setSessionTimes(secret, { lastSeenAt: minutesAgo(29) });
    expect((await me(secret)).statusCode).toBe(200);
    setSessionTimes(secret, { lastSeenAt: minutesAgo(31) });
    expect((await me(secret)).statusCode).toBe(401);
    expect(sessionRow(secret)?.ended_at).not.toBeNull();
    // Ended is ended: a fresh last-seen time does not revive it.
    setSessionTimes(secret, { lastSeenAt: new Date() });
    expect((await me(secret)).statusCode).toBe(401);
  });

  it("counts a session's idle time on the app's clock, not the machine's", async () => {
    const clock = steppedClock();
    const app = await createTestApp({ clock });
    try {
      const secret = await sessionOf(ADMIN.username, ADMIN.password, app.server);
      clock.advance(29 * 60_000);
      expect((await me(secret, app.server)).statusCode).toBe(200);
      // The request above touched the session: idle again from here.
      clock.advance(29 * 60_000);
      expect((await me(secret, app.server)).statusCode).toBe(200);
      clock.advance(31 * 60_000);
      expect((await me(secret, app.server)).statusCode).toBe(401);
    } finally {
      await app.close();
    }
  });

  it('ends a session 12 hours after sign-in, however busy', async () => {
    const secret = await sessionOf('doc.gia');
    setSessionTimes(secret, { createdAt: minutesAgo(12 * 60 - 1), lastSeenAt: new Date() });
    expect((await me(secret)).statusCode).toBe(200);
    setSessionTimes(secret, { createdAt: minutesAgo(12 * 60 + 1), lastSeenAt: new Date() });
    expect((await me(secret)).statusCode).toBe(401);
    expect(sessionRow(secret)?.ended_at).not.toBeNull();
  });

  it('signs a disabled user out on their next request, cookie and token alike', async () => {
    const leaver = await createUser(t.app, { username: 'sap.nghi', role: 'viewer' });
    const secret = await sessionOf('sap.nghi');
    const token = json<{ secret: string }>(
      await withSession(t.server, secret).inject({
        method: 'POST',
        url: '/api/me/tokens',
        payload: { name: 'Script' },
      }),
    ).secret;
    const bearer = { authorization: `Bearer ${token}` };
    expect((await me(secret)).statusCode).toBe(200);
    expect((await t.server.inject({ method: 'GET', url: '/api/auth/me', headers: bearer })).statusCode).toBe(
      200,
    );

    const disabled = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${leaver.id}`,
      payload: { disabled: true },
    });
    expect(disabled.statusCode).toBe(200);
    expect(json<User>(disabled).disabled).toBe(true);

    expect((await me(secret)).statusCode).toBe(401);
    expect((await t.server.inject({ method: 'GET', url: '/api/auth/me', headers: bearer })).statusCode).toBe(
      401,
    );
    // And cannot sign in again; the answer says no more than for a wrong password.
    const again = await signIn({ username: 'sap.nghi', password: USER_PASSWORD, address: '192.0.2.20' });
    expect(again.statusCode).toBe(401);
    expect(sessionCookieOf(again)).toBeUndefined();
  });

  // Found here: a patch of the password alone changes nothing the API shows, so the
  // "nothing changed" rule of auditedUpdate (server/services/records.ts:42) rolls the reset
  // back, and answers 200 (server/services/users.ts:121-156).
  it("takes an administrator's password reset: the new password works, the old one and open sessions end", async () => {
    const user = await createUser(t.app, { username: 'quen.mat.khau', role: 'viewer' });
    const secret = await sessionOf('quen.mat.khau');
    const renewed = 'mật khẩu mới do quản trị cấp';
    const reset = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      payload: { password: renewed },
    });
    expect(reset.statusCode).toBe(200);
    expect(reset.body).not.toContain(renewed);
    const address = '192.0.2.30';
    expect((await signIn({ username: 'quen.mat.khau', password: renewed, address })).statusCode).toBe(200);
    expect((await signIn({ username: 'quen.mat.khau', password: USER_PASSWORD, address })).statusCode).toBe(
      401,
    );
    expect((await me(secret)).statusCode).toBe(401);
    expect(json<User>(reset).version).toBe(user.version + 1);
  });

  it('slows down guessing: the 6th try after 5 failures is 429, for that user from that address only', async () => {
    await createUser(t.app, { username: 'bi.doan', role: 'viewer' });
    const address = '203.0.113.7';
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const wrong = await signIn({ username: 'bi.doan', password: `đoán mò lần ${attempt}`, address });
      expect(wrong.statusCode, `attempt ${attempt}`).toBe(401);
    }
    const blocked = await signIn({ username: 'bi.doan', password: USER_PASSWORD, address });
    expect(blocked.statusCode).toBe(429);
    expect(errorOf(blocked).code).toBe('RATE_LIMITED');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(sessionCookieOf(blocked)).toBeUndefined();

    // Another user from the same address, and the same user from elsewhere, still get in.
    expect((await signIn({ username: 'doc.gia', password: USER_PASSWORD, address })).statusCode).toBe(200);
    const elsewhere = await signIn({ username: 'bi.doan', password: USER_PASSWORD, address: '198.51.100.9' });
    expect(elsewhere.statusCode).toBe(200);
    expect(sessionCookieOf(elsewhere)).toBeDefined();
  });
});

describe('the first administrator', () => {
  it('is created on an empty database with a generated password, once, and never with a default one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'calendar-first-admin-'));
    const db = openDatabase(join(dir, 'empty.db'));
    const app = await buildApp({ db, timeZone: TEST_TIME_ZONE, webRoot: null });
    try {
      const ctx = { db, timeZone: TEST_TIME_ZONE, now: systemClock, actor: null };
      const first = await ensureFirstAdmin(ctx, { username: 'admin', password: undefined });
      const generated = first?.generatedPassword ?? '';
      expect(first?.username).toBe('admin');
      expect(generated.length).toBeGreaterThanOrEqual(16);
      expect(db.$client.prepare('select username, role from users').all()).toEqual([
        { username: 'admin', role: 'admin' },
      ]);

      const signedIn = await signIn({ username: 'admin', password: generated }, app);
      expect(signedIn.statusCode).toBe(200);
      expect(json<{ user: User }>(signedIn).user).toMatchObject({ username: 'admin', role: 'admin' });
      const defaultPassword = await signIn({ username: 'admin', password: 'admin' }, app);
      expect(defaultPassword.statusCode).toBe(401);

      expect(await ensureFirstAdmin(ctx, { username: 'admin', password: undefined })).toBeNull();
      expect(await ensureFirstAdmin(ctx, { username: 'other', password: 'mật khẩu khác hẳn' })).toBeNull();
      expect(countRows(db, 'users')).toBe(1);
    } finally {
      await app.close();
      closeDatabase(db);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('personal API tokens', () => {
  type NewToken = { id: number; kind: string; name: string; secret: string; revokedAt: string | null };
  type TokenList = { items: Record<string, unknown>[] };

  async function newToken(kind: 'api' | 'feed', name: string): Promise<NewToken> {
    const response = await readerAs.inject({
      method: 'POST',
      url: '/api/me/tokens',
      payload: { kind, name },
    });
    expect(response.statusCode).toBe(201);
    return json<NewToken>(response);
  }

  const asBearer = (secret: string) =>
    t.server.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${secret}` } });

  it('shows the secret once, stores only its hash, and signs a script in with it', async () => {
    const token = await newToken('api', 'Script báo cáo tháng');
    expect(token).toMatchObject({ kind: 'api', name: 'Script báo cáo tháng', revokedAt: null });
    expect(token.secret.length * 6).toBeGreaterThanOrEqual(128);

    const list = await readerAs.inject({ method: 'GET', url: '/api/me/tokens' });
    expect(list.statusCode).toBe(200);
    const listed = json<TokenList>(list).items.find((item) => item.id === token.id);
    expect(listed).toMatchObject({ id: token.id, name: 'Script báo cáo tháng', lastUsedAt: null });
    expect(listed).not.toHaveProperty('secret');
    expect(list.body).not.toContain(token.secret);

    const stored = t.db.$client.prepare('select * from api_tokens where id = ?').get(token.id);
    expect(stored).toMatchObject({
      user_id: reader.id,
      token_hash: sha256Hex(token.secret),
      revoked_at: null,
    });
    expect(JSON.stringify(stored)).not.toContain(token.secret);

    const response = await asBearer(token.secret);
    expect(response.statusCode).toBe(200);
    expect(json<{ user: User }>(response).user.id).toBe(reader.id);
    expect(
      t.db.$client.prepare('select last_used_at from api_tokens where id = ?').get(token.id),
    ).not.toEqual({
      last_used_at: null,
    });
  });

  it('stops working once revoked', async () => {
    const token = await newToken('api', 'Script cũ');
    expect((await asBearer(token.secret)).statusCode).toBe(200);
    const revoked = await readerAs.inject({ method: 'DELETE', url: `/api/me/tokens/${token.id}` });
    expect(revoked.statusCode).toBe(204);
    const refused = await asBearer(token.secret);
    expect(refused.statusCode).toBe(401);
    expect(json<ErrorBody>(refused).code).toBe('UNAUTHENTICATED');
    const listed = json<TokenList>(
      await readerAs.inject({ method: 'GET', url: '/api/me/tokens' }),
    ).items.find((item) => item.id === token.id);
    expect(listed?.revokedAt).toEqual(expect.any(String));
    // Revoked once is revoked: a second revocation finds nothing.
    expect((await readerAs.inject({ method: 'DELETE', url: `/api/me/tokens/${token.id}` })).statusCode).toBe(
      404,
    );
  });

  it('does not take a calendar feed token as a Bearer token', async () => {
    const feed = await newToken('feed', 'Lịch trên điện thoại');
    expect(feed.kind).toBe('feed');
    const response = await asBearer(feed.secret);
    expect(response.statusCode).toBe(401);
    expect(json<ErrorBody>(response).code).toBe('UNAUTHENTICATED');
  });
});
