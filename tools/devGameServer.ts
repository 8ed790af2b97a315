/**
 * The game server as `npm start` runs it, plus two things a production server never has: a reset that
 * empties its stored boards, called by the simulator's POST /__sim/reset (the devtools' reset, and every
 * end-to-end test's fresh world), and a switch that stops it and starts it again with its boards kept,
 * called by the simulator's "Game server down" (POST /__sim/game-server): the game's requests then meet a
 * refused connection, as on a phone whose server is down. Both are functions in this process, not HTTP
 * endpoints, so no deployed server can be emptied or stopped by a request.
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
  /** The server running now (a reset replaces it), or the one last stopped while it is down. */
  current(): RunningGameServer;
  reset(): Promise<void>;
  /** Stops the server (true) or starts it again on the same port (false); stored boards stay. */
  setDown(down: boolean): Promise<void>;
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
  let down = false;
  const port = Number(new URL(server.url).port);
  // Resets and switches arrive one at a time, but two must never start a second server: each waits its turn.
  let pending: Promise<void> = Promise.resolve();
  const next = (work: () => Promise<void>) => {
    pending = pending.catch(() => undefined).then(work);
    return pending;
  };
  return {
    current: () => server,
    // A reset brings a stopped server back too: the seeded world has its server running.
    reset: () =>
      next(async () => {
        if (!down) await server.close();
        await deleteStoredBoards(server);
        server = await startGameServer({ ...options, port });
        down = false;
      }),
    setDown: (stop) =>
      next(async () => {
        if (stop === down) return;
        if (stop) await server.close();
        else server = await startGameServer({ ...options, port });
        down = stop;
      }),
    async close() {
      await pending.catch(() => undefined);
      if (!down) await server.close();
    },
  };
}
