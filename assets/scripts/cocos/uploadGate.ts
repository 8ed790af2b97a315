/**
 * When SubContextView copies the shared canvas to its texture. The runtime tells the game nothing about
 * the open data context's drawing (the context cannot answer), so the game uploads while the context can
 * be drawing something new: for a while after anything the game told it (a message, a touch on the
 * board, a resize) or after an event the context reacts to as well (back in the foreground, back
 * online). A board that sits still costs no upload at all.
 */

/**
 * How long after a message (a touch on the board is one) or a platform event the context may still draw
 * in answer: a fling's inertia lasts about a second; reading cloud data and loading avatars take longer.
 */
export const AWAKE_MS = 5_000;

export interface UploadGate {
  /** The context may draw something new within `ms` from now. */
  wake(ms?: number): void;
  /** The view closed: nothing to upload until it opens again. */
  sleep(): void;
  /** Whether this frame uploads the shared canvas. */
  due(): boolean;
}

export function createUploadGate(now: () => number): UploadGate {
  let until = Number.NEGATIVE_INFINITY;
  return {
    wake(ms = AWAKE_MS) {
      until = Math.max(until, now() + ms);
    },
    sleep() {
      until = Number.NEGATIVE_INFINITY;
    },
    due: () => now() <= until,
  };
}
