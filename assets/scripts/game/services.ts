/**
 * Wires the game-domain services together for an edition (Canvas 2D or Cocos). An edition creates this
 * once at launch with the platform wrapper, calls `start()`, and from then on only talks to the
 * services: it never calls the platform for leaderboard matters itself.
 */
import type { RunRecord } from '../core/index';
import type { GamePlatform } from '../platform/index';
import { type Analytics, createAnalytics } from './analytics';
import { type BestScoreSaver, createBestScoreSaver, type LevelEndOutcome, type Scheduler } from './bestScore';
import { type ContextSurface, createContextSurface } from './contextSurface';
import { createFriendBoardFlow, type FriendBoardFlow } from './friendBoard';
import { createInvites, type Invites } from './invites';
import { type LaunchIntent, parseLaunchQuery } from './launchQuery';
import { createServerClient, type RunVerdict, type ServerClient } from './serverClient';

export const ANALYTICS_FLUSH_MS = 3_000;

export interface GameServicesOptions {
  platform: GamePlatform;
  scheduler: Scheduler;
  /** Shows the edition's "why we ask" explanation; resolves true to go on to the platform prompt. */
  explainAuthorization: () => Promise<boolean>;
  baseUrl?: string;
  now?: () => number;
}

export interface GameServices {
  readonly server: ServerClient;
  readonly saver: BestScoreSaver;
  readonly analytics: Analytics;
  readonly friendBoard: FriendBoardFlow;
  readonly surface: ContextSurface;
  readonly invites: Invites;
  /** How this launch began: a challenge card, the test mode. A warm start from a card replaces it. */
  launch(): LaunchIntent;
  /** `onShow`'s query: a card opened while the game was in the background brings a new challenge. */
  acceptLaunchQuery(query: unknown): void;
  /** The player's public name, known after authorization (from the server), else null. */
  displayName(): string | null;
  /** Silent login and session, resumes a pending best; the player can play before it settles. */
  start(): Promise<void>;
  /** Records a finished level: new best bookkeeping now, cloud save and server submission behind. */
  finishLevel(run: RunRecord, achievedAt: number): LevelEndOutcome & { verdict: Promise<RunVerdict | null> };
  /** The game went to the background. */
  pause(): void;
  /** The game came back. */
  resume(): void;
}

export function createGameServices(options: GameServicesOptions): GameServices {
  const { platform, scheduler } = options;
  const now = options.now ?? Date.now;
  const server = createServerClient(platform, { baseUrl: options.baseUrl, now });
  const analytics = createAnalytics({ platform, sendToServer: (events) => server.sendEvents(events), now });
  const surface = createContextSurface(platform);
  const saver = createBestScoreSaver(platform, scheduler, ({ best, previousBest }) => {
    surface.scoreSaved({ score: best.score, previousBest, level: best.level, achievedAt: best.achievedAt });
  });
  let displayName: string | null = null;
  const friendBoard = createFriendBoardFlow({
    platform,
    explain: options.explainAuthorization,
    onAuthorizationCode: (code) => {
      server
        .profile(code)
        .then((profile) => {
          displayName = profile.displayName;
        })
        .catch(() => {
          // The name is a nicety for invites; the board works without it.
        });
    },
  });
  const invites = createInvites(platform, analytics);
  let launchQuery: unknown;
  try {
    launchQuery = platform.getLaunchOptions().query;
  } catch {
    launchQuery = undefined;
  }
  let launch = parseLaunchQuery(launchQuery);
  let flushTimer: unknown = null;
  let foreground = false;
  const scheduleAnalyticsFlush = (): void => {
    if (!foreground || flushTimer !== null) return;
    flushTimer = scheduler.setTimeout(() => {
      flushTimer = null;
      void analytics.flush().finally(scheduleAnalyticsFlush);
    }, ANALYTICS_FLUSH_MS);
  };

  return {
    server,
    saver,
    analytics,
    friendBoard,
    surface,
    invites,
    launch: () => launch,
    acceptLaunchQuery(query) {
      const next = parseLaunchQuery(query);
      if (next.challenge) launch = { ...launch, challenge: next.challenge };
    },
    displayName: () => displayName,

    async start() {
      void saver.resume();
      foreground = true;
      scheduleAnalyticsFlush();
      if (!(await server.ensureSession())) return;
      const serverBest = await server.playerBest().catch(() => null);
      if (serverBest !== null) saver.noteServerBest(serverBest);
    },

    finishLevel(run, achievedAt) {
      const outcome = saver.recordLevelEnd({ score: run.claimedScore, level: run.level, achievedAt });
      const verdict = server
        .submitRun(run)
        .then((answer) => {
          saver.noteServerBest(answer.best);
          return answer;
        })
        .catch(() => null);
      return { ...outcome, verdict };
    },

    pause() {
      foreground = false;
      if (flushTimer !== null) scheduler.clearTimeout(flushTimer);
      flushTimer = null;
      void analytics.flush();
    },

    resume() {
      void saver.resume();
      foreground = true;
      scheduleAnalyticsFlush();
    },
  };
}
