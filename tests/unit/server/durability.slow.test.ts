import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { game } from '../../../assets/scripts/games/registered';
import { SessionTokens } from '../../../server/auth/sessionToken';
import { botRun } from '../testGame';

const ROOT = resolve(import.meta.dirname, '../../..');
const SECRET = 'durability-test-secret-0123456789abcdef';
const dataDir = mkdtempSync(join(tmpdir(), 'lb-kill-'));
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

/** The real entry point (server/main.ts) as its own process, as `npm run server` starts it. */
async function startServerProcess(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      GAME_SERVER_PORT: '0',
      GAME_SERVER_HOST: '127.0.0.1',
      SERVER_DATA_DIR: dataDir,
      SESSION_SECRET: SECRET,
      REDIS_URL: '',
      // Every player submits the same bot run: its seed is chosen, not drawn (docs/server.md, "Run seeds").
      UNSAFE_DEV_SEEDS: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const url = await new Promise<string>((resolveUrl, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 45_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  return { child, url };
}

describe('durability', () => {
  it('loses no acknowledged submission when the server is killed with SIGKILL under load', async () => {
    const run = botRun(game, 777, 1);
    const tokens = new SessionTokens(SECRET, 3_600_000, Date.now);
    const first = await startServerProcess();
    const acknowledged: string[] = [];
    let started = 0;
    let killed = false;
    const worker = async (lane: number) => {
      for (let i = 0; !killed; i++) {
        const openId = `kill-${lane}-${i}`;
        started++;
        try {
          const headers = {
            'content-type': 'application/json',
            authorization: `Bearer ${tokens.issue(openId).token}`,
          };
          const seed = await fetch(`${first.url}/v1/dev/seeds`, {
            method: 'POST',
            headers,
            body: JSON.stringify({ seed: run.seed }),
          });
          if (seed.status !== 200) throw new Error(`unexpected ${seed.status}: ${await seed.text()}`);
          const response = await fetch(`${first.url}/v1/runs`, {
            method: 'POST',
            headers,
            body: JSON.stringify({ run }),
          });
          if (response.status === 200) acknowledged.push(openId);
          else throw new Error(`unexpected ${response.status}: ${await response.text()}`);
        } catch (error) {
          if (!killed) throw error;
        }
      }
    };
    const load = Promise.all(Array.from({ length: 16 }, (_, lane) => worker(lane)));
    // Kill after a fixed amount of acknowledged work rather than a fixed time: the machine may be busy.
    const deadline = Date.now() + 20_000;
    while (acknowledged.length < 100 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    const exited = new Promise((r) => first.child.once('exit', r));
    killed = true;
    first.child.kill('SIGKILL');
    await load;
    await exited;
    expect(acknowledged.length).toBeGreaterThanOrEqual(100);
    expect(started).toBeGreaterThan(acknowledged.length);

    const second = await startServerProcess();
    const onBoard = new Map<string, number>();
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : '';
      const page = (await (await fetch(`${second.url}/v1/leaderboards/global?limit=100${query}`)).json()) as {
        entries: { openId: string; score: number }[];
        nextCursor: string | null;
      };
      for (const entry of page.entries) onBoard.set(entry.openId, entry.score);
      cursor = page.nextCursor;
    } while (cursor);
    const missing = acknowledged.filter((openId) => onBoard.get(openId) !== run.claimedScore);
    expect(missing).toEqual([]);
    second.child.kill('SIGTERM');
    await new Promise((r) => second.child.once('exit', r));
  }, 120_000);
});
