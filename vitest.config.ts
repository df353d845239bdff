import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['dist/**', 'node_modules/**'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // One real Postgres server per run (started in the background), for the Postgres store's tests.
    globalSetup: ['tests/setup/postgres.ts'],
  },
});
