import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type BuildServerOptions, buildServer, type ServerLimits } from '../../../server/app';
import type { ReplayFn } from '../../../server/replay';
import { SqliteScoreStorage } from '../../../server/storage/sqlite';
import { CLIENT_KEY, CLIENT_SECRET, FakePlatform } from './fakePlatform';
import { overHttp, type SendOverHttp } from './overHttp';

export const SESSION_SECRET = 'test-session-secret-0123456789abcdef';
export const GAME_ORIGIN = 'http://localhost:9528';
/** The environment of a server under test: NODE_ENV=test allows the local defaults (server/config.ts). */
export const TEST_ENV = { NODE_ENV: 'test' } as const;
/** Wednesday 25 November 2026, 12:00 UTC. */
export const START = Date.UTC(2026, 10, 25, 12, 0, 0);

/**
 * A stand-in for the game core: a run's score is the sum of its `inputs`, and a run without an
 * integer `inputs` array is malformed. Enough to tell a true claim from a false one.
 */
export const fakeReplay: ReplayFn = (run) => {
  const inputs = (run as { inputs?: unknown }).inputs;
  if (!Array.isArray(inputs) || !inputs.every((n) => Number.isInteger(n))) {
    return { ok: false, error: 'inputs must be an array of integers' };
  }
  return { ok: true, score: (inputs as number[]).reduce((sum, n) => sum + n, 0) };
};

export function runScoring(score: number, extra: Record<string, unknown> = {}) {
  return { v: 1, seed: 7, level: 1, inputs: [score], claimedScore: score, ...extra };
}

export interface Harness {
  app: FastifyInstance;
  platform: FakePlatform;
  storage: SqliteScoreStorage;
  clock: { now: number };
  /** Over a real socket, through the rate limits and the standard headers (`app.inject` skips them). */
  send: SendOverHttp;
  login(openId: string): Promise<string>;
  close(): Promise<void>;
}

export async function startHarness(
  limits: Partial<ServerLimits> = {},
  replay: ReplayFn = fakeReplay,
  extra: Partial<Pick<BuildServerOptions, 'trustProxy' | 'seeds' | 'logger'>> = {},
): Promise<Harness> {
  const clock = { now: START };
  const now = () => clock.now;
  const platform = new FakePlatform(now);
  const apiBase = await platform.start();
  const dir = mkdtempSync(join(tmpdir(), 'lb-app-'));
  const storage = new SqliteScoreStorage(join(dir, 'scores.db'));
  const app = buildServer({
    storage,
    platform: { apiBase, clientKey: CLIENT_KEY, clientSecret: CLIENT_SECRET },
    sessionSecret: SESSION_SECRET,
    gameOrigin: GAME_ORIGIN,
    replay,
    now,
    // Refusals answered at once, so tests that go over a limit many times stay quick; the delay has a
    // test of its own (admission.test.ts).
    limits: { refusalDelayMs: 0, ...limits },
    ...extra,
  });
  await app.ready();
  return {
    app,
    platform,
    storage,
    clock,
    send: overHttp(app),
    async login(openId) {
      const response = await app.inject({
        method: 'POST',
        url: '/v1/session',
        payload: { code: platform.issueCode(openId) },
      });
      if (response.statusCode !== 200) throw new Error(`login failed: ${response.body}`);
      return (response.json() as { token: string }).token;
    },
    async close() {
      await app.close();
      await platform.app.close();
      await storage.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
