/**
 * The friend board scrolls under a finger on the Cocos edition: a drag on the game canvas over the board
 * reaches the open data context through LeaderboardPanel, and SubContextView shows the moved rows. Checked
 * on the pixels: the rows in the screenshot after the drag are the rows before it, moved up by the drag's
 * distance; and the scrolled board against a reference. The journey's player is the fixture's Omar, whose
 * 221 friends make a board far longer than the screen.
 * References: `npx playwright test tests/e2e/cocos/boardScroll.spec.ts --update-snapshots`.
 */
import { expect, type Frame, type Page, test } from '@playwright/test';
import { PNG } from 'pngjs';
import { recordDrawnText } from '../game/contextText';
import { drawn, launchAuthorized, openBoard, readSample, screenOf, useCocosJourney } from './journeyPage';

const { simulator } = useCocosJourney();
const OMAR = 'sim-omar';
/** How far the finger travels up, in CSS px: several rows. */
const DRAG = 180;

interface Clip {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A screenshot of `clip` once two shots in a row are equal (avatars arrive one by one, a glide ends). */
async function settledShot(page: Page, clip: Clip): Promise<PNG> {
  let previous = await page.screenshot({ clip });
  await expect
    .poll(
      async () => {
        const next = await page.screenshot({ clip });
        const same = next.equals(previous);
        previous = next;
        return same;
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  return PNG.sync.read(previous);
}

/** Mean difference per channel between row `y` of `a` and row `y + shift` of `b`, over rows `from`..`to`. */
function rowDistance(a: PNG, b: PNG, shift: number, from: number, to: number): number {
  let total = 0;
  let count = 0;
  for (let y = from; y < to && y + shift < b.height; y += 1) {
    for (let x = 0; x < a.width; x += 2) {
      const i = (y * a.width + x) * 4;
      const j = ((y + shift) * b.width + x) * 4;
      for (let c = 0; c < 3; c += 1) total += Math.abs((a.data[i + c] ?? 0) - (b.data[j + c] ?? 0));
      count += 3;
    }
  }
  return count === 0 ? Number.POSITIVE_INFINITY : total / count;
}

/** The vertical shift (px) that best lays the rows of `after` over those of `before`, and how well. */
function bestShift(before: PNG, after: PNG, from: number, to: number, maxShift: number) {
  let best = { shift: 0, distance: Number.POSITIVE_INFINITY };
  for (let shift = 0; shift <= maxShift; shift += 1) {
    const distance = rowDistance(after, before, shift, from, to);
    if (distance < best.distance) best = { shift, distance };
  }
  return best;
}

/** Holds the finger still long enough that lifting it is a stop, not a fling (the board's 100 ms window). */
const holdStill = (game: Frame): Promise<void> =>
  game.evaluate(() => new Promise<void>((resolve) => setTimeout(resolve, 250)));

test.use({ deviceScaleFactor: 1 });

test('a drag on the game canvas scrolls the friend board through SubContextView', async ({ page }) => {
  await page.addInitScript(recordDrawnText);
  const game = await launchAuthorized(page, simulator.sim.urls.main, OMAR);
  await expect.poll(() => screenOf(game)).toBe('menu');
  await openBoard(game);
  await expect.poll(() => drawn(page)).toContain('Omar 🔥 Crowd');

  const rect = (await readSample(game)).surface?.rect;
  const frame = await page.locator('#game-frame').boundingBox();
  if (!rect || !frame) throw new Error('no board on screen');
  const clip = {
    x: Math.ceil(frame.x + rect.x),
    y: Math.ceil(frame.y + rect.y),
    width: Math.floor(rect.width),
    height: Math.floor(rect.height),
  };
  const before = await settledShot(page, clip);

  const x = clip.x + clip.width / 2;
  const start = clip.y + clip.height * 0.8;
  await page.mouse.move(x, start);
  await page.mouse.down();
  for (let step = 1; step <= 12; step += 1) await page.mouse.move(x, start - (step * DRAG) / 12);
  await holdStill(game);
  await page.mouse.up();
  const after = await settledShot(page, clip);

  // Between the board's fixed header and the player's own row pinned at its bottom, the rows after the
  // drag are the rows before it, DRAG px higher.
  const from = Math.round(clip.height * 0.15);
  const to = Math.round(clip.height * 0.85) - DRAG - 4;
  const still = rowDistance(after, before, 0, from, to);
  const moved = bestShift(before, after, from, to, DRAG + 60);
  test.info().annotations.push({
    type: 'scroll',
    description: `rows moved ${moved.shift} px (distance ${moved.distance.toFixed(2)}; unmoved ${still.toFixed(2)})`,
  });
  expect(still).toBeGreaterThan(8);
  expect(moved.shift).toBeGreaterThanOrEqual(DRAG - 3);
  expect(moved.shift).toBeLessThanOrEqual(DRAG + 3);
  expect(moved.distance).toBeLessThan(2);

  await expect(page.locator('#game-frame')).toHaveScreenshot('board-scrolled-dpr1.png', {
    maxDiffPixelRatio: 0.01,
    timeout: 30_000,
  });
});
