// Opens the SQLite file with the pragmas the product depends on, checks that they took,
// and applies the committed migrations. Tests, scripts and the server all come through here.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const migrationsFolder = resolve(dirname(fileURLToPath(import.meta.url)), 'migrations');

/**
 * What each pragma must read back as. WAL lets readers run beside the single writer;
 * synchronous=FULL because a committed report figure must survive a power cut (the
 * write rate here is tiny); foreign keys are off by default in SQLite.
 */
const requiredPragmas = [
  { set: 'journal_mode = WAL', read: 'journal_mode', expect: 'wal' },
  { set: 'synchronous = FULL', read: 'synchronous', expect: 2 },
  { set: 'foreign_keys = ON', read: 'foreign_keys', expect: 1 },
  { set: 'busy_timeout = 5000', read: 'busy_timeout', expect: 5000 },
] as const;

export function openDatabase(file: string): Db {
  if (file !== ':memory:') mkdirSync(dirname(resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  for (const pragma of requiredPragmas) sqlite.pragma(pragma.set);
  checkPragmas(sqlite, file);
  const db = drizzle({ client: sqlite, schema });
  migrate(db, { migrationsFolder });
  return db;
}

/** Reads every required pragma back: a silently ignored pragma is a lost write waiting to happen. */
export function checkPragmas(sqlite: Database.Database, file: string): void {
  for (const pragma of requiredPragmas) {
    const actual = sqlite.pragma(pragma.read, { simple: true });
    // An in-memory database cannot use WAL; it answers "memory" and that is fine for it.
    if (pragma.read === 'journal_mode' && file === ':memory:' && actual === 'memory') continue;
    if (actual !== pragma.expect) {
      throw new Error(
        `SQLite pragma ${pragma.read} is ${String(actual)}, expected ${String(pragma.expect)} (${file})`,
      );
    }
  }
}

export function closeDatabase(db: Db): void {
  db.$client.close();
}
