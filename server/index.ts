import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { game } from '../assets/scripts/games/registered';
import { buildServer } from './app';
import { type GameServerConfig, type GameServerOptions, resolveConfig } from './config';
import { gameReplay } from './gameReplay';
import { Boards } from './leaderboards/boards';
import { openSeedStore } from './seeds/open';
import { RedisScoreStorage } from './storage/redis';
import { openRedis } from './storage/redisClient';
import { RedisKeys } from './storage/redisKeys';
import { migrateLegacyKeys } from './storage/redisMigration';
import type { RedisClient } from './storage/redisScript';
import { SqliteScoreStorage } from './storage/sqlite';
import type { ScoreStorage } from './storage/types';

export { buildServer } from './app';
export type { GameServerConfig, GameServerOptions } from './config';
export { resolveConfig } from './config';
export { Boards } from './leaderboards/boards';

/** Pino's level names; `warn` keeps the per-request lines out of a terminal a person reads. */
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface RunningGameServer {
  app: FastifyInstance;
  url: string;
  config: GameServerConfig;
  close(): Promise<void>;
}

/** The score store `config` names (Redis when it has a URL, else SQLite in its data directory). */
export function openScoreStorage(config: GameServerConfig): {
  storage: ScoreStorage;
  redis: RedisClient | null;
} {
  if (config.redisUrl) {
    const redis = openRedis(config.redisUrl, config.redisCluster);
    return { storage: new RedisScoreStorage(redis, { maxEvents: config.maxEvents }), redis };
  }
  mkdirSync(config.dataDir, { recursive: true });
  const storage = new SqliteScoreStorage(join(config.dataDir, 'scores.db'), { maxEvents: config.maxEvents });
  // Build the rank indexes of the boards in play before the first request rather than during it.
  const boards = new Boards({ zones: config.zones, timeZone: config.resetTimeZone });
  storage.warm(boards.zones.flatMap((zone) => boards.boardsForRun(zone, Date.now()).map((b) => b.board)));
  return { storage, redis: null };
}

/**
 * Starts the game server: options win over the environment (GAME_SERVER_PORT, GAME_ORIGIN,
 * TIKTOK_API_BASE, TIKTOK_CLIENT_KEY, TIKTOK_CLIENT_SECRET, SESSION_SECRET, SERVER_DATA_DIR, REDIS_URL,
 * REDIS_CLUSTER, TRUST_PROXY, MAX_STORED_EVENTS, MAX_CONNECTIONS_PER_ADDRESS, IDLE_TIMEOUT_MS,
 * BOARD_ZONES, RESET_TIME_ZONE).
 */
export async function startGameServer(
  options: GameServerOptions & { logLevel?: LogLevel } = {},
): Promise<RunningGameServer> {
  const config = resolveConfig(options, process.env);
  const { storage, redis } = openScoreStorage(config);
  const seeds = openSeedStore(config.dataDir, redis);
  const app = buildServer({
    storage,
    platform: { apiBase: config.apiBase, clientKey: config.clientKey, clientSecret: config.clientSecret },
    sessionSecret: config.sessionSecret,
    gameOrigin: config.gameOrigin,
    replay: gameReplay(game),
    logger: config.logger,
    trustProxy: config.trustProxy,
    limits: { ...config.limits, scoreLimit: game.info.scoreLimit },
    seeds: { store: seeds.store, devChosenSeeds: config.devSeeds },
    boards: { zones: config.zones, timeZone: config.resetTimeZone },
    ...(redis ? { rateLimitRedis: redis } : {}),
  });
  // Before listen: Fastify makes each request's logger when the request arrives, at the level set then.
  if (options.logLevel) app.log.level = options.logLevel;
  if (redis) {
    const moved = await migrateLegacyKeys(redis, new RedisKeys());
    if (moved > 0)
      app.log.warn({ moved }, 'moved the Redis keys of an earlier version to the current layout');
  }
  app.addHook('onClose', async () => {
    seeds.close();
    await storage.close();
  });
  const address = await app.listen({ port: config.port, host: config.host });
  const port = new URL(address).port;
  return {
    app,
    url: `http://localhost:${port}`,
    config,
    close: () => app.close(),
  };
}
