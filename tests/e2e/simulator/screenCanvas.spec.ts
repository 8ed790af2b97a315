import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { expectEventually, gameFrame, useSimulator } from './harness';

/**
 * The screen canvas is the phone's screen, at any pixel ratio: a game sizes its backing store to the
 * physical pixels and engine adapters assign `canvas.style` a plain object (the bytedance web-adapter
 * does, which a DOM element reads as cssText "[object Object]"), and the canvas still covers exactly the
 * game viewport, as tt.createCanvas's first canvas does on a device.
 */

const nativePackage = fileURLToPath(new URL('../../fixtures/sim-native/', import.meta.url));
const simulator = useSimulator(nativePackage);

test.use({ deviceScaleFactor: 3 });

test('at pixel ratio 3, a 3x backing store and an adapter style object leave the screen canvas on the screen', async ({
  page,
}) => {
  await page.goto(`${simulator.sim.urls.main}/`);
  await expectEventually(() => gameFrame(page).evaluate(() => 'boot' in globalThis));
  const viewport = await gameFrame(page).evaluate(() => ({
    width: window.innerWidth,
    height: window.innerHeight,
    ratio: window.devicePixelRatio,
  }));
  expect(viewport.ratio).toBe(3);
  const screen = page.frameLocator('#game-frame').locator('canvas').first();
  const placed = await screen.evaluate((canvas: HTMLCanvasElement, size) => {
    // What the bytedance adapter's Canvas() does to the screen, then what an engine does at ratio 3.
    (canvas as unknown as { style: unknown }).style = { top: '0px', left: '0px', width: `${size.width}px` };
    canvas.width = size.width * size.ratio;
    canvas.height = size.height * size.ratio;
    const { x, y, width, height } = canvas.getBoundingClientRect();
    return { x, y, width, height };
  }, viewport);
  expect(placed).toEqual({ x: 0, y: 0, width: viewport.width, height: viewport.height });
});
