import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // Two cores: keep the worker pool small so the e2e browser is not starved when both run.
    maxWorkers: 2,
    testTimeout: 20_000,
  },
});
