import { Cluster, Redis } from 'ioredis';
import { type RedisServerProcess, startRedisServer } from './redisServer';

/** Hash slots of a Redis Cluster, split between its masters. */
const SLOTS = 16384;

export interface RedisClusterProcess {
  /** The masters, in slot order. */
  nodes: RedisServerProcess[];
  /** Any node's URL: what REDIS_URL names with REDIS_CLUSTER=1. */
  url: string;
  /** A cluster client that found every node from the first. */
  connect(): Cluster;
  stop(): Promise<void>;
}

async function clusterReady(clients: Redis[], masters: number): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const infos = await Promise.all(clients.map((client) => client.cluster('INFO')));
    const ready = infos.every(
      (info) =>
        /cluster_state:ok/.test(String(info)) && String(info).includes(`cluster_known_nodes:${masters}`),
    );
    if (ready) return;
    if (Date.now() > deadline) throw new Error(`the Redis Cluster did not form:\n${infos.join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * A private Redis Cluster of `masters` redis-servers (no replicas) on free loopback ports, for the tests
 * and the benchmark, formed the way `redis-cli --cluster create` does it: each master takes an equal
 * range of the hash slots, the others meet the first, and it is ready when every node says so.
 */
export async function startRedisCluster(masters = 3): Promise<RedisClusterProcess> {
  const nodes = await Promise.all(
    Array.from({ length: masters }, () => startRedisServer({ clusterNode: true })),
  );
  const clients = nodes.map((node) => new Redis(node.port, '127.0.0.1'));
  try {
    const share = Math.ceil(SLOTS / masters);
    await Promise.all(
      clients.map((client, i) =>
        client.cluster('ADDSLOTSRANGE', i * share, Math.min(SLOTS, (i + 1) * share) - 1),
      ),
    );
    const [first, ...others] = clients as [Redis, ...Redis[]];
    for (const [i] of others.entries()) {
      const node = nodes[i + 1] as RedisServerProcess;
      await first.call(
        'CLUSTER',
        'MEET',
        '127.0.0.1',
        String(node.port),
        String(node.busPort ?? node.port + 10_000),
      );
    }
    await clusterReady(clients, masters);
  } catch (error) {
    await Promise.all(nodes.map((node) => node.stop()));
    throw error;
  } finally {
    for (const client of clients) client.disconnect();
  }
  const seed = nodes[0] as RedisServerProcess;
  return {
    nodes,
    url: seed.url,
    connect: () =>
      new Cluster([{ host: '127.0.0.1', port: seed.port }], { redisOptions: { maxRetriesPerRequest: 1 } }),
    stop: async () => {
      await Promise.all(nodes.map((node) => node.stop()));
    },
  };
}
