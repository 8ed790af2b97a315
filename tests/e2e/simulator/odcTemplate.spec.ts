import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { PNG } from 'pngjs';
import { engineDir, skipWithoutEngine } from '../cocos/engineSkip';
import { expectEventually, gameFrame, useSimulator } from './harness';

/**
 * The Cocos engine's own open data context template (odc-template/: index.js with require, the Layout
 * engine, a demo board of 30 players) runs unmodified in the open data context frame and draws on the
 * shared canvas, which the game shows on the native path.
 */

skipWithoutEngine();

const fixture = fileURLToPath(new URL('../../fixtures/sim-odc-template/', import.meta.url));
let packageDir = '';
const simulator = useSimulator(() => {
  packageDir = mkdtempSync(join(tmpdir(), 'sim-odc-template-'));
  cpSync(fixture, packageDir, { recursive: true });
  // Without the engine the fixture runs as it is, and the test skips.
  if (engineDir)
    cpSync(join(engineDir, 'odc-template'), join(packageDir, 'openDataContext'), { recursive: true });
  return packageDir;
});
test.afterAll(() => rmSync(packageDir, { recursive: true, force: true }));

test('the engine template draws its demo board on the shared canvas', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${simulator.sim.urls.main}/`);
  await expectEventually(() => gameFrame(page).evaluate(() => 'started' in globalThis));

  const box = await page.locator('#game-frame').boundingBox();
  if (!box) throw new Error('game frame not on screen');
  // A column 16 px from the left edge (inside the board's rounded corner, left of the rank numbers):
  // a white header, then rows alternating #F7F7F7 and #FFFFFF.
  const column = async () => {
    const shot = PNG.sync.read(await page.screenshot({ clip: { ...box, x: box.x + 16, width: 4 } }));
    const colours: string[] = [];
    for (let y = 0; y < shot.height; y++) {
      const at = (y * shot.width + 2) * 4;
      colours.push(`${shot.data[at]},${shot.data[at + 1]},${shot.data[at + 2]}`);
    }
    return colours;
  };
  await expectEventually(async () => (await column()).includes('247,247,247'));
  const colours = await column();
  const header = colours.slice(0, Math.floor(colours.length * 0.08));
  expect(header.every((colour) => colour === '255,255,255')).toBe(true);
  const body = colours.slice(Math.floor(colours.length * 0.12), Math.floor(colours.length * 0.6));
  // Both row colours in alternating bands, and never the black the game paints under the canvas.
  const bands = body.filter((colour, index) => index === 0 || colour !== body[index - 1]);
  expect(bands.filter((colour) => colour === '247,247,247').length).toBeGreaterThanOrEqual(2);
  expect(bands.filter((colour) => colour === '255,255,255').length).toBeGreaterThanOrEqual(2);
  expect(body).not.toContain('0,0,0');
  expect(errors).toEqual([]);
});
