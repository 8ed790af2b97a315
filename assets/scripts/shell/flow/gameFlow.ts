/**
 * The leaderboard flow, once for both editions: which screen is on, what each button does, and every
 * decision between a level's end and a friend's challenge (saving, the friend board's authorization,
 * the global board, invites, the analytics funnel). Editions render `content()` and forward taps as
 * actions; they decide nothing. Engine-free and unit-tested without an engine.
 */
import type { AreaSize, GameDefinition, PlayPointerPhase } from '../../games/contract';
import type { SurfaceView } from '../../social/protocol';
import type { EntryPoint } from '../analytics';
import { deliveryText } from '../boardCopy';
import type { ShareOutcome } from '../invites';
import type { LevelProgress } from '../levelProgress';
import type { OutboxScheduler } from '../runOutbox';
import { type ScreenContent, screenContent } from '../screens/index';
import type { GameServices } from '../services';
import type { TestMode } from '../testMode';
import type { FlowAction } from './actions';
import { createBoardFlow } from './boardFlow';
import { createPlayLoop, type PlayLoop } from './playLoop';
import type { FinishedLevel, FlowScreen } from './screens';

export const TOAST_MS = 2_500;

export interface GameFlowDeps {
  game: GameDefinition;
  services: GameServices;
  progress: LevelProgress;
  testMode: TestMode;
  /** For the boards' retries after a failure. */
  timers: OutboxScheduler;
  now?: () => number;
}

/** Who the open data context draws for: it marks "you" and may read friends only when authorized. */
export interface Audience {
  readonly openId: string | null;
  readonly authorized: boolean;
}

export function createGameFlow({ game, services, progress, testMode, timers, now = Date.now }: GameFlowDeps) {
  let screen: FlowScreen = { name: 'menu', selectedLevel: progress.unlockedLevel() };
  let selectedLevel = progress.unlockedLevel();
  let playLoop: PlayLoop | null = null;
  let lastResult: FinishedLevel | null = null;
  let toast: { text: string; until: number } | null = null;
  let deliveryShown: string | null = null;
  let answerConsent: ((goOn: boolean) => void) | null = null;
  /** A share sheet or picker is open: a second tap opens no second one. */
  let sharing = false;
  const listeners = new Set<() => void>();

  const notify = (): void => {
    for (const listener of listeners) listener();
  };

  /** Replaces the screen without entering it anew (the same screen with new data). */
  const replace = (next: FlowScreen): void => {
    screen = next;
    notify();
  };

  /** Enters a screen: what a player newly sees is counted (the guide's exposure metrics). */
  const go = (next: FlowScreen): void => {
    if (next.name !== 'leaderboard') boards.left();
    screen = next;
    if (next.name === 'menu' || next.name === 'results') {
      const entryPoint: EntryPoint = next.name === 'menu' ? 'main_menu' : 'results';
      services.analytics.track({ name: 'leaderboard_button_exposure', entry_point: entryPoint });
    }
    if (next.name === 'results') deliveryShown = null;
    notify();
  };

  const showToast = (text: string): void => {
    toast = { text, until: now() + TOAST_MS };
    notify();
  };

  const boards = createBoardFlow(services, { current: () => screen, go, replace }, timers);
  // Back online, or the game server answers again: a board that failed tries again without a tap.
  services.connectivity.onBack(() => boards.recover());

  /**
   * The silent status check; when the player already allowed friend access, the open data context
   * fetches friends and avatars now, so "View Friend Leaderboard" opens a complete board at once.
   */
  const prefetchFriends = async (): Promise<void> => {
    if ((await services.friendBoard.refreshStatus()) === 'authorized') services.surface.prefetch();
  };

  /** One share at a time; its outcome said in a toast. */
  const share = (send: () => Promise<ShareOutcome>, sent: string, notSent: string): void => {
    if (sharing) return;
    sharing = true;
    void send()
      .then((outcome) => showToast(outcome.sent ? sent : notSent))
      .finally(() => {
        sharing = false;
      });
  };

  // Playing.

  const play = (level: number): void => {
    const played = game.startLevel(services.runSeed(testMode.seed), level);
    playLoop = createPlayLoop(played, game.ticksPerSecond, testMode);
    go({ name: 'play', play: played, paused: false });
  };

  const finishLevel = (): void => {
    if (screen.name !== 'play') return;
    const { play: played } = screen;
    const run = played.runRecord();
    // The open data context weighs the score against the stored best; the outbox sends the run.
    const runId = services.finishLevel(run, now());
    const completed = played.status === 'completed';
    if (completed) progress.completeLevel(run.level);
    selectedLevel = completed ? Math.min(run.level + 1, progress.unlockedLevel()) : run.level;
    lastResult = { level: run.level, score: run.claimedScore, completed, runId, summary: played.summary() };
    playLoop = null;
    go({ name: 'results', result: lastResult });
  };

  const setPaused = (paused: boolean): void => {
    if (screen.name !== 'play' || screen.paused === paused) return;
    if (!paused) playLoop?.resume();
    replace({ ...screen, paused });
  };

  const explainAuthorization = (): Promise<boolean> =>
    new Promise((resolve) => {
      answerConsent = (goOn) => {
        answerConsent = null;
        resolve(goOn);
      };
      go({ name: 'consent' });
    });

  const perform = (action: FlowAction): void => {
    switch (action.kind) {
      case 'select-level':
        if (screen.name !== 'menu' || action.level > progress.unlockedLevel()) return;
        selectedLevel = action.level;
        replace({ name: 'menu', selectedLevel });
        return;
      case 'play':
        play(action.level);
        return;
      case 'pause':
        setPaused(true);
        return;
      case 'resume':
        setPaused(false);
        return;
      case 'menu':
        playLoop = null;
        go({ name: 'menu', selectedLevel });
        return;
      case 'friend-board':
        void boards.openFriendBoard(action.entryPoint);
        return;
      case 'invite':
        if (!services.invites.canInvite()) showToast('Invites need a newer TikTok: update the app');
        else share(() => services.inviteFriends(), 'Invite sent!', 'Invite not sent');
        return;
      case 'story':
        share(() => services.invites.shareToStory(), 'Shared to your story!', 'Story not shared');
        return;
      case 'close':
        boards.close();
        return;
      case 'tab':
        boards.switchTab(action.tab);
        return;
      case 'retry-auth':
        void boards.retryAuthorization();
        return;
      case 'retry-global':
        boards.loadGlobal();
        return;
      case 'consent':
        answerConsent?.(action.goOn);
        return;
    }
  };

  return {
    screen: (): FlowScreen => screen,

    /** What the current screen shows: its words, buttons and their actions. Editions lay it out. */
    content: (): ScreenContent =>
      screenContent(screen, {
        game,
        progress,
        greeting: services.launch().challenge,
        delivery: lastResult && screen.name === 'results' ? services.runDelivery(lastResult.runId) : null,
        canOpenSettings: services.friendBoard.canOpenSettings(),
        offline: services.connectivity.offline(),
        unsentBest: services.unsentBest(),
      }),

    perform,

    /** Editions call this on every change of the screen, its data or the toast (to redraw only then). */
    onChange(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    /** Once per display frame: steps a level being played, follows a run's delivery, expires the toast. */
    frame(elapsedMs: number): void {
      if (screen.name === 'play' && !screen.paused && playLoop) {
        playLoop.frame(elapsedMs);
        if (screen.play.status !== 'playing') finishLevel();
      }
      if (screen.name === 'leaderboard') boards.followUnsent(services.unsentBest());
      if (screen.name === 'results') {
        const line = deliveryText(services.runDelivery(screen.result.runId));
        if (line !== deliveryShown) {
          deliveryShown = line;
          notify();
        }
      }
      if (toast && toast.until <= now()) {
        toast = null;
        notify();
      }
    },

    /** The player's pointer over the play area (area units): the game steers, unless the bot plays. */
    playPointer(phase: PlayPointerPhase, x: number, y: number, area: AreaSize): void {
      if (screen.name !== 'play' || screen.paused || testMode.autoplay !== false) return;
      screen.play.pointer(phase, x, y, area);
    },

    toast: (): string | null => (toast && toast.until > now() ? toast.text : null),

    /** The open data context's view this screen shows, or null: edition decide only where it goes. */
    contextView(): SurfaceView | null {
      if (screen.name === 'menu') return 'best';
      if (screen.name === 'results') return 'notice';
      if (screen.name !== 'leaderboard') return null;
      return screen.tab === 'friends' && screen.outcome.kind === 'authorized' ? 'board' : null;
    },

    audience: (): Audience => ({
      openId: services.playerOpenId(),
      authorized: services.friendBoard.isAuthorized(),
    }),

    lastResult: (): FinishedLevel | null => lastResult,

    /** Shown by the friend board flow before the platform's prompt; resolves with the player's choice. */
    explainAuthorization,

    /** Launch: the menu counts as seen; login, the outbox and the silent status check start behind it. */
    start(): void {
      go(screen);
      void services.start().then(prefetchFriends);
    },

    /** The game went to the background: a level pauses, analytics flush. */
    hide(): void {
      setPaused(true);
      services.pause();
    },

    /** Back in the foreground, with `onShow`'s query: a card opened meanwhile brings its challenge. */
    show(query: unknown): void {
      services.resume();
      const before = services.launch().challenge;
      services.acceptLaunchQuery(query);
      if (services.launch().challenge !== before) notify();
      boards.recover();
      void prefetchFriends();
    },
  };
}

export type GameFlow = ReturnType<typeof createGameFlow>;
