/**
 * The board, the notice and each state at pixel ratio 1 and 3, compared with committed references
 * (tests/e2e/board/__screenshots__/). Runs on the fake runtime with one-colour avatars, so the only
 * input is the context's drawing. Update after an intended visual change with `--update-snapshots`.
 */
import { expect, type Page, test } from '@playwright/test';
import type { FakeConfig } from '../../../bench/board/fakeRuntime';
import { animationFrames } from '../game/driver';
import { fake, friend, NEW_BEST_AFTER_800, openHarness, post, showMessage } from './harness';

const seeded = [
  friend('leo', 'Leo', '1200'),
  friend('maya', 'Maya', '900', 500),
  friend('you', 'Sam', '800'),
  friend('kim', 'Kim', '700'),
  friend('ana', 'Ana 🎉', '900', 100),
  friend('bart', 'Bartholomew Maximilian Featherstonehaugh', '650'),
  friend('rtl', 'مريم الحسن', '600'),
  friend('raw', 'Hostile Value', '-50'),
];

const shown = (page: Page, text: string) =>
  expect.poll(() => fake(page, (state) => state.everything), { timeout: 10_000 }).toContain(text);

async function settle(page: Page): Promise<void> {
  // Avatars arrive asynchronously; wait until no frame was requested for fifteen of the page's frames.
  await expect
    .poll(async () => {
      const before = await fake(page, (state) => state.framesRequested);
      await animationFrames(page, 15);
      return (await fake(page, (state) => state.framesRequested)) === before;
    })
    .toBe(true);
}

for (const dpr of [1, 3]) {
  test.describe(`pixel ratio ${dpr}`, () => {
    test.use({ viewport: { width: 360, height: 640 }, deviceScaleFactor: dpr });
    const board = (fields: Record<string, unknown> = {}) => showMessage({ pixelRatio: dpr, ...fields });

    test('board', async ({ page }) => {
      await openHarness(page, { friends: seeded });
      await post(page, board());
      await shown(page, 'Leo');
      await settle(page);
      await expect(page.locator('#shared')).toHaveScreenshot(`board-dpr${dpr}.png`);
    });

    test('notice', async ({ page }) => {
      await openHarness(page, { friends: seeded });
      await post(page, NEW_BEST_AFTER_800);
      await post(page, board({ view: 'notice', rect: { x: 20, y: 420, width: 320, height: 100 } }));
      await shown(page, '121 points to beat Leo');
      await settle(page);
      await expect(page.locator('#shared')).toHaveScreenshot(`notice-dpr${dpr}.png`);
    });

    const states: [string, Partial<FakeConfig>, Record<string, unknown>, string][] = [
      ['loading', { friends: seeded, latencyMs: 60_000 }, {}, 'Loading friends…'],
      ['not-authorized', { friends: seeded }, { authorized: false }, 'See how you rank'],
      ['error', { failApis: { getFriendCloudStorage: 'network error' } }, {}, 'Couldn’t load friends'],
      ['no-friends', { friends: [friend('you', 'Sam', '800')] }, {}, 'No friends play yet'],
    ];
    for (const [name, config, fields, text] of states) {
      test(`state: ${name}`, async ({ page }) => {
        await openHarness(page, config);
        await post(page, board(fields));
        await shown(page, text);
        await settle(page);
        await expect(page.locator('#shared')).toHaveScreenshot(`${name}-dpr${dpr}.png`);
      });
    }
  });
}
