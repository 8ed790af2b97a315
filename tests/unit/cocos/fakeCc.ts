/**
 * A stand-in for the parts of `cc` the leaderboard panel reads: `view` (viewport rectangle, visible size),
 * `screen` (window size, device pixel ratio) and a node's world bounding box. It follows the engine's
 * resolution policies, so tests can ask "a 390×844 phone at dpr 3" and get the numbers the engine would.
 */
import type { RectLike, ScreenLike, SizeLike, ViewLike } from '../../../assets/scripts/cocos/surfaceLayout';

export type ResolutionPolicy = 'fixedWidth' | 'showAll';

export interface FakeDisplay {
  view: ViewLike;
  screen: ScreenLike;
  /** World units per CSS px, for building expectations. */
  cssPerUnit: number;
}

/**
 * `windowCss` is the phone's screen in CSS px. fixedWidth (the project's setting: fitWidth) scales the
 * design width to the window and shows more or less height; showAll letterboxes to keep the design fully
 * visible, which moves the viewport rectangle off the window's origin.
 */
export function fakeDisplay(
  design: SizeLike,
  windowCss: SizeLike,
  devicePixelRatio: number,
  policy: ResolutionPolicy = 'fixedWidth',
): FakeDisplay {
  const windowPx = { width: windowCss.width * devicePixelRatio, height: windowCss.height * devicePixelRatio };
  const scale =
    policy === 'fixedWidth'
      ? windowPx.width / design.width
      : Math.min(windowPx.width / design.width, windowPx.height / design.height);
  const visible =
    policy === 'fixedWidth' ? { width: design.width, height: windowPx.height / scale } : { ...design };
  const viewportRect: RectLike = {
    x: (windowPx.width - visible.width * scale) / 2,
    y: (windowPx.height - visible.height * scale) / 2,
    width: visible.width * scale,
    height: visible.height * scale,
  };
  return {
    view: { getViewportRect: () => ({ ...viewportRect }), getVisibleSize: () => ({ ...visible }) },
    screen: { devicePixelRatio, windowSize: windowPx },
    cssPerUnit: scale / devicePixelRatio,
  };
}

/** `UITransform.getBoundingBoxToWorld()` of a node placed by its centre, as the scene places nodes. */
export function worldBox(centerX: number, centerY: number, width: number, height: number): RectLike {
  return { x: centerX - width / 2, y: centerY - height / 2, width, height };
}
