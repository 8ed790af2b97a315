import { expect, type Frame, test } from '@playwright/test';
import { openFreshMainFrame, type SimWindow, useSimulator } from './harness';

/** The simulator's desk convenience: the mouse wheel over the game is a short finger drag at the pointer. */

const simulator = useSimulator();
test.use({ viewport: { width: 1280, height: 900 } });

interface Recorded {
  phase: string;
  id: number;
  x: number;
  y: number;
  fingers: number;
}

function recordTouches(game: Frame): Promise<void> {
  return game.evaluate(() => {
    const global = globalThis as unknown as SimWindow & { recorded: Recorded[] };
    global.recorded = [];
    for (const phase of ['Start', 'Move', 'End', 'Cancel']) {
      const listen = global.tt[`onTouch${phase}`] as (listener: (event: object) => void) => void;
      listen((event) => {
        const { changedTouches, touches } = event as {
          changedTouches: { identifier: number; clientX: number; clientY: number }[];
          touches: unknown[];
        };
        const touch = changedTouches[0];
        if (!touch) return;
        global.recorded.push({
          phase,
          id: touch.identifier,
          x: touch.clientX,
          y: touch.clientY,
          fingers: touches.length,
        });
      });
    }
  });
}

const takeRecorded = (game: Frame) =>
  game.evaluate(() => {
    const global = globalThis as unknown as { recorded: Recorded[] };
    return global.recorded.splice(0);
  });

test('the wheel over the game frame is touchstart, touchmove per wheel event, touchend at the pointer', async ({
  page,
}) => {
  const main = simulator.sim.urls.main;
  const { game } = await openFreshMainFrame(page, main);
  await recordTouches(game);
  const frame = await page.locator('#game-frame').boundingBox();
  if (!frame) throw new Error('no game frame');
  await page.mouse.move(frame.x + 200, frame.y + 500);

  // One notch down: the finger goes up by the notch, then lifts after the pause.
  await page.mouse.wheel(0, 120);
  await expect
    .poll(() => game.evaluate(() => (globalThis as unknown as { recorded: unknown[] }).recorded.length))
    .toBe(3);
  const notch = await takeRecorded(game);
  const finger = notch[0]?.id;
  expect(notch).toEqual([
    { phase: 'Start', id: finger, x: 200, y: 500, fingers: 1 },
    { phase: 'Move', id: finger, x: 200, y: 380, fingers: 1 },
    { phase: 'End', id: finger, x: 200, y: 380, fingers: 0 },
  ]);

  // A burst of wheel events is one drag; wheel up moves the finger down.
  await page.mouse.wheel(0, -40);
  await page.mouse.wheel(0, -40);
  await page.mouse.wheel(0, -40);
  await expect
    .poll(() => game.evaluate(() => (globalThis as unknown as { recorded: unknown[] }).recorded.length))
    .toBe(5);
  expect((await takeRecorded(game)).map(({ phase, y }) => `${phase} ${y}`)).toEqual([
    'Start 500',
    'Move 540',
    'Move 580',
    'Move 620',
    'End 620',
  ]);

  // A nudge too small to be a drag is cancelled, never a tap on what lies under the pointer.
  await page.mouse.wheel(0, 4);
  await expect
    .poll(() => game.evaluate(() => (globalThis as unknown as { recorded: unknown[] }).recorded.length))
    .toBe(3);
  expect((await takeRecorded(game)).map(({ phase }) => phase)).toEqual(['Start', 'Move', 'Cancel']);
  // The wheel went to the game only: the Main Frame page did not scroll.
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
});
