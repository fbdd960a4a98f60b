import { defineConfig } from 'vitest/config';

// The time tests run three times, under three server zones, and must answer the same.
const timeTests = ['tests/server/time.test.ts'];
const zones = ['UTC', 'Asia/Ho_Chi_Minh', 'America/New_York'];

export default defineConfig({
  test: {
    // Forks, not threads: each test file gets its own process, so TZ and SQLite handles never leak.
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 120_000,
    allowOnly: !process.env.CI,
    projects: [
      {
        extends: true as const,
        test: {
          name: 'server',
          include: ['tests/server/**/*.test.ts', 'tests/db/**/*.test.ts'],
          exclude: timeTests,
        },
      },
      {
        extends: true as const,
        // Pure web modules (no DOM), tested as the server's are.
        test: { name: 'web', include: ['tests/web/**/*.test.ts'] },
      },
      ...zones.map((zone) => ({
        extends: true as const,
        test: { name: `time ${zone}`, include: timeTests, env: { TZ: zone } },
      })),
      {
        extends: true as const,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/helpers/build-web.ts'],
          testTimeout: 60_000,
          // One browser at a time: on a two-core machine, parallel Chromiums turn waits into flakes.
          fileParallelism: false,
        },
      },
    ],
  },
});
