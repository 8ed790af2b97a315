/**
 * What the open data context draws and knows, read from inside its own frame (the game never can):
 * the text it draws, recorded by an init script, and its read-only debug counters.
 */
import type { Frame, Page } from '@playwright/test';
import type { OwnBest } from '../../../openDataContext/src/bestKeeper';

export const CONTEXT_ORIGIN = 'http://127.0.0.1:9529';

/** Runs in every frame: records text drawn on any 2d canvas (the context draws rows on OffscreenCanvas too). */
export function recordDrawnText(): void {
  const drawn: string[] = [];
  (globalThis as unknown as { __drawn: string[] }).__drawn = drawn;
  const prototypes = [
    globalThis.CanvasRenderingContext2D?.prototype,
    globalThis.OffscreenCanvasRenderingContext2D?.prototype,
  ];
  for (const prototype of prototypes) {
    if (prototype === undefined) continue;
    const fillText = prototype.fillText;
    prototype.fillText = function (
      this: CanvasRenderingContext2D,
      text: string,
      x: number,
      y: number,
      maxWidth?: number,
    ) {
      drawn.push(String(text));
      if (maxWidth === undefined) fillText.call(this, text, x, y);
      else fillText.call(this, text, x, y, maxWidth);
    };
  }
}

export function contextFrame(page: Page): Frame {
  const frame = page.frames().find((candidate) => candidate.url().startsWith(`${CONTEXT_ORIGIN}/`));
  if (!frame) throw new Error('open data context frame not found');
  return frame;
}

/** Every text the context drew since the page loaded (or since `forgetDrawn`). */
export const drawn = (page: Page): Promise<string[]> =>
  contextFrame(page)
    .evaluate(() => (globalThis as unknown as { __drawn?: string[] }).__drawn ?? [])
    .catch(() => [] as string[]);

export const forgetDrawn = (page: Page): Promise<void> =>
  contextFrame(page).evaluate(() => {
    const list = (globalThis as unknown as { __drawn?: string[] }).__drawn;
    if (list) list.length = 0;
  });

/** The best keeper's state: the stored best, what is pending, what became of the last run. */
export const ownBest = (page: Page): Promise<OwnBest | null> =>
  contextFrame(page)
    .evaluate(
      () =>
        (globalThis as unknown as { __openDataContextStats?: { ownBest: OwnBest | null } })
          .__openDataContextStats?.ownBest ?? null,
    )
    .catch(() => null);

/** Every text the game itself drew since the page loaded (the recorder runs in every frame). */
export const drawnByGame = (game: { frame(): Frame }): Promise<string[]> =>
  game.frame().evaluate(() => (globalThis as unknown as { __drawn?: string[] }).__drawn ?? []);
