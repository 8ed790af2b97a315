import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SEED_LIFETIME_MS } from '../../../server/seeds/runSeeds';
import { SqliteSeedStore } from '../../../server/seeds/sqlite';
import type { SeedStore } from '../../../server/seeds/types';
import { type Harness, runScoring, START, startHarness } from './harness';

describe('run seeds: POST /v1/seeds and the seed check of POST /v1/runs', () => {
  let h: Harness;
  let db: Database.Database;
  let ann: string;
  let bob: string;
  let nextSeed: number;

  async function start(store?: SeedStore, devChosenSeeds = false): Promise<void> {
    db = new Database(':memory:');
    nextSeed = 1000;
    h = await startHarness({ runsPerMinute: 100 }, undefined, {
      seeds: { store: store ?? new SqliteSeedStore(db), devChosenSeeds, randomSeed: () => nextSeed++ },
    });
    ann = await h.login('ann');
    bob = await h.login('bob');
  }
  afterEach(async () => {
    await h.close();
    db.close();
  });

  const post = (url: string, payload: Record<string, unknown>, token: string) =>
    h.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${token}` }, payload });
  const fetchSeeds = async (token: string, count = 2) => (await post('/v1/seeds', { count }, token)).json();
  const submit = (token: string, score: number, seed: number) =>
    post('/v1/runs', { run: runScoring(score, { seed }) }, token);
  /** A player's score on the all-time and this week's board, as the API reads them (null: not there). */
  const stored = async (openId: string) => {
    const scores: (number | null)[] = [];
    for (const board of ['global', 'weekly']) {
      const page = await h.app.inject({ method: 'GET', url: `/v1/leaderboards/${board}?limit=100` });
      const entries = page.json().entries as { openId: string; score: number }[];
      scores.push(entries.find((entry) => entry.openId === openId)?.score ?? null);
    }
    return scores;
  };

  describe('with seeds from the store', () => {
    beforeEach(async () => {
      await start();
    });

    it('issues fresh seeds to the session player with their lifetime', async () => {
      expect(await fetchSeeds(ann, 3)).toEqual({ seeds: [1000, 1001, 1002], expiresInMs: SEED_LIFETIME_MS });
      expect(SEED_LIFETIME_MS).toBe(7 * 24 * 60 * 60 * 1000);
      expect(await fetchSeeds(bob, 1)).toEqual({ seeds: [1003], expiresInMs: SEED_LIFETIME_MS });
    });

    it('refuses a count outside 1 to 10, and a request without a session', async () => {
      for (const count of [0, 11, 2.5, '2']) {
        const response = await post('/v1/seeds', { count }, ann);
        expect(response.statusCode).toBe(400);
        expect(response.json().error).toBe('invalid_request');
      }
      const anonymous = await h.app.inject({ method: 'POST', url: '/v1/seeds', payload: { count: 1 } });
      expect(anonymous.statusCode).toBe(401);
      expect(await fetchSeeds(ann, 1)).toEqual({ seeds: [1000], expiresInMs: SEED_LIFETIME_MS });
    });

    it('accepts a run with a seed issued to the player', async () => {
      const { seeds } = await fetchSeeds(ann);
      const response = await submit(ann, 120, seeds[0]);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ best: 120, rank: 1, newBest: true });
      expect(await stored('ann')).toEqual([120, 120]);
    });

    it('refuses a seed used twice with 409 seed_used, storing nothing', async () => {
      await fetchSeeds(ann);
      expect((await submit(ann, 50, 1000)).statusCode).toBe(200);
      const second = await submit(ann, 90, 1000);
      expect(second.statusCode).toBe(409);
      expect(second.json()).toEqual({
        error: 'seed_used',
        message: "the run's seed was already used by another run; each seed counts once",
      });
      expect(await stored('ann')).toEqual([50, 50]);
    });

    it('answers the very same run sent again (a retry after a lost answer) without a second best', async () => {
      await fetchSeeds(ann);
      expect((await submit(ann, 50, 1000)).json()).toEqual({ best: 50, rank: 1, newBest: true });
      const retry = await submit(ann, 50, 1000);
      expect(retry.statusCode).toBe(200);
      expect(retry.json()).toEqual({ best: 50, rank: 1, newBest: false });
      expect(await stored('ann')).toEqual([50, 50]);
    });

    it('refuses a run copied from another player (their seed) with 403 seed_not_issued, storing nothing', async () => {
      await fetchSeeds(bob);
      expect((await submit(bob, 300, 1000)).statusCode).toBe(200);
      const copied = await submit(ann, 300, 1000);
      expect(copied.statusCode).toBe(403);
      expect(copied.json()).toEqual({
        error: 'seed_not_issued',
        message: "the run's seed was not issued to you (POST /v1/seeds), or it expired long ago",
      });
      // Nor can Ann use Bob's unused seed.
      expect((await submit(ann, 10, 1001)).json().error).toBe('seed_not_issued');
      expect(await stored('ann')).toEqual([null, null]);
      expect(await stored('bob')).toEqual([300, 300]);
    });

    it('refuses a seed the server never issued, storing nothing', async () => {
      const response = await submit(ann, 10, 7);
      expect(response.statusCode).toBe(403);
      expect(response.json().error).toBe('seed_not_issued');
      expect(await stored('ann')).toEqual([null, null]);
    });

    it('refuses an expired seed with 403 seed_expired, storing nothing; a seed 1 ms younger is accepted', async () => {
      await fetchSeeds(ann);
      h.clock.now = START + SEED_LIFETIME_MS - 1;
      ann = await h.login('ann');
      expect((await submit(ann, 20, 1001)).statusCode).toBe(200);
      h.clock.now = START + SEED_LIFETIME_MS;
      ann = await h.login('ann');
      const expired = await submit(ann, 40, 1000);
      expect(expired.statusCode).toBe(403);
      expect(expired.json()).toEqual({
        error: 'seed_expired',
        message: "the run's seed expired before the run arrived; fetch new seeds with POST /v1/seeds",
      });
      expect(await stored('ann')).toEqual([20, 20]);
    });

    it('does not use up a seed on a run it refuses for another reason', async () => {
      await fetchSeeds(ann);
      const mismatch = await post(
        '/v1/runs',
        { run: { ...runScoring(30, { seed: 1000 }), claimedScore: 31 } },
        ann,
      );
      expect(mismatch.statusCode).toBe(422);
      expect((await submit(ann, 30, 1000)).statusCode).toBe(200);
    });

    it('has no chosen-seed route unless the development option is on', async () => {
      const response = await post('/v1/dev/seeds', { seed: 7 }, ann);
      expect(response.statusCode).toBe(404);
      expect((await submit(ann, 10, 7)).statusCode).toBe(403);
    });
  });

  it('development servers: a chosen seed can be issued again and again, one run per issue', async () => {
    await start(undefined, true);
    expect((await post('/v1/dev/seeds', { seed: 7 }, ann)).json()).toEqual({
      seeds: [7],
      expiresInMs: SEED_LIFETIME_MS,
    });
    expect((await submit(ann, 10, 7)).statusCode).toBe(200);
    expect((await submit(ann, 20, 7)).statusCode).toBe(409);
    await post('/v1/dev/seeds', { seed: 7 }, ann);
    expect((await submit(ann, 20, 7)).json()).toEqual({ best: 20, rank: 1, newBest: true });
    const invalid = await post('/v1/dev/seeds', { seed: 2 ** 32 }, ann);
    expect(invalid.statusCode).toBe(400);
  });

  it('answers 503 with Retry-After when the seed store fails, storing nothing', async () => {
    const failing: SeedStore = {
      issue: async () => {
        throw new Error('disk I/O error');
      },
      claim: async () => {
        throw new Error('disk I/O error');
      },
      ping: async () => {
        throw new Error('disk I/O error');
      },
    };
    await start(failing);
    const issue = await post('/v1/seeds', { count: 1 }, ann);
    expect(issue.statusCode).toBe(503);
    expect(issue.headers['retry-after']).toBe('5');
    const run = await submit(ann, 10, 1000);
    expect(run.statusCode).toBe(503);
    expect(run.json().error).toBe('storage_unavailable');
    expect(await stored('ann')).toEqual([null, null]);
  });

  it('/health fails (503, naming the seed store) when the seed store is down, and passes while it answers', async () => {
    await start();
    expect((await h.app.inject({ method: 'GET', url: '/health' })).json()).toEqual({
      ok: true,
      store: 'sqlite',
    });
    db.close();
    const health = await h.app.inject({ method: 'GET', url: '/health' });
    expect(health.statusCode).toBe(503);
    expect(health.headers['retry-after']).toBe('5');
    expect(health.json()).toEqual({ ok: false, store: 'sqlite', error: 'seed_store_unavailable' });
    db = new Database(':memory:');
  });
});
