/**
 * Each screen of the Canvas 2D edition against committed references, at device pixel ratio 1 and 3
 * (a 3x phone must be as crisp as its backing store allows). The open data context's overlay is left
 * out: its own tests cover its pixels. References: `npx playwright test tests/e2e/game/screens.spec.ts
 * --update-snapshots` on a machine with Debian's Chromium and fonts.
 */
import { expect, type Page, test } from '@playwright/test';
import { drawn, recordDrawnText } from './contextText';
import { GAME_SERVER, GameDriver, PHONE_PAGE } from './driver';

// Players of the fixture with their seeded cloud bests (drawn on the menu by the open data context); open
// resets the simulator and the game server first, so the screens are repeatable whatever ran before.
const players = { 1: 'sim-zoe', 3: 'sim-priya' } as const;
const seededBests = { 1: 'Best score 1,800', 3: 'Best score 900' } as const;

for (const ratio of [1, 3] as const) {
  test.describe(`screens at DPR ${ratio}`, () => {
    test.use({ ...PHONE_PAGE, deviceScaleFactor: ratio });

    test('menu, play, results, explanation, leaderboard alternative, offline and global', async ({
      page,
    }) => {
      test.setTimeout(120_000);
      await page.addInitScript(recordDrawnText);
      const game = await GameDriver.open(page, players[ratio]);
      const shot = (name: string) => screenshot(page, `${name}-dpr${ratio}.png`);
      await expect.poll(async () => (await game.sample()).openId).toBe(players[ratio]);
      await expect.poll(() => drawn(page)).toContain(seededBests[ratio]);
      await shot('menu');

      await game.set({ autoplay: true, seed: 7, holdAtTick: 420 });
      await game.tap('play');
      await game.waitForScreen('play');
      // The bot runs many ticks a frame, so a few frames reach the held tick; the screenshot then waits
      // for two identical pictures.
      await game.framesDrawn(10);
      await shot('play');

      await game.set({ holdAtTick: null });
      await game.waitForScreen('results', 30_000);
      await shot('results');

      await game.tap('friend-board');
      await game.waitForScreen('consent');
      await shot('consent');

      await game.tap('consent-not-now');
      await game.waitForScreen('leaderboard');
      await expect.poll(async () => (await game.sample()).board).toBe('friends:not-now');
      await shot('leaderboard-declined');

      await page.context().route(`${GAME_SERVER}/**`, (route) => route.abort('connectionrefused'));
      await game.tap('show-global');
      await expect.poll(async () => (await game.sample()).board).toBe('global:unreachable');
      await shot('leaderboard-offline');

      // The server back: the global board around the player, the seeded world's bests with hers. Rank 1,
      // then the rows around hers: dots in the rank column mark the ranks skipped between them.
      const gapMarks = () =>
        game
          .frame()
          .evaluate(
            () => (globalThis as unknown as { __drawn: string[] }).__drawn.filter((t) => t === '···').length,
          );
      expect(await gapMarks()).toBe(0);
      await page.context().unroute(`${GAME_SERVER}/**`);
      await game.tap('retry-global');
      await expect.poll(async () => (await game.sample()).board).toBe('global:ready');
      await expect.poll(gapMarks).toBeGreaterThan(0);
      await shot('leaderboard-global');
    });
  });
}

async function screenshot(page: Page, name: string): Promise<void> {
  // Device pixels, not CSS pixels: at DPR 3 the reference must show what a 3x backing store draws.
  await expect(page.locator('#game-frame')).toHaveScreenshot(name, {
    maxDiffPixelRatio: 0.01,
    scale: 'device',
    timeout: 30_000,
  });
}
