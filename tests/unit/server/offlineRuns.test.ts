/**
 * Offline runs (docs/server.md, "Offline runs"): a run played on a seed the device drew itself, because
 * it held no issued seed (the game server was down, or the game had just started), is accepted through
 * POST /v1/runs/offline: once per seed, within a small daily budget per player. The usual route still
 * refuses such a seed.
 */
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteSeedStore } from '../../../server/seeds/sqlite';
import { type Harness, runScoring, startHarness } from './harness';

describe('offline runs', () => {
  let h: Harness;
  let db: Database.Database;
  let ann: string;

  beforeEach(async () => {
    db = new Database(':memory:');
    h = await startHarness({ runsPerMinute: 100, offlineRunsPerDay: 3 }, undefined, {
      seeds: { store: new SqliteSeedStore(db), randomSeed: () => 1 },
    });
    ann = await h.login('ann');
  });
  afterEach(async () => {
    await h.close();
    db.close();
  });

  // Over a real socket: the admission's limits run there, in front of Fastify.
  const post = (url: string, score: number, seed: number, token = ann) =>
    h.send({
      method: 'POST',
      url,
      headers: { authorization: `Bearer ${token}` },
      payload: { run: runScoring(score, { seed }) },
    });

  it('refuses a seed the server never issued on the usual route, and takes it as an offline run', async () => {
    expect((await post('/v1/runs', 40, 777)).json().error).toBe('seed_not_issued');
    const offline = await post('/v1/runs/offline', 40, 777);
    expect(offline.json()).toEqual({ best: 40, rank: 1, newBest: true });
  });

  it('counts each offline seed once, and answers the very same run again', async () => {
    expect((await post('/v1/runs/offline', 40, 778)).statusCode).toBe(200);
    expect((await post('/v1/runs/offline', 40, 778)).statusCode).toBe(200);
    const other = await post('/v1/runs/offline', 55, 778);
    expect(other.statusCode).toBe(409);
    expect(other.json().error).toBe('seed_used');
    // A seed used offline cannot be sent again on the usual route either.
    expect((await post('/v1/runs', 60, 778)).json().error).toBe('seed_used');
  });

  it('allows a few offline runs a day per player, then refuses with 429 and stores nothing more', async () => {
    for (const seed of [801, 802, 803])
      expect((await post('/v1/runs/offline', 10, seed)).statusCode).toBe(200);
    const fourth = await post('/v1/runs/offline', 900, 804);
    expect(fourth.statusCode).toBe(429);
    const board = await h.app.inject({ method: 'GET', url: '/v1/leaderboards/global?limit=10' });
    expect(board.json().entries.map((entry: { score: number }) => entry.score)).toEqual([10]);
    // Runs on issued seeds are not part of that budget.
    expect((await post('/v1/runs', 20, 805)).json().error).toBe('seed_not_issued');
  });
});
