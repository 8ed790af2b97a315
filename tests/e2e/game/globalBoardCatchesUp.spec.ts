/**
 * A best the game server has not taken yet is named under the global rows; once the outbox delivers it
 * while the rows are on screen, they reload and show it, and the line goes, without a tap.
 */
import { expect, test } from '@playwright/test';
import { drawnByGame, recordDrawnText } from './contextText';
import { GAME_SERVER, GameDriver, PHONE_PAGE, simPost } from './driver';

test.use(PHONE_PAGE);

/** A player the game server has never seen, so any run of hers is above what it holds. */
const GRACE = 'sim-grace';
const formatted = (score: number) => score.toLocaleString('en-US');

test('the global board shows a delivered best by itself, and drops the "isn\'t here yet" line', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.addInitScript(recordDrawnText);
  const game = await GameDriver.open(page, GRACE, () =>
    simPost('/__sim/authorization', { openId: GRACE, scopes: ['user.info.basic', 'user.friends.mutual'] }),
  );
  // Only the run's delivery fails: the board itself still loads.
  const runs = `${GAME_SERVER}/v1/runs`;
  await page.context().route(runs, (route) => route.abort('connectionrefused'));
  const result = await game.playLevel1();
  await expect.poll(async () => (await game.sample()).pendingRuns).toBe(1);

  await game.tap('friend-board');
  await game.waitForScreen('leaderboard');
  await game.tap('tab-global');
  await expect.poll(async () => (await game.sample()).board).toBe('global:ready');
  const unsentLine = `Your ${formatted(result.score)} isn’t here yet: it goes once the game server has it`;
  await expect.poll(() => drawnByGame(game)).toContain(unsentLine);

  await page.context().unroute(runs);
  await expect.poll(async () => (await game.sample()).pendingRuns, { timeout: 40_000 }).toBe(0);
  // What the game draws now: the leaderboard redraws every frame, so the record is cleared first.
  const drawnNow = async (): Promise<string[]> => {
    await game.frame().evaluate(() => {
      (globalThis as unknown as { __drawn: string[] }).__drawn.length = 0;
    });
    await game.framesDrawn(2);
    return drawnByGame(game);
  };
  await expect.poll(drawnNow).toContain('Grace Newcomer (you)');
  const now = await drawnNow();
  expect(now[now.indexOf('Grace Newcomer (you)') + 1]).toBe(formatted(result.score));
  expect(now).not.toContain(unsentLine);
  expect((await game.sample()).board).toBe('global:ready');
});
