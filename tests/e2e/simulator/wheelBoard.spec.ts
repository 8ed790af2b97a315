import { expect, test } from '@playwright/test';
import { GameDriver, PHONE_PAGE, simPost } from '../game/driver';

/**
 * The wheel scrolls the friend board: the board lives in the open data context and scrolls by the
 * touches the game forwards, so this proves the wheel's drag takes the whole real path.
 */

test.use(PHONE_PAGE);

test('the mouse wheel over the friend board scrolls it, and back', async ({ page }) => {
  // Omar has 221 friends who play: a board far longer than the screen.
  const game = await GameDriver.open(page, 'sim-omar');
  await simPost('/__sim/authorization', {
    openId: 'sim-omar',
    scopes: ['user.info.basic', 'user.friends.mutual'],
  });
  await game.tap('friend-board');
  await game.waitForScreen('leaderboard');
  await expect.poll(async () => (await game.sample()).surface?.view).toBe('board');
  const rect = (await game.sample()).surface?.rect;
  if (!rect) throw new Error('no board rect');
  const frame = await page.locator('#game-frame').boundingBox();
  if (!frame) throw new Error('no game frame');
  const clip = { x: frame.x + rect.x, y: frame.y + rect.y, width: rect.width, height: rect.height };

  // The board as it settles (avatars arrive one by one): two equal shots in a row.
  const settled = async () => {
    let previous = await page.screenshot({ clip });
    await expect
      .poll(async () => {
        const next = await page.screenshot({ clip });
        const same = next.equals(previous);
        previous = next;
        return same;
      })
      .toBe(true);
    return previous;
  };
  const top = await settled();

  await page.mouse.move(clip.x + clip.width / 2, clip.y + clip.height / 2);
  await page.mouse.wheel(0, 240);
  const scrolled = await settled();
  expect(scrolled.equals(top)).toBe(false);

  // The same distance back: no fling (the finger lifts after a pause), so the board is at its top again.
  await page.mouse.wheel(0, -240);
  expect((await settled()).equals(top)).toBe(true);
});
