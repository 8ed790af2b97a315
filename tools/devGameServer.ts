/**
 * The game server as `npm start` runs it, plus one thing a production server never has: a reset that
 * empties its stored boards, called by the simulator's POST /__sim/reset (the devtools' reset, and every
 * end-to-end test's fresh world). It is a function in this process, not an HTTP endpoint, so no deployed
 * server can be emptied by a request.
 *
 * The reset stops the server, deletes what its storage kept and starts it again on the same port:
 * the storage interface has no "clear" (a live board is never emptied), and a restart also drops the
 * in-memory rank indexes and rate-limit counters that a wipe underneath a running server would leave stale.
 */
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import {
  type GameServerOptions,
  type LogLevel,
  type RunningGameServer,
  startGameServer,
} from '../server/index';
import { RedisKeys } from '../server/storage/redisKeys';

export interface DevGameServer {
  /** The server running now (a reset replaces it). */
  current(): RunningGameServer;
  reset(): Promise<void>;
  close(): Promise<void>;
}

// SQLite keeps a database and its write-ahead log side files in the data directory.
const SQLITE_FILE = /\.db(-wal|-shm|-journal)?$/;
// Every key the server writes starts with the storage's key prefix (server/storage/redisKeys.ts).
const REDIS_KEYS = new RedisKeys().pattern;

async function deleteStoredBoards(server: RunningGameServer): Promise<void> {
  const { redisUrl, dataDir } = server.config;
  if (redisUrl) {
    const redis = new Redis(redisUrl, { maxRetriesPerRequest: 2 });
    try {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', REDIS_KEYS, 'COUNT', 500);
        if (keys.length > 0) await redis.del(...keys);
        cursor = next;
      } while (cursor !== '0');
    } finally {
      redis.disconnect();
    }
    return;
  }
  const names = await readdir(dataDir).catch(() => [] as string[]);
  await Promise.all(names.filter((name) => SQLITE_FILE.test(name)).map((name) => rm(join(dataDir, name))));
}

export async function startDevGameServer(
  options: GameServerOptions & { logLevel?: LogLevel },
): Promise<DevGameServer> {
  let server = await startGameServer(options);
  // Resets arrive one at a time from the simulator, but a second one must never start a second server.
  let pending: Promise<void> = Promise.resolve();
  return {
    current: () => server,
    reset() {
      pending = pending
        .catch(() => undefined)
        .then(async () => {
          const port = Number(new URL(server.url).port);
          await server.close();
          await deleteStoredBoards(server);
          server = await startGameServer({ ...options, port });
        });
      return pending;
    },
    async close() {
      await pending.catch(() => undefined);
      await server.close();
    },
  };
}
