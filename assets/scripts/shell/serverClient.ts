/**
 * The game server client: silent login turned into a session, then the few calls the game makes.
 * Every answer is validated before use. A failure says why (`ServerProblem`): the platform login, the
 * network, or the server's own answer, so the screens can tell the player the right thing and the run
 * outbox knows what is worth retrying. The game plays on without a session.
 */
import type { RunRecord } from '../games/runRecord';
import { type GamePlatform, requestProblem } from '../platform/index';
import { GAME_SERVER_URL, GAME_ZONE } from './config';
import {
  errorCode,
  type GlobalBoardEntry,
  type IssuedSeeds,
  type Profile,
  parseGlobalBoard,
  parseIssuedSeeds,
  parseProfile,
  parseRunVerdict,
  parseSession,
  type RunVerdict,
  type ServerEvent,
  type ServerSession,
} from './serverAnswers';

export type ServerPlatform = Pick<GamePlatform, 'login' | 'request'>;

/**
 * Why a call gave no answer the game can use, by cause, so each gets its own words:
 * - `offline`: the device has no connection (the runtime said so);
 * - `login`: the platform's silent login failed while the device is online, so the server cannot be
 *   asked who you are;
 * - `unreachable`: the game server did not answer while the device is online: it is down or cut off;
 * - `refused`: the server answered with an error (`status`, when the runtime tells it; TikTok's says only
 *   "server error", 10401);
 * - `unexpected`: the server answered success with a body the game cannot read.
 */
export type ServerProblem = 'offline' | 'login' | 'unreachable' | 'refused' | 'unexpected';

export class ServerError extends Error {
  constructor(
    readonly route: string,
    readonly problem: ServerProblem,
    readonly status: number | null,
    reason: string,
  ) {
    super(`${route} failed: ${reason}`);
    this.name = 'ServerError';
  }

  /** Whether the same request may succeed later: everything but a refusal of the request itself. */
  get retryable(): boolean {
    if (this.problem !== 'refused' || this.status === null) return true;
    return this.status === 401 || this.status === 408 || this.status === 429 || this.status >= 500;
  }
}

/** The problem behind any error a server call rejected with. */
export function serverProblem(error: unknown): ServerProblem {
  return error instanceof ServerError ? error.problem : 'unreachable';
}

export interface ServerClientOptions {
  /** Whether the device said it has no connection; any failure then is the device's, not the server's. */
  deviceOffline?: () => boolean;
  /** Told after every request whether the server answered (any status) or not. */
  onAnswer?: (answered: boolean) => void;
  baseUrl?: string;
  /** The boards' zone (docs/server.md): the build's, so a test build never writes the live boards. */
  zone?: string;
  now?: () => number;
}

export function createServerClient(platform: ServerPlatform, options: ServerClientOptions = {}) {
  const baseUrl = options.baseUrl ?? GAME_SERVER_URL;
  const zone = options.zone ?? GAME_ZONE;
  const now = options.now ?? Date.now;
  const deviceOffline = options.deviceOffline ?? (() => false);
  const onAnswer = options.onAnswer ?? (() => undefined);
  /** A failure as the player should hear it: the device's when it is offline, else the given cause. */
  const failure = (route: string, problem: ServerProblem, status: number | null, reason: string) =>
    new ServerError(route, deviceOffline() ? 'offline' : problem, status, reason);
  let session: ServerSession | null = null;
  let opening: Promise<ServerSession | null> | null = null;
  /** Why the last attempt to open a session failed. */
  let sessionError: ServerError | null = null;

  async function call(route: string, method: 'GET' | 'POST', path: string, data?: unknown): Promise<unknown> {
    const current = await ensureSession();
    if (!current) {
      const why = sessionError ?? failure(route, 'unreachable', null, 'no session');
      throw failure(route, why.problem, why.status, `no session (${why.message})`);
    }
    let answer: Awaited<ReturnType<ServerPlatform['request']>>;
    try {
      answer = await platform.request({
        url: `${baseUrl}${path}`,
        method,
        data,
        header: { Authorization: `Bearer ${current.token}`, 'Content-Type': 'application/json' },
      });
    } catch (error) {
      throw requestFailure(route, error);
    }
    onAnswer(true);
    if (answer.statusCode === 401) session = null;
    if (answer.statusCode < 200 || answer.statusCode >= 300) {
      const reason = `HTTP ${answer.statusCode}${errorCode(answer.data)}`;
      throw new ServerError(route, 'refused', answer.statusCode, reason);
    }
    return answer.data;
  }

  /** Silent login, then `POST /v1/session`. Resolves null when either step fails (offline play). */
  async function openSession(): Promise<ServerSession | null> {
    const route = 'POST /v1/session';
    session = null;
    let code: string;
    try {
      code = (await platform.login()).code;
    } catch (error) {
      const reason = error instanceof Error ? error.message : 'login failed';
      sessionError = failure(route, 'login', null, reason);
      return null;
    }
    try {
      const answer = await platform.request({
        url: `${baseUrl}/v1/session`,
        method: 'POST',
        data: { code },
        header: { 'Content-Type': 'application/json' },
      });
      onAnswer(true);
      if (answer.statusCode !== 200) {
        sessionError = new ServerError(route, 'refused', answer.statusCode, `HTTP ${answer.statusCode}`);
        return null;
      }
      session = parseSession(answer.data);
      sessionError = session ? null : new ServerError(route, 'unexpected', 200, 'unreadable session');
    } catch (error) {
      sessionError = requestFailure(route, error);
    }
    return session;
  }

  /**
   * A request that rejected: on TikTok an answer outside 2xx rejects too (10401, "server error"), and
   * says no status; it may be the 401 of an expired session, so the session is opened anew next time.
   */
  function requestFailure(route: string, error: unknown): ServerError {
    const reason = error instanceof Error ? error.message : 'no answer';
    if (requestProblem(error) === 'server-error') {
      onAnswer(true);
      session = null;
      return new ServerError(route, 'refused', null, reason);
    }
    onAnswer(false);
    return failure(route, 'unreachable', null, reason);
  }

  function ensureSession(): Promise<ServerSession | null> {
    if (session && session.expiresAt > now() + 5_000) return Promise.resolve(session);
    opening ??= openSession().finally(() => {
      opening = null;
    });
    return opening;
  }

  /** The global board around the player (their own row included when they have one). */
  async function globalBoard(limit = 20): Promise<GlobalBoardEntry[]> {
    const path = `/v1/leaderboards/global?zone=${zone}&limit=${limit}&around=me`;
    const entries = parseGlobalBoard(await call('GET /v1/leaderboards/global', 'GET', path));
    if (!entries)
      throw new ServerError('GET /v1/leaderboards/global', 'unexpected', 200, 'unexpected answer');
    return entries;
  }

  return {
    /** The current session, or null while offline. */
    session: (): ServerSession | null => session,
    ensureSession,

    async submitRun(run: RunRecord): Promise<RunVerdict> {
      const verdict = parseRunVerdict(await call('POST /v1/runs', 'POST', '/v1/runs', { zone, run }));
      if (!verdict) throw new ServerError('POST /v1/runs', 'unexpected', 200, 'unexpected answer');
      return verdict;
    },

    /**
     * A run played on a seed the device drew itself (no issued seed was at hand): the server issues the
     * seed on arrival and counts it once, within a small daily budget (docs/server.md, "Offline runs").
     */
    async submitOfflineRun(run: RunRecord): Promise<RunVerdict> {
      const body = { zone, run };
      const verdict = parseRunVerdict(await call('POST /v1/runs/offline', 'POST', '/v1/runs/offline', body));
      if (!verdict) throw new ServerError('POST /v1/runs/offline', 'unexpected', 200, 'unexpected answer');
      return verdict;
    },

    /** Fresh run seeds for this player, to keep ahead (shell/seedStock.ts). */
    async fetchSeeds(count: number): Promise<IssuedSeeds> {
      const issued = parseIssuedSeeds(await call('POST /v1/seeds', 'POST', '/v1/seeds', { count }));
      if (!issued) throw new ServerError('POST /v1/seeds', 'unexpected', 200, 'unexpected answer');
      return issued;
    },

    /**
     * Test mode only (`seed=n`): asks a development server to issue the chosen seed, before a run played
     * with it is submitted. A production server has no such route and answers 404: the run is refused.
     */
    async chooseSeed(seed: number): Promise<void> {
      const issued = parseIssuedSeeds(await call('POST /v1/dev/seeds', 'POST', '/v1/dev/seeds', { seed }));
      if (!issued?.seeds.includes(seed)) {
        throw new ServerError('POST /v1/dev/seeds', 'unexpected', 200, 'the chosen seed was not issued');
      }
    },

    globalBoard,

    /** The player's own best on the global board, or null when they have none there. */
    async playerBest(): Promise<number | null> {
      const entries = await globalBoard(1);
      const openId = session?.openId;
      return entries.find((entry) => entry.openId === openId)?.score ?? null;
    },

    /** Exchanges an `authorizeOpenContext` code for the player's public profile. */
    async profile(code: string): Promise<Profile> {
      const body = await call('POST /v1/profile', 'POST', '/v1/profile', { code });
      const profile = parseProfile(body);
      if (!profile) throw new ServerError('POST /v1/profile', 'unexpected', 200, 'unexpected answer');
      return profile;
    },

    async sendEvents(events: readonly ServerEvent[]): Promise<void> {
      await call('POST /v1/events', 'POST', '/v1/events', { events });
    },
  };
}

export type ServerClient = ReturnType<typeof createServerClient>;
