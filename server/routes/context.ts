import type { SessionTokens } from '../auth/sessionToken';
import type { TikTokClient } from '../platform/tiktokClient';
import type { ReplayFn } from '../replay';
import type { ScoreStorage } from '../storage/types';

export interface ServerLimits {
  /** Session token lifetime. */
  sessionTtlMs: number;
  /** Per player. */
  runsPerMinute: number;
  /** Per player. */
  eventsPerMinute: number;
  /** Per client IP: slows down guessing codes. */
  sessionsPerMinute: number;
  /** Any request body. */
  bodyLimitBytes: number;
  /** A run record with its input log. */
  runBodyLimitBytes: number;
  /** A batch of up to 200 analytics events. */
  eventsBodyLimitBytes: number;
}

export const DEFAULT_LIMITS: ServerLimits = {
  sessionTtlMs: 60 * 60 * 1000,
  runsPerMinute: 30,
  eventsPerMinute: 60,
  sessionsPerMinute: 30,
  bodyLimitBytes: 16 * 1024,
  runBodyLimitBytes: 512 * 1024,
  eventsBodyLimitBytes: 64 * 1024,
};

/** What every route handler needs, built once by buildServer. */
export interface ServerContext {
  storage: ScoreStorage;
  platform: TikTokClient;
  tokens: SessionTokens;
  replay: ReplayFn;
  now: () => number;
  limits: ServerLimits;
}
