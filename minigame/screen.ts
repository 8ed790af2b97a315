/** What every screen of the Canvas 2D edition provides to the app. */
import type { PointerPhase } from '../assets/scripts/social/protocol';
import type { Button } from './ui';

export type ScreenName = 'menu' | 'play' | 'results' | 'leaderboard' | 'consent';

export interface Screen {
  readonly name: ScreenName;
  /** Called when the screen becomes current (analytics exposure, showing the shared canvas). */
  enter?(): void;
  /** Called when another screen replaces it (hide the shared canvas). */
  leave?(): void;
  /** Once per display frame, with the time since the previous frame. */
  update?(elapsedMs: number): void;
  draw(ctx: CanvasRenderingContext2D): void;
  /** The tappable buttons as laid out now; the app hit-tests them and exposes them to tests. */
  buttons(): readonly Button[];
  /** Pointer events that hit no button (the play field uses them to steer). */
  pointer?(phase: PointerPhase, x: number, y: number): void;
  /** The game went to the background. */
  pause?(): void;
  /** A short description of what the screen shows, for the test hook (e.g. "friends:authorized"). */
  state?(): string | null;
}
