/**
 * What a screen of the Canvas 2D edition may use: the view, the game services, progress, test mode, a
 * toast, and navigation. The app implements it; screens import this type, never the app, so imports run
 * one way (app → screens → this).
 */
import type { Playthrough } from '../assets/scripts/core/index';
import type {
  EntryPoint,
  FriendBoardOutcome,
  GameServices,
  LevelProgress,
} from '../assets/scripts/shell/index';
import type { Screen } from './screen';
import type { TestMode } from './testMode';
import type { View } from './view';

export interface ScreenContext {
  readonly view: View;
  readonly services: GameServices;
  readonly progress: LevelProgress;
  readonly testMode: TestMode;
  now(): number;
  /** A line of feedback for a few seconds, placed where it hides no button. */
  showToast(text: string): void;
  /** Replaces the current screen. */
  go(next: Screen): void;
  toMenu(): void;
  play(level: number): void;
  /** A level ended: records it and shows the results. */
  finishLevel(run: Playthrough): void;
  /** "View Friend Leaderboard": the authorization flow, then the board or its alternative. */
  openFriendBoard(entryPoint: EntryPoint, back: () => Screen): Promise<void>;
  /** The leaderboard alternative's second button, after `previous` (opens the settings page if it must). */
  retryAuthorization(previous: FriendBoardOutcome['kind']): Promise<FriendBoardOutcome>;
}
