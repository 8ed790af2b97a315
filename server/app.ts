import type { FastifyInstance } from 'fastify';
import { SessionTokens } from './auth/sessionToken';
import type { TrustedProxies } from './http/trustProxy';
import { createHttpApp, type LogDestination } from './httpApp';
import { type BoardSettings, Boards } from './leaderboards/boards';
import { type PlatformConfig, TikTokClient } from './platform/tiktokClient';
import type { ReplayFn } from './replay';
import { DEFAULT_LIMITS, type ServerContext, type ServerLimits } from './routes/context';
import { registerEventRoutes } from './routes/events';
import { registerHealthRoutes } from './routes/health';
import { registerLeaderboardRoutes } from './routes/leaderboards';
import { registerProfileRoutes } from './routes/profile';
import { registerRunRoutes } from './routes/runs';
import { registerSeedRoutes } from './routes/seeds';
import { registerSessionRoutes } from './routes/session';
import { RunSeeds, type RunSeedsOptions } from './seeds/runSeeds';
import { guardStorage } from './storage/guarded';
import type { RedisClient } from './storage/redisScript';
import type { ScoreStorage } from './storage/types';

export type { ReplayFn } from './replay';
export type { ServerLimits } from './routes/context';
export type { ScoreStorage } from './storage/types';

export interface BuildServerOptions {
  storage: ScoreStorage;
  platform: PlatformConfig;
  /** Signs session tokens; at least 32 characters. */
  sessionSecret: string;
  /** The only origin allowed by CORS: the game frame's. */
  gameOrigin: string;
  replay: ReplayFn;
  now?: () => number;
  /** Structured logs (pino): on (stdout), off, or to a stream of your own. */
  logger?: boolean | LogDestination;
  limits?: Partial<ServerLimits>;
  /** Share rate-limit counters between server processes (use with the Redis storage). */
  rateLimitRedis?: RedisClient;
  /**
   * Behind load balancers, take the client address from X-Forwarded-For, believing exactly this many
   * hops or these proxy addresses (see http/trustProxy.ts); otherwise every player shares the
   * balancer's address and its per-IP limits.
   */
  trustProxy?: TrustedProxies | null;
  /** Extra zones and the time zone of the period resets (default: `default` and `test`, UTC). */
  boards?: BoardSettings;
  /**
   * Run seeds (docs/server.md, "Run seeds"): runs are accepted only with a seed issued to the player,
   * once. Leave it out only in tests of other routes: then any seed is accepted and copied runs with it.
   * startGameServer always sets it.
   */
  seeds?: RunSeedsOptions;
}

export function buildServer(options: BuildServerOptions): FastifyInstance {
  const limits: ServerLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const now = options.now ?? Date.now;
  const storage = guardStorage(options.storage);
  const context: ServerContext = {
    storage,
    platform: new TikTokClient({
      ...options.platform,
      responseLimitBytes: options.platform.responseLimitBytes ?? limits.platformResponseLimitBytes,
    }),
    tokens: new SessionTokens(options.sessionSecret, limits.sessionTtlMs, now),
    replay: options.replay,
    now,
    limits,
    boards: new Boards(options.boards),
  };

  const seeds = options.seeds ? new RunSeeds(options.seeds) : null;

  const app = createHttpApp({
    limits,
    tokens: context.tokens,
    now,
    gameOrigin: options.gameOrigin,
    trustProxy: options.trustProxy ?? null,
    logger: options.logger ?? false,
    rateLimitRedis: options.rateLimitRedis ?? null,
  });
  // Inside a plugin so the routes inherit everything set on the instance above.
  app.register(async (api) => {
    registerHealthRoutes(api, storage, seeds);
    registerSessionRoutes(api, context);
    registerProfileRoutes(api, context);
    registerRunRoutes(api, context, seeds);
    if (seeds) registerSeedRoutes(api, context, seeds);
    registerLeaderboardRoutes(api, context);
    registerEventRoutes(api, context);
  });
  return app;
}
