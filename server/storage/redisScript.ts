import { createHash } from 'node:crypto';
import type { Cluster, Redis } from 'ioredis';

/** One Redis server or a Redis Cluster (docs/server.md, "Redis Cluster"): the same commands on both. */
export type RedisClient = Redis | Cluster;

/**
 * A Lua script run by its SHA (EVALSHA), sent in full (EVAL) only when the server does not have it
 * cached yet: on a cluster, once per node.
 */
export class RedisScript {
  private readonly sha: string;

  constructor(private readonly source: string) {
    this.sha = createHash('sha1').update(source).digest('hex');
  }

  async run(redis: RedisClient, keys: readonly string[], args: readonly string[]): Promise<unknown> {
    try {
      return await redis.evalsha(this.sha, keys.length, ...keys, ...args);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      return await redis.eval(this.source, keys.length, ...keys, ...args);
    }
  }
}
