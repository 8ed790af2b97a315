/**
 * What a screen shows, as data: words, buttons with their actions, the open data context view it holds.
 * GameFlow builds it, both editions lay it out and draw it: the Canvas 2D edition in CSS px, the Cocos
 * edition in nodes. Button ids are the same in both, for the end-to-end tests.
 */
import type { GameDefinition, LevelPlay } from '../../games/contract';
import type { FlowAction } from '../flow/actions';

export type ButtonStyle = 'primary' | 'secondary' | 'quiet' | 'chip' | 'chip-on' | 'icon';

export type Tone = 'text' | 'muted' | 'success' | 'failure' | 'gold' | 'accent';

export interface ButtonContent {
  readonly id: string;
  readonly label: string;
  readonly style: ButtonStyle;
  readonly enabled: boolean;
  readonly action: FlowAction;
}

/** "View Friend Leaderboard" over "Invite friends" and "Share to story", wherever the game offers them. */
export interface SocialButtons {
  readonly friendBoard: ButtonContent;
  readonly invite: ButtonContent;
  readonly story: ButtonContent;
}

export interface MenuContent {
  readonly name: 'menu';
  readonly title: string;
  readonly tagline: string;
  /** The game's emblem under the title. */
  readonly drawEmblem: GameDefinition['drawEmblem'];
  /** The invitation of the card the game was opened from, or null. */
  readonly greeting: string | null;
  readonly levelLabel: string;
  readonly levels: readonly ButtonContent[];
  readonly play: ButtonContent;
  readonly social: SocialButtons;
}

export interface PlayContent {
  readonly name: 'play';
  readonly play: LevelPlay;
  /** While paused: the title over the play area. */
  readonly pausedTitle: string | null;
  /** The pause button, or resume and quit while paused. */
  readonly buttons: readonly ButtonContent[];
}

export interface ResultsContent {
  readonly name: 'results';
  readonly title: string;
  readonly titleTone: Tone;
  readonly score: string;
  readonly summary: string;
  /** Where the run stands on its way to the global board. */
  readonly delivery: { readonly text: string; readonly tone: Tone };
  readonly next: ButtonContent;
  readonly menu: ButtonContent;
  readonly social: SocialButtons;
}

export interface GlobalRow {
  readonly rank: number;
  readonly name: string;
  readonly score: string;
  readonly isYou: boolean;
  /** Ranks are skipped between the row above and this one: the board shows the top, then your part. */
  readonly afterGap: boolean;
}

/** What the leaderboard shows under its tabs. */
export type BoardBody =
  /** The open data context draws the friend board; the game offers the invite below it. */
  | { readonly kind: 'friends'; readonly invite: ButtonContent }
  /** Why there is no friend board, with the global board (not while offline) and another try. */
  | {
      readonly kind: 'friends-alternative';
      readonly title: string;
      readonly body: string;
      readonly showGlobal: ButtonContent | null;
      readonly retry: ButtonContent;
    }
  | { readonly kind: 'global-message'; readonly text: string }
  | {
      readonly kind: 'global-failed';
      readonly title: string;
      readonly body: string;
      readonly retry: ButtonContent;
    }
  /** The rows, best first; `hint` under a short board. */
  | { readonly kind: 'global-rows'; readonly rows: readonly GlobalRow[]; readonly hint: string | null };

export interface BoardContent {
  readonly name: 'leaderboard';
  readonly title: string;
  readonly close: ButtonContent;
  readonly tabs: readonly [ButtonContent, ButtonContent];
  readonly body: BoardBody;
  /** The tab and its state for the test hook, e.g. "friends:authorized", "global:unreachable". */
  readonly state: string;
}

export interface ConsentContent {
  readonly name: 'consent';
  readonly title: string;
  readonly body: string;
  readonly goOn: ButtonContent;
  readonly notNow: ButtonContent;
}

export type ScreenContent = MenuContent | PlayContent | ResultsContent | BoardContent | ConsentContent;

export function button(
  id: string,
  label: string,
  action: FlowAction,
  style: ButtonStyle = 'secondary',
  enabled = true,
): ButtonContent {
  return { id, label, style, enabled, action };
}
