import { describe, expect, it } from 'vitest';
import { buildServer } from '../../../server/app';
import { SessionTokens } from '../../../server/auth/sessionToken';
import { RedisScoreStorage } from '../../../server/storage/redis';
import { fakeReplay, GAME_ORIGIN, runScoring, SESSION_SECRET } from './harness';
import { overHttp } from './overHttp';
import { useRedis } from './redisServer';

describe('the server on Redis', () => {
  const redisServer = useRedis();

  it('accepts runs, ranks them, and shares rate-limit counters between two server processes', async () => {
    const redis = redisServer();
    const clients = [redis.connect(), redis.connect(), redis.connect(), redis.connect()] as const;
    const servers = [0, 1].map((i) =>
      buildServer({
        storage: new RedisScoreStorage(clients[i * 2] as (typeof clients)[0]),
        platform: { apiBase: 'http://127.0.0.1:9', clientKey: 'k', clientSecret: 's' },
        sessionSecret: SESSION_SECRET,
        gameOrigin: GAME_ORIGIN,
        replay: fakeReplay,
        limits: { runsPerMinute: 4 },
        rateLimitRedis: clients[i * 2 + 1],
      }),
    );
    const [a, b] = servers as [(typeof servers)[0], (typeof servers)[0]];
    // Over HTTP: the rate limit is on this path.
    const [sendA, sendB] = [overHttp(a), overHttp(b)];
    try {
      const token = new SessionTokens(SESSION_SECRET, 60_000, Date.now).issue('player-1').token;
      const submit = (server: typeof a, score: number) =>
        (server === a ? sendA : sendB)({
          method: 'POST',
          url: '/v1/runs',
          headers: { authorization: `Bearer ${token}` },
          payload: { run: runScoring(score) },
        });
      expect((await submit(a, 10)).json()).toEqual({ best: 10, rank: 1, newBest: true });
      expect((await submit(b, 30)).json()).toEqual({ best: 30, rank: 1, newBest: true });
      expect((await submit(a, 20)).json()).toEqual({ best: 30, rank: 1, newBest: false });
      expect((await submit(b, 40)).statusCode).toBe(200);
      // The fifth run in the minute, on either process, is over the shared limit and stores nothing.
      expect((await submit(a, 50)).statusCode).toBe(429);
      const board = (await b.inject({ method: 'GET', url: '/v1/leaderboards/weekly' })).json();
      expect(board.entries.map((e: { openId: string; score: number }) => [e.openId, e.score])).toEqual([
        ['player-1', 40],
      ]);
    } finally {
      await Promise.all(servers.map((server) => server.close()));
      await Promise.all(clients.map((client) => client.quit()));
    }
  });
});
