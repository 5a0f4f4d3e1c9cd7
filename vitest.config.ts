import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/.tmp/**', 'node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Tests that skip for a missing optional program register it (test/helpers/skips.ts); the summary
    // reporter prints one line naming them at the end, and fails the run when VITA_REQUIRE_ALL=1.
    globalSetup: ['test/setup/global-setup.ts'],
    reporters: ['default', './test/setup/skip-summary.ts'],
  },
});
