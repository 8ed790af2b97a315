/**
 * A level played as a player plays it, on a seed the game server issued (no test seed): the game keeps a
 * stock of seeds from its start, spends one on the level, and the server accepts that run once.
 */
import { expect, test } from '@playwright/test';
import { gameInfo } from '../../../assets/scripts/games/registered';
import { storageKeys } from '../../../assets/scripts/shell/config';
import { drawnByGame, recordDrawnText } from './contextText';
import { GameDriver, PHONE_PAGE, SIM, serverBoard } from './driver';

const STORAGE_KEYS = storageKeys(gameInfo.storagePrefix);

test.use(PHONE_PAGE);

// Never played: the server's board holds exactly the runs of this test.
const PLAYER = 'sim-ivy';

test('a level played on a server-issued seed is accepted, and its seed leaves the stock', async ({
  page,
}) => {
  await page.addInitScript(recordDrawnText);
  const game = await GameDriver.open(page, PLAYER);
  const stock = () =>
    game.frame().evaluate((key) => {
      const tt = (globalThis as unknown as { tt: { getStorageSync(key: string): unknown } }).tt;
      const raw = tt.getStorageSync(key);
      if (typeof raw !== 'string' || raw === '') return { openId: null, seeds: [] as number[] };
      const state = JSON.parse(raw) as { openId: string | null; seeds: { seed: number }[] };
      return { openId: state.openId, seeds: state.seeds.map((stocked) => stocked.seed) };
    }, STORAGE_KEYS.seeds);

  // Fetched at start, for this player.
  await expect.poll(async () => (await stock()).seeds.length).toBe(10);
  const before = await stock();
  expect(before.openId).toBe(PLAYER);

  await game.set({ autoplay: true, seed: null });
  await game.tap('level-1');
  await game.tap('play');
  await game.waitForScreen('results', 30_000);
  const result = (await game.sample()).lastResult;
  expect(result?.level).toBe(1);

  await expect.poll(async () => (await game.sample()).delivery).toBe('saved');
  await expect.poll(() => drawnByGame(game)).toContain('Global board: saved ✓');
  expect(await serverBoard()).toContainEqual({ openId: PLAYER, score: result?.score });
  // The first stocked seed carried the run and is gone; the stock is topped up with new ones.
  await expect.poll(async () => (await stock()).seeds.length).toBe(10);
  const after = await stock();
  expect(after.seeds).not.toContain(before.seeds[0]);
  expect(after.seeds.slice(0, 9)).toEqual(before.seeds.slice(1));
});

test('two tabs of one player play on their own seeds, and the server accepts both runs', async ({ page }) => {
  test.setTimeout(90_000);
  const first = await GameDriver.open(page, PLAYER);
  // A second tab of the same browser: the same player, the same local storage, its own game.
  const secondPage = await page.context().newPage();
  await secondPage.goto(`${SIM}/?device=390x844`);
  const second = new GameDriver(secondPage);
  await second.waitForScreen('menu');
  const results = [];
  for (const game of [first, second]) {
    await game.set({ autoplay: true, seed: null });
    await game.tap('level-1');
    await game.tap('play');
    await game.waitForScreen('results', 30_000);
  }
  for (const game of [first, second]) {
    await expect.poll(async () => (await game.sample()).delivery, { timeout: 20_000 }).toBe('saved');
    results.push((await game.sample()).lastResult?.score ?? -1);
  }
  expect(await serverBoard()).toContainEqual({ openId: PLAYER, score: Math.max(...results) });
});
