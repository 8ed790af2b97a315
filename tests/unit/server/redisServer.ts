import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll } from 'vitest';
import { RedisScoreStorage } from '../../../server/storage/redis';
import { SqliteScoreStorage } from '../../../server/storage/sqlite';
import type { ScoreStorage } from '../../../server/storage/types';
import { startRedisServer } from '../../../tools/redisServer';

export interface RunningRedis {
  url: string;
  connect(): Redis;
  stop(): Promise<void>;
}

/** A throwaway redis-server for one suite, with a client factory. */
async function startRedis(): Promise<RunningRedis> {
  const server = await startRedisServer();
  return {
    url: server.url,
    connect: () => new Redis(server.url, { maxRetriesPerRequest: 1 }),
    stop: () => server.stop(),
  };
}

/**
 * Starts a throwaway redis-server before the suite (or `describe` block) it is called in and stops it
 * after; the returned function gives the running server.
 */
export function useRedis(): () => RunningRedis {
  let running: RunningRedis | undefined;
  beforeAll(async () => {
    running = await startRedis();
  }, 15_000);
  afterAll(async () => {
    await running?.stop();
  });
  return () => {
    if (running === undefined) throw new Error('redis-server is not started yet: use it inside a test');
    return running;
  };
}

/**
 * Both storage backends, each opened empty: SQLite in a fresh file of a temporary folder, Redis on a
 * throwaway server flushed first. Call at the top of a test file; `name` labels the folder.
 */
export function useBothBackends(name: string): [string, () => Promise<ScoreStorage>][] {
  const dir = mkdtempSync(join(tmpdir(), `lb-${name}-`));
  let files = 0;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const redis = useRedis();
  return [
    ['SQLite', async () => new SqliteScoreStorage(join(dir, `${name}-${files++}.db`))],
    [
      'Redis',
      async () => {
        const client = redis().connect();
        await client.flushall();
        return new RedisScoreStorage(client);
      },
    ],
  ];
}
