/**
 * The journey of docs/flow.md, asserted step by step. With DOCS_SCREENSHOTS=1 (`npm run docs:screenshots`)
 * it also writes the pictures in docs/images/, so the docs show what the code really draws.
 */
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { PNG } from 'pngjs';
import { drawn, recordDrawnText } from '../game/contextText';
import { GameDriver, PHONE_PAGE, SIM } from '../game/driver';

test.use(PHONE_PAGE);

const writeDocs = process.env.DOCS_SCREENSHOTS === '1';
const docsImages = join(import.meta.dirname, '../../../docs/images');

async function capture(page: Page, name: string): Promise<void> {
  if (!writeDocs) return;
  await page.locator('#phone').screenshot({ path: join(docsImages, `${name}.png`) });
}

/** Share of pixels in a PNG that are not fully transparent. */
function opaqueShare(png: PNG): number {
  let opaque = 0;
  for (let index = 3; index < png.data.length; index += 4) if ((png.data[index] ?? 0) > 0) opaque++;
  return opaque / (png.width * png.height);
}

test('menu → explanation → platform prompt → friend board overlay, drawn by the open data context', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.addInitScript(recordDrawnText);
  const game = await GameDriver.open(page);
  // The menu's best comes from the cloud through the open data context: wait for it before the pictures.
  await expect.poll(() => drawn(page)).toContain('Best score 3,000');
  await expect(page.getByText('getUserCloudStorage').first()).toBeVisible();
  if (writeDocs) await page.screenshot({ path: join(docsImages, 'simulator.png') });
  await capture(page, 'flow-1-menu');

  await game.tap('friend-board');
  await game.waitForScreen('consent');
  await capture(page, 'flow-2-consent');

  await game.tap('consent-continue');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(/nickname|avatar/i);
  await expect(dialog).toContainText(/friend/i);
  await capture(page, 'flow-3-platform-prompt');
  await game.answerPlatformPrompt(true);

  await game.waitForScreen('leaderboard');
  await expect.poll(async () => (await game.sample()).surface?.view).toBe('board');
  const rect = (await game.sample()).surface?.rect;
  if (!rect) throw new Error('no board surface');

  // The overlay's source is a committed frame on the Main Frame origin: the game frame cannot read it,
  // but the test can, and the frame must be a drawn board of the surface's size at the pixel ratio.
  const overlaySource = async () =>
    game
      .frame()
      .evaluate(
        () => (document.getElementById('tt-shared-canvas-overlay') as HTMLImageElement | null)?.src ?? '',
      );
  await expect.poll(overlaySource, { timeout: 20_000 }).toMatch(/\/__frames\/\d+\.png$/);
  await expect
    .poll(
      async () => {
        const response = await fetch(await overlaySource());
        const png = PNG.sync.read(Buffer.from(await response.arrayBuffer()));
        return { width: png.width, filled: opaqueShare(png) > 0.5 };
      },
      { timeout: 20_000 },
    )
    .toEqual({ width: Math.round(rect.width * (await page.evaluate(() => devicePixelRatio))), filled: true });

  // Reading that overlay from inside the game frame must fail: the board is the context's, not the game's.
  const readFromGame = await game.frame().evaluate(() => {
    const image = document.getElementById('tt-shared-canvas-overlay') as HTMLImageElement;
    const canvas = document.createElement('canvas');
    canvas.width = 4;
    canvas.height = 4;
    const context = canvas.getContext('2d');
    context?.drawImage(image, 0, 0);
    try {
      context?.getImageData(0, 0, 1, 1);
      return 'read';
    } catch (error) {
      return (error as Error).name;
    }
  });
  expect(readFromGame).toBe('SecurityError');
  expect(page.url()).toContain(SIM);
  await capture(page, 'flow-4-friend-board');
});
