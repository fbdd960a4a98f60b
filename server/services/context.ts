// What every service function receives besides its input: the database, the deployment
// zone and who is acting. Built per request by the route; built by hand in scripts and tests.
import type { RunResult } from 'better-sqlite3';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../db/client';
import type * as schema from '../../db/schema';
import type { Clock } from '../domain/time';
import type { Actor } from './permissions';

export type ServiceContext = {
  db: Db;
  timeZone: string;
  /** Where "now" comes from: the real clock in the server, a fixed one in tests. */
  now: Clock;
  /** The signed-in user; null for the system itself (seeding, scripts). */
  actor: Actor | null;
  requestId?: string;
};

/**
 * What queries run on: the database itself or a transaction inside it (both share this
 * synchronous query API; a transaction rolls back when its callback throws).
 */
export type Tx = BaseSQLiteDatabase<'sync', RunResult, typeof schema>;

export function actorIdOf(ctx: ServiceContext): number | null {
  return ctx.actor?.id ?? null;
}
