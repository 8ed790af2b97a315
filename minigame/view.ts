/**
 * The screen canvas: the first `createCanvas()` of the runtime. Its backing store is the viewport size
 * times the device pixel ratio, and every frame draws in CSS px through a scale, so text and shapes are
 * crisp on a 3x phone.
 */
import type { GamePlatform } from '../assets/scripts/platform/index';

export interface View {
  readonly ctx: CanvasRenderingContext2D;
  /** Viewport size in CSS px. */
  readonly width: number;
  readonly height: number;
  readonly pixelRatio: number;
  /** Resets the transform to CSS px and clears the frame. */
  beginFrame(): void;
}

/** Phones report 1 to 4; anything else is a broken runtime and would waste memory or blur. */
const clampRatio = (ratio: number): number => (Number.isFinite(ratio) ? Math.min(4, Math.max(1, ratio)) : 1);

export function createView(platform: Pick<GamePlatform, 'createCanvas' | 'getSystemInfo'>): View {
  const info = platform.getSystemInfo();
  const canvas = platform.createCanvas();
  const width = info.windowWidth;
  const height = info.windowHeight;
  const pixelRatio = clampRatio(info.pixelRatio);
  canvas.width = Math.round(width * pixelRatio);
  canvas.height = Math.round(height * pixelRatio);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('the screen canvas has no 2d context');
  return {
    ctx,
    width,
    height,
    pixelRatio,
    beginFrame() {
      ctx.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
      ctx.clearRect(0, 0, width, height);
    },
  };
}
