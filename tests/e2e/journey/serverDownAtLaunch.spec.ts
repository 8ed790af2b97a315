/**
 * The game's own server is down from the first launch of a new player: TikTok still answers, so the
 * friend board, the best kept in the cloud and the "you passed" notice work as ever. The open data
 * context knows which row is the player's from the platform (the player tag), never from the server.
 */
import { expect, test } from '@playwright/test';
import { drawn, forgetDrawn, recordDrawnText } from '../game/contextText';
import {
  boardRowButton,
  cloudHighScore,
  GameDriver,
  PHONE_PAGE,
  serverBoard,
  simGet,
  simPost,
} from '../game/driver';

test.use(PHONE_PAGE);

const GRACE = { openId: 'sim-grace', name: 'Grace Newcomer' };
const NOAH = 'Noah Alone';
const BOTH_SCOPES = ['user.info.basic', 'user.friends.mutual'];

interface Log {
  entries: { api: string }[];
}

test('with the game server down at launch, the friend board still marks "You" and offers no challenge to yourself, and the runs reach the global board when it is back', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.addInitScript(recordDrawnText);
  const game = await GameDriver.open(page, GRACE.openId, async () => {
    await simPost('/__sim/authorization', { openId: GRACE.openId, scopes: BOTH_SCOPES });
    await simPost('/__sim/game-server', { down: true });
  });
  // The game never reached its server: it does not know her open id.
  expect((await game.sample()).openId).toBeNull();

  await game.tap('friend-board');
  await game.waitForScreen('leaderboard');
  await expect.poll(async () => (await game.sample()).surface?.view).toBe('board');
  // Her row is hers (third, under Ava's 3,000 and Noah's 700), and its button place sends nothing.
  await expect.poll(() => drawn(page)).toContain('No score yet · You');
  const rect = (await game.sample()).surface?.rect;
  if (!rect) throw new Error('no board surface');
  await game.tapSurface(rect, boardRowButton(rect, 2));
  await game.framesDrawn(10);
  expect((await simGet<Log>('/__sim/log')).entries.filter((entry) => entry.api === 'shareToUser')).toEqual(
    [],
  );
  // Noah's row challenges him.
  await game.tapSurface(rect, boardRowButton(rect, 1));
  await expect.poll(() => drawn(page)).toContain('Sent ✓');
  const inbox = await simGet<{ cards: { from_open_id: string }[] }>(`/__sim/inbox/sim-noah`);
  expect(inbox.cards.map((card) => card.from_open_id)).toEqual([GRACE.openId]);
  await game.tap('close');
  await game.waitForScreen('menu');

  // She plays: the cloud keeps her best, and the notice names the friend she passed.
  await forgetDrawn(page);
  const result = await game.playLevel1(true, 7);
  expect(result.score).toBe(1_250);
  await expect.poll(() => cloudHighScore(GRACE.openId)).toBe('1250');
  await expect.poll(() => drawn(page)).toContain(`You passed ${NOAH}!`);
  expect((await drawn(page)).filter((text) => text.startsWith('You passed Grace'))).toEqual([]);

  // A level as a player plays it, on a seed of the game's own (it could fetch none): it waits too.
  await game.set({ autoplay: true, seed: null });
  await game.tap('next');
  await expect.poll(async () => (await game.sample()).pendingRuns, { timeout: 30_000 }).toBe(2);
  await game.waitForScreen('results');
  expect((await game.sample()).delivery).toBe('waiting');

  // The server is back: both runs reach it without a tap, the second as an offline run.
  await simPost('/__sim/game-server', { down: false });
  await expect.poll(async () => (await game.sample()).pendingRuns, { timeout: 60_000 }).toBe(0);
  expect((await game.sample()).delivery).toBe('saved');
  expect((await serverBoard()).find((entry) => entry.openId === GRACE.openId)?.score).toBeGreaterThanOrEqual(
    1_250,
  );
});
