import type { SessionTokens } from '../auth/sessionToken';
import type { Boards } from '../leaderboards/boards';
import { MAX_SCORE } from '../leaderboards/order';
import type { TikTokClient } from '../platform/tiktokClient';
import type { ReplayFn } from '../replay';
import type { ScoreStorage } from '../storage/types';
import { MAX_RUN_BODY_BYTES } from './runBodyLimit';

export interface ServerLimits {
  /**
   * The game's score limit: a run claiming more is refused before its replay. startGameServer sets the
   * registered game's; the default is the most the boards can order (leaderboards/order.ts).
   */
  scoreLimit: number;
  /** Session token lifetime. */
  sessionTtlMs: number;
  /** Per player. */
  runsPerMinute: number;
  /**
   * Per player, per day: runs on a seed the device drew itself (POST /v1/runs/offline). Each lets a
   * modified client pick its seed, so the budget is small (docs/server.md, "Offline runs").
   */
  offlineRunsPerDay: number;
  /** Per player. */
  eventsPerMinute: number;
  /** Per player: each one costs two platform calls. */
  profilesPerMinute: number;
  /** Per player: a game fetches seeds at start and after runs, a few at a time. */
  seedsPerMinute: number;
  /** Per client address (there is no session yet): slows down guessing codes. */
  sessionsPerMinute: number;
  /** Board reads per player (per client address without a session) in each `readWindowMs`. */
  readsPerWindow: number;
  readWindowMs: number;
  /** Per player or client address, for every other route (health, unknown paths). */
  otherPerMinute: number;
  /** How often the count of refused requests is logged (one line, only when there were some). */
  refusalLogIntervalMs: number;
  /**
   * A refusal (429) is answered after this long: a client flooding over one connection then sends at
   * most 1000 / this requests a second on it, and a refused client waits for Retry-After anyway.
   */
  refusalDelayMs: number;
  /** Any request body. */
  bodyLimitBytes: number;
  /** A run record with its input log: the longest valid one, derived from the core's limits. */
  runBodyLimitBytes: number;
  /** A batch of up to 200 analytics events. */
  eventsBodyLimitBytes: number;
  /** A platform answer (token, user info) larger than this is refused before it is parsed. */
  platformResponseLimitBytes: number;
  /** Headers must arrive within this; a slow-headers client is cut off. */
  headersTimeoutMs: number;
  /** The whole request, body included, must arrive within this; a slow-body client gets 408 and is cut off. */
  requestTimeoutMs: number;
  /** A connection silent this long is closed, between requests (keep-alive) as before the first. */
  idleTimeoutMs: number;
  /** Open connections from one socket address; 0 = no cap (behind a proxy every socket is the proxy's). */
  connectionsPerAddress: number;
}

export const DEFAULT_LIMITS: ServerLimits = {
  scoreLimit: MAX_SCORE,
  sessionTtlMs: 60 * 60 * 1000,
  runsPerMinute: 30,
  offlineRunsPerDay: 5,
  eventsPerMinute: 60,
  profilesPerMinute: 10,
  seedsPerMinute: 20,
  sessionsPerMinute: 30,
  // A game reads a few boards per screen; CI's e2e journeys (one player at a time) read well under this.
  readsPerWindow: 30,
  readWindowMs: 10_000,
  otherPerMinute: 120,
  refusalLogIntervalMs: 60_000,
  refusalDelayMs: 100,
  bodyLimitBytes: 16 * 1024,
  runBodyLimitBytes: MAX_RUN_BODY_BYTES,
  eventsBodyLimitBytes: 64 * 1024,
  platformResponseLimitBytes: 64 * 1024,
  headersTimeoutMs: 5_000,
  requestTimeoutMs: 10_000,
  idleTimeoutMs: 30_000,
  connectionsPerAddress: 64,
};

/** What every route handler needs, built once by buildServer. */
export interface ServerContext {
  storage: ScoreStorage;
  platform: TikTokClient;
  tokens: SessionTokens;
  replay: ReplayFn;
  now: () => number;
  limits: ServerLimits;
  /** The configured zones and the calendar of the period boards. */
  boards: Boards;
}
