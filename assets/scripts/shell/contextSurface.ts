/**
 * The game's side of the shared canvas: tells the open data context where to draw (`show`), when to
 * stop (`hide`), when to load the friend board ahead (`prefetch`), which score a level ended with
 * (`levelEnd`, `resumeBest`: the context keeps the best), and forwards pointer events over the surface
 * in its own coordinates. The context cannot answer, so this keeps what it last told it and never sends
 * the same `show` twice (a resize or a new rect sends a fresh one).
 */
import type { GamePlatform } from '../platform/index';
import {
  type BestFields,
  type ContextMessage,
  hideMessage,
  levelEndMessage,
  type PointerPhase,
  pointerMessage,
  prefetchMessage,
  type Rect,
  refreshMessage,
  resumeBestMessage,
  type ShowMessage,
  showMessage,
  toSurfacePoint,
} from '../social/protocol';

export type SurfacePlatform = Pick<GamePlatform, 'openDataContext'>;
export type SurfaceShow = Omit<ShowMessage, 'v' | 'type'>;

export function createContextSurface(platform: SurfacePlatform) {
  let context: { postMessage(message: ContextMessage): void } | null = null;
  let shown: SurfaceShow | null = null;
  /** Set while a press that began on the surface is held: its moves and release go there too. */
  let capturing = false;

  const post = (message: ContextMessage): void => {
    try {
      context ??= platform.openDataContext();
      context.postMessage(message);
    } catch {
      // No open data context (off-platform): the game works, the friend surface stays empty.
    }
  };

  return {
    current: (): SurfaceShow | null => shown,

    show(fields: SurfaceShow): void {
      if (shown && JSON.stringify(shown) === JSON.stringify(fields)) return;
      shown = fields;
      capturing = false;
      post(showMessage(fields));
    },

    hide(): void {
      if (!shown) return;
      shown = null;
      capturing = false;
      post(hideMessage());
    },

    /** A level ended: the context weighs the score against the stored best and shows the outcome. */
    levelEnded(runId: string, best: BestFields): void {
      post(levelEndMessage({ runId, ...best }));
    },

    /** The device's best again, in case its cloud write never landed. */
    resumeBest(best: BestFields): void {
      post(resumeBestMessage(best));
    },

    refresh(): void {
      post(refreshMessage());
    },

    /** The player already allowed friend access: the context loads the board ahead, drawing nothing. */
    prefetch(): void {
      post(prefetchMessage());
    },

    /**
     * Offers a pointer event in game viewport CSS px. Returns true when it belongs to the surface (the
     * game must then ignore it): a press inside the rect, and the rest of that press wherever it goes.
     */
    pointer(phase: PointerPhase, x: number, y: number, time: number): boolean {
      if (!shown) return false;
      const point = toSurfacePoint(shown.rect, x, y);
      if (phase === 'down') {
        if (!point.inside) return false;
        capturing = true;
      } else if (!capturing) {
        return false;
      } else if (phase === 'up' || phase === 'cancel') {
        capturing = false;
      }
      post(pointerMessage({ phase, x: point.x, y: point.y, time }));
      return true;
    },
  };
}

export type ContextSurface = ReturnType<typeof createContextSurface>;

export type { Rect };
