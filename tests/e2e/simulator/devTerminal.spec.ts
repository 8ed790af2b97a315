import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';

/**
 * `npm start`'s terminal: where to open, then quiet while the game runs; the game server's JSON
 * request log only when asked for. Runs tools/dev.ts on its own ports, beside the suite's simulator.
 */

const ports = {
  SIM_PORT: '19727',
  SIM_GAME_PORT: '19728',
  SIM_CONTEXT_PORT: '19729',
  GAME_SERVER_PORT: '19730',
};

async function runDev(env: Record<string, string>, work: () => Promise<void>): Promise<string[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dev-terminal-'));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'tools/dev.ts'], {
    env: {
      ...process.env,
      ...ports,
      ...env,
      SIM_DATA_DIR: join(dataDir, 'sim'),
      SERVER_DATA_DIR: join(dataDir, 'server'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    await expect.poll(() => output, { timeout: 20_000 }).toContain('Ctrl+C stops both');
    await work();
  } finally {
    child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
  return output.split('\n').filter((line) => line.trim() !== '');
}

async function useBoth(page: Page): Promise<void> {
  await page.goto(`http://localhost:${ports.SIM_PORT}/`);
  await expect(page.getByRole('region', { name: 'API calls' }).locator('.log > li').first()).toBeVisible();
  const server = `http://localhost:${ports.GAME_SERVER_PORT}`;
  for (let i = 0; i < 5; i++) await fetch(`${server}/v1/leaderboards/global?limit=3`);
  await fetch(`${server}/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
}

test('npm start says where to open in a few lines, then stays quiet while the game runs', async ({
  page,
}) => {
  const lines = await runDev({}, () => useBoth(page));
  expect(lines).toEqual(
    [
      `Open http://localhost:${ports.SIM_PORT}/ in a browser: the game on a simulated phone, with devtools.`,
      `Game server http://localhost:${ports.GAME_SERVER_PORT} (log level warn; SERVER_LOG_LEVEL=info for every request).`,
      'Ctrl+C stops both.',
    ].map((line) => expect.stringContaining(line)),
  );
});

test('SERVER_LOG_LEVEL=info brings back the structured request log', async ({ page }) => {
  const lines = await runDev({ SERVER_LOG_LEVEL: 'info' }, () => useBoth(page));
  const json = lines
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { msg?: string });
  expect(json.filter((entry) => entry.msg === 'request completed').length).toBeGreaterThanOrEqual(6);
});
