// Loads the reference data, the 2024 plan and (with DEMO_DATA=1) the demo activities into
// DATABASE_FILE. Safe to run again: steps that already ran are skipped.
import { closeDatabase, openDatabase } from '../db/client';
import { loadConfig } from '../server/config';
import { seedWithDemo } from '../server/demo';

const config = loadConfig();
const db = openDatabase(config.DATABASE_FILE);
const { applied } = seedWithDemo(db, { timeZone: config.APP_TIMEZONE, demo: config.DEMO_DATA });
closeDatabase(db);
console.log(applied.length > 0 ? `Seeded: ${applied.join(', ')}` : 'Nothing to seed: every step already ran');
