import type { Cluster, Redis } from 'ioredis';

/** One Redis server or a Redis Cluster (docs/server.md, "Redis Cluster"): the same commands on both. */
export type RedisClient = Redis | Cluster;

type ScriptedClient = RedisClient & Record<string, (...args: string[]) => Promise<unknown>>;

let scripts = 0;

/**
 * A Lua script, run as an ioredis custom command: EVALSHA, with the full source (EVAL) only the first
 * time on each connection. One command per number of keys, so the keys come first in its arguments:
 * with auto-pipelining a cluster client groups each command by its first key's node, and a script's
 * SHA in front would send it to the wrong one.
 */
export class RedisScript {
  private readonly name = `lbScript${scripts++}`;

  constructor(private readonly source: string) {}

  run(redis: RedisClient, keys: readonly string[], args: readonly string[]): Promise<unknown> {
    const command = `${this.name}Keys${keys.length}`;
    const client = redis as ScriptedClient;
    if (typeof client[command] !== 'function') {
      redis.defineCommand(command, { lua: this.source, numberOfKeys: keys.length });
    }
    return (client[command] as (...args: string[]) => Promise<unknown>)(...keys, ...args);
  }
}
