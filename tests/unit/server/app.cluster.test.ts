import { afterAll, describe, expect, it } from 'vitest';
import { game } from '../../../assets/scripts/games/registered';
import { SessionTokens } from '../../../server/auth/sessionToken';
import { DEV_SESSION_SECRET } from '../../../server/config';
import { type RunningGameServer, startGameServer } from '../../../server/index';
import { botRun } from '../testGame';
import { overHttp } from './overHttp';
import { useRedisCluster } from './redisCluster';

const cluster = useRedisCluster();

describe('two game servers on a Redis Cluster (REDIS_CLUSTER=1)', () => {
  const servers: RunningGameServer[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.close()));
  });

  it('share boards, seeds and rate limits', async () => {
    for (let i = 0; i < 2; i++) {
      servers.push(
        await startGameServer({
          port: 0,
          host: '127.0.0.1',
          redisUrl: cluster().url,
          redisCluster: true,
          logger: false,
          limits: { runsPerMinute: 3, refusalDelayMs: 0 },
        }),
      );
    }
    const [a, b] = servers.map((server) => overHttp(server.app)) as [
      ReturnType<typeof overHttp>,
      ReturnType<typeof overHttp>,
    ];
    expect((await a({ url: '/health' })).json()).toEqual({ ok: true, store: 'redis' });
    const bearer = {
      authorization: `Bearer ${new SessionTokens(DEV_SESSION_SECRET, 60_000, Date.now).issue('amy').token}`,
    };
    const issued = await a({ method: 'POST', url: '/v1/seeds', headers: bearer, payload: { count: 4 } });
    const seeds = issued.json().seeds as number[];
    expect(seeds).toHaveLength(4);
    const runs = seeds.map((seed) => botRun(game, seed, 1));
    // Submitted to either server; each seed once, whichever server sees it.
    const first = await b({
      method: 'POST',
      url: '/v1/runs',
      headers: bearer,
      payload: { zone: 'test', run: runs[0] },
    });
    expect(first.json()).toMatchObject({ best: runs[0]?.claimedScore, rank: 1 });
    const again = await a({
      method: 'POST',
      url: '/v1/runs',
      headers: bearer,
      payload: { zone: 'test', run: { ...runs[0], claimedScore: runs[0]?.claimedScore } },
    });
    expect(again.statusCode).toBe(200); // the same run again: answered again, not a second best
    expect(
      (await a({ method: 'POST', url: '/v1/runs', headers: bearer, payload: { zone: 'test', run: runs[1] } }))
        .statusCode,
    ).toBe(200);
    // The fourth run in the minute is over the limit both servers count together.
    expect(
      (await b({ method: 'POST', url: '/v1/runs', headers: bearer, payload: { zone: 'test', run: runs[2] } }))
        .statusCode,
    ).toBe(429);
    for (const period of ['global', 'daily', 'weekly', 'monthly']) {
      const read = (
        await a({ url: `/v1/leaderboards/${period}?zone=test&around=me`, headers: bearer })
      ).json();
      expect(
        read.entries.map((e: { openId: string }) => e.openId),
        period,
      ).toEqual(['amy']);
      expect(read.entries[0].score).toBe(Math.max(runs[0]?.claimedScore ?? 0, runs[1]?.claimedScore ?? 0));
    }
    expect((await b({ url: '/v1/leaderboards/global' })).json().entries).toEqual([]);
  });
});
