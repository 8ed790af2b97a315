import { describe, expect, it } from 'vitest';
import { sortKey } from '../../../server/leaderboards/order';
import { RedisSeedStore } from '../../../server/seeds/redis';
import { RunSeeds } from '../../../server/seeds/runSeeds';
import { RedisScoreStorage } from '../../../server/storage/redis';
import { migrateLegacyKeys } from '../../../server/storage/redisMigration';
import { useRedis } from './redisServer';

const redis = useRedis();
const T0 = Date.UTC(2026, 10, 25, 12);

describe('Redis keys of the layout before Redis Cluster support', () => {
  it('move to the current layout once at start: boards, profiles, seeds, events and expiries', async () => {
    const client = redis().connect();
    await client.flushall();
    // As the earlier version wrote them: everything under the one {leaderboard} hash tag.
    await client.zadd('{leaderboard}:board:global', sortKey(30, T0), 'amy', sortKey(20, T0), 'bob');
    await client.zadd('{leaderboard}:board:test/daily:2026-11-25', sortKey(7, T0), 'amy');
    await client.pexpire('{leaderboard}:board:test/daily:2026-11-25', 3_600_000);
    await client.hset('{leaderboard}:board:global:at', 'amy', String(T0));
    await client.hset(
      '{leaderboard}:profiles',
      'amy',
      JSON.stringify({ displayName: 'Amy', avatarUrl: null, updatedAt: T0 }),
    );
    await client.zadd('{leaderboard}:seeds:unused:amy', String(T0 + 86_400_000), '42');
    await client.set('{leaderboard}:seeds:used:7:amy', `${T0 + 86_400_000}:digest`, 'PX', 86_400_000);
    await client.xadd(
      '{leaderboard}:events',
      '*',
      'event',
      JSON.stringify({ openId: 'amy', name: 'tick', entryPoint: null, at: 1, receivedAt: 2 }),
    );
    const storage = new RedisScoreStorage(client);
    // A newer server already wrote a better score for bob before this ran: the best is kept.
    await storage.submitScore([{ board: 'global', expiresAt: null }], {
      openId: 'bob',
      score: 25,
      achievedAt: T0,
    });

    expect(await migrateLegacyKeys(client, storage.keys)).toBe(7);
    expect(await client.keys('{leaderboard}:*')).toEqual([]);
    const global = await storage.readRanks('global', 1, 10);
    expect(global.map((e) => [e.openId, e.score, e.displayName])).toEqual([
      ['amy', 30, 'Amy'],
      ['bob', 25, null],
    ]);
    expect((await storage.readRanks('test/daily:2026-11-25', 1, 10)).map((e) => e.displayName)).toEqual([
      'Amy',
    ]);
    expect(await client.pttl(storage.keys.scores('test/daily:2026-11-25'))).toBeGreaterThan(3_500_000);
    expect(await client.get(storage.keys.profile('amy'))).toBe(
      `${T0}:${JSON.stringify({ displayName: 'Amy', avatarUrl: null })}`,
    );
    expect((await storage.recentEvents(10)).map((e) => e.name)).toEqual(['tick']);
    const seeds = new RunSeeds({ store: new RedisSeedStore(client) });
    const run = (seed: number) => ({ v: 1, seed, level: 1, inputs: [], claimedScore: 0 });
    expect(await seeds.claim('amy', run(42), T0)).toBeNull();
    expect((await seeds.claim('amy', run(7), T0))?.error).toBe('seed_used');
    // Done once: a later start finds the marker and moves nothing.
    await client.zadd('{leaderboard}:board:global', 1, 'late');
    expect(await migrateLegacyKeys(client, storage.keys)).toBe(0);
    await storage.close();
  });
});
