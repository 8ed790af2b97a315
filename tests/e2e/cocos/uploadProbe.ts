import type { Frame } from '@playwright/test';

/** The upload counter lives with the benchmark that also reads it (bench/ imports nothing from tests/). */
export { countOpenDataUploads, readUploads } from '../../../bench/cocos/uploadProbe';

/** A pixel read of the game's own (WebGL) canvas: 'read' or the error the runtime throws. */
export function readGamePixels(game: Frame): Promise<string> {
  return game.evaluate(() => {
    const global = globalThis as unknown as { cc: { game: { canvas: HTMLCanvasElement } } };
    const canvas = global.cc.game.canvas;
    const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
    if (!gl) return 'no WebGL context on the game canvas';
    try {
      gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
      return 'read';
    } catch (error) {
      return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    }
  });
}
