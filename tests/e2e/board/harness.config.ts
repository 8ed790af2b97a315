/**
 * Runs only the fake-runtime board tests, without building the game or starting the simulator:
 *   npx playwright test -c tests/e2e/board/harness.config.ts
 * The full suite (npm run test:e2e, the root config) runs them too, beside the simulator journeys.
 */
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: ['harness.spec.ts', 'screenshots.spec.ts'],
  outputDir: '../../../test-results/board-harness',
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000, toHaveScreenshot: { maxDiffPixelRatio: 0.01 } },
  snapshotPathTemplate: '{testDir}/__screenshots__/{testFileName}/{arg}{ext}',
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--font-render-hinting=none'],
    },
  },
});
