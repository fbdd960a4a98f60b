// Helpers of the account tests: users made through the API, session cookies, the audit
// trail and whole-database snapshots (to prove that a refused request stored nothing).
import { createHash } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import type { Db } from '../../db/client';
import type { App } from '../../server/app';
import type { Role, User } from '../../server/contracts/users';
import { addDays, todayIn } from '../../server/domain/time';
import { type Injector, TEST_TIME_ZONE, type TestApp } from './app';

/** The password of every user these tests make: long enough, and not ASCII. */
export const USER_PASSWORD = 'mật khẩu người dùng thử nghiệm';

export type NewUser = {
  username: string;
  role: Role;
  agencyId?: number | null;
  unitIds?: number[];
  password?: string;
  displayName?: string;
};

/** Creates a user through the API as the given administrator; fails the test if refused. */
export async function createUser(admin: Injector, input: NewUser): Promise<User> {
  const response = await admin.inject({
    method: 'POST',
    url: '/api/users',
    payload: {
      displayName: input.displayName ?? `Người dùng ${input.username}`,
      password: USER_PASSWORD,
      ...input,
    },
  });
  if (response.statusCode !== 201) {
    throw new Error(`POST /api/users (${input.username}) answered ${response.statusCode}: ${response.body}`);
  }
  return response.json<User>();
}

/** A user and an injector signed in as that user. */
export type SignedInUser = { user: User; as: Injector };

export async function createSignedInUser(t: TestApp, input: NewUser): Promise<SignedInUser> {
  const user = await createUser(t.app, input);
  return { user, as: await t.signIn(input.username, input.password ?? USER_PASSWORD) };
}

/** A cookie an answer sets, with its attributes. */
export type SetCookie = LightMyRequestResponse['cookies'][number];

/** The session cookie an answer sets, if any. */
export function sessionCookieOf(response: LightMyRequestResponse): SetCookie | undefined {
  return response.cookies.find((cookie) => cookie.name === 'cc_session');
}

/** An injector that sends the given session secret as its cookie. */
export function withSession(server: App, secret: string): Injector {
  return {
    inject: (options) =>
      server.inject({ ...options, headers: { cookie: `cc_session=${secret}`, ...options.headers } }),
  };
}

export const sha256Hex = (text: string): string => createHash('sha256').update(text).digest('hex');

// ---------------------------------------------------------------- the audit trail

export type AuditRow = {
  id: number;
  at: string;
  actor_id: number | null;
  action: string;
  entity_type: string;
  entity_id: number | null;
  before: string | null;
  after: string | null;
  request_id: string | null;
};

export function lastAuditId(db: Db): number {
  const row = db.$client.prepare('select coalesce(max(id), 0) as id from audit_log').get() as { id: number };
  return row.id;
}

/** The audit rows written after the row `afterId`, oldest first. */
export function auditRowsAfter(db: Db, afterId: number): AuditRow[] {
  return db.$client.prepare('select * from audit_log where id > ? order by id').all(afterId) as AuditRow[];
}

export const parseJson = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

// ---------------------------------------------------------------- snapshots

/** Tables that change on reads (session touch) or are checked on their own (the audit trail). */
const UNSNAPSHOTTED = new Set(['sessions', 'audit_log', '__drizzle_migrations']);

/** Every row of every table (but sessions and the audit log), one JSON text per table. */
export function snapshot(db: Db): Map<string, string> {
  const tables = db.$client
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
    .all() as { name: string }[];
  const result = new Map<string, string>();
  for (const { name } of tables) {
    if (UNSNAPSHOTTED.has(name)) continue;
    const rows = db.$client.prepare(`select * from "${name}" order by rowid`).all();
    result.set(name, JSON.stringify(rows));
  }
  return result;
}

/** The tables whose rows differ between two snapshots. */
export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((name) => before.get(name) !== after.get(name)).sort();
}

// ---------------------------------------------------------------- dates

/** Today in the deployment zone, and a day counted from it. */
export function localToday(): string {
  return todayIn(TEST_TIME_ZONE);
}

export function daysFromToday(days: number): string {
  return addDays(localToday(), days);
}
