/**
 * `GameGlobal.__sample`: what end-to-end tests read to find their way, in CSS px of the game viewport,
 * refreshed every frame by the app. Tests tap these rectangles with real pointer events, so they exercise
 * the same input path as a player. The hook only reports: the game never reads it (test-mode settings
 * live in testMode.ts).
 */
import type { Rect, SurfaceView } from '../assets/scripts/social/protocol';
import type { LevelResult } from './screens/results';

export interface SampleHook {
  screen: string;
  buttons: Record<string, Rect>;
  /** Where the open data context surface is shown, or null. */
  surface: { view: SurfaceView; rect: Rect } | null;
  /** The last level end, for assertions. */
  lastResult: LevelResult | null;
  /** The leaderboard screen's tab and state, e.g. "friends:authorized", "global:unreachable". */
  board: string | null;
  /** The invitation greeting on the main menu, when the game was opened from a card. */
  greeting: string | null;
  /** The player's open id once the server session is open. */
  openId: string | null;
  /** Frames drawn so far (shows the loop runs, and stops on hide). */
  frames: number;
  /** Runs in the outbox, not yet accepted by the game server. */
  pendingRuns: number;
  /** Where the last run stands on its way to the server: saving, saved, waiting, refused. */
  delivery: string | null;
  /** The toast on screen, if any, and where. */
  toast: { text: string; rect: Rect } | null;
}

export function installTestHook(): SampleHook {
  const hook: SampleHook = {
    screen: 'boot',
    buttons: {},
    surface: null,
    lastResult: null,
    board: null,
    greeting: null,
    openId: null,
    frames: 0,
    pendingRuns: 0,
    delivery: null,
    toast: null,
  };
  const global = ((globalThis as { GameGlobal?: object }).GameGlobal ?? globalThis) as {
    __sample?: SampleHook;
  };
  global.__sample = hook;
  return hook;
}
