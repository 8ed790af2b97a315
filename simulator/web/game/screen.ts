import { natives } from '../shared/natives';
import type { SystemInfo } from '../shared/wire';

/** Marks the screen canvas for the stylesheet that keeps it on the screen. */
export const SCREEN_ATTRIBUTE = 'data-tt-screen';

/**
 * On a phone the screen canvas is the screen: its width and height are only its backing store, and it
 * has no CSS a game could change. Here it is a DOM element, so a stylesheet (not inline style) holds it
 * over the viewport: engine adapters assign `canvas.style` an object (the bytedance web-adapter does),
 * which a DOM element reads as `cssText = "[object Object]"`, wiping every inline rule; the canvas then
 * lays out at its backing size in CSS px, three times the screen at pixel ratio 3.
 */
const SCREEN_RULE = `canvas[${SCREEN_ATTRIBUTE}] { position: fixed !important; left: 0 !important; top: 0 !important; width: 100vw !important; height: 100vh !important; display: block !important; margin: 0 !important; transform: none !important; }`;

/**
 * tt.createCanvas(): the first canvas is the screen (it always fills the viewport, WebGL or 2D as the
 * game asks), later ones are offscreen. Built from the captured document.createElement, because
 * adapters replace document.createElement with one that calls tt.createCanvas.
 */
export function createScreen(systemInfo: SystemInfo) {
  let screen: HTMLCanvasElement | undefined;
  return {
    createCanvas(): HTMLCanvasElement {
      const canvas = natives.createElement('canvas');
      if (screen) return canvas;
      screen = canvas;
      canvas.width = systemInfo.windowWidth;
      canvas.height = systemInfo.windowHeight;
      canvas.setAttribute(SCREEN_ATTRIBUTE, '');
      const rule = natives.createElement('style');
      rule.textContent = SCREEN_RULE;
      natives.root.appendChild(rule);
      natives.body.appendChild(canvas);
      return canvas;
    },
  };
}
