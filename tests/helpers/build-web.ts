// Vitest globalSetup of the browser tests: builds web/dist once per run, so that a clean
// clone runs `npm test` without a separate build step, and the tests never see a stale build.
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export default async function buildWeb(): Promise<void> {
  // Vitest sets NODE_ENV=test, and vite keeps a NODE_ENV it finds: the bundle would then be
  // React's development build, not the one users get. Build what ships.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: fileURLToPath(new URL('../../web/vite.config.ts', import.meta.url)),
      mode: 'production',
      logLevel: 'warn',
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}
