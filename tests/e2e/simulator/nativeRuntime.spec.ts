import { fileURLToPath } from 'node:url';
import { expect, type Frame, type Page, test } from '@playwright/test';
import { expectEventually, gameFrame, gamePixel, useSimulator } from './harness';

/**
 * The native mini game runtime (what engines need): a CommonJS package boots with require, and the
 * native open data context path: the game draws getOpenDataContext().canvas with texImage2D (left half
 * of its screen) and drawImage (right half), the screen shows what the context drew, and afterwards
 * the game can no longer read pixels.
 */

const nativePackage = fileURLToPath(new URL('../../fixtures/sim-native/', import.meta.url));
const simulator = useSimulator(nativePackage);

interface NativeFixture {
  boot: Record<string, unknown>;
  reads: { before: string; after: Record<string, string> | null };
}

async function openGame(page: Page): Promise<Frame> {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${simulator.sim.urls.main}/`);
  await expectEventually(() => gameFrame(page).evaluate(() => 'boot' in globalThis));
  expect(errors).toEqual([]);
  return gameFrame(page);
}

const fixture = (frame: Frame) =>
  frame.evaluate(() => {
    const { boot, reads } = globalThis as unknown as NativeFixture;
    return { boot: { ...boot }, reads: JSON.parse(JSON.stringify(reads)) as NativeFixture['reads'] };
  });

test('a CommonJS package boots: require, file system, subpackages, unimplemented calls named', async ({
  page,
}) => {
  const game = await openGame(page);
  await expectEventually(async () => (await fixture(game)).boot.subpackage !== '');
  await expectEventually(async () => (await fixture(game)).boot.unknownSubpackage !== '');
  expect((await fixture(game)).boot).toEqual({
    palette: 'palette',
    sameModule: true,
    cycle: 'A sees B, B saw A',
    missing:
      "require('./lib/missing') from game.js: no package file lib/missing.js (tried lib/missing, lib/missing.js, lib/missing/index.js)",
    file: 7,
    userFile: 'saved',
    subpackage: 'extra sees palette',
    unknownSubpackage: 'loadSubpackage:fail subpackage "nope" is not in game.json subpackages (known: extra)',
    unimplemented: 'tt.createInnerAudioContext is not implemented by the simulator',
  });
});

test('the game draws the open data context canvas with texImage2D and drawImage, then cannot read pixels', async ({
  page,
}) => {
  const game = await openGame(page);
  const red: [number, number, number] = [255, 0, 0];
  const blue: [number, number, number] = [0, 0, 255];
  // Left half: the shared canvas uploaded as a texture; right half: a 2D canvas it was drawn on.
  await expectEventually(
    async () => JSON.stringify(await gamePixel(page, 0.25, 0.25)) === JSON.stringify(red),
  );
  expect(await gamePixel(page, 0.25, 0.75)).toEqual(blue);
  expect(await gamePixel(page, 0.75, 0.25)).toEqual(red);
  expect(await gamePixel(page, 0.75, 0.75)).toEqual(blue);
  // No overlay on the native path: the pixels above are the game's own drawing.
  await expect(game.locator('#tt-shared-canvas-overlay')).toBeHidden();

  await expectEventually(async () => (await fixture(game)).reads.after !== null);
  const { reads } = await fixture(game);
  expect(reads.before).toBe('read');
  expect(reads.after).toEqual({
    getImageData:
      "SecurityError: CanvasRenderingContext2D.getImageData: the game cannot read pixels once it has drawn the open data context's canvas (getOpenDataContext().canvas)",
    readPixels:
      "SecurityError: WebGLRenderingContext.readPixels: the game cannot read pixels once it has drawn the open data context's canvas (getOpenDataContext().canvas)",
    toDataURL: expect.stringMatching(/^SecurityError: /),
    sharedGetContext: expect.stringContaining('the game domain cannot draw on the shared canvas'),
  });
});
