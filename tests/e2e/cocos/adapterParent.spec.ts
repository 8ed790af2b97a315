import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { expectEventually, gameFrame, useSimulator } from '../simulator/harness';

/**
 * Cocos's web-adapter sets `window.top = window.parent = window` in the game frame. The simulator's
 * runtime must still reach the Main Frame afterwards: before it posted through `window.parent`, every
 * `tt` call of a Cocos game went to the game frame itself and was never answered. Needs no engine.
 */

const fixture = fileURLToPath(new URL('../../fixtures/sim-adapter-parent/', import.meta.url));
const simulator = useSimulator(fixture);

test("tt calls are answered after the adapter replaced the game frame's window.parent", async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${simulator.sim.urls.main}/`);
  const answer = () =>
    gameFrame(page).evaluate(() => {
      const global = globalThis as unknown as { parentReplaced?: boolean; loginAnswer?: string | null };
      return { parentReplaced: global.parentReplaced, loginAnswer: global.loginAnswer };
    });
  await expectEventually(async () => (await answer()).loginAnswer != null);
  expect(await answer()).toEqual({ parentReplaced: true, loginAnswer: 'code' });
  expect(errors).toEqual([]);
});
