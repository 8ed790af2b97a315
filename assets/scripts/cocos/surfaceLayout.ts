/**
 * Where SubContextView draws the shared canvas, in the units the open data context speaks: CSS px of the
 * game viewport, origin at its top-left. Engine-free on purpose (structural types shaped like `cc`'s), so
 * the unit tests run it against a small stand-in for `cc`.
 */
import type { Rect, ViewportSize } from '../social/protocol';

export interface SizeLike {
  width: number;
  height: number;
}

export interface RectLike extends SizeLike {
  x: number;
  y: number;
}

export interface PointLike {
  x: number;
  y: number;
}

/** The parts of `cc.view` and `cc.screen` the layout reads. */
export interface ViewLike {
  getViewportRect(): RectLike;
  getVisibleSize(): SizeLike;
}

export interface ScreenLike {
  readonly devicePixelRatio: number;
  readonly windowSize: SizeLike;
}

export interface SurfaceLayout {
  /** Where the shared canvas appears: game viewport CSS px, top-left origin. */
  rect: Rect;
  viewport: ViewportSize;
  pixelRatio: number;
}

/**
 * SubContextView scales the shared canvas (its design resolution) to fit inside its node, keeping the
 * aspect ratio and centring it (the engine's SHOW_ALL rule); `nodeBox` is the node's world bounding box.
 */
export function fitContent(nodeBox: RectLike, designResolution: SizeLike): RectLike {
  const scale = Math.min(nodeBox.width / designResolution.width, nodeBox.height / designResolution.height);
  const width = designResolution.width * scale;
  const height = designResolution.height * scale;
  return {
    x: nodeBox.x + (nodeBox.width - width) / 2,
    y: nodeBox.y + (nodeBox.height - height) / 2,
    width,
    height,
  };
}

function viewportSize(screen: ScreenLike): ViewportSize {
  return {
    width: screen.windowSize.width / screen.devicePixelRatio,
    height: screen.windowSize.height / screen.devicePixelRatio,
  };
}

/**
 * A point in world (UI) units, y up, mapped to game viewport CSS px, y down. The engine converts world
 * units through the viewport rectangle (device px, letterbox offset included) and the device pixel ratio;
 * this does the same and then flips y.
 */
export function toViewportPoint(view: ViewLike, screen: ScreenLike, uiPoint: PointLike): PointLike {
  const viewportRect = view.getViewportRect();
  const visible = view.getVisibleSize();
  const dpr = screen.devicePixelRatio;
  const x = ((viewportRect.width * uiPoint.x) / visible.width + viewportRect.x) / dpr;
  const yUp = ((viewportRect.height * uiPoint.y) / visible.height + viewportRect.y) / dpr;
  return { x, y: viewportSize(screen).height - yUp };
}

/**
 * A world (UI) box, y up (`UITransform.getBoundingBoxToWorld()`), as a rectangle in game viewport CSS px
 * with a top-left origin: what the test hook reports, in the units the Canvas 2D edition reports in.
 */
export function toViewportRect(view: ViewLike, screen: ScreenLike, worldBox: RectLike): Rect {
  const topLeft = toViewportPoint(view, screen, { x: worldBox.x, y: worldBox.y + worldBox.height });
  const bottomRight = toViewportPoint(view, screen, { x: worldBox.x + worldBox.width, y: worldBox.y });
  return { x: topLeft.x, y: topLeft.y, width: bottomRight.x - topLeft.x, height: bottomRight.y - topLeft.y };
}

/**
 * Where SubContextView shows the shared canvas, and at how many canvas pixels per CSS px, for the
 * `show` message. The engine's own
 * `{type: 'engine', event: 'viewport'}` message carries the same box but with y counted from the bottom
 * (it skips the flip), which is why the game sends `rect` and the context places the board by it.
 */
export function surfaceLayout(
  view: ViewLike,
  screen: ScreenLike,
  nodeBox: RectLike,
  designResolution: SizeLike,
): SurfaceLayout {
  const rect = toViewportRect(view, screen, fitContent(nodeBox, designResolution));
  return {
    rect,
    viewport: viewportSize(screen),
    // SubContextView's texture has the size of its design resolution and never grows (3.8.5 compares
    // the canvas with itself), and a smaller canvas fills only its corner: so the context is asked for
    // a canvas of exactly that size, whatever the device's own pixel ratio.
    pixelRatio: designResolution.width / rect.width,
  };
}
