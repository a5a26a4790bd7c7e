import { defineConfig } from 'vitest/config';

// Two projects so that a unit-only run (`npm test -- test/unit`) starts no servers: vitest runs a
// project's globalSetup only when that project has a test queued. Integration tiers share one
// PostgreSQL and one Temporal dev server started by test/support/global-setup.ts.
export default defineConfig({
  test: {
    // Temporal's workflow bundler and native worker need child processes, not worker threads.
    pool: 'forks',
    // Workflow runs and browser flows take seconds each on 2 cores.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/{api,workflow,browser,chaos}/**/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
        },
      },
    ],
  },
});
