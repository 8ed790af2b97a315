/**
 * Wires the game-domain services together for an edition (Canvas 2D or Cocos). An edition creates this
 * once at launch with the platform wrapper, calls `start()`, and from then on only talks to the
 * services: it never calls the platform for leaderboard matters itself.
 */
import type { GameDefinition } from '../games/contract';
import type { RunRecord } from '../games/runRecord';
import type { GamePlatform } from '../platform/index';
import { type Analytics, createAnalytics } from './analytics';
import { storageKeys } from './config';
import { type Connectivity, createConnectivity } from './connectivity';
import { type ContextSurface, createContextSurface } from './contextSurface';
import { createFriendBoardFlow, type FriendBoardFlow } from './friendBoard';
import { createInvites, type Invites, type ShareOutcome } from './invites';
import { type LaunchIntent, parseLaunchQuery } from './launchQuery';
import {
  createRunOutbox,
  type OutboxScheduler,
  type RunDelivery,
  type RunOutbox,
  type SeedSource,
} from './runOutbox';
import { createSeedStock } from './seedStock';
import { createServerClient, type ServerClient } from './serverClient';

export const ANALYTICS_FLUSH_MS = 3_000;

export interface GameServicesOptions {
  platform: GamePlatform;
  /** The game the shell runs (games/registered.ts): its storage prefix, run rules, words and limit. */
  game: GameDefinition;
  scheduler: OutboxScheduler;
  /** Shows the edition's "why we ask" explanation; resolves true to go on to the platform prompt. */
  explainAuthorization: () => Promise<boolean>;
  baseUrl?: string;
  now?: () => number;
}

export interface GameServices {
  readonly server: ServerClient;
  /** The device's connection and the server's answers: failures by cause, and recovery. */
  readonly connectivity: Connectivity;
  readonly outbox: RunOutbox;
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
  /**
   * The player's open id: the server session's, else the last session's on this device (local storage is
   * per player), else null. The open data context needs it to tell your row from your friends'.
   */
  playerOpenId(): string | null;
  /**
   * The best this game domain knows of (this device's runs, the server's verified best), for the invite
   * card. The cloud best, which may be higher, only the open data context can read.
   */
  knownBest(): number | null;
  /** The best score among runs waiting in the outbox (not yet taken by the game server), or null. */
  unsentBest(): number | null;
  /** "Invite friends": the platform's contact picker with a card naming you and your best to beat. */
  inviteFriends(): Promise<ShareOutcome>;
  /** Silent login and session, then sends what the outbox holds; the player can play before it settles. */
  start(): Promise<void>;
  /**
   * The seed to start a level with: the test mode's `chosen` seed, else one the server issued (fetched
   * ahead), else one drawn on the device, whose run goes as an offline run (docs/game.md, "Run seeds").
   */
  runSeed(chosen: number | null): number;
  /**
   * Records a finished level: the open data context weighs the score against the stored best, the outbox
   * sends the run to the server. Returns the run's id, to follow its delivery.
   */
  finishLevel(run: RunRecord, achievedAt: number): string;
  /** Where a run of this session stands on its way to the server. */
  runDelivery(runId: string): RunDelivery | null;
  /** The game went to the background. */
  pause(): void;
  /** The game came back. */
  resume(): void;
}

export function createGameServices(options: GameServicesOptions): GameServices {
  const { platform, scheduler, game } = options;
  const keys = storageKeys(game.info.storagePrefix);
  const now = options.now ?? Date.now;
  const connectivity = createConnectivity(platform);
  const server = createServerClient(platform, {
    baseUrl: options.baseUrl,
    now,
    deviceOffline: connectivity.offline,
    onAnswer: connectivity.noteServer,
  });
  const analytics = createAnalytics({ platform, sendToServer: (events) => server.sendEvents(events), now });
  const surface = createContextSurface(platform);
  let serverBest: number | null = null;
  const noteServerBest = (best: number): void => {
    if (serverBest === null || best > serverBest) serverBest = best;
  };
  const outbox = createRunOutbox({
    storage: platform,
    storageKey: keys.outbox,
    rules: game,
    scheduler,
    submit: async (run, seedFrom) => {
      if (seedFrom === 'test') await server.chooseSeed(run.seed);
      return seedFrom === 'offline' ? server.submitOfflineRun(run) : server.submitRun(run);
    },
    onVerdict: (verdict) => noteServerBest(verdict.best),
  });
  const seeds = createSeedStock({
    storage: platform,
    storageKey: keys.seeds,
    fetchSeeds: (count) => server.fetchSeeds(count),
    sessionOpenId: () => server.session()?.openId ?? null,
    now,
  });
  /** Where the seeds of levels being played came from, to tell a finished run's source. */
  const seedSources = new Map<number, SeedSource>();
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
  const invites = createInvites(platform, analytics, game.info.words);
  let launchQuery: unknown;
  try {
    launchQuery = platform.getLaunchOptions().query;
  } catch {
    launchQuery = undefined;
  }
  let launch = parseLaunchQuery(launchQuery, game.info.scoreLimit);
  let flushTimer: unknown = null;
  let foreground = false;
  const scheduleAnalyticsFlush = (): void => {
    if (!foreground || flushTimer !== null) return;
    flushTimer = scheduler.setTimeout(() => {
      flushTimer = null;
      void analytics.flush().finally(scheduleAnalyticsFlush);
    }, ANALYTICS_FLUSH_MS);
  };
  /** Whatever the last session left unsent goes out again: runs to the server, the best to the context. */
  const resend = (): void => {
    const best = outbox.deviceBest();
    if (best !== null) surface.resumeBest(best);
    void outbox.drain();
    void seeds.refill();
  };

  // Screens ask every frame: once an id is known, local storage is touched only when it changes.
  let remembered: string | null = null;
  function playerOpenId(): string | null {
    const current = server.session()?.openId ?? null;
    try {
      remembered ??= platform.readStorage(keys.openId);
      if (current !== null && current !== remembered) {
        remembered = current;
        platform.writeStorage(keys.openId, current);
      }
    } catch {
      // Without local storage only a live session says who you are.
    }
    return current ?? remembered;
  }

  function knownBest(): number | null {
    const device = outbox.deviceBest()?.score ?? null;
    if (device === null) return serverBest;
    return serverBest === null ? device : Math.max(device, serverBest);
  }

  // Back online, or the server answers again: what waited goes out without a tap.
  connectivity.onBack(() => {
    if (foreground) resend();
  });

  return {
    server,
    connectivity,
    outbox,
    analytics,
    friendBoard,
    surface,
    invites,
    launch: () => launch,
    acceptLaunchQuery(query) {
      const next = parseLaunchQuery(query, game.info.scoreLimit);
      if (next.challenge) launch = { ...launch, challenge: next.challenge };
    },
    displayName: () => displayName,
    playerOpenId,
    knownBest,
    unsentBest: () =>
      outbox.pending().reduce<number | null>((best, { run }) => Math.max(best ?? 0, run.claimedScore), null),
    inviteFriends() {
      return invites.inviteFriends({ displayName, openId: playerOpenId(), best: knownBest() });
    },

    async start() {
      foreground = true;
      scheduleAnalyticsFlush();
      resend();
      if (!(await server.ensureSession())) return;
      // A session may have just opened (resend's refill found none): the stock waits no longer.
      void seeds.refill();
      const best = await server.playerBest().catch(() => null);
      if (best !== null) noteServerBest(best);
    },

    runSeed(chosen) {
      if (chosen !== null) {
        seedSources.set(chosen, 'test');
        return chosen;
      }
      const issued = seeds.take(playerOpenId());
      if (issued !== null) {
        seedSources.set(issued, 'server');
        return issued;
      }
      return (Math.floor(Math.random() * 0x100000000) ^ now()) >>> 0;
    },

    finishLevel(run, achievedAt) {
      const seedFrom = seedSources.get(run.seed) ?? 'offline';
      // A server seed counts once; a test seed replays level after level.
      if (seedFrom === 'server') seedSources.delete(run.seed);
      const runId = outbox.add(run, achievedAt, seedFrom);
      void seeds.refill();
      surface.levelEnded(runId, { score: run.claimedScore, level: run.level, achievedAt });
      return runId;
    },

    runDelivery: (runId) => outbox.delivery(runId),

    pause() {
      foreground = false;
      if (flushTimer !== null) scheduler.clearTimeout(flushTimer);
      flushTimer = null;
      void analytics.flush();
    },

    resume() {
      foreground = true;
      scheduleAnalyticsFlush();
      resend();
    },
  };
}
