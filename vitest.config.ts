import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    // Two cores: keep the worker pool small so the e2e browser is not starved when both run.
    maxWorkers: 2,
    testTimeout: 20_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          // Files share a worker's module cache instead of importing everything anew: the suites import
          // the same server, shell and simulator modules, and re-importing them was most of the run. Tests
          // keep no state in modules (each starts its own server, storage and fakes), so this is safe.
          isolate: false,
          include: ['tests/unit/**/*.test.ts'],
          exclude: ['tests/unit/**/*.cluster.test.ts', 'tests/unit/**/*.slow.test.ts'],
        },
      },
      // Suites that start a 3-master Redis Cluster, or take tens of seconds: `npm test` runs them,
      // `npm run check` (the inner loop) does not.
      {
        extends: true,
        test: { name: 'slow', include: ['tests/unit/**/*.cluster.test.ts', 'tests/unit/**/*.slow.test.ts'] },
      },
    ],
  },
});
