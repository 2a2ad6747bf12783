import { defineConfig } from 'vitest/config';

// Unit and API tests. Browser tests live in e2e/ with their own config.
export default defineConfig({
  test: {
    include: ['common/src/**/*.test.ts', 'operators/src/**/*.test.ts', 'server/src/**/*.test.ts', 'web/src/**/*.test.ts'],
    globalSetup: ['server/src/test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // The server's modules are imported once per worker, not once per test file (~2.4 s a file): every file
    // makes its own app and database (test-app.ts), and no server module keeps state between apps.
    isolate: false,
  },
});
