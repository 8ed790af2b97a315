/**
 * Runs in the open benchmark's page: from the tap (the message that shows the board) to a settled board
 * (nothing on the shared canvas changes for 400 ms), for this open data context and for the guide's
 * example board, on runtimes that answer after the same latency and avatars the same server delays.
 * A watcher reads a small copy of the shared canvas once per display frame, after the frame's callbacks.
 */
import { createContextPlatform } from '../../assets/scripts/platform/context';
import { scoreKeysFor } from '../../assets/scripts/social/zones';
import { OpenDataContext } from '../../openDataContext/src/openDataContext';
import { BOARD_DPR, BOARD_HEIGHT, BOARD_WIDTH, showBoard } from './boardShow';
import type { RawFriend } from './fakeRuntime';
import { type GuideRuntime, startGuideBoard } from './guideBoard';

const WIDTH = BOARD_WIDTH;
const HEIGHT = BOARD_HEIGHT;
const DPR = BOARD_DPR;
const SETTLED_MS = 400;
/** Long enough for a prefetch to fetch friends and load avatars before the tap. */
const PREFETCH_WAIT_MS = 1_500;
const RULES = { keys: scoreKeysFor('default'), scoreLimit: 1_000_000 };

declare global {
  interface Window {
    openBench: typeof openBench;
  }
}

export interface OpenResult {
  /** From the tap to the display frame that showed the last change, ms. */
  ms: number;
  /** Display frames from the tap to that frame (1: the first frame after the tap). */
  frames: number;
  /** What the first frame after the tap showed: its share of the settled board's pixels. */
  firstFrameAlike: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function sharedCanvas(): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = WIDTH * DPR;
  canvas.height = HEIGHT * DPR;
  canvas.style.cssText = `width:${WIDTH}px;height:${HEIGHT}px`;
  document.body.appendChild(canvas);
  return canvas;
}

/** A runtime whose friend data and cloud storage answer after `latencyMs`, as a platform round trip. */
function runtimeFor(canvas: HTMLCanvasElement, friends: RawFriend[], latencyMs: number) {
  let listener: (message: unknown) => void = () => {};
  type Callbacks = { success?: (result: unknown) => void; fail?: (error: unknown) => void };
  const later = (options: Callbacks, result: unknown) =>
    window.setTimeout(() => options.success?.(result), latencyMs);
  const runtime = {
    onMessage: (handler: (message: unknown) => void) => {
      listener = handler;
    },
    getSharedCanvas: () => canvas,
    createImage: () => new Image(),
    requestAnimationFrame: (callback: (time: number) => void) => window.requestAnimationFrame(callback),
    cancelAnimationFrame: (id: number) => window.cancelAnimationFrame(id),
    setTimeout: (callback: () => void, ms: number) => window.setTimeout(callback, ms),
    clearTimeout: (id: number) => window.clearTimeout(id),
    getFriendCloudStorage: (options: Callbacks) => later(options, { data: structuredClone(friends) }),
    getUserCloudStorage: (options: Callbacks) => later(options, { data: [] }),
    setUserCloudStorage: (options: Callbacks) => later(options, {}),
    shareToUser: (options: Callbacks) => later(options, {}),
  };
  return { runtime, send: (message: unknown) => listener(message) };
}

/** Reads a small copy of the canvas after each display frame until it stays unchanged for 400 ms. */
function watch(canvas: HTMLCanvasElement, start: number): Promise<OpenResult> {
  const probe = document.createElement('canvas');
  probe.width = 96;
  probe.height = 144;
  const ctx = probe.getContext('2d', { willReadFrequently: true }) as CanvasRenderingContext2D;
  const read = () => {
    ctx.clearRect(0, 0, probe.width, probe.height);
    ctx.drawImage(canvas, 0, 0, probe.width, probe.height);
    return ctx.getImageData(0, 0, probe.width, probe.height).data;
  };
  let previous = read();
  let firstFrame: Uint8ClampedArray | null = null;
  let last = { ms: Number.NaN, frames: 0 };
  return new Promise((done) => {
    let frame = 0;
    const tick = () => {
      frame += 1;
      // A task after this frame's animation-frame callbacks: the board's drawing of this frame is in.
      setTimeout(() => {
        const now = performance.now();
        const pixels = read();
        if (frame === 1) firstFrame = pixels;
        if (pixels.some((value, index) => value !== previous[index]))
          last = { ms: now - start, frames: frame };
        previous = pixels;
        const quietSince = Number.isNaN(last.ms) ? start : start + last.ms;
        if (now - quietSince >= SETTLED_MS && !Number.isNaN(last.ms)) {
          const first = firstFrame ?? pixels;
          let same = 0;
          for (let index = 0; index < pixels.length; index += 4)
            if (first[index] === pixels[index] && first[index + 1] === pixels[index + 1]) same += 1;
          done({ ...last, firstFrameAlike: same / (pixels.length / 4) });
        } else if (now - start > 10_000) {
          done({ ...last, firstFrameAlike: Number.NaN });
        } else {
          requestAnimationFrame(tick);
        }
      }, 0);
    };
    requestAnimationFrame(tick);
  });
}

const openBench = {
  /** This context; `prefetched`: the game's prefetch came well before the tap. */
  async ours(friends: RawFriend[], latencyMs: number, prefetched: boolean): Promise<OpenResult> {
    const canvas = sharedCanvas();
    const { runtime, send } = runtimeFor(canvas, friends, latencyMs);
    const platform = createContextPlatform({ globals: { tt: runtime as never } });
    new OpenDataContext({ ...platform, now: () => Date.now() }, RULES).listen();
    if (prefetched) {
      send({ v: 1, type: 'prefetch' });
      await sleep(PREFETCH_WAIT_MS);
    }
    await sleep(50);
    const start = performance.now();
    send(showBoard());
    const result = await watch(canvas, start);
    canvas.remove();
    return result;
  },

  /** The guide's example board, on a canvas the game sized to the same device pixels. */
  async guide(friends: RawFriend[], latencyMs: number): Promise<OpenResult> {
    const canvas = sharedCanvas();
    const { runtime, send } = runtimeFor(canvas, friends, latencyMs);
    startGuideBoard(runtime as unknown as GuideRuntime, DPR);
    await sleep(50);
    const start = performance.now();
    send({ type: 'showLeaderboard', data: {} });
    const result = await watch(canvas, start);
    canvas.remove();
    return result;
  },
};

window.openBench = openBench;
