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

export function globalRows(global: GlobalBoardState): GlobalRow[] {
  if (global.status !== 'ready') return [];
  return global.entries.map((entry) => {
    const isYou = entry.openId === global.youOpenId;
    // Before a player allowed their profile, the server knows no name: "You" reads better than a stand-in.
    const name = entry.displayName
      ? truncateGraphemes(entry.displayName, NAME_LENGTH) + (isYou ? ' (you)' : '')
      : isYou
        ? 'You'
        : 'Player';
    return { rank: entry.rank, name, score: formatScore(entry.score), isYou };
  });
}

function body(screen: BoardScreen, canOpenSettings: boolean, offline: boolean): BoardBody {
  const { tab, outcome, global } = screen;
  if (tab === 'friends') {
    // The context cannot tell the game whether the board is empty, so the invite is always offered.
    if (outcome.kind === 'authorized') {
      return { kind: 'friends', invite: button('invite', 'Invite friends', { kind: 'invite' }) };
    }
    const copy = friendsAlternativeCopy(outcome.kind, canOpenSettings, offline);
    return {
      kind: 'friends-alternative',
      ...copy,
      showGlobal: button('show-global', 'See the global board', { kind: 'tab', tab: 'global' }, 'primary'),
      retry: button(
        'retry-auth',
        retryLabel(outcome.kind, canOpenSettings),
        { kind: 'retry-auth' },
        'quiet',
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
  return {
    kind: 'global-rows',
    rows,
    hint: rows.length < FEW_ROWS ? 'Everyone who plays lands here. Play on to climb!' : null,
  };
}

export function boardContent(screen: BoardScreen, canOpenSettings: boolean, offline = false): BoardContent {
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
    body: body(screen, canOpenSettings, offline),
    state: boardState(screen),
  };
}
