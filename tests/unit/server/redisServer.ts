import { Redis } from 'ioredis';
import { afterAll, beforeAll } from 'vitest';
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
