/**
 * The two-player loop of twoPlayers.spec.ts when things go wrong: Grace says no to the friend board and
 * changes her mind later, and Grace's network drops in the middle of beating Noah. Each starts from a
 * fresh world (GameDriver.open resets the simulator and the game server), so any seeded player will do.
 */
import { expect, type Page, test } from '@playwright/test';
import { drawn, drawnByGame, forgetDrawn, recordDrawnText } from '../game/contextText';
import {
  boardRowButton,
  cloudHighScore,
  GAME_SERVER,
  GameDriver,
  PHONE_PAGE,
  type Rect,
  serverBoard,
  simGet,
  simPost,
} from '../game/driver';

test.use(PHONE_PAGE);

const GRACE = { openId: 'sim-grace', name: 'Grace Newcomer' };
const NOAH = { openId: 'sim-noah', name: 'Noah Alone' };
// Grace's other friend who plays, seeded at 3,000: above both all along.
const AVA = 'Ava Chen';
const BOTH_SCOPES = ['user.info.basic', 'user.friends.mutual'];
// Level 1 with the built-in bot: seed 2 scores 950, seed 7 scores 1,250.
const SEEDS = { noah: 2, graceBeatsNoah: 7 };

interface Inbox {
  cards: { id: number; from_open_id: string; title: string }[];
}

/** The names in the order the board first drew them since `forgetDrawn` (its first frame, top to bottom). */
async function boardOrder(page: Page): Promise<string[]> {
  const names = [AVA, GRACE.name, NOAH.name];
  return [...new Set((await drawn(page)).filter((text) => names.includes(text)))];
}

async function boardSurface(game: GameDriver): Promise<Rect> {
  await expect.poll(async () => (await game.sample()).surface?.view).toBe('board');
  const rect = (await game.sample()).surface?.rect;
  if (!rect) throw new Error('no board surface');
  return rect;
}

/** A fresh world where Noah, authorized, has set 950; then the host switches to Grace. */
async function noahSetsTheScore(page: Page): Promise<GameDriver> {
  await page.addInitScript(recordDrawnText);
  const game = await GameDriver.open(page, NOAH.openId);
  await simPost('/__sim/authorization', { openId: NOAH.openId, scopes: BOTH_SCOPES });
  const noah = await game.playLevel1(true, SEEDS.noah);
  expect(noah.score).toBe(950);
  await expect.poll(() => drawn(page)).toContain('New best! Saved ✓');
  await game.switchPlayer(GRACE.openId);
  return game;
}

test('declined: Grace says no, still plays and beats Noah, then allows it and finds herself above him', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const game = await noahSetsTheScore(page);

  // Her first run, then the friend board from the results: the game explains, she continues, and at
  // the platform's prompt she says no.
  const weak = await game.playLevel1('idle');
  expect(weak.score).toBeLessThan(950);
  await game.askForFriends('friend-board', false);
  await game.waitForScreen('leaderboard');
  await expect.poll(async () => (await game.sample()).board).toBe('friends:declined');
  // The board says TikTok won't ask again and points at its settings; no friend board is shown.
  await expect.poll(() => drawnByGame(game)).toContain('No friends board for now');
  expect(await drawnByGame(game)).toEqual(expect.arrayContaining(['See the global board', 'Open settings']));
  expect((await game.sample()).surface).toBeNull();
  expect((await simGet<{ granted: string[] }>(`/__sim/authorization/${GRACE.openId}`)).granted).toEqual([]);
  // "Open settings", left off: access stays off, and the words say where it is.
  await game.tap('retry-auth');
  await game.answerSettingsPage(false);
  await expect.poll(async () => (await game.sample()).board).toBe('friends:turned-off');
  await expect.poll(() => drawnByGame(game)).toContain('Friend access is off');
  expect(await drawnByGame(game)).toContain('Open settings');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // The game still plays: she beats Noah, and her best is saved to the cloud and the game server. With no
  // friend list the notice cannot name anyone she passed.
  await game.tap('close');
  await game.waitForScreen('results');
  await forgetDrawn(page);
  const strong = await game.playLevelFromResults(SEEDS.graceBeatsNoah);
  expect(strong.score).toBe(1_250);
  await expect.poll(() => drawn(page)).toContain('New best! Saved ✓');
  await expect.poll(() => cloudHighScore(GRACE.openId)).toBe('1250');
  await expect.poll(async () => (await game.sample()).delivery).toBe('saved');
  expect((await drawn(page)).filter((text) => text.startsWith('You passed'))).toEqual([]);

  // Her board from these results goes straight to where to turn access back on.
  await game.tap('friend-board');
  await game.waitForScreen('leaderboard');
  await expect.poll(async () => (await game.sample()).board).toBe('friends:turned-off');

  // From the game she opens TikTok's settings page and turns both back on, reads the explanation again
  // and allows at the prompt.
  await forgetDrawn(page);
  await game.tap('retry-auth');
  await game.answerSettingsPage(true);
  await game.waitForScreen('consent');
  await game.tap('consent-continue');
  await game.answerPlatformPrompt(true);
  await expect.poll(async () => (await game.sample()).board).toBe('friends:authorized');
  const rect = await boardSurface(game);
  // The run she played while saying no counts: she is above Noah.
  await expect.poll(() => boardOrder(page)).toEqual([AVA, GRACE.name, NOAH.name]);

  // And the loop goes on: she challenges Noah from her board.
  const noahRow = 2;
  await game.tapSurface(rect, boardRowButton(rect, noahRow));
  await expect.poll(() => drawn(page)).toContain('Sent ✓');
  const inbox = await simGet<Inbox>(`/__sim/inbox/${NOAH.openId}`);
  expect(inbox.cards.filter((card) => card.from_open_id === GRACE.openId).map((card) => card.title)).toEqual([
    'Beat my 1,250 points!',
  ]);
});

test('cloud and game server failing mid-flow: the run that beats Noah waits, then reaches the cloud, the server and both boards', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const game = await noahSetsTheScore(page);
  await simPost('/__sim/authorization', { openId: GRACE.openId, scopes: BOTH_SCOPES });

  // Online: a first run, and her board shows Noah above her.
  const weak = await game.playLevel1('idle');
  expect(weak.score).toBeLessThan(950);
  await forgetDrawn(page);
  await game.tap('friend-board');
  await game.waitForScreen('leaderboard');
  await boardSurface(game);
  await expect.poll(() => boardOrder(page)).toEqual([AVA, NOAH.name, GRACE.name]);
  await game.tap('close');
  await game.waitForScreen('results');

  // TikTok's cloud refuses writes and the game server cannot be reached (the device stays online).
  await simPost('/__sim/faults', { failApis: ['setUserCloudStorage'] });
  await page.context().route(`${GAME_SERVER}/**`, (route) => route.abort('connectionrefused'));
  await forgetDrawn(page);
  const strong = await game.playLevelFromResults(SEEDS.graceBeatsNoah);
  expect(strong.score).toBe(1_250);
  // The results say the best is kept and will be saved, not that it was saved.
  await expect.poll(() => drawn(page)).toContain('New best! Not saved yet · trying again');
  await expect
    .poll(() => drawnByGame(game))
    .toContain('Global board: will send when the game server is back');
  expect((await drawn(page)).filter((text) => text === 'New best! Saved ✓')).toEqual([]);
  await expect.poll(async () => (await game.sample()).delivery).toBe('waiting');
  expect((await game.sample()).pendingRuns).toBe(1);
  // The cloud still holds her first run.
  expect(await cloudHighScore(GRACE.openId)).toBe(String(weak.score));

  // Both come back: the writes arrive without her doing anything.
  await simPost('/__sim/faults', { failApis: [] });
  await page.context().unroute(`${GAME_SERVER}/**`);
  await expect.poll(() => cloudHighScore(GRACE.openId), { timeout: 40_000 }).toBe('1250');
  await expect.poll(async () => (await game.sample()).pendingRuns, { timeout: 40_000 }).toBe(0);
  expect((await game.sample()).delivery).toBe('saved');
  const twoFriends = [GRACE.openId, NOAH.openId];
  expect((await serverBoard()).filter((entry) => twoFriends.includes(entry.openId))).toEqual([
    { openId: GRACE.openId, score: 1_250 },
    { openId: NOAH.openId, score: 950 },
  ]);

  // Her friend board puts her above Noah, and the game's global board has her under her name.
  await forgetDrawn(page);
  await game.tap('friend-board');
  await game.waitForScreen('leaderboard');
  await boardSurface(game);
  await expect.poll(() => boardOrder(page)).toEqual([AVA, GRACE.name, NOAH.name]);
  await game.tap('tab-global');
  await expect.poll(async () => (await game.sample()).board).toBe('global:ready');
  await expect.poll(() => drawnByGame(game)).toContain(`${GRACE.name} (you)`);
});
