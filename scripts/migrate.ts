// Applies the committed migrations to DATABASE_FILE (the server does this at start too).
import { closeDatabase, openDatabase } from '../db/client';
import { loadConfig } from '../server/config';

const config = loadConfig();
const db = openDatabase(config.DATABASE_FILE);
closeDatabase(db);
console.log(`Migrated ${config.DATABASE_FILE}`);
