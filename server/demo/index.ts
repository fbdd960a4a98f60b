// The demo data: the reference data of db/seed, then a year of activities, campaigns and
// results written through the services (validation, audit), so that a fresh install shows
// a working province. Runs once: `seed_runs` remembers the step.
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { seedRuns } from '../../db/schema';
import { type SeedReport, seedDatabase } from '../../db/seed/load';
import { seedDemoActivities } from './activities';

export { seedDemoReports } from './reports';

export type SeedOptions = {
  timeZone: string;
  /** Add the demo activities to the reference data (DEMO_DATA). */
  demo: boolean;
  /** The day the demo year is laid around; today in the zone unless a test fixes it. */
  today?: string;
};

export function seedWithDemo(db: Db, options: SeedOptions): SeedReport {
  const { applied } = seedDatabase(db);
  if (!options.demo) return { applied };
  // The services' transactions nest as savepoints inside this one, so the demo lands whole
  // or not at all.
  db.transaction(() => {
    if (db.select().from(seedRuns).where(eq(seedRuns.step, 'demo')).get()) return;
    seedDemoActivities(db, options);
    db.insert(seedRuns).values({ step: 'demo' }).run();
    applied.push('demo');
  });
  return { applied };
}
