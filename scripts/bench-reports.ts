// Issue 6 point 8: a year's summary over a database of a million activities (ten years of
// a busy province, each held activity with its result). Reported side by side with a
// database ten times smaller, so that the ratio shows whether the cost follows the year's
// activities or the whole table, and with the absolute time against "well under a second".
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeDatabase, type Db, openDatabase } from '../db/client';
import { seedDatabase } from '../db/seed/load';
import { addDays, startOfLocalDay, systemClock } from '../server/domain/time';
import { getSummary } from '../server/services/reports';

const timeZone = 'Asia/Ho_Chi_Minh';

/** `count` held activities spread over `years` years from 2016, each with a result, in raw SQL for speed. */
function fill(db: Db, count: number, years: number): void {
  const sqlite = db.$client;
  const activity = sqlite.prepare(
    `insert into activities (title, type_code, status, all_day, start_at, end_at, start_date, lead_agency_id)
     values (?, 'community_outreach', 'done', 1, ?, ?, ?, ?)`,
  );
  const result = sqlite.prepare(
    `insert into results (activity_id, "values", review_status) values (?, ?, 'accepted')`,
  );
  const partner = sqlite.prepare('insert into activity_partners (activity_id, agency_id) values (?, ?)');
  const days = years * 365;
  sqlite.transaction(() => {
    for (let n = 0; n < count; n++) {
      const iso = addDays('2016-01-01', Math.floor((n / count) * days));
      const { lastInsertRowid } = activity.run(
        `Hoạt động ${n}`,
        startOfLocalDay(iso, timeZone),
        startOfLocalDay(addDays(iso, 1), timeZone),
        iso,
        1 + (n % 40),
      );
      result.run(
        lastInsertRowid,
        JSON.stringify({ sessions: 1, attendances: 50 + (n % 300), leaflets: n % 100 }),
      );
      if (n % 5 === 0) partner.run(lastInsertRowid, 41 + (n % 20));
    }
  })();
}

function medianMs(run: () => void, repeats = 5): number {
  const samples: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const started = process.hrtime.bigint();
    run();
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] ?? Number.NaN;
}

function measure(count: number) {
  const dir = mkdtempSync(join(tmpdir(), 'calendar-bench-reports-'));
  const db = openDatabase(join(dir, 'bench.db'));
  seedDatabase(db);
  const filling = process.hrtime.bigint();
  fill(db, count, 10);
  // A running server checkpoints the WAL as it goes; one huge fill leaves it all in the WAL.
  db.$client.pragma('wal_checkpoint(TRUNCATE)');
  const fillSeconds = Number(process.hrtime.bigint() - filling) / 1e9;
  const ctx = { db, timeZone, now: systemClock, actor: null };
  const year = { startDate: '2020-12-15', endDate: '2021-12-14' };
  const inYear = getSummary(ctx, year).totals.activities;
  const totals = medianMs(() => getSummary(ctx, year));
  const byAgency = medianMs(() => getSummary(ctx, { ...year, groupBy: 'agency' }));
  closeDatabase(db);
  rmSync(dir, { recursive: true, force: true });
  return { count, inYear, totals, byAgency, fillSeconds };
}

const small = measure(100_000);
const large = measure(1_000_000);
const fmt = (ms: number) => `${ms.toFixed(0)} ms`;
console.log('activities in table | in the year | year summary | by agency | (fill time)');
for (const row of [small, large]) {
  console.log(
    `${row.count} | ${row.inYear} | ${fmt(row.totals)} | ${fmt(row.byAgency)} | (${row.fillSeconds.toFixed(0)} s)`,
  );
}
console.log(
  `table 10x larger, year summary cost ratio: ${(large.totals / small.totals).toFixed(2)}x for ${(large.inYear / small.inYear).toFixed(1)}x the year's activities; ` +
    `a million activities: ${fmt(large.totals)} (target < 1000 ms), by agency ${fmt(large.byAgency)}`,
);
