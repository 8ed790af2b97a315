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
          include: ['tests/unit/**/*.test.ts'],
          exclude: ['tests/unit/**/*.cluster.test.ts'],
        },
      },
      // Suites that start a 3-master Redis Cluster (seconds each): in `npm test`, not in `npm run check`.
      { extends: true, test: { name: 'cluster', include: ['tests/unit/**/*.cluster.test.ts'] } },
    ],
  },
});
