// The server process: configuration, database, seed, listen, and a graceful close.
import { openDatabase } from '../db/client';
import { buildApp } from './app';
import { loadConfig } from './config';
import { seedDemoReports, seedWithDemo } from './demo';
import { systemClock } from './domain/time';
import { ensureFirstAdmin } from './services/users';

/** Printed once, when the administrator is created; the password is stored only as a hash. */
function announceFirstAdmin(username: string, generatedPassword: string | null): void {
  const password = generatedPassword
    ? `mật khẩu / password: ${generatedPassword}   (hãy đổi ngay / change it now; shown only this once)`
    : 'mật khẩu / password: ADMIN_PASSWORD';
  console.log(`\n  Tài khoản quản trị đầu tiên / first administrator: ${username}\n  ${password}\n`);
}

async function main() {
  const config = loadConfig();
  const db = openDatabase(config.DATABASE_FILE);
  const seeded = seedWithDemo(db, { timeZone: config.APP_TIMEZONE, demo: config.DEMO_DATA });
  // The demo's reports are issued with their files rendered, which is asynchronous: a step of its own.
  if (config.DEMO_DATA) {
    const options = { timeZone: config.APP_TIMEZONE, yearStart: config.REPORT_YEAR_START };
    if (await seedDemoReports(db, options)) seeded.applied.push('demo-reports');
  }
  const app = await buildApp({
    db,
    timeZone: config.APP_TIMEZONE,
    closeDatabase: true,
    trustProxy: config.TRUST_PROXY,
    uploadDir: config.UPLOAD_DIR,
    reportYearStart: config.REPORT_YEAR_START,
    logger: { level: config.LOG_LEVEL },
  });
  if (seeded.applied.length > 0) app.log.info({ steps: seeded.applied }, 'seeded the database');
  const admin = await ensureFirstAdmin(
    { db, timeZone: config.APP_TIMEZONE, now: systemClock, actor: null },
    { username: config.ADMIN_USERNAME, password: config.ADMIN_PASSWORD },
  );
  if (admin) announceFirstAdmin(admin.username, admin.generatedPassword);

  const close = async (signal: string) => {
    app.log.info(`${signal}: closing`);
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void close('SIGINT'));
  process.once('SIGTERM', () => void close('SIGTERM'));

  await app.listen({ port: config.PORT, host: config.HOST });
  app.log.info(`Lịch truyền thông: http://${config.HOST}:${config.PORT}/  (API docs: /api/docs)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
