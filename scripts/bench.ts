// Benchmarks, reported as ratios side by side rather than absolute times (machines differ).
//
// 1. Month query scaling: a calendar asks for one month. With the range index, the cost
//    should follow the month's activities, not the whole table: growing the table 10x
//    (same month density) should cost far less than 10x.
// 2. Filtered vs unfiltered: an agency filter should not cost more than the plain query.
// 3. A busy month (issue 4 point 11): a month holding about 1,000 activities, against an
//    ordinary one (~170): the cost should grow with the activities shown, no faster, and
//    stay far below what a person notices when the calendar moves to the next month.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeDatabase, type Db, openDatabase } from '../db/client';
import { activities } from '../db/schema';
import { seedDatabase } from '../db/seed/load';
import { addDays, startOfLocalDay, systemClock } from '../server/domain/time';
import { listActivities } from '../server/services/activities';

const timeZone = 'Asia/Ho_Chi_Minh';

/** Spreads `count` all-day activities evenly over `years` years from 2020. */
function fill(db: Db, count: number, years: number): void {
  const days = years * 365;
  db.transaction((tx) => {
    for (let n = 0; n < count; n++) {
      const date = addDays('2020-01-01', Math.floor((n / count) * days));
      tx.insert(activities)
        .values({
          title: `Hoạt động ${n}`,
          typeCode: 'community_outreach',
          allDay: true,
          startAt: startOfLocalDay(date, timeZone),
          endAt: startOfLocalDay(addDays(date, 1), timeZone),
          startDate: date,
          leadAgencyId: 1 + (n % 20),
        })
        .run();
    }
  });
}

function medianMs(run: () => void, repeats = 30): number {
  const samples: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const started = process.hrtime.bigint();
    run();
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] ?? Number.NaN;
}

function measure(count: number, years: number) {
  const dir = mkdtempSync(join(tmpdir(), 'calendar-bench-'));
  const db = openDatabase(join(dir, 'bench.db'));
  seedDatabase(db);
  fill(db, count, years);
  const ctx = { db, timeZone, now: systemClock, actor: null };
  const month = { start: '2020-07-01', end: '2020-08-01', limit: 5000, offset: 0 };
  const inMonth = listActivities(ctx, month).total;
  const plain = medianMs(() => listActivities(ctx, month));
  const filtered = medianMs(() => listActivities(ctx, { ...month, agencyId: 3 }));
  closeDatabase(db);
  rmSync(dir, { recursive: true, force: true });
  return { count, inMonth, plain, filtered };
}

const small = measure(2_000, 1);
const large = measure(20_000, 10);
const busy = measure(12_000, 1);
const fmt = (ms: number) => `${ms.toFixed(2)} ms`;
console.log('activities in table | in the month | month query | with agency filter');
for (const row of [small, large, busy]) {
  console.log(`${row.count} | ${row.inMonth} | ${fmt(row.plain)} | ${fmt(row.filtered)}`);
}
console.log(
  `table 10x larger, month query cost ratio: ${(large.plain / small.plain).toFixed(2)}x (target < 3x)`,
);
console.log(
  `busy month (${busy.inMonth}) / ordinary month (${small.inMonth}): ${(busy.plain / small.plain).toFixed(2)}x ` +
    `for ${(busy.inMonth / small.inMonth).toFixed(2)}x the activities (target: no more than that), ` +
    `${fmt(busy.plain)} for the busy month (target < 100 ms)`,
);
console.log(
  `agency filter / plain, large table: ${(large.filtered / large.plain).toFixed(2)}x (target < 1.5x)`,
);
