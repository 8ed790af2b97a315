import type { Frame } from '@playwright/test';

/**
 * Counts the game's WebGL uploads of the open data context's canvas (`getOpenDataContext().canvas`,
 * what SubContextView copies each frame), next to the engine's frame count. Installed over the
 * simulator's own wrappers, so it sees the calls the game makes and passes them on unchanged.
 */

interface UploadWindow {
  __odcUploads?: { count: number };
  tt: { getOpenDataContext(): { canvas: unknown } };
  cc: { director: { getTotalFrames(): number } };
}

export function countOpenDataUploads(game: Frame): Promise<void> {
  return game.evaluate(() => {
    const global = globalThis as unknown as UploadWindow & Record<string, { prototype: object } | undefined>;
    if (global.__odcUploads) return;
    const uploads = { count: 0 };
    global.__odcUploads = uploads;
    for (const contextClass of ['WebGLRenderingContext', 'WebGL2RenderingContext']) {
      const prototype = global[contextClass]?.prototype as Record<string, (...args: unknown[]) => unknown>;
      if (!prototype) continue;
      for (const method of ['texImage2D', 'texSubImage2D']) {
        const original = prototype[method];
        if (!original) continue;
        prototype[method] = function (this: unknown, ...args: unknown[]) {
          // Read lazily: the first read switches the simulator to the native path, which is the game's call.
          if (args.includes(global.tt.getOpenDataContext().canvas)) uploads.count += 1;
          return original.apply(this, args);
        };
      }
    }
  });
}

export function readUploads(game: Frame): Promise<{ uploads: number; frames: number }> {
  return game.evaluate(() => {
    const global = globalThis as unknown as UploadWindow;
    return { uploads: global.__odcUploads?.count ?? 0, frames: global.cc.director.getTotalFrames() };
  });
}
