/**
 * Each thing that can fail around the game, in its own words, none promising what the next tap won't
 * do, and each recovering without a tap once the cause is gone: the game's own server down, the device
 * offline, TikTok not answering, TikTok's cloud refusing a write.
 */
import { expect, test } from '@playwright/test';
import { drawn, drawnByGame, recordDrawnText } from './contextText';
import { cloudHighScore, GameDriver, PHONE_PAGE, simPost } from './driver';

test.use(PHONE_PAGE);
test.setTimeout(90_000);

const GRACE = 'sim-grace';
const BOTH_SCOPES = ['user.info.basic', 'user.friends.mutual'];

test.beforeEach(async ({ page }) => {
  await page.addInitScript(recordDrawnText);
});

test('the game server down: the global board and the run say so, and both recover when it is back', async ({
  page,
}) => {
  const game = await GameDriver.open(page);
  await simPost('/__sim/game-server', { down: true });
  await game.openGlobalBoardWithoutFriends();
  await expect.poll(async () => (await game.sample()).board).toBe('global:unreachable');
  await expect.poll(() => drawnByGame(game)).toContain('Game server unavailable');
  expect(await drawnByGame(game)).not.toContain('You’re offline');

  await simPost('/__sim/game-server', { down: false });
  // No tap: the board tries again by itself.
  await expect.poll(async () => (await game.sample()).board, { timeout: 20_000 }).toBe('global:ready');

  await game.tap('close');
  await game.waitForScreen('menu');
  await simPost('/__sim/game-server', { down: true });
  await game.playLevel1();
  await expect
    .poll(() => drawnByGame(game))
    .toContain('Global board: will send when the game server is back');
  await simPost('/__sim/game-server', { down: false });
  await expect.poll(async () => (await game.sample()).delivery, { timeout: 40_000 }).toBe('saved');
});

test('the device offline: "You\'re offline" on the board and for the run, and both go once it is back', async ({
  page,
}) => {
  const game = await GameDriver.open(page);
  await simPost('/__sim/network', { down: true });
  // TikTok cannot be asked either: the friend board says the device is offline, not that TikTok failed.
  await game.tap('friend-board');
  await game.waitForScreen('leaderboard');
  await expect.poll(async () => (await game.sample()).board).toBe('friends:failed');
  await expect.poll(() => drawnByGame(game)).toContain('You’re offline');
  expect(await drawnByGame(game)).not.toContain('Couldn’t reach TikTok');
  // The global board needs the same connection: the alternative offers another try, not a second dead end.
  expect(Object.keys((await game.sample()).buttons).sort()).toEqual(
    ['close', 'retry-auth', 'tab-friends', 'tab-global'].sort(),
  );
  expect(await drawnByGame(game)).not.toContain('See the global board');
  await game.tap('tab-global');
  await expect.poll(async () => (await game.sample()).board).toBe('global:offline');
  await expect.poll(() => drawnByGame(game)).toContain('You’re offline');
  expect(await drawnByGame(game)).not.toContain('Game server unavailable');

  await game.tap('close');
  await game.waitForScreen('menu');
  await game.playLevel1();
  await expect.poll(() => drawnByGame(game)).toContain('Global board: will send when you’re online');
  await simPost('/__sim/network', { down: false });
  await expect.poll(async () => (await game.sample()).delivery, { timeout: 40_000 }).toBe('saved');
});

test('started offline: the friend board says so, and once online the tap goes on to the explanation by itself', async ({
  page,
}) => {
  await page.addInitScript(recordDrawnText);
  // No change is heard when the game starts without a connection: the game asks getNetworkType.
  const game = await GameDriver.open(page, 'sim-grace', () => simPost('/__sim/network', { down: true }));
  await game.tap('friend-board');
  await game.waitForScreen('leaderboard');
  await expect.poll(async () => (await game.sample()).board).toBe('friends:failed');
  await expect.poll(() => drawnByGame(game)).toContain('You’re offline');
  expect(await drawnByGame(game)).not.toContain('Couldn’t reach TikTok');
  expect(Object.keys((await game.sample()).buttons)).not.toContain('show-global');

  await simPost('/__sim/network', { down: false });
  await game.waitForScreen('consent');
});

test('started offline, waiting on the Global tab: once online both boards come back, the friend board without a tap', async ({
  page,
}) => {
  const game = await GameDriver.open(page, GRACE, async () => {
    await simPost('/__sim/authorization', { openId: GRACE, scopes: BOTH_SCOPES });
    await simPost('/__sim/network', { down: true });
  });
  await game.tap('friend-board');
  await game.waitForScreen('leaderboard');
  await expect.poll(async () => (await game.sample()).board).toBe('friends:failed');
  await game.tap('tab-global');
  await expect.poll(async () => (await game.sample()).board).toBe('global:offline');

  await simPost('/__sim/network', { down: false });
  await expect.poll(async () => (await game.sample()).board, { timeout: 20_000 }).toBe('global:ready');
  // The friends side asked TikTok again meanwhile: back on Friends, the board is there, no "Try again".
  await game.tap('tab-friends');
  await expect.poll(async () => (await game.sample()).board).toBe('friends:authorized');
  await expect.poll(async () => (await game.sample()).surface?.view).toBe('board');
  await expect.poll(() => drawn(page)).toContain('No score yet · You');
  expect(await drawnByGame(game)).not.toContain('Couldn’t reach TikTok');
});

test('TikTok not answering: "Couldn\'t reach TikTok", and the friend board appears by itself when it answers', async ({
  page,
}) => {
  const game = await GameDriver.open(page);
  await simPost('/__sim/authorization', { openId: 'sim-ava', scopes: BOTH_SCOPES });
  await simPost('/__sim/faults', { failApis: ['authorizeOpenContext'] });
  await game.tap('friend-board');
  await game.waitForScreen('leaderboard');
  await expect.poll(async () => (await game.sample()).board).toBe('friends:failed');
  await expect.poll(() => drawnByGame(game)).toContain('Couldn’t reach TikTok');
  expect((await drawnByGame(game)).join(' ')).not.toMatch(/refus|said no|offline/i);

  await simPost('/__sim/faults', { failApis: [] });
  await expect.poll(async () => (await game.sample()).board, { timeout: 20_000 }).toBe('friends:authorized');
  await expect.poll(async () => (await game.sample()).surface?.view).toBe('board');
});

test("TikTok's cloud refusing the write: the notice says the best is not saved yet, then saves it by itself", async ({
  page,
}) => {
  const game = await GameDriver.open(page, GRACE);
  await simPost('/__sim/faults', { failApis: ['setUserCloudStorage'] });
  const result = await game.playLevel1();
  await expect.poll(() => drawn(page)).toContain('New best! Not saved yet · trying again');
  expect((await drawn(page)).join(' ')).not.toMatch(/online/);
  expect(await cloudHighScore(GRACE)).toBeNull();

  await simPost('/__sim/faults', { failApis: [] });
  await expect.poll(() => drawn(page), { timeout: 40_000 }).toContain('New best! Saved ✓');
  expect(await cloudHighScore(GRACE)).toBe(String(result.score));
});
