import { expect, test } from '@playwright/test';
import { animationFrames, GameDriver, PHONE_PAGE, simGet } from './driver';

test.use(PHONE_PAGE);

test('the game logs in silently at launch and pauses while in the background', async ({ page }) => {
  const game = await GameDriver.open(page);
  // Silent login: a session exists without any dialog.
  await expect.poll(async () => (await game.sample()).openId).toBe('sim-ava');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  const log = await simGet<{ entries: { api: string }[] }>('/__sim/log');
  expect(log.entries.map((entry) => entry.api)).toContain('login');
  expect(log.entries.map((entry) => entry.api)).not.toContain('getFriendCloudStorage');

  await game.tap('play');
  await game.waitForScreen('play');
  await page.getByRole('button', { name: 'Send to background' }).click();
  // The hide reaches the game's frame as a message, so a frame already under way may still land: wait
  // until the count holds still over a few of the host page's frames, then check that it stays so for
  // thirty more (a running game loop would have drawn in every one of them).
  let frozen = -1;
  await expect
    .poll(async () => {
      const before = (await game.sample()).frames;
      await animationFrames(page, 6);
      frozen = (await game.sample()).frames;
      return frozen === before;
    })
    .toBe(true);
  await animationFrames(page, 30);
  expect((await game.sample()).frames).toBe(frozen);

  await page.getByRole('button', { name: 'Bring to foreground' }).click();
  await expect.poll(async () => (await game.sample()).frames).toBeGreaterThan(frozen);
  // Back in the foreground the level waits, paused, for the player.
  expect(Object.keys((await game.sample()).buttons)).toEqual(['resume', 'quit']);
});
