import { natives } from '../shared/natives';
import type { SystemInfo } from '../shared/wire';

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
      Object.assign(canvas.style, {
        position: 'fixed',
        left: '0',
        top: '0',
        width: '100vw',
        height: '100vh',
        display: 'block',
      });
      natives.body.appendChild(canvas);
      return canvas;
    },
  };
}
