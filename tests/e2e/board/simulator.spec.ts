/**
 * The open data context inside the simulator, driven through the Canvas 2D edition like a player: the
 * seeded friends of the fixture, cloud storage, shareToUser into a friend's inbox, fault injection.
 * Text is read by recording what the context draws inside its own frame (an init script, contextText.ts),
 * and taps go through the game's pointer forwarding with real mouse events on the overlay.
 */
import { expect, type Page, test } from '@playwright/test';
import { board, notice } from '../../../openDataContext/src/theme';
import {
  CONTEXT_ORIGIN,
  contextFrame,
  drawn,
  drawnByGame,
  forgetDrawn,
  ownBest,
  recordDrawnText,
} from '../game/contextText';
import { boardRowButton, GameDriver, PHONE_PAGE, PLAYER, type Rect, simGet, simPost } from '../game/driver';

test.use(PHONE_PAGE);

const BOTH_SCOPES = ['user.info.basic', 'user.friends.mutual'];

async function openGame(page: Page, player = PLAYER): Promise<GameDriver> {
  await page.addInitScript(recordDrawnText);
  return GameDriver.open(page, player);
}

async function openFriendBoard(game: GameDriver): Promise<Rect> {
  await game.askForFriends('friend-board', true);
  await game.waitForScreen('leaderboard');
  await expect.poll(async () => (await game.sample()).surface?.view).toBe('board');
  const rect = (await game.sample()).surface?.rect;
  if (!rect) throw new Error('no board surface');
  return rect;
}

/** Waits until `read` gives the same value before and after ten game frames, and returns it. */
async function holdsStill(game: GameDriver, read: () => Promise<number>): Promise<number> {
  let value = -1;
  await expect
    .poll(async () => {
      const before = await read();
      await game.framesDrawn(10);
      value = await read();
      return value === before;
    })
    .toBe(true);
  return value;
}

// The guide's rows and Douyin's UserGameData rows (`/__sim/data-shape`): the same board from either.
for (const friendData of ['guide', 'douyin'] as const) {
  test(`the seeded friends are listed by score, hostile values unranked last, you marked (${friendData} rows)`, async ({
    page,
  }) => {
    const game = await openGame(page);
    await simPost('/__sim/data-shape', { friendData });
    await openFriendBoard(game);
    await expect.poll(() => drawn(page), { timeout: 10_000 }).toContain('Priya Raman');
    const texts = await drawn(page);
    const names = [
      'Omar 🔥 Crowd',
      'Léo 🎮 Martin',
      'مريم الحسن',
      'Ava Chen',
      'Kenji 佐藤 🍣',
      'Zoë 🌸',
      'Max Malformed',
      'Priya Raman',
      'Emma Empty',
      'Hex Letters',
    ];
    const order = names.map((name) => texts.indexOf(name));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // The 40-character name is cut with an ellipsis between Mariam and you.
    const long = texts.findIndex((text) => text.startsWith('Bartholomew') && text.endsWith('…'));
    expect(long).toBeGreaterThan(order[2] ?? Number.POSITIVE_INFINITY);
    expect(long).toBeLessThan(order[3] ?? -1);
    expect(texts).toEqual(
      expect.arrayContaining(['3,000 pts · You', '5,600 pts', '1,500 pts', 'No score yet']),
    );
    // Ranks 1-9 for the nine valid scores, then unranked rows.
    const ranks = texts.filter((text) => /^(\d+|–)$/.test(text)).slice(0, 10);
    expect(ranks).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '–']);
  });
}

test("a row's challenge reaches that friend's inbox, and opening it greets them with the challenge", async ({
  page,
}) => {
  const game = await openGame(page);
  // The card names its sender by open id, known once the game server session is open.
  await expect.poll(async () => (await game.sample()).openId).toBe(PLAYER);
  const rect = await openFriendBoard(game);
  await expect.poll(() => drawn(page)).toContain('Léo 🎮 Martin');
  const button = boardRowButton(rect, 1);
  await game.tapSurface(rect, { x: button.x, y: button.y });
  await expect.poll(() => drawn(page)).toContain('Sent ✓');
  const inbox = await simGet<{
    cards: {
      id: number;
      from_open_id: string;
      title: string;
      subtitle: string;
      image_url: string;
      query: string;
    }[];
  }>('/__sim/inbox/sim-leo');
  const cards = inbox.cards.filter((card) => card.from_open_id === PLAYER);
  expect(cards).toEqual([
    expect.objectContaining({
      // Written for Leo, who reads it: Ava is 1,201 points behind him.
      title: "I'm 1,201 points from passing you",
      subtitle: "Léo 🎮 Martin, your 4,200 won't last.",
      image_url: `${CONTEXT_ORIGIN}/openDataContext/assets/share-card.png`,
    }),
  ]);

  // Leo opens the card: the game launches as Leo with the card's query and greets him with the challenge.
  await simPost('/__sim/open-card', { id: cards[0]?.id });
  await expect
    .poll(async () => (await game.sample().catch(() => null))?.greeting, { timeout: 15_000 })
    .toBe('Ava Chen challenges you: beat 3,000 points!');
});

test('after a new best the notice names the right friend, and "Tell them" reaches them', async ({ page }) => {
  // Grace never played; her only friend who plays is Noah (700).
  await simPost('/__sim/reset', {});
  await simPost('/__sim/authorization', { openId: 'sim-grace', scopes: BOTH_SCOPES });
  const game = await openGame(page, 'sim-grace');
  await openFriendBoard(game).catch(() => undefined);
  await game.tap('close');
  await game.waitForScreen('menu');
  const result = await game.playLevel1();
  await expect
    .poll(async () => (await ownBest(page))?.lastRun)
    .toMatchObject({
      phase: 'saved',
      newBest: true,
      previousBest: null,
      score: result.score,
    });
  await expect.poll(async () => (await game.sample()).surface?.view).toBe('notice');
  if (result.score > 700) {
    await expect.poll(() => drawn(page)).toContain('You passed Noah Alone!');
    const rect = (await game.sample()).surface?.rect;
    if (!rect) throw new Error('no notice surface');
    // Three 25 px lines centred in the strip (your best, the pass, the next friend): the second has the button.
    const lines = 3;
    const firstTop = (rect.height - lines * notice.lineHeight) / 2;
    await game.tapSurface(rect, {
      x: rect.width - notice.paddingX - notice.buttonWidth / 2,
      y: firstTop + 1.5 * notice.lineHeight,
    });
    await expect
      .poll(
        async () =>
          (await simGet<{ cards: { from_open_id: string }[] }>('/__sim/inbox/sim-noah')).cards.length,
      )
      .toBe(1);
  } else {
    await expect.poll(() => drawn(page)).toContain(`${701 - result.score} points to beat Noah Alone`);
  }
});

test('loading, error with retry, not authorized and "no friends play yet" each appear under their fault', async ({
  page,
}) => {
  test.setTimeout(120_000);
  // Each state on a fresh load (GameDriver.open resets the simulator), so no cached friends interfere.
  let game = await openGame(page);
  await simPost('/__sim/faults', { latencyMs: { getFriendCloudStorage: 4_000 } });
  await openFriendBoard(game);
  await expect.poll(() => drawn(page)).toContain('Loading friends…');
  await expect.poll(() => drawn(page), { timeout: 10_000 }).toContain('Ava Chen');

  game = await GameDriver.open(page);
  await simPost('/__sim/faults', { failApis: ['getFriendCloudStorage'] });
  const rect = await openFriendBoard(game);
  await expect.poll(() => drawn(page), { timeout: 10_000 }).toContain('Couldn’t load friends');

  // Friend access revoked meanwhile: Retry now leads to the explanation of why access matters.
  await simPost('/__sim/faults', { failApis: [] });
  await simPost('/__sim/authorization', { openId: PLAYER, scopes: ['user.info.basic'] });
  // The Retry button sits under the one-line error message, centred in the list area (boardView.drawState).
  const messageTop = board.headerHeight + Math.max(12, (rect.height - board.headerHeight - 46) / 2 - 20);
  await game.tapSurface(rect, { x: rect.width / 2, y: messageTop + 76 });
  await expect.poll(() => drawn(page), { timeout: 10_000 }).toContain('See how you rank');

  game = await GameDriver.open(page);
  await simPost('/__sim/faults', { emptyFriends: true });
  await openFriendBoard(game);
  await expect.poll(() => drawn(page), { timeout: 10_000 }).toContain('No friends play yet');
  expect(await drawn(page)).toContain('Your best: 3,000');
});

test('with the board hidden, the context requests no animation frames', async ({ page }) => {
  const game = await openGame(page);
  await openFriendBoard(game);
  await expect.poll(() => drawn(page)).toContain('Ava Chen');
  await game.tap('close');
  await game.waitForScreen('menu');
  const stats = () => simGet<{ animationFramesRequested: number }>('/__sim/context-stats');
  // The hide may find a frame already requested: wait until the count holds over ten game frames, then
  // watch ninety more (the game's menu keeps drawing; a board loop left running would request as many).
  const before = await holdsStill(game, async () => (await stats()).animationFramesRequested);
  await game.framesDrawn(90);
  expect((await stats()).animationFramesRequested).toBe(before);
});

test('with avatars served without CORS the board draws placeholders, keeps drawing and stays readable', async ({
  page,
}) => {
  const game = await openGame(page);
  await simPost('/__sim/faults', { avatarsWithoutCors: true });
  // A CORS refusal ends the request without a response event, so count requests and ask the server directly.
  const avatarRequests: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/avatars/')) avatarRequests.push(request.url());
  });
  const rect = await openFriendBoard(game);
  await expect.poll(() => drawn(page), { timeout: 10_000 }).toContain('Priya Raman');
  await expect.poll(() => avatarRequests.length).toBeGreaterThan(5);
  const served = await page.request.get(avatarRequests[0] ?? '');
  expect(served.status()).toBe(200);
  expect(served.headers()['access-control-allow-origin']).toBeUndefined();
  // Still drawing: a challenge redraws Léo's row, and new frames reach the game. The row's avatar is
  // still the placeholder with his initial (a loaded avatar is drawn as an image, not as text).
  const stats = () => simGet<{ framesCommitted: number }>('/__sim/context-stats');
  // The refused avatars settle into placeholders: no frame committed for ten game frames.
  const before = await holdsStill(game, async () => (await stats()).framesCommitted);
  await forgetDrawn(page);
  const button = boardRowButton(rect, 1);
  await game.tapSurface(rect, { x: button.x, y: button.y });
  await expect.poll(() => drawn(page)).toContain('Sent ✓');
  expect(await drawn(page)).toContain('L');
  await expect.poll(async () => (await stats()).framesCommitted).toBeGreaterThan(before);

  // The shared canvas is untainted: the context can still read its own pixels.
  const readable = await contextFrame(page).evaluate(() => {
    const runtime = (globalThis as unknown as { tt: { getSharedCanvas(): HTMLCanvasElement } }).tt;
    const canvas = runtime.getSharedCanvas();
    try {
      const pixels = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data ?? [];
      return { ok: true, painted: Array.prototype.some.call(pixels, (value: number) => value !== 0) };
    } catch (error) {
      return { ok: false, error: String(error) };
    }
  });
  expect(readable).toEqual({ ok: true, painted: true });
});

test("a refusal is remembered: the board says TikTok won't ask again, and after settings it asks again", async ({
  page,
}) => {
  const game = await openGame(page);
  await game.askForFriends('friend-board', false);
  await expect.poll(async () => (await game.sample()).board).toBe('friends:declined');
  // No promise the next tap will not keep: TikTok shows no dialog after a refusal, so the way back is
  // its settings page, and the words point at the button (the paragraph is drawn line by line).
  await expect.poll(() => drawnByGame(game)).toContain('No friends board for now');
  expect(await drawnByGame(game)).toContain('Open settings');
  expect((await drawnByGame(game)).join(' ')).toContain('won’t ask again. To play against friends, open');
  expect((await drawnByGame(game)).join(' ')).not.toContain('Try again');

  // "Open settings" opens the platform's page (tt.openSetting); left off, access stays off, and no
  // explanation or dialog leads nowhere.
  await game.tap('retry-auth');
  await game.answerSettingsPage(false);
  await expect.poll(async () => (await game.sample()).board).toBe('friends:turned-off');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect.poll(() => drawnByGame(game)).toContain('Friend access is off');
  const log = await simGet<{ entries: { api: string; ok: boolean; result: { errMsg?: string } }[] }>(
    '/__sim/log',
  );
  const asks = log.entries.filter((entry) => entry.api === 'authorizeOpenContext' && !entry.ok);
  expect(asks.at(-1)?.result.errMsg).toMatch(/refused .* earlier/);
  // Turned back on there: the next check explains, then shows the platform's dialog again.
  await game.tap('retry-auth');
  await game.answerSettingsPage(true);
  await game.waitForScreen('consent');
  await game.tap('consent-continue');
  await game.answerPlatformPrompt(true);
  await expect.poll(async () => (await game.sample()).surface?.view).toBe('board');
});
