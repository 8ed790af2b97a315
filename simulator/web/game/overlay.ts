import type { SharedCanvasStyleValues } from '../shared/wire';

/**
 * Where the open data context's pictures appear: an <img> above the game, loaded from the Main
 * Frame's origin without CORS, so any attempt to read its pixels from this frame throws SecurityError.
 * pointer-events: none lets touches reach the game, which forwards them to the context itself.
 */
export class Overlay {
  private readonly image = document.createElement('img');
  private latestUrl = '';

  constructor() {
    this.image.id = 'tt-shared-canvas-overlay';
    this.image.alt = '';
    Object.assign(this.image.style, {
      position: 'fixed',
      pointerEvents: 'none',
      zIndex: '2147483647',
      display: 'none',
    });
    this.place({});
    document.documentElement.appendChild(this.image);
  }

  /** vw/vh inside this frame are the game viewport's, exactly the guide's units. */
  place(style: SharedCanvasStyleValues): void {
    this.image.style.left = style.left ?? '0';
    this.image.style.top = style.top ?? '0';
    this.image.style.width = style.width ?? '100vw';
    this.image.style.height = style.height ?? '100vh';
  }

  /** Latest frame wins: a frame that finishes loading after a newer one was asked for is dropped. */
  show(url: string): void {
    this.latestUrl = url;
    const next = new Image();
    next.src = url;
    next
      .decode()
      .then(() => {
        if (this.latestUrl !== url) return;
        this.image.src = url;
        this.image.style.display = 'block';
      })
      .catch(() => {
        // a frame replaced before it loaded: nothing to show
      });
  }
}
