// A test app on a freshly migrated SQLite file of its own, seeded with the reference
// data (not the demo data). Tests speak to it only through inject().
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeDatabase, type Db, openDatabase } from '../../db/client';
import { seedDatabase } from '../../db/seed/load';
import { type App, buildApp } from '../../server/app';

export const TEST_TIME_ZONE = 'Asia/Ho_Chi_Minh';

export type TestApp = { app: App; db: Db; dir: string; close: () => Promise<void> };

export async function createTestApp(
  options: { webRoot?: string | null; seed?: boolean } = {},
): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'calendar-test-'));
  const db = openDatabase(join(dir, 'test.db'));
  if (options.seed ?? true) seedDatabase(db, { timeZone: TEST_TIME_ZONE, demo: false });
  const app = await buildApp({ db, timeZone: TEST_TIME_ZONE, webRoot: options.webRoot ?? null });
  await app.ready();
  return {
    app,
    db,
    dir,
    close: async () => {
      await app.close();
      closeDatabase(db);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Rows in a table, to prove that a refused request stored nothing. */
export function countRows(db: Db, table: string): number {
  const row = db.$client.prepare(`select count(*) as n from "${table}"`).get() as { n: number };
  return row.n;
}
