// A test app on a freshly migrated SQLite file of its own, seeded with the reference
// data (not the demo data), with a first administrator. Tests speak to it only through
// inject(): `app` is signed in as that administrator, `signIn` gives any other user's
// view, and `server` is the bare app (anonymous requests, listen()).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { closeDatabase, type Db, openDatabase } from '../../db/client';
import { seedDatabase } from '../../db/seed/load';
import { type App, buildApp } from '../../server/app';
import { type Clock, systemClock } from '../../server/domain/time';
import { ensureFirstAdmin } from '../../server/services/users';

export const TEST_TIME_ZONE = 'Asia/Ho_Chi_Minh';
export const ADMIN = { username: 'admin', password: 'mật khẩu quản trị thử nghiệm' } as const;

/** Something that answers requests as one user: the app plus that user's session cookie. */
export type Injector = { inject: (options: InjectOptions) => Promise<LightMyRequestResponse> };

export type TestApp = {
  app: Injector;
  server: App;
  db: Db;
  dir: string;
  signIn: (username: string, password: string) => Promise<Injector>;
  close: () => Promise<void>;
};

/** Signs in through the API and returns an injector that carries the session cookie. */
export async function signInAs(server: App, username: string, password: string): Promise<Injector> {
  const response = await server.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
  });
  if (response.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${response.body}`);
  const session = response.cookies.find((cookie) => cookie.name === 'cc_session');
  if (!session) throw new Error('sign-in set no session cookie');
  const cookie = `cc_session=${session.value}`;
  return {
    inject: (options) => server.inject({ ...options, headers: { cookie, ...options.headers } }),
  };
}

export async function createTestApp(
  options: { webRoot?: string | null; seed?: boolean; clock?: Clock } = {},
): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'calendar-test-'));
  const db = openDatabase(join(dir, 'test.db'));
  if (options.seed ?? true) seedDatabase(db);
  const clock = options.clock ?? systemClock;
  await ensureFirstAdmin({ db, timeZone: TEST_TIME_ZONE, now: clock, actor: null }, ADMIN);
  const server = await buildApp({
    db,
    timeZone: TEST_TIME_ZONE,
    clock,
    webRoot: options.webRoot ?? null,
    uploadDir: join(dir, 'uploads'),
  });
  await server.ready();
  return {
    app: await signInAs(server, ADMIN.username, ADMIN.password),
    server,
    db,
    dir,
    signIn: (username, password) => signInAs(server, username, password),
    close: async () => {
      await server.close();
      closeDatabase(db);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The test app of a whole test file: built on a fresh database before its first test and
 * closed after its last, so that no file repeats the setup. Its fields are there from the
 * first `beforeAll` of the file on (this one is registered first).
 */
export function testAppOfFile(options: Parameters<typeof createTestApp>[0] = {}): TestApp {
  const holder = {} as TestApp;
  beforeAll(async () => {
    Object.assign(holder, await createTestApp(options));
  });
  afterAll(async () => {
    await holder.close?.();
  });
  return holder;
}

/** Rows in a table, to prove that a refused request stored nothing. */
export function countRows(db: Db, table: string): number {
  const row = db.$client.prepare(`select count(*) as n from "${table}"`).get() as { n: number };
  return row.n;
}
