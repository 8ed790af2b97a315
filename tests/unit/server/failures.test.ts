import { afterEach, describe, expect, it } from 'vitest';
import { buildServer } from '../../../server/app';
import { decodeCursor, encodeCursor } from '../../../server/leaderboards/cursor';
import { MAX_SCORE, sortKey, TIME_EPOCH_MS } from '../../../server/leaderboards/order';
import { RedisScoreStorage } from '../../../server/storage/redis';
import { fakeReplay, GAME_ORIGIN, type Harness, runScoring, SESSION_SECRET, startHarness } from './harness';
import { useRedis } from './redisServer';

const crafted = (position: unknown) => Buffer.from(JSON.stringify(position)).toString('base64url');

describe('honest failures on SQLite', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('/health fails (503, naming the store) when the store is down', async () => {
    h = await startHarness();
    expect((await h.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    await h.storage.close();
    const health = await h.app.inject({ method: 'GET', url: '/health' });
    expect(health.statusCode).toBe(503);
    expect(health.json()).toEqual({ ok: false, store: 'sqlite', error: 'storage_unavailable' });
    expect(health.headers['retry-after']).toBe('5');
  });

  it('answers a storage failure with 503 and Retry-After, on reads and on runs', async () => {
    h = await startHarness();
    const token = await h.login('player-1');
    await h.storage.close();
    const read = await h.app.inject({ method: 'GET', url: '/v1/leaderboards/global' });
    expect(read.statusCode).toBe(503);
    expect(read.headers['retry-after']).toBe('5');
    expect(read.json().error).toBe('storage_unavailable');
    const run = await h.app.inject({
      method: 'POST',
      url: '/v1/runs',
      headers: { authorization: `Bearer ${token}` },
      payload: { run: runScoring(5) },
    });
    // 503, not 4xx: the game's outbox keeps the run and retries it.
    expect(run.statusCode).toBe(503);
    expect(run.headers['retry-after']).toBe('5');
  });

  it('answers every crafted cursor with 400', async () => {
    h = await startHarness();
    const token = await h.login('player-1');
    await h.app.inject({
      method: 'POST',
      url: '/v1/runs',
      headers: { authorization: `Bearer ${token}` },
      payload: { run: runScoring(5) },
    });
    const cursors = [
      crafted([-(2 ** 53 - 1), '!']),
      crafted([-MAX_SCORE * 2 ** 32 - 1, 'a']),
      crafted([2 ** 32, 'a']),
      crafted([0, '']),
      crafted(['1', 'a']),
      crafted([1e300, 'a']),
      crafted({ k: 1 }),
      '!!!',
    ];
    for (const cursor of cursors) {
      const response = await h.app.inject({
        method: 'GET',
        url: `/v1/leaderboards/global?cursor=${encodeURIComponent(cursor)}`,
      });
      expect(response.statusCode, cursor).toBe(400);
      expect(response.json().error).toBe('invalid_cursor');
    }
    const edge = encodeCursor({ sortKey: sortKey(MAX_SCORE, TIME_EPOCH_MS), openId: '!' });
    expect(decodeCursor(edge)).not.toBeNull();
    const page = await h.app.inject({ method: 'GET', url: `/v1/leaderboards/global?cursor=${edge}` });
    expect(page.statusCode).toBe(200);
    expect(page.json().entries[0]).toMatchObject({ rank: 1, openId: 'player-1' });
  });
});

describe('honest failures on Redis', () => {
  const redis = useRedis();

  it('/health fails when Redis is down, and board reads are 503 (rate-limit counters there too)', async () => {
    const client = redis().connect();
    const counters = redis().connect();
    const app = buildServer({
      storage: new RedisScoreStorage(client),
      rateLimitRedis: counters,
      platform: { apiBase: 'http://127.0.0.1:9', clientKey: 'k', clientSecret: 's' },
      sessionSecret: SESSION_SECRET,
      gameOrigin: GAME_ORIGIN,
      replay: fakeReplay,
    });
    try {
      expect((await app.inject({ method: 'GET', url: '/health' })).json()).toEqual({
        ok: true,
        store: 'redis',
      });
      client.disconnect();
      counters.disconnect();
      const health = await app.inject({ method: 'GET', url: '/health' });
      expect(health.statusCode).toBe(503);
      expect(health.json()).toMatchObject({ ok: false, store: 'redis' });
      const read = await app.inject({ method: 'GET', url: '/v1/leaderboards/global' });
      expect(read.statusCode).toBe(503);
      expect(read.headers['retry-after']).toBe('5');
    } finally {
      await app.close();
    }
  });
});
