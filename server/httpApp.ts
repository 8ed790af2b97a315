import { createServer, type Server } from 'node:http';
import Fastify, { type FastifyInstance } from 'fastify';
import { createAdmission } from './admission/admission';
import { RefusalTally } from './admission/refusalTally';
import { rulesFrom } from './admission/rules';
import { LocalWindowCounter, SharedWindowCounter } from './admission/windowCounter';
import type { SessionTokens } from './auth/sessionToken';
import { replyToClientError, replyToError, replyToFrameworkError, zodValidator } from './errorReplies';
import { capConnectionsPerAddress } from './http/connectionCap';
import { clientAddressResolver, type TrustedProxies } from './http/trustProxy';
import { refuseNonUtf8 } from './http/utf8Only';
import { safeJsonStringify } from './json';
import type { ServerLimits } from './routes/context';
import type { RedisClient } from './storage/redisScript';

/** Where the structured logs go instead of stdout (tests read them). */
export interface LogDestination {
  stream: { write(line: string): void };
}

export interface HttpAppOptions {
  limits: ServerLimits;
  tokens: SessionTokens;
  now: () => number;
  gameOrigin: string;
  trustProxy: TrustedProxies | null;
  logger: boolean | LogDestination;
  rateLimitRedis: RedisClient | null;
}

/** Node's idle timer on a kept-alive socket runs this much past `keepAliveTimeout` (Node 20). */
const NODE_KEEP_ALIVE_BUFFER_MS = 1000;

/**
 * The HTTP side of the server, without routes: Node's server with its timeouts and the connection
 * cap, the admission every request passes before Fastify routes it (headers, CORS, rate limits:
 * admission/), Fastify's JSON-only parsing, validation and error replies.
 */
export function createHttpApp(options: HttpAppOptions): FastifyInstance {
  const { limits } = options;
  const tally = new RefusalTally();
  const admission = createAdmission({
    rules: rulesFrom(limits),
    counter: options.rateLimitRedis
      ? new SharedWindowCounter(options.rateLimitRedis)
      : new LocalWindowCounter(),
    tally,
    tokens: options.tokens,
    clientAddress: clientAddressResolver(options.trustProxy),
    gameOrigin: options.gameOrigin,
    now: options.now,
    refusalDelayMs: limits.refusalDelayMs,
  });
  const trustProxy = options.trustProxy;
  const logger = options.logger;
  const app = Fastify<Server>({
    logger:
      logger === false
        ? false
        : { redact: ['req.headers.authorization'], ...(logger === true ? {} : { stream: logger.stream }) },
    bodyLimit: limits.bodyLimitBytes,
    // For request.ip in the logs; the rate limits read the same setting through the admission.
    trustProxy:
      trustProxy === null
        ? false
        : typeof trustProxy === 'number'
          ? (_address: string, hop: number) => hop < trustProxy
          : [...trustProxy],
    // Node's server is made here so every request meets the admission before Fastify routes it. Its
    // clocks cut off a slow client whatever the route: the whole request (body included) within
    // requestTimeout, headers within headersTimeout, silence (kept-alive sockets too) within the idle
    // timeout.
    serverFactory: (handler) => {
      const server = createServer(
        {
          requestTimeout: limits.requestTimeoutMs,
          headersTimeout: Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs),
          // Node checks those deadlines on this interval (30 s by default, far past a 10 s timeout).
          connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(limits.requestTimeoutMs / 4))),
        },
        (req, res) => admission(req, res, () => handler(req, res)),
      );
      server.setTimeout(limits.idleTimeoutMs);
      server.keepAliveTimeout = Math.max(1, limits.idleTimeoutMs - NODE_KEEP_ALIVE_BUFFER_MS);
      return server;
    },
    clientErrorHandler: replyToClientError,
    frameworkErrors: replyToFrameworkError,
  });
  capConnectionsPerAddress(app.server, limits.connectionsPerAddress, (address) =>
    tally.count('connections', `address:${address}`),
  );

  const logRefusals = () => {
    const summary = tally.take();
    if (summary) app.log.warn(summary, 'requests refused by the rate limits');
  };
  const refusalLog = setInterval(logRefusals, limits.refusalLogIntervalMs);
  refusalLog.unref();
  app.addHook('onClose', async () => {
    clearInterval(refusalLog);
    logRefusals();
  });

  app.decorateRequest('player', null);
  app.addHook('preParsing', refuseNonUtf8);
  // JSON only: a text/plain body would otherwise reach the validators as a string.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(zodValidator);
  app.setReplySerializer((payload) => safeJsonStringify(payload));
  // The admission sets these on every real request; here for answers made without it (inject).
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('cache-control', 'no-store');
    return payload;
  });
  app.setErrorHandler(replyToError);
  // The path is not echoed: whatever a client puts in a URL stays out of the answer.
  app.setNotFoundHandler((_request, reply) =>
    reply.code(404).send({ error: 'not_found', message: 'no such route; see docs/server.md' }),
  );
  return app;
}
