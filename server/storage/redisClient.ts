import { Cluster, Redis } from 'ioredis';
import type { RedisClient } from './redisScript';

/**
 * The client for REDIS_URL: one server, or with REDIS_CLUSTER=1 a Redis Cluster, found from the node
 * the URL names (any node, or a managed cluster's configuration endpoint). The URL's user, password and
 * `rediss:` (TLS) apply to every node.
 */
export function openRedis(url: string, cluster: boolean): RedisClient {
  // Auto-pipelining: the commands of one event-loop turn go to each node in one write; a socket write
  // is most of what a command costs the client.
  if (!cluster) return new Redis(url, { maxRetriesPerRequest: 2, enableAutoPipelining: true });
  const parsed = new URL(url);
  const tls = parsed.protocol === 'rediss:';
  return new Cluster([{ host: parsed.hostname, port: Number(parsed.port || 6379) }], {
    enableAutoPipelining: true,
    redisOptions: {
      maxRetriesPerRequest: 2,
      ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
      ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
      // TLS certificates name the endpoint, not each node's address: check them against the host.
      ...(tls ? { tls: { servername: parsed.hostname } } : {}),
    },
    // Managed clusters behind TLS announce hostnames that must be looked up as given.
    ...(tls
      ? {
          dnsLookup: (address: string, callback: (error: null, address: string) => void) =>
            callback(null, address),
        }
      : {}),
  });
}
