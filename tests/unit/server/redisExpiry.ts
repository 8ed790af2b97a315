import type { Cluster, Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import type { RedisScoreStorage } from '../../../server/storage/redis';

/** A period board's expiry, set when it is created and left alone by improvements, on one server or a cluster. */
export function describeRedisExpiry(
  name: string,
  open: () => Promise<{ client: Redis | Cluster; storage: RedisScoreStorage }>,
): void {
  describe(`Redis expiry of period boards: ${name}`, () => {
    it('a period board gets its expiry when it is created; the all-time board never expires', async () => {
      const { client, storage } = await open();
      try {
        const t0 = Date.UTC(2026, 10, 25, 12);
        const ends = Date.UTC(2026, 10, 28);
        const boards = [
          { board: 'global', expiresAt: null },
          { board: 'daily:2026-11-25', expiresAt: ends },
        ];
        await storage.submitScore(boards, { openId: 'amy', score: 30, achievedAt: t0 });
        const life = await client.pttl(storage.keys.scores('daily:2026-11-25'));
        // Its life is counted from the run's time, whatever Redis's own clock says.
        expect(life).toBeGreaterThan(ends - t0 - 5_000);
        expect(life).toBeLessThanOrEqual(ends - t0);
        expect(await client.pttl(storage.keys.scores('global'))).toBe(-1);
        expect(await storage.removeExpiredBoards(ends + 1)).toBe(0);
        // An improvement by a player already on it changes no expiry; a new player sets the same end.
        await client.pexpire(storage.keys.scores('daily:2026-11-25'), 60_000);
        await storage.submitScore(boards, { openId: 'amy', score: 40, achievedAt: t0 + 1000 });
        expect(await client.pttl(storage.keys.scores('daily:2026-11-25'))).toBeLessThanOrEqual(60_000);
        await storage.submitScore(boards, { openId: 'bob', score: 10, achievedAt: t0 + 2000 });
        expect(await client.pttl(storage.keys.scores('daily:2026-11-25'))).toBeGreaterThan(
          ends - t0 - 10_000,
        );
      } finally {
        await client.quit();
      }
    });
  });
}
