/**
 * The Cocos edition uploads the open data context's canvas to SubContextView's texture only while the
 * context may be drawing something new (assets/scripts/cocos/uploadGate.ts): none while the friend board
 * sits still, every frame while the player scrolls it.
 */
import { expect, type Frame, type Page, test } from '@playwright/test';
import { recordDrawnText } from '../game/contextText';
import { contextFrame } from '../simulator/harness';
import { drawn, launchAuthorized, openBoard, readSample, screenOf, useCocosJourney } from './journeyPage';
import { countOpenDataUploads, readUploads } from './uploadProbe';

const { simulator } = useCocosJourney();
/** The fixture's player with a crowd of friends: a board longer than its viewport. */
const OMAR = 'sim-omar';

/** How many frames the open data context drew (its read-only counters, openDataContext/src/main.ts). */
const contextFrames = (page: Page): Promise<number> =>
  contextFrame(page).evaluate(
    () =>
      (globalThis as unknown as { __openDataContextStats: { frames: number } }).__openDataContextStats.frames,
  );

/** Uploads and engine frames during `ms` of the game frame's own time. */
function uploadsDuring(game: Frame, ms: number): Promise<{ uploads: number; frames: number }> {
  return game.evaluate(async (span) => {
    const global = globalThis as unknown as {
      __odcUploads: { count: number };
      cc: { director: { getTotalFrames(): number } };
    };
    const start = { uploads: global.__odcUploads.count, frames: global.cc.director.getTotalFrames() };
    await new Promise((resolve) => setTimeout(resolve, span));
    return {
      uploads: global.__odcUploads.count - start.uploads,
      frames: global.cc.director.getTotalFrames() - start.frames,
    };
  }, ms);
}

test('the friend board costs no upload while it sits still, and uploads while it scrolls', async ({
  page,
}) => {
  await page.addInitScript(recordDrawnText);
  const game = await launchAuthorized(page, simulator.sim.urls.main, OMAR);
  await expect.poll(() => screenOf(game)).toBe('menu');
  await countOpenDataUploads(game);
  await openBoard(game);
  await expect.poll(() => drawn(page)).toContain('Omar 🔥 Crowd');
  expect((await readUploads(game)).uploads).toBeGreaterThan(0);

  await test.step('still: no upload in two seconds of frames', async () => {
    // The uploads go on for a while after the last message (the context may still be loading avatars).
    await expect.poll(async () => (await uploadsDuring(game, 1_000)).uploads, { timeout: 20_000 }).toBe(0);
    const still = await uploadsDuring(game, 2_000);
    test
      .info()
      .annotations.push({ type: 'still', description: `${still.uploads} uploads in ${still.frames} frames` });
    // The engine kept drawing frames meanwhile (few on a loaded machine, but frames all the same).
    expect(still.frames).toBeGreaterThan(10);
    expect(still.uploads).toBe(0);
  });

  await test.step('scrolling: the board moves and each frame of it is uploaded', async () => {
    const rect = (await readSample(game)).surface?.rect;
    const box = await page.locator('#game-frame').boundingBox();
    if (!rect || !box) throw new Error('no board on screen');
    const x = box.x + rect.x + rect.width / 2;
    const top = box.y + rect.y + rect.height * 0.8;
    const before = await readUploads(game);
    const drawnBefore = await contextFrames(page);
    await page.mouse.move(x, top);
    await page.mouse.down();
    for (let step = 1; step <= 20; step += 1) await page.mouse.move(x, top - step * 15);
    await page.mouse.up();
    await expect.poll(async () => (await readUploads(game)).uploads - before.uploads).toBeGreaterThan(10);
    // The context drew the moving list: the uploads carry new pictures.
    expect(await contextFrames(page)).toBeGreaterThan(drawnBefore + 5);
    const after = await readUploads(game);
    test.info().annotations.push({
      type: 'scrolling',
      description: `${after.uploads - before.uploads} uploads in ${after.frames - before.frames} frames`,
    });
  });
});
