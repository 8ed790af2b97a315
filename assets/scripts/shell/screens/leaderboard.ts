/**
 * The leaderboard: a Friends / Global toggle and a close button. Friends: the open data context's board
 * after consent, else the alternative that says why (not now, refused, one of two permissions, the
 * platform failed) with the global board and another try. Global: the game server's board, drawn by the
 * game; a failure says whose it is (login, network, server), with a retry.
 */
import { formatScore, truncateGraphemes } from '../../social/displayName';
import { friendsAlternativeCopy, GLOBAL_FAILURE_COPY, retryLabel } from '../boardCopy';
import type { BoardScreen } from '../flow/screens';
import type { GlobalBoardState } from '../globalBoard';
import { type BoardBody, type BoardContent, button, type GlobalRow } from './content';

/** What the board's words depend on beyond the flow's screen. */
export interface BoardContext {
  /** The platform has a settings page the game can open (friendBoard.canOpenSettings()). */
  canOpenSettings: boolean;
  /** The device said it is offline: a failure is worded as the device's. */
  offline: boolean;
  /** The best score among this device's runs the game server has not taken yet, or null. */
  unsentBest: number | null;
}

/** Fewer rows than this and the board explains that everyone lands here. */
const FEW_ROWS = 5;
const NAME_LENGTH = 22;

export function boardState({
  tab,
  outcome,
  global,
}: Pick<BoardScreen, 'tab' | 'outcome' | 'global'>): string {
  return tab === 'friends'
    ? `friends:${outcome.kind}`
    : `global:${global.status === 'failed' ? global.problem : global.status}`;
}

/** Drawn between two global rows whose ranks are not consecutive (`GlobalRow.afterGap`), in both editions. */
export const RANK_GAP_MARK = '···';

export function globalRows(global: GlobalBoardState): GlobalRow[] {
  if (global.status !== 'ready') return [];
  // The server ranks without shared places (ties go to the earlier best), so a jump in rank is a gap.
  return global.entries.map((entry, index) => {
    const isYou = entry.openId === global.youOpenId;
    // Before a player allowed their profile, the server knows no name: "You" reads better than a stand-in.
    const name = entry.displayName
      ? truncateGraphemes(entry.displayName, NAME_LENGTH) + (isYou ? ' (you)' : '')
      : isYou
        ? 'You'
        : 'Player';
    const above = global.entries[index - 1];
    const afterGap = above !== undefined && entry.rank > above.rank + 1;
    return { rank: entry.rank, name, score: formatScore(entry.score), isYou, afterGap };
  });
}

/**
 * Why your row is not your best yet: a run of this device the server has not taken (offline, or the
 * server down) is on the friends board and the menu already, not here. Null when the board is current.
 */
export function unsentNote(global: GlobalBoardState, unsentBest: number | null): string | null {
  if (global.status !== 'ready' || unsentBest === null) return null;
  const yours = global.entries.find((entry) => entry.openId === global.youOpenId);
  if (yours !== undefined && yours.score >= unsentBest) return null;
  return `Your ${formatScore(unsentBest)} isn’t here yet: it goes once the game server has it`;
}

function body(screen: BoardScreen, { canOpenSettings, offline, unsentBest }: BoardContext): BoardBody {
  const { tab, outcome, global } = screen;
  if (tab === 'friends') {
    // The context cannot tell the game whether the board is empty, so the invite is always offered.
    if (outcome.kind === 'authorized') {
      return { kind: 'friends', invite: button('invite', 'Invite friends', { kind: 'invite' }) };
    }
    const copy = friendsAlternativeCopy(outcome.kind, canOpenSettings, offline);
    // Offline, the global board cannot load either: offering it would be one more "You're offline".
    return {
      kind: 'friends-alternative',
      ...copy,
      showGlobal: offline
        ? null
        : button('show-global', 'See the global board', { kind: 'tab', tab: 'global' }, 'primary'),
      retry: button(
        'retry-auth',
        retryLabel(outcome.kind, canOpenSettings),
        { kind: 'retry-auth' },
        offline ? 'primary' : 'quiet',
        !screen.retrying,
      ),
    };
  }
  if (global.status === 'loading') return { kind: 'global-message', text: 'Loading…' };
  if (global.status === 'failed') {
    const copy = GLOBAL_FAILURE_COPY[global.problem];
    return {
      kind: 'global-failed',
      ...copy,
      retry: button('retry-global', 'Retry', { kind: 'retry-global' }, 'primary'),
    };
  }
  if (global.entries.length === 0) return { kind: 'global-message', text: 'No scores yet. Be the first!' };
  const rows = globalRows(global);
  const few = rows.length < FEW_ROWS ? 'Everyone who plays lands here. Play on to climb!' : null;
  return { kind: 'global-rows', rows, hint: unsentNote(global, unsentBest) ?? few };
}

export function boardContent(screen: BoardScreen, context: BoardContext): BoardContent {
  const { tab } = screen;
  return {
    name: 'leaderboard',
    title: 'Leaderboard',
    close: button('close', '×', { kind: 'close' }, 'icon'),
    tabs: [
      button(
        'tab-friends',
        'Friends',
        { kind: 'tab', tab: 'friends' },
        tab === 'friends' ? 'chip-on' : 'chip',
      ),
      button('tab-global', 'Global', { kind: 'tab', tab: 'global' }, tab === 'global' ? 'chip-on' : 'chip'),
    ],
    body: body(screen, context),
    state: boardState(screen),
  };
}
