import { expect, test } from '@playwright/test';
import { drawnByGame, recordDrawnText } from './contextText';
import { analytics, GAME_SERVER, GameDriver, PHONE_PAGE, PLAYER, simGet, simPost } from './driver';

test.use(PHONE_PAGE);

/** The overlay image the simulator places in the game frame from the shared canvas style. */
async function overlayBox(game: GameDriver) {
  return game.frame().evaluate(() => {
    const image = document.getElementById('tt-shared-canvas-overlay');
    if (!image || getComputedStyle(image).display === 'none') return null;
    const { x, y, width, height } = image.getBoundingClientRect();
    return { x, y, width, height };
  });
}

async function expectBoardOverlay(game: GameDriver): Promise<void> {
  await expect.poll(async () => (await game.sample()).board).toBe('friends:authorized');
  await expect.poll(async () => (await game.sample()).surface?.view).toBe('board');
  const surface = (await game.sample()).surface;
  const rect = surface?.rect ?? { x: 0, y: 0, width: 0, height: 0 };
  // The open data context sets the style from the rect the game sent; the overlay must sit exactly there.
  // Generous timeout: the style travels game → Main Frame → context → Main Frame → game frame.
  await expect
    .poll(() => overlayBox(game), { timeout: 20_000 })
    .toEqual({
      x: expect.closeTo(rect.x, 0),
      y: expect.closeTo(rect.y, 0),
      width: expect.closeTo(rect.width, 0),
      height: expect.closeTo(rect.height, 0),
    });
}

test.describe('View Friend Leaderboard', () => {
  test('both entry points reach the overlay after authorization; the toggle switches boards; counters match', async ({
    page,
  }) => {
    // The longest journey of the suite: two entry points, a prompt, a level, two boards.
    test.setTimeout(120_000);
    const game = await GameDriver.open(page);

    // Main menu: the status check fails, the game explains, the platform asks, the board shows.
    await game.askForFriends('friend-board', true);
    await game.waitForScreen('leaderboard');
    await expectBoardOverlay(game);
    expect((await simGet<{ granted: string[] }>(`/__sim/authorization/${PLAYER}`)).granted.length).toBe(2);

    // Pointer events over the overlay reach the open data context.
    const before = await simGet<{ messagesDelivered: number }>('/__sim/context-stats');
    const rect = (await game.sample()).surface?.rect ?? { x: 0, y: 0, width: 0, height: 0 };
    await game.drag(
      { x: rect.x + rect.width / 2, y: rect.y + rect.height - 40 },
      { x: rect.x + rect.width / 2, y: rect.y + 80 },
    );
    await expect
      .poll(
        async () => (await simGet<{ messagesDelivered: number }>('/__sim/context-stats')).messagesDelivered,
      )
      .toBeGreaterThanOrEqual(before.messagesDelivered + 3);

    // The toggle: Global is drawn by the game from the server, Friends brings the overlay back.
    await game.tap('tab-global');
    await expect.poll(async () => (await game.sample()).board).toBe('global:ready');
    expect((await game.sample()).surface).toBeNull();
    await game.tap('tab-friends');
    await expectBoardOverlay(game);

    await game.tap('close');
    await game.waitForScreen('menu');

    // Results: already authorized, so no explanation and no prompt this time.
    await game.playLevel1(true);
    await expect.poll(async () => (await game.sample()).surface?.view).toBe('notice');
    await game.tap('friend-board');
    await game.waitForScreen('leaderboard');
    await expectBoardOverlay(game);
    await expect(page.getByRole('dialog')).toHaveCount(0);

    await expect.poll(analytics).toMatchObject({
      leaderboardButton: {
        main_menu: { exposures: 2, clicks: 1 },
        results: { exposures: 1, clicks: 1 },
      },
      events: { board_toggle: 2, board_shown: 4 },
    });
  });

  test('declining leads to a friendly alternative: the global board and the way to allow it later', async ({
    page,
  }) => {
    await page.addInitScript(recordDrawnText);
    const game = await GameDriver.open(page);

    await game.askForFriends('friend-board', false);
    await game.waitForScreen('leaderboard');
    await expect.poll(async () => (await game.sample()).board).toBe('friends:declined');
    let sample = await game.sample();
    expect(sample.surface).toBeNull();
    expect(Object.keys(sample.buttons)).toEqual(
      expect.arrayContaining(['show-global', 'retry-auth', 'close']),
    );

    // The platform remembers the refusal and will not ask again: the words say so and where to turn
    // access back on, and the button opens that page, never an explanation or a prompt that leads nowhere.
    await expect.poll(() => drawnByGame(game)).toContain('No friends board for now');
    expect(await drawnByGame(game)).not.toContain('Try again');
    await game.tap('retry-auth');
    await game.answerSettingsPage(false);
    await expect.poll(async () => (await game.sample()).board).toBe('friends:turned-off');
    expect((await game.sample()).screen).toBe('leaderboard');
    await expect(page.getByRole('dialog')).toHaveCount(0);

    await game.tap('show-global');
    await expect.poll(async () => (await game.sample()).board).toBe('global:ready');
    sample = await game.sample();
    expect(sample.surface).toBeNull();
    expect((await simGet<{ granted: string[] }>(`/__sim/authorization/${PLAYER}`)).granted).toEqual([]);
    expect((await analytics()).leaderboardButton.main_menu).toMatchObject({ exposures: 1, clicks: 1 });
  });
});

test('a silent check answered with a code the game does not know still explains, asks and shows the board', async ({
  page,
}) => {
  const game = await GameDriver.open(page);
  // A phone may answer with its own code where the simulator says 900301: the prompt must still come.
  await simPost('/__sim/faults', { statusCheckCode: 10002 });
  await game.askForFriends('friend-board', true);
  await game.waitForScreen('leaderboard');
  await expectBoardOverlay(game);
  const log = await simGet<{ entries: { api: string; result: { errNo?: number } }[] }>('/__sim/log');
  const checks = log.entries.filter((entry) => entry.api === 'authorizeOpenContext');
  // The launch's own check may land before or after the fault: what counts is the tap's check and prompt.
  const answers = checks.map((entry) => entry.result.errNo ?? 'ok').filter((answer) => answer !== 900301);
  expect(answers).toEqual([...answers.slice(0, -2), 10002, 'ok']);
});

test('the Global tab says "Offline" when the game server is unreachable, and its retry recovers', async ({
  page,
}) => {
  const game = await GameDriver.open(page);
  await expect.poll(async () => (await game.sample()).openId).toBe(PLAYER);
  // Requests from the game frame go straight to the server, so blocking them is the server going away.
  await page.context().route(`${GAME_SERVER}/**`, (route) => route.abort('connectionrefused'));

  await game.tap('friend-board');
  await game.waitForScreen('consent');
  await game.tap('consent-not-now');
  await game.waitForScreen('leaderboard');
  // "Not now" went straight to the alternative: the menu was not shown (nor counted) again.
  expect((await analytics()).leaderboardButton.main_menu).toMatchObject({ exposures: 1, clicks: 1 });
  await game.tap('show-global');
  await expect.poll(async () => (await game.sample()).board).toBe('global:unreachable');
  expect(Object.keys((await game.sample()).buttons)).toContain('retry-global');

  await page.context().unroute(`${GAME_SERVER}/**`);
  await game.tap('retry-global');
  await expect.poll(async () => (await game.sample()).board).toBe('global:ready');
});

test('before a player allowed their profile, the global board calls them "You"', async ({ page }) => {
  await page.addInitScript(recordDrawnText);
  // A fresh world (open resets the simulator and the game server): Ivy never played, so the server
  // has no profile of hers.
  const game = await GameDriver.open(page, 'sim-ivy');
  await expect.poll(async () => (await game.sample()).openId).toBe('sim-ivy');
  await game.playLevel1('idle');
  await expect.poll(async () => (await game.sample()).delivery).toBe('saved');
  await game.tap('menu');
  await game.waitForScreen('menu');
  await game.openGlobalBoardWithoutFriends();
  await expect.poll(async () => (await game.sample()).board).toBe('global:ready');
  await expect.poll(() => drawnByGame(game)).toContain('You');
  expect(await drawnByGame(game)).not.toContain('Player (you)');
});
