import { Redis } from 'ioredis';
import { startRedisServer } from '../../../tools/redisServer.js';

export interface RunningRedis {
  url: string;
  connect(): Redis;
  stop(): Promise<void>;
}

/** A throwaway redis-server for one suite, with a client factory. */
export async function startRedis(): Promise<RunningRedis> {
  const server = await startRedisServer();
  return {
    url: server.url,
    connect: () => new Redis(server.url, { maxRetriesPerRequest: 1 }),
    stop: () => server.stop(),
  };
}
