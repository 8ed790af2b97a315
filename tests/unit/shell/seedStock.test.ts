import { describe, expect, it } from 'vitest';
import { type IssuedSeeds, storageKeys } from '../../../assets/scripts/shell/index';
import { testGame } from '../testGame';

const STORAGE_KEYS = storageKeys(testGame.info.storagePrefix);

import {
  createSeedStock,
  parseSeedStock,
  SEED_STOCK_SIZE,
  SEED_SUBMIT_MARGIN_MS,
} from '../../../assets/scripts/shell/seedStock';
import { MemoryStorage } from './fakes';

const DAY = 24 * 60 * 60 * 1000;

function stock(storage = new MemoryStorage()) {
  const clock = { now: 1_000 };
  const requests: number[] = [];
  let next = 500;
  let offline = false;
  let openId: string | null = 'open-you';
  const seeds = createSeedStock({
    storage,
    storageKey: STORAGE_KEYS.seeds,
    fetchSeeds: async (count): Promise<IssuedSeeds> => {
      requests.push(count);
      if (offline) throw new Error('network down');
      return { seeds: Array.from({ length: count }, () => next++), expiresInMs: 7 * DAY };
    },
    sessionOpenId: () => openId,
    now: () => clock.now,
  });
  return {
    seeds,
    storage,
    clock,
    requests,
    goOffline: (value: boolean) => {
      offline = value;
    },
    becomes: (id: string | null) => {
      openId = id;
    },
  };
}

describe('seed stock', () => {
  it('never gives two tabs of the game the same seed: each takes from what the storage holds now', async () => {
    const shared = new MemoryStorage();
    const first = stock(shared);
    await first.seeds.refill();
    const second = stock(shared);
    const taken = [first.seeds.take('open-you'), second.seeds.take('open-you'), first.seeds.take('open-you')];
    expect(taken).toEqual([500, 501, 502]);
    // A refill by one tab keeps what the other took out.
    await second.seeds.refill();
    const left = JSON.parse(shared.values.get(STORAGE_KEYS.seeds) ?? '{}') as { seeds: { seed: number }[] };
    expect(left.seeds.map((stocked) => stocked.seed)).not.toEqual(expect.arrayContaining([500, 501, 502]));
  });

  it('fills up to ten seeds, hands out the oldest first and refills only what was taken', async () => {
    const { seeds, requests } = stock();
    expect(SEED_STOCK_SIZE).toBe(10);
    await seeds.refill();
    expect(requests).toEqual([10]);
    expect([seeds.take('open-you'), seeds.take('open-you')]).toEqual([500, 501]);
    await seeds.refill();
    expect(requests).toEqual([10, 2]);
    await seeds.refill();
    expect(requests).toEqual([10, 2]);
    expect(seeds.count()).toBe(10);
  });

  it('is kept in local storage, so seeds fetched online serve a later offline launch', async () => {
    const online = stock();
    await online.seeds.refill();
    const offline = stock(online.storage);
    offline.goOffline(true);
    await expect(offline.seeds.refill()).resolves.toBeUndefined();
    expect(offline.seeds.take('open-you')).toBe(500);
    expect(stock(online.storage).seeds.count()).toBe(9);
  });

  it('answers null when empty, and asks for one refill at a time', async () => {
    const { seeds, requests, goOffline } = stock();
    expect(seeds.take('open-you')).toBeNull();
    goOffline(true);
    await Promise.all([seeds.refill(), seeds.refill()]);
    expect(requests).toEqual([10]);
    expect(seeds.take('open-you')).toBeNull();
  });

  it('drops seeds within two days of their expiry', async () => {
    const { seeds, clock } = stock();
    await seeds.refill();
    expect(SEED_SUBMIT_MARGIN_MS).toBe(2 * DAY);
    clock.now = 1_000 + 5 * DAY - 1;
    expect(seeds.take('open-you')).toBe(500);
    clock.now = 1_000 + 5 * DAY;
    expect(seeds.count()).toBe(0);
    expect(seeds.take('open-you')).toBeNull();
  });

  it("never hands one player's seeds to another, and replaces them at the next fetch", async () => {
    const { seeds, storage, becomes } = stock();
    await seeds.refill();
    expect(seeds.take('open-other')).toBeNull();
    expect(seeds.count()).toBe(0);
    becomes('open-other');
    await seeds.refill();
    expect(JSON.parse(storage.values.get(STORAGE_KEYS.seeds) ?? '{}').openId).toBe('open-other');
    expect(seeds.take('open-other')).toBe(510);
  });

  it('reads a damaged stock entry by entry', () => {
    const text = JSON.stringify({
      v: 1,
      openId: 'open-you',
      seeds: [
        { seed: 1, useBy: 5 },
        { seed: -1, useBy: 5 },
        { seed: 2 ** 32, useBy: 5 },
        'junk',
        { seed: 3 },
      ],
    });
    expect(parseSeedStock(text)).toEqual({ v: 1, openId: 'open-you', seeds: [{ seed: 1, useBy: 5 }] });
    expect(parseSeedStock('{not json')).toEqual({ v: 1, openId: null, seeds: [] });
    expect(parseSeedStock(JSON.stringify({ seeds: [{ seed: 1, useBy: 5 }] }))).toEqual({
      v: 1,
      openId: null,
      seeds: [],
    });
  });
});
