import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Browser tests: each file starts the real portal (npx tsx server/src/main.ts) on free ports with a fresh
// database and drives it in Debian's Chromium through playwright-core. The web app must be built first
// (`npm run test:e2e` does that). The root config's globalSetup (test databases) is not used here; this one seeds
// the demo year once into a data folder that each file's portal starts from a copy of (e2e/support/demo-template.ts).
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/support/demo-template.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // One portal and one Chromium at a time: the files start their own, and together they would compete for CPU.
    fileParallelism: false,
    pool: 'forks',
  },
});
