/**
 * The loop the friend board exists for, played by two mutual followers on one simulator: Noah sets a
 * score, Grace beats it and is told so, challenges Noah from her board, Noah opens the card, takes the top
 * spot back, and Grace sees him above her again. Both are on the global board.
 */
import { expect, type Page, test } from '@playwright/test';
import { drawn, drawnByGame, forgetDrawn, recordDrawnText } from '../game/contextText';
import { boardRowButton, GameDriver, PHONE_PAGE, type Rect, simGet, simPost } from '../game/driver';

test.use(PHONE_PAGE);

const GRACE = { openId: 'sim-grace', name: 'Grace Newcomer' };
const NOAH = { openId: 'sim-noah', name: 'Noah Alone' };
const BOTH_SCOPES = ['user.info.basic', 'user.friends.mutual'];
// Level 1 with the built-in bot: seed 2 scores 950, seed 7 scores 1,250, seed 3 scores 1,300.
const SEEDS = { noahFirst: 2, graceBeatsNoah: 7, noahBeatsGrace: 3 };

interface Inbox {
  cards: { id: number; from_open_id: string; title: string; query: string }[];
}

/** From the results screen: the friend board (already authorized), drawn by the open data context. */
async function openBoardFromResults(game: GameDriver): Promise<Rect> {
  await game.tap('friend-board');
  await game.waitForScreen('leaderboard');
  await expect.poll(async () => (await game.sample()).surface?.view).toBe('board');
  const rect = (await game.sample()).surface?.rect;
  if (!rect) throw new Error('no board surface');
  return rect;
}

// Grace's other friend who plays: Ava, seeded at 3,000, above both all along.
const AVA = 'Ava Chen';

/**
 * The players' names in the order the board first drew them since `forgetDrawn`: its first frame draws
 * the visible rows top to bottom (later frames redraw single rows, such as yours when an avatar arrives).
 */
async function boardOrder(page: Page): Promise<string[]> {
  const names = [AVA, GRACE.name, NOAH.name];
  return [...new Set((await drawn(page)).filter((text) => names.includes(text)))];
}

test('two friends: one passes the other, challenges back through a card, and is passed again', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.addInitScript(recordDrawnText);
  // A fresh world (open resets it) where both have already allowed the friend board.
  const game = await GameDriver.open(page, NOAH.openId);
  for (const player of [GRACE, NOAH]) {
    await simPost('/__sim/authorization', { openId: player.openId, scopes: BOTH_SCOPES });
  }
  // Noah plays first: 950, his new best over the seeded 700.
  const noahFirst = await game.playLevel1(true, SEEDS.noahFirst);
  expect(noahFirst.score).toBe(950);
  await expect.poll(() => drawn(page)).toContain('New best! Saved ✓');

  // Grace, new to the game: a first weak run, then her board from the results shows Noah above her.
  await game.switchPlayer(GRACE.openId);
  const weak = await game.playLevel1('idle');
  expect(weak.score).toBeLessThan(950);
  await forgetDrawn(page);
  await openBoardFromResults(game);
  await expect.poll(() => boardOrder(page)).toEqual([AVA, NOAH.name, GRACE.name]);

  // She beats him, and the results say so.
  await game.tap('close');
  await game.waitForScreen('results');
  await forgetDrawn(page);
  const strong = await game.playLevelFromResults(SEEDS.graceBeatsNoah);
  expect(strong.score).toBe(1_250);
  await expect.poll(() => drawn(page)).toContain(`You passed ${NOAH.name}!`);

  // From her board she challenges Noah: the card lands in his inbox.
  await forgetDrawn(page);
  const rect = await openBoardFromResults(game);
  await expect.poll(() => boardOrder(page)).toEqual([AVA, GRACE.name, NOAH.name]);
  const noahRow = 2;
  await game.tapSurface(rect, boardRowButton(rect, noahRow));
  await expect.poll(() => drawn(page)).toContain('Sent ✓');
  const inbox = await simGet<Inbox>(`/__sim/inbox/${NOAH.openId}`);
  const card = inbox.cards.find((candidate) => candidate.from_open_id === GRACE.openId);
  if (!card) throw new Error('no card from Grace in Noah’s inbox');
  expect(card.title).toBe('Beat my 1,250 points!');

  // Noah opens it: the game greets him with Grace's challenge; he plays and takes the top spot back.
  await simPost('/__sim/open-card', { id: card.id });
  await expect
    .poll(async () => (await game.sample().catch(() => null))?.greeting, { timeout: 20_000 })
    .toBe(`${GRACE.name} challenges you: beat 1,250 points!`);
  await forgetDrawn(page);
  const comeback = await game.playLevel1(true, SEEDS.noahBeatsGrace);
  expect(comeback.score).toBe(1_300);
  await expect.poll(() => drawn(page)).toContain(`You passed ${GRACE.name}!`);
  // He checks his board (opening it also hands his profile to the game server: his name on the global board).
  await forgetDrawn(page);
  await openBoardFromResults(game);
  // Ava is Grace's friend, not Noah's.
  await expect.poll(() => boardOrder(page)).toEqual([NOAH.name, GRACE.name]);

  // Grace sees Noah above her again, and both are on the global board.
  await game.switchPlayer(GRACE.openId);
  await forgetDrawn(page);
  await game.tap('friend-board');
  await game.waitForScreen('leaderboard');
  await expect.poll(() => boardOrder(page)).toEqual([AVA, NOAH.name, GRACE.name]);
  await game.tap('tab-global');
  await expect.poll(async () => (await game.sample()).board).toBe('global:ready');
  await expect
    .poll(async () => (await drawnByGame(game)).filter((text) => text.startsWith(NOAH.name)).length)
    .toBeGreaterThan(0);
  expect((await drawnByGame(game)).some((text) => text.startsWith(GRACE.name))).toBe(true);
});

test('with no friends who play, the board invites, and the friend who opens the card is greeted', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.addInitScript(recordDrawnText);
  // Noah's one mutual follower, Grace, has never played: his board has nobody but him.
  const game = await GameDriver.open(page, NOAH.openId);
  await simPost('/__sim/authorization', { openId: NOAH.openId, scopes: BOTH_SCOPES });
  await expect.poll(async () => (await game.sample()).openId).toBe(NOAH.openId);
  await game.tap('friend-board');
  await game.waitForScreen('leaderboard');
  await expect.poll(() => drawn(page)).toContain('No friends play yet');

  await game.tap('invite');
  const picker = page.getByRole('dialog');
  await picker.getByRole('button', { name: GRACE.name }).click();
  await picker.getByRole('button', { name: 'Send', exact: true }).click();
  await expect.poll(async () => (await game.sample()).toast?.text).toBe('Invite sent!');
  const inbox = await simGet<Inbox>(`/__sim/inbox/${GRACE.openId}`);
  const card = inbox.cards.find((candidate) => candidate.from_open_id === NOAH.openId);
  if (!card) throw new Error('no card from Noah in Grace’s inbox');
  // The game domain cannot read the cloud, but the game server has Noah's 700 too (the seeded world puts
  // each best in both): the card challenges Grace to beat the best his menu shows.
  await simPost('/__sim/open-card', { id: card.id });
  await expect
    .poll(async () => (await game.sample().catch(() => null))?.greeting, { timeout: 20_000 })
    .toBe(`${NOAH.name} challenges you: beat 700 points!`);
});
