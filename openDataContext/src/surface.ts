/**
 * Places the shared canvas where the game asked and sizes its backing store to the device pixel ratio,
 * so text and avatars are crisp on a 3x phone. The simulator and TikTok position the canvas from
 * `style` in vw/vh of the game viewport.
 */
import type { Rect, ViewportSize } from '../../assets/scripts/social/protocol';
import type { SharedCanvas } from './host';

export interface Surface {
  rect: Rect;
  viewport: ViewportSize;
  pixelRatio: number;
}

const percent = (part: number, whole: number): string => `${Number(((part / whole) * 100).toFixed(4))}`;

/** Applies the surface; returns the drawing scale (backing pixels per CSS px) on each axis. */
export function applySurface(canvas: SharedCanvas, surface: Surface): { scaleX: number; scaleY: number } {
  const { rect, viewport, pixelRatio } = surface;
  const width = Math.max(1, Math.round(rect.width * pixelRatio));
  const height = Math.max(1, Math.round(rect.height * pixelRatio));
  // Assigning a size clears the canvas and resets its context, so only do it when it changed.
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  canvas.style.left = `${percent(rect.x, viewport.width)}vw`;
  canvas.style.top = `${percent(rect.y, viewport.height)}vh`;
  canvas.style.width = `${percent(rect.width, viewport.width)}vw`;
  canvas.style.height = `${percent(rect.height, viewport.height)}vh`;
  return { scaleX: width / rect.width, scaleY: height / rect.height };
}
