/**
 * The game server as `npm start` runs it, plus two things a production server never has: a reset that
 * empties its stored boards, called by the simulator's POST /__sim/reset (the devtools' reset, and every
 * end-to-end test's fresh world), and a switch that stops it and starts it again with its boards kept,
 * called by the simulator's "Game server down" (POST /__sim/game-server): the game's requests then meet a
 * refused connection, as on a phone whose server is down. Both are functions in this process, not HTTP
 * endpoints, so no deployed server can be emptied or stopped by a request.
 *
 * The seeded world has the same bests on the server as in the simulator's cloud (`seededBests`), written
 * straight to storage before the server starts, so its rank indexes are built with them: a seeded
 * player's global best, menu best and invite card agree, as they do for a real player whose runs reached
 * both. Only `npm start` does this; a deployed server takes scores from replayed runs alone.
 *
 * The reset stops the server, deletes what its storage kept and starts it again on the same port:
 * the storage interface has no "clear" (a live board is never emptied), and a restart also drops the
 * in-memory rank indexes and rate-limit counters that a wipe underneath a running server would leave stale.
 */
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { gameInfo } from '../assets/scripts/games/registered';
import { isGameScore } from '../assets/scripts/games/scoreLimit';
import {
  Boards,
  type GameServerConfig,
  type GameServerOptions,
  type LogLevel,
  openScoreStorage,
  type RunningGameServer,
  resolveConfig,
  startGameServer,
} from '../server/index';
import { RedisKeys } from '../server/storage/redisKeys';
import { seededBests } from '../simulator/index';

/** A best the development world starts with, already judged a score of the registered game. */
export interface DevBest {
  readonly openId: string;
  readonly displayName: string;
  readonly score: number;
  readonly achievedAt: number;
}

/** The simulator's seeded bests that are scores of this game (its hostile values are not). */
export function simulatorBests(): DevBest[] {
  return seededBests().flatMap(({ highScore, ...player }) => {
    const score = /^\d{1,16}$/.test(highScore) ? Number(highScore) : Number.NaN;
    return isGameScore(score, gameInfo.scoreLimit) ? [{ ...player, score }] : [];
  });
}

export interface DevGameServerOptions extends GameServerOptions {
  logLevel?: LogLevel;
  /** Written to every zone's current boards, with the player's name, before each start. */
  seededBests?: readonly DevBest[];
}

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

async function deleteStoredBoards(config: GameServerConfig): Promise<void> {
  const { redisUrl, dataDir } = config;
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

/** Keeps the better of each seeded best and what storage holds, as a run would; names each player. */
async function seedBoards(config: GameServerConfig, bests: readonly DevBest[]): Promise<void> {
  if (bests.length === 0) return;
  const { storage } = openScoreStorage(config);
  try {
    const boards = new Boards({ zones: config.zones, timeZone: config.resetTimeZone });
    const now = Date.now();
    const current = boards.zones.map((zone) => boards.boardsForRun(zone, now));
    const named = current.flat().map((write) => write.board);
    // All at once: the store batches concurrent writes, and every e2e test's reset waits for these.
    await Promise.all(
      bests.flatMap((best) => {
        const entry = { openId: best.openId, score: best.score, achievedAt: best.achievedAt };
        const profile = { displayName: best.displayName, avatarUrl: null };
        return [
          ...current.map((writes) => storage.submitScore(writes, entry)),
          storage.saveProfile(best.openId, profile, now, named),
        ];
      }),
    );
  } finally {
    await storage.close();
  }
}

export async function startDevGameServer(options: DevGameServerOptions): Promise<DevGameServer> {
  const { seededBests = [], ...serverOptions } = options;
  const config = resolveConfig(serverOptions, process.env);
  const start = async (port: number | undefined) => {
    await seedBoards(config, seededBests);
    return startGameServer({ ...serverOptions, ...(port === undefined ? {} : { port }) });
  };
  let server = await start(undefined);
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
        await deleteStoredBoards(config);
        server = await start(port);
        down = false;
      }),
    setDown: (stop) =>
      next(async () => {
        if (stop === down) return;
        if (stop) await server.close();
        else server = await startGameServer({ ...serverOptions, port });
        down = stop;
      }),
    async close() {
      await pending.catch(() => undefined);
      if (!down) await server.close();
    },
  };
}
