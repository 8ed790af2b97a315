/**
 * Tells a tap from a scroll on the friend board: a finger that travels far enough drags the list (with
 * inertia on release); one that lifts near where it went down taps, unless it stopped a fling.
 */
import type { PointerPhase } from '../../assets/scripts/social/protocol';
import type { Scroller } from './scroller';

/** A finger must travel this far (CSS px) before a press becomes a scroll instead of a tap. */
const DRAG_THRESHOLD = 8;

export interface GestureResult {
  /** Where a tap landed, or null. */
  readonly tap: { readonly x: number; readonly y: number } | null;
  /** Whether the list moved and needs a frame. */
  readonly redraw: boolean;
}

const NOTHING: GestureResult = { tap: null, redraw: false };

export class BoardGesture {
  private press_: { y: number; dragging: boolean; stoppedFling: boolean } | null = null;

  constructor(private readonly scroller_: Scroller) {}

  pointer(phase: PointerPhase, x: number, y: number, time: number): GestureResult {
    switch (phase) {
      case 'down': {
        const stoppedFling = this.scroller_.moving;
        this.scroller_.startDrag(y, time);
        this.press_ = { y, dragging: false, stoppedFling };
        return { tap: null, redraw: stoppedFling };
      }
      case 'move': {
        const press = this.press_;
        if (press === null) return NOTHING;
        if (!press.dragging && Math.abs(y - press.y) < DRAG_THRESHOLD) return NOTHING;
        press.dragging = true;
        return { tap: null, redraw: this.scroller_.drag(y, time) };
      }
      case 'up': {
        const press = this.press_;
        this.press_ = null;
        if (press === null) return NOTHING;
        if (press.dragging) {
          this.scroller_.drag(y, time);
          this.scroller_.release(time);
          return { tap: null, redraw: true };
        }
        this.scroller_.stop();
        return { tap: press.stoppedFling ? null : { x, y }, redraw: false };
      }
      case 'cancel':
        this.press_ = null;
        this.scroller_.stop();
        return NOTHING;
    }
  }
}
