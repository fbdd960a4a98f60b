// Point 2: the database file is opened with the pragmas the product depends on, and the
// committed migrations apply to a fresh file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPragmas, closeDatabase, type Db, openDatabase } from '../../db/client';
import journal from '../../db/migrations/meta/_journal.json' with { type: 'json' };

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'calendar-db-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const tableNames = (db: Db): string[] =>
  (
    db.$client
      .prepare(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name",
      )
      .all() as { name: string }[]
  ).map((row) => row.name);

describe('openDatabase', () => {
  it('sets WAL, synchronous FULL, foreign keys and a busy timeout, and they read back', () => {
    const db = openDatabase(join(dir, 'pragmas.db'));
    try {
      const pragma = (name: string) => db.$client.pragma(name, { simple: true });
      expect(pragma('journal_mode')).toBe('wal');
      expect(pragma('synchronous')).toBe(2);
      expect(pragma('foreign_keys')).toBe(1);
      expect(pragma('busy_timeout')).toBe(5000);
    } finally {
      closeDatabase(db);
    }
  });

  it('creates a missing folder for the file', () => {
    const db = openDatabase(join(dir, 'nested', 'deeper', 'calendar.db'));
    expect(tableNames(db)).toContain('activities');
    closeDatabase(db);
  });

  it('applies every committed migration to a fresh file, once', () => {
    const file = join(dir, 'fresh.db');
    const db = openDatabase(file);
    const tables = tableNames(db);
    for (const table of [
      'units',
      'unit_successions',
      'agencies',
      'agency_successions',
      'activity_types',
      'channels',
      'target_groups',
      'indicators',
      'observances',
      'observance_themes',
      'plans',
      'plan_sections',
      'tasks',
      'campaigns',
      'activities',
      'activity_partners',
      'activity_units',
      'audit_log',
      'seed_runs',
    ]) {
      expect(tables, table).toContain(table);
    }
    const triggers = db.$client
      .prepare("select name from sqlite_master where type = 'trigger' order by name")
      .all() as { name: string }[];
    expect(triggers.map((trigger) => trigger.name)).toEqual(['audit_log_no_delete', 'audit_log_no_update']);
    const applied = () =>
      (db.$client.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number }).n;
    expect(applied()).toBe(journal.entries.length);
    closeDatabase(db);

    // Opening the same file again applies nothing twice and keeps the data.
    const again = openDatabase(file);
    expect(
      (again.$client.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number }).n,
    ).toBe(journal.entries.length);
    expect(tableNames(again)).toEqual(tables);
    closeDatabase(again);
  });

  it('enforces foreign keys', () => {
    const db = openDatabase(join(dir, 'fk.db'));
    try {
      expect(() =>
        db.$client
          .prepare(
            "insert into agencies (code, name, short_name, kind, unit_id) values ('X', 'X', 'X', 'other', 424242)",
          )
          .run(),
      ).toThrow(/FOREIGN KEY/);
    } finally {
      closeDatabase(db);
    }
  });

  it('works in memory, where WAL is not available', () => {
    const db = openDatabase(':memory:');
    expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(tableNames(db)).toContain('activities');
    closeDatabase(db);
  });
});

describe('checkPragmas', () => {
  it('refuses a bare connection, naming the pragma', () => {
    const file = join(dir, 'defaults.db');
    const raw = new Database(file);
    try {
      expect(() => checkPragmas(raw, file)).toThrow(/pragma journal_mode is delete, expected wal/);
    } finally {
      raw.close();
    }
  });

  it.each([
    ['synchronous = NORMAL', /pragma synchronous is 1, expected 2/],
    ['foreign_keys = OFF', /pragma foreign_keys is 0, expected 1/],
    ['busy_timeout = 100', /pragma busy_timeout is 100, expected 5000/],
  ])('refuses a connection with %s', (setting, message) => {
    const db = openDatabase(join(dir, 'weakened.db'));
    try {
      expect(() => checkPragmas(db.$client, 'weakened.db')).not.toThrow();
      db.$client.pragma(setting);
      expect(() => checkPragmas(db.$client, 'weakened.db')).toThrow(message);
    } finally {
      closeDatabase(db);
    }
  });
});
