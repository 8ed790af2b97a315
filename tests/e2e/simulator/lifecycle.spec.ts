import { expect, test } from '@playwright/test';
import { openFreshMainFrame, type SimWindow, useSimulator } from './harness';

/**
 * Launch and lifecycle as TikTok's Event page documents them: a cold start's options come from
 * getLaunchOptionsSync (onShow does not fire for it); onShow fires when the game comes back from the
 * background; getEnterOptionsSync answers for any start.
 */

const simulator = useSimulator();

test('a cold start fires no onShow; a return from the background does, with the launch options', async ({
  page,
}) => {
  const { game } = await openFreshMainFrame(page, simulator.sim.urls.main);
  const fixture = () =>
    game.evaluate(() => {
      const { shows, launch } = (globalThis as unknown as SimWindow).fixture;
      const tt = (globalThis as unknown as { tt: { getEnterOptionsSync(): unknown } }).tt;
      return { shows, launch, enter: tt.getEnterOptionsSync() };
    });
  await expect.poll(async () => (await fixture()).launch).toEqual({ query: {}, scene: 'home' });
  // A cold-start onShow would have run right after game.js, before the fixture could be read.
  expect((await fixture()).shows).toEqual([]);
  await page.getByRole('button', { name: 'Send to background' }).click();
  expect((await fixture()).enter).toEqual({ query: {}, scene: 'home' });

  await page.getByRole('button', { name: 'Bring to foreground' }).click();
  await expect.poll(async () => (await fixture()).shows).toEqual([{ query: {}, scene: 'home' }]);
});
