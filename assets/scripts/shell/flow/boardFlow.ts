/**
 * The leaderboard part of the flow: opening the friend board (the busy guard, the guide's
 * authorization, the explanation, the refusal and its settings page), the Friends / Global toggle, the
 * global board's loading in request order, recovery from a failure without a tap (again after a
 * backoff, when the game returns to the foreground, when the connection or the server is back), and the
 * analytics of each. GameFlow owns the screen; this reads and replaces it through `screens`.
 */
import type { EntryPoint } from '../analytics';
import type { FriendBoardOutcome } from '../friendBoard';
import { loadGlobalBoard } from '../globalBoard';
import type { OutboxScheduler } from '../runOutbox';
import type { GameServices } from '../services';
import type { BoardTab } from './actions';
import type { BoardScreen, FlowScreen, MenuScreen, ResultsScreen } from './screens';

export interface ScreenAccess {
  current(): FlowScreen;
  /** Enters a screen anew (counted as seen). */
  go(next: FlowScreen): void;
  /** The same screen with new data. */
  replace(next: FlowScreen): void;
}

/** A failed board tries again after these delays, the last one repeating, while it stays on screen. */
export const BOARD_RETRY_DELAYS_MS = [2_000, 4_000, 8_000, 16_000, 30_000] as const;

export function createBoardFlow(services: GameServices, screens: ScreenAccess, timers: OutboxScheduler) {
  let busy = false;
  let globalRequest = 0;
  let retryTimer: unknown = null;
  let attempts = 0;
  let unsentSeen: number | null = null;

  const stopRetrying = (): void => {
    if (retryTimer !== null) timers.clearTimeout(retryTimer);
    retryTimer = null;
  };

  /** Another try later, unless one is already waiting; reset once a try works. */
  const retryLater = (): void => {
    if (retryTimer !== null) return;
    const delay = BOARD_RETRY_DELAYS_MS[Math.min(attempts, BOARD_RETRY_DELAYS_MS.length - 1)] ?? 30_000;
    attempts += 1;
    retryTimer = timers.setTimeout(() => {
      retryTimer = null;
      recover();
    }, delay);
  };

  const board = (): BoardScreen | null => {
    const screen = screens.current();
    return screen.name === 'leaderboard' ? screen : null;
  };

  const enterTab = (): void => {
    const current = board();
    if (!current) return;
    if (current.tab === 'global') loadGlobal();
    else if (current.outcome.kind === 'authorized') {
      services.analytics.track({ name: 'board_shown', board: 'friends' });
    }
  };

  const open = (tab: BoardTab, outcome: FriendBoardOutcome, returnTo: MenuScreen | ResultsScreen): void => {
    stopRetrying();
    attempts = 0;
    unsentSeen = services.unsentBest();
    screens.go({
      name: 'leaderboard',
      tab,
      outcome,
      global: { status: 'loading' },
      retrying: false,
      returnTo,
    });
    enterTab();
    if (outcome.kind === 'failed') retryLater();
  };

  /**
   * Loads the global board, showing "Loading…" meanwhile; a `quiet` reload keeps the rows on screen
   * until the new ones arrive, and keeps them if the reload fails.
   */
  const loadGlobal = ({ quiet = false } = {}): void => {
    const started = board();
    if (!started) return;
    const request = ++globalRequest;
    if (!quiet) screens.replace({ ...started, global: { status: 'loading' } });
    void loadGlobalBoard(services.server).then((global) => {
      const current = board();
      // A later request, or another screen, has the last word.
      if (request !== globalRequest || !current) return;
      if (quiet && global.status === 'failed') return;
      screens.replace({ ...current, global });
      if (global.status === 'failed') retryLater();
      else attempts = 0;
      if (current.tab === 'global' && global.status === 'ready') {
        services.analytics.track({ name: 'board_shown', board: 'global' });
      }
    });
  };

  /**
   * A failed board tries again: the global board reloads while it is shown; a friends board TikTok did
   * not answer for asks its silent status check again, on either tab (its words promise it). Once TikTok
   * answers, the player's tap goes on where it stopped: the board if access is allowed, else the
   * explanation and the prompt the tap would have led to, once the Friends tab is in front.
   */
  const recover = (): void => {
    const current = board();
    if (!current) return;
    if (current.tab === 'global' && current.global.status === 'failed') loadGlobal();
    if (current.outcome.kind !== 'failed' || current.retrying) return;
    const failed = current.outcome;
    void services.friendBoard.refreshStatus().then((status) => {
      const now = board();
      // A newer outcome (a tap, another recovery) or another screen has the last word.
      if (now?.outcome !== failed) return;
      if (status === 'authorized') {
        const authorized = { kind: 'authorized', prompted: false } as const;
        // On the Global tab the rows stay; the friend board is there when the player switches back.
        if (now.tab === 'friends') open('friends', authorized, now.returnTo);
        else screens.replace({ ...now, outcome: authorized });
      } else if (status === 'not-granted') {
        // The prompt waits for the Friends tab: the switch back asks again (switchTab).
        if (now.tab === 'friends') void retryAuthorization();
      } else retryLater();
    });
  };

  /** The alternative's second button: another try, or the settings page after a refusal. */
  const retryAuthorization = async (): Promise<void> => {
    const current = board();
    if (!current || current.retrying) return;
    screens.replace({ ...current, retrying: true });
    // The explanation may replace this screen meanwhile; a fresh board screen shows the outcome.
    const outcome = await services.friendBoard.retry(current.outcome.kind);
    open('friends', outcome, current.returnTo);
  };

  /**
   * The best the game server has not taken yet, seen once a frame: when the outbox delivers it while the
   * global rows are on screen, they reload (quietly) to show it, and the "isn't here yet" line goes.
   */
  const followUnsent = (unsent: number | null): void => {
    const current = board();
    const delivered = unsentSeen !== null && unsent !== unsentSeen;
    unsentSeen = unsent;
    if (delivered && current?.tab === 'global' && current.global.status === 'ready')
      loadGlobal({ quiet: true });
  };

  return {
    /** "View Friend Leaderboard": the guide's authorization flow, then the board or its alternative. */
    async openFriendBoard(entryPoint: EntryPoint): Promise<void> {
      services.analytics.track({ name: 'leaderboard_button_click', entry_point: entryPoint });
      const from = screens.current();
      if (busy || (from.name !== 'menu' && from.name !== 'results')) return;
      busy = true;
      try {
        const outcome = await services.friendBoard.open();
        // The player started a level while the silent check ran: the board would only interrupt it.
        if (screens.current().name === 'play') return;
        open('friends', outcome, from);
      } finally {
        busy = false;
      }
    },

    retryAuthorization,

    switchTab(tab: BoardTab): void {
      const current = board();
      if (!current || current.tab === tab) return;
      services.analytics.track({ name: 'board_toggle', to: tab });
      screens.replace({ ...current, tab });
      enterTab();
      // Back on Friends while TikTok had not answered: ask now rather than wait out the backoff.
      if (tab === 'friends' && current.outcome.kind === 'failed') recover();
    },

    loadGlobal,

    recover,

    followUnsent,

    /** Back to the screen the board was opened from. */
    close(): void {
      const current = board();
      stopRetrying();
      if (current) screens.go(current.returnTo);
    },

    /** The board left the screen some other way: no retries for a board nobody sees. */
    left: stopRetrying,
  };
}

export type BoardFlow = ReturnType<typeof createBoardFlow>;
