import { expect, test } from '@playwright/test';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { GameDriver, PHONE_PAGE, simPost } from '../game/driver';

/** Share of pixels that differ between two screenshots of the same size. */
function differingShare(a: Buffer, b: Buffer): number {
  const first = PNG.sync.read(a);
  const second = PNG.sync.read(b);
  const differing = pixelmatch(first.data, second.data, undefined, first.width, first.height, {
    threshold: 0.1,
  });
  return differing / (first.width * first.height);
}

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
  // The rows moved: far more differs than an avatar or two arriving late (under a percent each).
  expect(differingShare(scrolled, top)).toBeGreaterThan(0.08);

  // The same distance back: no fling (the finger lifts after a pause), so the board is at its top again,
  // give or take an avatar that arrived meanwhile.
  await page.mouse.wheel(0, -240);
  expect(differingShare(await settled(), top)).toBeLessThan(0.03);
});
