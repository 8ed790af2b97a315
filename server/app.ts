import type { Server } from 'node:http';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import type { ZodType } from 'zod';
import { SessionTokens } from './auth/sessionToken';
import { capConnectionsPerAddress } from './http/connectionCap';
import type { TrustedProxies } from './http/trustProxy';
import { refuseNonUtf8 } from './http/utf8Only';
import { safeJsonStringify } from './json';
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
import { RETRY_AFTER_SECONDS } from './routes/storageErrors';
import { RunSeeds, type RunSeedsOptions } from './seeds/runSeeds';
import { guardStorage, StorageUnavailableError } from './storage/guarded';
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
  logger?: boolean;
  limits?: Partial<ServerLimits>;
  /** Share rate-limit counters between server processes (use with the Redis storage). */
  rateLimitRedis?: Redis;
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

/** Fastify answers these with its own codes; the API names them in its own words. */
const FRAMEWORK_ERRORS: Record<string, { status: number; error: string }> = {
  FST_ERR_VALIDATION: { status: 400, error: 'invalid_request' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, error: 'invalid_json' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, error: 'invalid_json' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, error: 'body_too_large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, error: 'unsupported_media_type' },
};

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

  const trustProxy = options.trustProxy ?? null;
  const app = Fastify<Server>({
    logger: options.logger ? { redact: ['req.headers.authorization'] } : false,
    bodyLimit: limits.bodyLimitBytes,
    // A hop count as a function: the hop-th address from the socket is the first one not believed.
    trustProxy:
      trustProxy === null
        ? false
        : typeof trustProxy === 'number'
          ? (_address: string, hop: number) => hop < trustProxy
          : [...trustProxy],
    // Node's own clocks, so a slow client is cut off whatever route it is on: the whole request (body
    // included) within requestTimeout, headers within headersTimeout, silence within the idle timeout.
    requestTimeout: limits.requestTimeoutMs,
    connectionTimeout: limits.idleTimeoutMs,
    http: {
      headersTimeout: Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs),
      // Node checks those deadlines on this interval (30 s by default, far past a 10 s timeout).
      connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(limits.requestTimeoutMs / 4))),
    },
  });
  capConnectionsPerAddress(app.server, limits.connectionsPerAddress);
  app.decorateRequest('player', null);
  app.addHook('preParsing', refuseNonUtf8);
  // JSON only: a text/plain body would otherwise reach the validators as a string.
  app.removeContentTypeParser('text/plain');

  // Route schemas are zod schemas; the parsed value (with defaults and coercions) replaces the input.
  app.setValidatorCompiler(({ schema }) => (data) => {
    const result = (schema as ZodType).safeParse(data);
    if (result.success) return { value: result.data };
    const message = result.error.issues
      .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`)
      .join('; ');
    return { error: new Error(message) };
  });
  app.setReplySerializer((payload) => safeJsonStringify(payload));

  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('cache-control', 'no-store');
    return payload;
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof StorageUnavailableError) {
      request.log.error({ err: error }, 'storage unavailable');
      return reply
        .code(503)
        .header('retry-after', String(RETRY_AFTER_SECONDS))
        .send({
          error: 'storage_unavailable',
          message: `the store is unavailable; retry in ${RETRY_AFTER_SECONDS} s`,
        });
    }
    const known = FRAMEWORK_ERRORS[error.code];
    const status = known?.status ?? error.statusCode ?? 500;
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed');
      return reply.code(500).send({ error: 'internal_error', message: 'the server failed; retry later' });
    }
    const code =
      known?.error ?? (status === 429 ? 'rate_limited' : String(error.code ?? 'bad_request').toLowerCase());
    return reply.code(status).send({ error: code, message: error.message });
  });
  // The path is not echoed: whatever a client puts in a URL stays out of the answer.
  app.setNotFoundHandler((_request, reply) =>
    reply.code(404).send({ error: 'not_found', message: 'no such route; see docs/server.md' }),
  );

  app.register(cors, {
    origin: [options.gameOrigin],
    methods: ['GET', 'POST'],
    allowedHeaders: ['Content-Type', 'Authorization'],
    maxAge: 600,
  });
  app.register(rateLimit, {
    // Every route is limited, before its body is read: a limited client costs a header parse, not a
    // JSON parse. Routes with a session hook (runs, events, profile) count per player, since
    // requirePlayer runs first among the onRequest hooks; everything else per client address.
    global: true,
    hook: 'onRequest',
    max: limits.otherPerMinute,
    timeWindow: 60_000,
    keyGenerator: (request) => request.player?.openId ?? request.ip,
    ...(options.rateLimitRedis ? { redis: options.rateLimitRedis } : {}),
    // With Redis down the counters cannot be read: let the request through to the storage call, which
    // answers 503 with Retry-After, rather than failing it here with a 500.
    skipOnError: true,
    errorResponseBuilder: (_request, limit) => ({
      statusCode: 429,
      code: 'rate_limited',
      message: `rate limit of ${limit.max} requests reached; retry in ${limit.after}`,
    }),
  });
  // Inside a plugin so the routes are added after rate-limit is loaded and its hooks apply to them.
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
