import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IssueSeeds, SeedStore } from '../../../server/seeds/types';

const T0 = Date.UTC(2026, 10, 25, 12, 0, 0);
const DAY = 24 * 60 * 60 * 1000;

const request = (seeds: number[], now = T0, extra: Partial<IssueSeeds> = {}): IssueSeeds => ({
  seeds,
  now,
  expiresAt: now + 7 * DAY,
  maxUnused: 20,
  ...extra,
});

/** One behavioural contract for every SeedStore. `open` must return an empty store. */
export function describeSeedStoreContract(
  name: string,
  open: () => Promise<{ store: SeedStore; close(): Promise<void> }>,
): void {
  describe(`SeedStore contract: ${name}`, () => {
    let store: SeedStore;
    let close: () => Promise<void>;
    beforeEach(async () => {
      ({ store, close } = await open());
    });
    afterEach(async () => {
      await close();
    });

    it('accepts a seed once for the player it was issued to', async () => {
      expect(await store.issue('ann', request([11, 12]))).toEqual([11, 12]);
      expect(await store.claim('ann', 11, 'run-a', T0 + 1)).toBe('accepted');
      expect(await store.claim('ann', 11, 'run-b', T0 + 2)).toBe('used');
      expect(await store.claim('ann', 12, 'run-b', T0 + 3)).toBe('accepted');
    });

    it('answers the same run again (a retry), and never another run', async () => {
      await store.issue('ann', request([11]));
      expect(await store.claim('ann', 11, 'run-a', T0 + 1)).toBe('accepted');
      expect(await store.claim('ann', 11, 'run-a', T0 + 2)).toBe('again');
      expect(await store.claim('ann', 11, 'run-b', T0 + 3)).toBe('used');
      expect(await store.claim('ann', 11, 'run-a', T0 + 4)).toBe('again');
    });

    it('refuses a seed issued to another player, or to nobody', async () => {
      await store.issue('ann', request([11]));
      expect(await store.claim('bob', 11, 'run-a', T0 + 1)).toBe('unknown');
      expect(await store.claim('ann', 99, 'run-a', T0 + 1)).toBe('unknown');
      // Bob's attempt used nothing: Ann still has her seed.
      expect(await store.claim('ann', 11, 'run-a', T0 + 2)).toBe('accepted');
    });

    it('binds a seed to each player it is issued to separately', async () => {
      await store.issue('ann', request([11]));
      await store.issue('bob', request([11]));
      expect(await store.claim('ann', 11, 'run-a', T0 + 1)).toBe('accepted');
      expect(await store.claim('bob', 11, 'run-b', T0 + 1)).toBe('accepted');
    });

    it('refuses an unused seed at its expiry, and forgets a used one then', async () => {
      await store.issue('ann', request([11, 12]));
      expect(await store.claim('ann', 11, 'run-a', T0 + 7 * DAY - 1)).toBe('accepted');
      expect(await store.claim('ann', 12, 'run-b', T0 + 7 * DAY)).toBe('expired');
      expect(await store.claim('ann', 11, 'run-a', T0 + 7 * DAY)).toBe('unknown');
      // Issuing again clears the expired seeds; a new one is unaffected.
      expect(await store.issue('ann', request([13], T0 + 8 * DAY))).toEqual([13]);
      expect(await store.claim('ann', 12, 'run-b', T0 + 8 * DAY)).toBe('unknown');
      expect(await store.claim('ann', 13, 'run-c', T0 + 8 * DAY)).toBe('accepted');
    });

    it('skips candidates the player already holds or used', async () => {
      await store.issue('ann', request([11, 12]));
      await store.claim('ann', 11, 'run-a', T0 + 1);
      expect(await store.issue('ann', request([11, 12, 13], T0 + 2))).toEqual([13]);
      expect(await store.claim('ann', 11, 'run-b', T0 + 3)).toBe('used');
    });

    it('keeps at most maxUnused unused seeds, dropping the ones expiring first', async () => {
      await store.issue('ann', request([1], T0, { maxUnused: 3 }));
      await store.issue('ann', request([2], T0 + 500, { maxUnused: 3 }));
      await store.issue('ann', request([3, 4], T0 + 1000, { maxUnused: 3 }));
      const claims = [];
      for (const seed of [1, 2, 3, 4]) claims.push(await store.claim('ann', seed, `run-${seed}`, T0 + 2000));
      expect(claims).toEqual(['unknown', 'accepted', 'accepted', 'accepted']);
    });

    it('drops the first issued of a batch first: the game uses a batch in order', async () => {
      await store.issue('ann', request([30, 10, 20], T0, { maxUnused: 3 }));
      await store.issue('ann', request([5, 40], T0 + 1000, { maxUnused: 3 }));
      const claims = [];
      for (const seed of [30, 10, 20, 5, 40])
        claims.push(await store.claim('ann', seed, `run-${seed}`, T0 + 2000));
      expect(claims).toEqual(['unknown', 'unknown', 'accepted', 'accepted', 'accepted']);
    });

    it('refuses more than 32 seeds in one issue', async () => {
      const seeds = Array.from({ length: 33 }, (_, i) => i);
      await expect(store.issue('ann', request(seeds, T0, { maxUnused: 40 }))).rejects.toThrow(
        'at most 32 seeds per issue, not 33',
      );
    });

    it('reissues a chosen seed afresh when asked (development servers)', async () => {
      await store.issue('ann', request([7]));
      expect(await store.claim('ann', 7, 'run-a', T0 + 1)).toBe('accepted');
      expect(await store.issue('ann', request([7], T0 + 2))).toEqual([]);
      expect(await store.issue('ann', request([7], T0 + 2, { reissue: true }))).toEqual([7]);
      expect(await store.claim('ann', 7, 'run-b', T0 + 3)).toBe('accepted');
      expect(await store.claim('ann', 7, 'run-c', T0 + 4)).toBe('used');
    });

    it('lets exactly one of many concurrent claims of a seed through', async () => {
      await store.issue('ann', request([11]));
      const claims = await Promise.all(
        Array.from({ length: 20 }, (_, i) => store.claim('ann', 11, `run-${i}`, T0 + 1)),
      );
      expect(claims.filter((claim) => claim === 'accepted')).toHaveLength(1);
      expect(claims.filter((claim) => claim === 'used')).toHaveLength(19);
    });

    it('keeps open ids with ":" apart from seed keys', async () => {
      await store.issue('a:used:11', request([5]));
      await store.issue('a', request([11]));
      expect(await store.claim('a', 11, 'run-a', T0 + 1)).toBe('accepted');
      expect(await store.claim('a:used:11', 5, 'run-b', T0 + 1)).toBe('accepted');
      expect(await store.claim('a:used:11', 11, 'run-c', T0 + 1)).toBe('unknown');
    });
  });
}
