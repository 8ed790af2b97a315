/**
 * The leaderboard panel without the engine: it turns the panel's place on screen and the touches on it
 * into calls of the shared context surface (assets/scripts/shell/contextSurface.ts), which builds and posts
 * the protocol messages. The LeaderboardPanel component feeds it from `cc`; tests feed it a stand-in.
 */
import type { ContextSurface } from '../shell/index';
import type { PointerPhase, SurfaceView } from '../social/protocol';
import {
  type PointLike,
  type RectLike,
  type ScreenLike,
  type SizeLike,
  surfaceLayout,
  toViewportPoint,
  type ViewLike,
} from './surfaceLayout';

export interface PanelAudience {
  view: SurfaceView;
  openId: string | null;
  authorized: boolean;
}

export interface PanelDeps {
  surface: Pick<ContextSurface, 'show' | 'hide' | 'pointer'>;
  view: ViewLike;
  screen: ScreenLike;
  now: () => number;
}

/** Where the panel is: its node's world bounding box and SubContextView's design resolution. */
export interface PanelPlacement {
  nodeBox: RectLike;
  designResolution: SizeLike;
}

export function createLeaderboardPanelLogic({ surface, view, screen, now }: PanelDeps) {
  let audience: PanelAudience | null = null;

  const showAt = (placement: PanelPlacement): void => {
    if (!audience) return;
    const layout = surfaceLayout(view, screen, placement.nodeBox, placement.designResolution);
    surface.show({
      view: audience.view,
      rect: layout.rect,
      viewport: layout.viewport,
      pixelRatio: layout.pixelRatio,
      you: { openId: audience.openId },
      authorized: audience.authorized,
    });
  };

  return {
    isOpen: (): boolean => audience !== null,

    open(who: PanelAudience, placement: PanelPlacement): void {
      audience = { ...who };
      showAt(placement);
    },

    /** The node moved or the screen resized: the surface re-sends `show` only if the rect changed. */
    relayout(placement: PanelPlacement): void {
      showAt(placement);
    },

    close(): void {
      if (!audience) return;
      audience = null;
      surface.hide();
    },

    /** A touch in world (UI) units; true when it belongs to the board (the game must ignore it). */
    touch(phase: PointerPhase, uiPoint: PointLike): boolean {
      if (!audience) return false;
      const point = toViewportPoint(view, screen, uiPoint);
      return surface.pointer(phase, point.x, point.y, now());
    },
  };
}

export type LeaderboardPanelLogic = ReturnType<typeof createLeaderboardPanelLogic>;
