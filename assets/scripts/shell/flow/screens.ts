/**
 * The screen the shell is on, with what that screen needs and nothing of how it looks. GameFlow replaces
 * the object on every change, so an edition can tell a change by identity.
 */
import type { LevelPlay } from '../../games/contract';
import type { FriendBoardOutcome } from '../friendBoard';
import type { GlobalBoardState } from '../globalBoard';
import type { BoardTab } from './actions';

/** A finished level, as the results screen shows it. */
export interface FinishedLevel {
  readonly level: number;
  readonly score: number;
  readonly completed: boolean;
  /** The run's id in the outbox, to follow its delivery. */
  readonly runId: string;
  /** The game's line under the score ("12 stars caught"). */
  readonly summary: string;
}

export interface MenuScreen {
  readonly name: 'menu';
  readonly selectedLevel: number;
}

export interface PlayScreen {
  readonly name: 'play';
  readonly play: LevelPlay;
  readonly paused: boolean;
}

export interface ResultsScreen {
  readonly name: 'results';
  readonly result: FinishedLevel;
}

export interface BoardScreen {
  readonly name: 'leaderboard';
  readonly tab: BoardTab;
  readonly outcome: FriendBoardOutcome;
  readonly global: GlobalBoardState;
  /** "Try again" or "Open settings" is running (it may show the explanation, then the prompt). */
  readonly retrying: boolean;
  /** Where the close button leads: the screen the board was opened from. */
  readonly returnTo: MenuScreen | ResultsScreen;
}

export interface ConsentScreen {
  readonly name: 'consent';
}

export type FlowScreen = MenuScreen | PlayScreen | ResultsScreen | BoardScreen | ConsentScreen;

export type ScreenName = FlowScreen['name'];
