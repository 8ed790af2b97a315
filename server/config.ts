import { parseTrustProxy, type TrustedProxies } from './http/trustProxy';
import { assertTimeZone } from './leaderboards/calendar';
import { parseZoneList, zoneList } from './leaderboards/zones';
import type { ServerLimits } from './routes/context';

/** Everything a running game server needs; built from options first, then the environment. */
export interface GameServerConfig {
  port: number;
  host: string;
  gameOrigin: string;
  apiBase: string;
  clientKey: string;
  clientSecret: string;
  sessionSecret: string;
  dataDir: string;
  redisUrl: string | null;
  /** REDIS_CLUSTER=1: REDIS_URL names a node of a Redis Cluster (docs/server.md, "Redis Cluster"). */
  redisCluster: boolean;
  /** TRUST_PROXY: hops or proxy ranges whose X-Forwarded-For is believed; null = none. */
  trustProxy: TrustedProxies | null;
  /** MAX_STORED_EVENTS: analytics events kept (newest), in either backend. */
  maxEvents: number;
  logger: boolean;
  limits: Partial<ServerLimits>;
  /**
   * UNSAFE_DEV_SEEDS=1, or tools/dev.ts: players may choose their run seeds (POST /v1/dev/seeds), for
   * repeatable e2e tests. Unsafe in production (a player could replay a known level); refused there.
   */
  devSeeds: boolean;
  /** BOARD_ZONES: zones beside `default` and `test` (comma-separated in the environment). */
  zones: string[];
  /** RESET_TIME_ZONE: IANA name of the zone whose midnights reset the daily, weekly and monthly boards. */
  resetTimeZone: string;
}

export type GameServerOptions = Partial<Omit<GameServerConfig, 'redisUrl' | 'trustProxy'>> & {
  redisUrl?: string | null;
  trustProxy?: TrustedProxies | null;
};

/** Non-negative integer settings from the environment, refused loudly when they are not numbers. */
function countFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, not "${raw}"`);
  return value;
}

/** An on/off setting: 1 or 0 (unset or empty is off); anything else is refused, not guessed. */
function switchFrom(env: NodeJS.ProcessEnv, name: string): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '' || raw === '0') return false;
  if (raw === '1') return true;
  throw new Error(`${name} must be 1 or 0, not "${raw}"`);
}

/** IDLE_TIMEOUT_MS: at least a second (Node keeps an idle kept-alive socket a second past its timeout). */
function idleTimeoutFrom(env: NodeJS.ProcessEnv): number {
  const value = countFrom(env, 'IDLE_TIMEOUT_MS', 0);
  if (value < 1000)
    throw new Error(`IDLE_TIMEOUT_MS must be at least 1000 (ms), not "${env.IDLE_TIMEOUT_MS}"`);
  return value;
}

/** Accepted by the local simulator and by nothing else; a production server refuses to start with them. */
export const DEV_CLIENT_KEY = 'your_client_key';
export const DEV_CLIENT_SECRET = 'simulator-dev-secret';
export const DEV_SESSION_SECRET = 'local-dev-session-secret';
export const PRODUCTION_SECRET_LENGTH = 32;

export function resolveConfig(options: GameServerOptions, env: NodeJS.ProcessEnv): GameServerConfig {
  const port = options.port ?? Number(env.GAME_SERVER_PORT ?? 9530);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`GAME_SERVER_PORT must be a port number, not "${env.GAME_SERVER_PORT}"`);
  }
  const config: GameServerConfig = {
    port,
    host: options.host ?? env.GAME_SERVER_HOST ?? 'localhost',
    gameOrigin: options.gameOrigin ?? env.GAME_ORIGIN ?? 'http://localhost:9528',
    apiBase: options.apiBase ?? env.TIKTOK_API_BASE ?? 'http://localhost:9527',
    clientKey: options.clientKey ?? env.TIKTOK_CLIENT_KEY ?? DEV_CLIENT_KEY,
    clientSecret: options.clientSecret ?? env.TIKTOK_CLIENT_SECRET ?? DEV_CLIENT_SECRET,
    sessionSecret: options.sessionSecret ?? env.SESSION_SECRET ?? DEV_SESSION_SECRET,
    dataDir: options.dataDir ?? env.SERVER_DATA_DIR ?? '.server-data',
    redisUrl: options.redisUrl !== undefined ? options.redisUrl : (env.REDIS_URL ?? null) || null,
    redisCluster: options.redisCluster ?? switchFrom(env, 'REDIS_CLUSTER'),
    trustProxy: options.trustProxy !== undefined ? options.trustProxy : parseTrustProxy(env.TRUST_PROXY),
    maxEvents: options.maxEvents ?? countFrom(env, 'MAX_STORED_EVENTS', 100_000),
    logger: options.logger ?? true,
    devSeeds: options.devSeeds ?? switchFrom(env, 'UNSAFE_DEV_SEEDS'),
    zones: options.zones ?? parseZoneList(env.BOARD_ZONES),
    resetTimeZone: options.resetTimeZone ?? (env.RESET_TIME_ZONE || 'UTC'),
    limits: {
      ...(env.MAX_CONNECTIONS_PER_ADDRESS !== undefined
        ? { connectionsPerAddress: countFrom(env, 'MAX_CONNECTIONS_PER_ADDRESS', 0) }
        : {}),
      ...(env.IDLE_TIMEOUT_MS !== undefined ? { idleTimeoutMs: idleTimeoutFrom(env) } : {}),
      ...options.limits,
    },
  };
  // Checked now, so a typo stops the start instead of the first request.
  zoneList(config.zones, 'BOARD_ZONES');
  if (config.redisCluster && !config.redisUrl)
    throw new Error('REDIS_CLUSTER=1 needs REDIS_URL: a node of the cluster');
  assertTimeZone(config.resetTimeZone, 'RESET_TIME_ZONE');
  if (isProduction(env)) assertProductionReady(config, env.NODE_ENV);
  return config;
}

/**
 * Only NODE_ENV=development (set by `npm start`) or NODE_ENV=test allow the local defaults; any other
 * value (`prod`, `Production`, a typo) or none at all is production. A server that is not sure where it
 * runs must not start on a secret published in this repository.
 */
export const RELAXED_ENVIRONMENTS: readonly string[] = ['development', 'test'];

export function isProduction(env: NodeJS.ProcessEnv): boolean {
  return !RELAXED_ENVIRONMENTS.includes(env.NODE_ENV ?? '');
}

function assertProductionReady(config: GameServerConfig, nodeEnv: string | undefined): void {
  const problems: string[] = [];
  if (config.clientKey === DEV_CLIENT_KEY) problems.push('TIKTOK_CLIENT_KEY is not set');
  if (config.clientSecret === DEV_CLIENT_SECRET)
    problems.push('TIKTOK_CLIENT_SECRET is the simulator default');
  if (config.sessionSecret === DEV_SESSION_SECRET || config.sessionSecret.length < PRODUCTION_SECRET_LENGTH) {
    problems.push(
      `SESSION_SECRET must be a random secret of at least ${PRODUCTION_SECRET_LENGTH} characters`,
    );
  }
  if (config.devSeeds) problems.push('UNSAFE_DEV_SEEDS lets players choose their run seeds');
  if (problems.length > 0) {
    const named = nodeEnv === undefined ? 'NODE_ENV is not set' : `NODE_ENV is ${JSON.stringify(nodeEnv)}`;
    throw new Error(
      `refusing to start as production (${named}; only development or test allow the local defaults): ${problems.join('; ')}`,
    );
  }
}
