import type { Cluster } from 'ioredis';
import { afterAll, beforeAll } from 'vitest';
import { type RedisClusterProcess, startRedisCluster } from '../../../tools/redisCluster';

/**
 * Starts a throwaway 3-master Redis Cluster before the suite it is called in and stops it after; the
 * returned function gives it. Forming one takes a few seconds (a master waits 2 s before it serves),
 * which is why the cluster suites are `*.cluster.test.ts`: `npm test` runs them (the vitest project "slow"), `npm run check` not.
 */
export function useRedisCluster(): () => RedisClusterProcess {
  let running: RedisClusterProcess | undefined;
  beforeAll(async () => {
    running = await startRedisCluster(3);
  }, 30_000);
  afterAll(async () => {
    await running?.stop();
  });
  return () => {
    if (running === undefined) throw new Error('the Redis Cluster is not started yet: use it inside a test');
    return running;
  };
}

/** A client of the cluster with every master emptied. */
export async function emptyCluster(cluster: RedisClusterProcess): Promise<Cluster> {
  const client = cluster.connect();
  await new Promise<void>((resolve, reject) => {
    client.once('ready', resolve);
    client.once('error', reject);
  });
  await Promise.all(client.nodes('master').map((node) => node.flushall()));
  return client;
}
