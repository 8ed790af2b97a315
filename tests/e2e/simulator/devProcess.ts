import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from '@playwright/test';

/** `npm start` (tools/dev.ts) on its own ports, beside the suite's simulator, for the tests that need it. */

export const devPorts = {
  SIM_PORT: '19727',
  SIM_GAME_PORT: '19728',
  SIM_CONTEXT_PORT: '19729',
  GAME_SERVER_PORT: '19730',
};

export async function runDev(env: Record<string, string>, work: () => Promise<void>): Promise<string[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dev-terminal-'));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'tools/dev.ts'], {
    env: {
      ...process.env,
      ...devPorts,
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
