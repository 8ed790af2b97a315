/**
 * The board opens complete: a player who already allowed friend access starts the game, the context
 * loads friends and avatars behind the menu without drawing the board, and the first frame after the
 * tap on "View Friend Leaderboard" already shows the friends' rows, with nothing left to draw after it.
 * Frames are recorded inside the context's frame by an init script: the text each animation frame drew.
 */
import { expect, type Page, test } from '@playwright/test';
import { contextFrame } from '../game/contextText';
import { GameDriver, PHONE_PAGE } from '../game/driver';

test.use(PHONE_PAGE);

/** Runs in every frame: the texts drawn inside each animation frame, one list per frame that drew any. */
function recordFrameTexts(): void {
  const frames: string[][] = [];
  (globalThis as unknown as { __frameTexts: string[][] }).__frameTexts = frames;
  let current: string[] | null = null;
  const request = globalThis.requestAnimationFrame;
  globalThis.requestAnimationFrame = function (this: unknown, callback: FrameRequestCallback) {
    return request.call(globalThis, (time) => {
      current = [];
      try {
        callback(time);
      } finally {
        if (current.length > 0) frames.push(current);
        current = null;
      }
    });
  };
  for (const prototype of [
    globalThis.CanvasRenderingContext2D?.prototype,
    globalThis.OffscreenCanvasRenderingContext2D?.prototype,
  ]) {
    if (prototype === undefined) continue;
    const fillText = prototype.fillText;
    prototype.fillText = function (this: CanvasRenderingContext2D, text: string, x: number, y: number) {
      current?.push(String(text));
      fillText.call(this, text, x, y);
    };
  }
}

/** The context's frames that drew the friend board (its header says "Friends"). */
const boardFrames = (page: Page): Promise<string[][]> =>
  contextFrame(page).evaluate(() =>
    ((globalThis as unknown as { __frameTexts?: string[][] }).__frameTexts ?? []).filter((texts) =>
      texts.includes('Friends'),
    ),
  );

/** Images the context frame downloaded (avatars). */
const imagesFetched = (page: Page): Promise<number> =>
  contextFrame(page).evaluate(
    () =>
      performance
        .getEntriesByType('resource')
        .filter((entry) => (entry as PerformanceResourceTiming).initiatorType === 'img').length,
  );

test('a prefetched board shows the friends’ rows in the first frame after the tap, and needs no other', async ({
  page,
}) => {
  await page.addInitScript(recordFrameTexts);
  const game = await GameDriver.open(page);
  await game.askForFriends('friend-board', true);
  await game.waitForScreen('leaderboard');

  // A new start with friend access allowed: the silent check passes and the game asks for a prefetch.
  await page.reload();
  await game.waitForScreen('menu');
  await expect
    .poll(async () => {
      const before = await imagesFetched(page);
      await game.framesDrawn(10);
      const after = await imagesFetched(page);
      return after > 0 && after === before;
    })
    .toBe(true);
  expect(await boardFrames(page)).toEqual([]);

  await game.tap('friend-board');
  await game.waitForScreen('leaderboard');
  await expect.poll(async () => (await boardFrames(page)).length).toBeGreaterThan(0);
  const [first] = await boardFrames(page);
  expect(first).toEqual(expect.arrayContaining(['Omar 🔥 Crowd', 'Léo 🎮 Martin', 'مريم الحسن', 'Ava Chen']));
  expect(first).not.toContain('Loading friends…');
  // Rows, ranks and scores in that one frame, and it stays the only one: avatars were already loaded.
  expect(first?.filter((text) => /^\d$/.test(text)).slice(0, 3)).toEqual(['1', '2', '3']);
  await game.framesDrawn(20);
  expect(await boardFrames(page)).toHaveLength(1);
});
