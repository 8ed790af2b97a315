/**
 * The leaderboard screen as data: a Friends / Global toggle and a close button. Friends: the open data
 * context's board after consent, else the alternative that says why (not now, refused, one of two
 * permissions, or the platform failed) with the global board and another try. Global: the game server's
 * board, drawn by the game; a failure says whose it is (login, network, server), with a retry.
 */
import {
  type FriendBoardOutcome,
  friendsAlternativeCopy,
  GLOBAL_FAILURE_COPY,
  type GlobalBoardState,
  retryLabel,
} from '../shell/index';
import { formatScore, truncateGraphemes } from '../social/displayName';
import {
  type BoardTab,
  type ButtonSpec,
  buttonSpec,
  COLUMN_WIDTH,
  HALF_WIDTH,
  LEFT_HALF_X,
  RIGHT_HALF_X,
  type ScreenModel,
  type TextSpec,
  text,
} from './screenModel';

export interface LeaderboardState {
  tab: BoardTab;
  outcome: FriendBoardOutcome;
  global: GlobalBoardState;
  /** "Try again" of the alternative is running (it may show the explanation, then the prompt). */
  retrying: boolean;
  /** The platform has a settings page the game can open (friendBoard.canOpenSettings()). */
  canOpenSettings: boolean;
}

/** Where the board area is: under the tabs, above the invite. */
export const BOARD_AREA = { x: 0, y: 0, width: COLUMN_WIDTH, height: 860 } as const;
const BOARD_TOP = BOARD_AREA.y + BOARD_AREA.height / 2;
const ROW_HEIGHT = 80;
/** Fewer rows than this and the board explains that everyone lands here. */
const FEW_ROWS = 5;

export function boardState({
  tab,
  outcome,
  global,
}: Pick<LeaderboardState, 'tab' | 'outcome' | 'global'>): string {
  return tab === 'friends'
    ? `friends:${outcome.kind}`
    : `global:${global.status === 'failed' ? global.problem : global.status}`;
}

export interface GlobalRow {
  rank: string;
  name: string;
  score: string;
  isYou: boolean;
}

/** The rows of a ready global board, as many as fit, "You" when the server knows no name for you. */
export function globalRows(global: GlobalBoardState, maxRows: number): GlobalRow[] {
  if (global.status !== 'ready') return [];
  return global.entries.slice(0, maxRows).map((entry) => {
    const isYou = entry.openId === global.youOpenId;
    // Before a player allowed their profile, the server knows no name: "You" reads better than a stand-in.
    const name = entry.displayName
      ? truncateGraphemes(entry.displayName, 22) + (isYou ? ' (you)' : '')
      : isYou
        ? 'You'
        : 'Player';
    return { rank: String(entry.rank), name, score: formatScore(entry.score), isYou };
  });
}

function globalTexts(global: GlobalBoardState): TextSpec[] {
  if (global.status === 'loading') return [text('Loading…', 30, BOARD_TOP - 100, { tone: 'muted' })];
  if (global.status === 'failed') {
    const copy = GLOBAL_FAILURE_COPY[global.problem];
    return [
      text(copy.title, 40, BOARD_TOP - 100, { bold: true }),
      text(copy.body, 28, BOARD_TOP - 200, { tone: 'muted', width: COLUMN_WIDTH - 80, height: 120 }),
    ];
  }
  if (global.entries.length === 0) {
    return [text('No scores yet. Be the first!', 30, BOARD_TOP - 100, { tone: 'muted' })];
  }
  const rows = globalRows(global, Math.floor(BOARD_AREA.height / ROW_HEIGHT));
  const left = -COLUMN_WIDTH / 2;
  const texts = rows.flatMap((row, index): TextSpec[] => {
    const y = BOARD_TOP - ROW_HEIGHT * (index + 0.5);
    const tone = row.isYou ? 'accent' : 'text';
    return [
      text(row.rank, 30, y, {
        x: left + 40,
        width: 64,
        bold: true,
        tone: Number(row.rank) <= 3 ? 'gold' : 'muted',
      }),
      text(row.name, 30, y, { x: left + 96 + 180, width: 360, align: 'left', tone, bold: row.isYou }),
      text(row.score, 30, y, { x: COLUMN_WIDTH / 2 - 24 - 80, width: 160, align: 'right', tone, bold: true }),
    ];
  });
  if (rows.length < FEW_ROWS) {
    const below = BOARD_TOP - ROW_HEIGHT * rows.length - 50;
    texts.push(text('Everyone who plays lands here. Play on to climb!', 26, below, { tone: 'muted' }));
  }
  return texts;
}

export function leaderboardModel(state: LeaderboardState): ScreenModel {
  const { tab, outcome, global, retrying, canOpenSettings } = state;
  const authorized = outcome.kind === 'authorized';
  const buttons: ButtonSpec[] = [
    buttonSpec(
      'close',
      '×',
      { x: COLUMN_WIDTH / 2 - 36, y: 590, width: 72, height: 72 },
      { kind: 'close' },
      'chip',
    ),
    buttonSpec(
      'tab-friends',
      'Friends',
      { x: LEFT_HALF_X, y: 500, width: HALF_WIDTH, height: 72 },
      { kind: 'tab', tab: 'friends' },
      tab === 'friends' ? 'chip-on' : 'chip',
    ),
    buttonSpec(
      'tab-global',
      'Global',
      { x: RIGHT_HALF_X, y: 500, width: HALF_WIDTH, height: 72 },
      { kind: 'tab', tab: 'global' },
      tab === 'global' ? 'chip-on' : 'chip',
    ),
  ];
  const texts: TextSpec[] = [
    text('Leaderboard', 44, 590, { align: 'left', bold: true, width: COLUMN_WIDTH - 100, x: -50 }),
  ];
  const belowBoard = BOARD_AREA.y - BOARD_AREA.height / 2 - 56;

  if (tab === 'friends' && authorized) {
    // The context cannot tell the game whether the board is empty, so the invite is always offered.
    buttons.push(
      buttonSpec(
        'invite',
        'Invite friends',
        { x: 0, y: belowBoard, width: COLUMN_WIDTH, height: 80 },
        { kind: 'invite' },
      ),
    );
  } else if (tab === 'friends') {
    const copy = friendsAlternativeCopy(
      outcome.kind === 'authorized' ? 'failed' : outcome.kind,
      canOpenSettings,
    );
    texts.push(
      text(copy.title, 40, BOARD_TOP - 90, { bold: true }),
      text(copy.body, 28, BOARD_TOP - 210, { tone: 'muted', width: COLUMN_WIDTH - 80, height: 150 }),
    );
    buttons.push(
      buttonSpec(
        'show-global',
        'See the global board',
        { x: 0, y: BOARD_TOP - 380, width: COLUMN_WIDTH - 40, height: 96 },
        {
          kind: 'tab',
          tab: 'global',
        },
        'primary',
      ),
      buttonSpec(
        'retry-auth',
        retryLabel(outcome.kind, canOpenSettings),
        { x: 0, y: BOARD_TOP - 500, width: COLUMN_WIDTH - 40, height: 80 },
        { kind: 'retry-auth' },
        'quiet',
        !retrying,
      ),
    );
  } else {
    texts.push(...globalTexts(global));
    if (global.status === 'failed') {
      buttons.push(
        buttonSpec(
          'retry-global',
          'Retry',
          { x: 0, y: BOARD_TOP - 340, width: COLUMN_WIDTH - 80, height: 88 },
          {
            kind: 'retry-global',
          },
          'primary',
        ),
      );
    }
  }
  return {
    name: 'leaderboard',
    texts,
    buttons,
    panel: tab === 'friends' && authorized ? { view: 'board', box: { ...BOARD_AREA } } : null,
    board: boardState(state),
  };
}
