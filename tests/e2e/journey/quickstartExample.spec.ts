/**
 * The quickstart's swap (docs/quickstart.md), played: Star Tap (examples/star-tap/) in place of Star
 * Lanes, the package built by tools/buildExample.ts into dist/ for this file's test and restored after.
 * Everything the player meets around the game is the shell's: the menu in Star Tap's words, the results,
 * the open data context that keeps the best and says who was passed, the friend board and its invites.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { buildExample } from '../../../tools/buildExample';
import { drawn, drawnByGame, recordDrawnText } from '../game/contextText';
import { boardRowButton, cloudHighScore, GameDriver, PHONE_PAGE, simGet } from '../game/driver';

test.use(PHONE_PAGE);

const DIST = join(process.cwd(), 'dist');
const SWAPPED = ['game.js', 'openDataContext/index.js'];
const GRACE = { openId: 'sim-grace', name: 'Grace Newcomer' };
const NOAH = { openId: 'sim-noah', name: 'Noah Alone' };
// Star Tap's bot taps every fifth tick of a 600-tick level: 120 stars of 10 points.
const BOT_RUN = { score: 1_200, summary: '120 stars caught' };

interface Inbox {
  cards: { from_open_id: string; title: string; query: string }[];
}

let original: Map<string, string> | null = null;

test.beforeAll(async () => {
  test.setTimeout(60_000);
  original = new Map(SWAPPED.map((file) => [file, readFileSync(join(DIST, file), 'utf8')]));
  await buildExample('star-tap', DIST);
});

test.afterAll(() => {
  for (const [file, text] of original ?? []) writeFileSync(join(DIST, file), text);
});

test('Star Tap, swapped in, plays the whole leaderboard flow', async ({ page }) => {
  test.setTimeout(120_000);
  await page.addInitScript(recordDrawnText);
  const game = await GameDriver.open(page, GRACE.openId);
  // The shell's menu in the game's words, with the levels the game declares.
  await expect
    .poll(() => drawnByGame(game))
    .toEqual(expect.arrayContaining(['STAR TAP', 'Ten seconds. Tap for stars.']));
  expect(Object.keys((await game.sample()).buttons).filter((id) => id.startsWith('level-'))).toEqual([
    'level-1',
  ]);

  // She allows the friend board first: her friends are there, she has no score yet.
  await game.askForFriends('friend-board', true);
  await game.waitForScreen('leaderboard');
  await expect.poll(async () => (await game.sample()).surface?.view).toBe('board');
  await game.tap('close');
  await game.waitForScreen('menu');

  // Level end: the game's own play screen, the shell's results, the best saved by the open data context.
  const result = await game.playLevel1(true, 7);
  expect(result).toMatchObject({ level: 1, score: BOT_RUN.score, completed: true, summary: BOT_RUN.summary });
  expect(await drawnByGame(game)).toContain('Tap to catch stars!');
  await expect.poll(() => drawnByGame(game)).toContain(BOT_RUN.summary);
  await expect.poll(() => cloudHighScore(GRACE.openId)).toBe(String(BOT_RUN.score));

  // The surpass notice, from inside the open data context: Noah's 700 is behind her now.
  await expect.poll(() => drawn(page)).toContain(`You passed ${NOAH.name}!`);

  // The friend board from the results, with her new best on it.
  await game.tap('friend-board');
  await game.waitForScreen('leaderboard');
  await expect.poll(async () => (await game.sample()).surface?.view).toBe('board');
  await expect.poll(() => drawn(page)).toEqual(expect.arrayContaining(['1,200 pts · You', '700 pts']));

  // An invite from Noah's row (third: Ava 3,000, Grace 1,200, Noah 700) lands in his inbox with her best.
  const rect = (await game.sample()).surface?.rect;
  if (!rect) throw new Error('no board surface');
  await game.tapSurface(rect, boardRowButton(rect, 2));
  await expect.poll(() => drawn(page)).toContain('Sent ✓');
  const inbox = await simGet<Inbox>(`/__sim/inbox/${NOAH.openId}`);
  const card = inbox.cards.find((candidate) => candidate.from_open_id === GRACE.openId);
  expect(card?.title).toBe('Beat my 1,200 points!');
  expect(card?.query).toContain('beat=1200');
});
