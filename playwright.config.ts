import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

// Debian's Chromium, never a downloaded browser (tools/ensure-system-deps.sh finds or installs it).
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const stateDir = mkdtempSync(join(tmpdir(), 'leaderboard-e2e-'));

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  // One simulator holds the state every journey reads, so journeys run one at a time on the 2 cores.
  workers: 1,
  fullyParallel: false,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000, toHaveScreenshot: { maxDiffPixelRatio: 0.01 } },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  snapshotPathTemplate: '{testDir}/{testFileDir}/__screenshots__/{testFileName}/{arg}{ext}',
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--font-render-hinting=none',
      ],
    },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: 'npx tsx tools/dev.ts',
    url: 'http://localhost:9527/__sim/users',
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      SIM_DATA_DIR: join(stateDir, 'sim'),
      SERVER_DATA_DIR: join(stateDir, 'server'),
    },
  },
});
