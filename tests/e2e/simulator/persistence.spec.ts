import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { callIn, fixturePackage, openMainFrame, ports } from './harness';

/** The simulator as one separate node process (tsx as a loader, no wrapper), so SIGKILL hits the server itself. */
function startProcess(dataDir: string): ChildProcess {
  return spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'simulator/cli.ts',
      '--package',
      fixturePackage,
      '--data',
      dataDir,
      '--port',
      String(ports.port),
      '--game-port',
      String(ports.gamePort),
      '--context-port',
      String(ports.contextPort),
      '--quiet',
    ],
    { stdio: 'ignore', cwd: fileURLToPath(new URL('../../../', import.meta.url)) },
  );
}

async function waitUntilUp(url: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const up = await fetch(url)
      .then((response) => response.ok)
      .catch(() => false);
    if (up) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not come up`);
}

async function waitUntilDown(url: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const up = await fetch(url)
      .then(() => true)
      .catch(() => false);
    if (!up) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} is still answering`);
}

test('a value saved before SIGKILL is there after a restart', async ({ page }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sim-kill-'));
  const main = `http://localhost:${ports.port}`;
  const users = `${main}/__sim/users`;
  let child = startProcess(dataDir);
  try {
    await waitUntilUp(users);
    const { game } = await openMainFrame(page, main);
    const saved = await callIn(game, 'setUserCloudStorage', { data: [{ key: 'highScore', value: '8888' }] });
    expect(saved.ok).toBe(true);
    await page.close();
    child.kill('SIGKILL');
    await waitUntilDown(users);
    child = startProcess(dataDir);
    await waitUntilUp(users);
    const cloud = await (await fetch(`${main}/__sim/cloud/sim-ava`)).json();
    expect(cloud.data).toContainEqual({ key: 'highScore', value: '8888' });
  } finally {
    child.kill('SIGTERM');
    await waitUntilDown(users).catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  }
});
