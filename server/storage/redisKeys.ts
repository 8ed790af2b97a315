import type { RedisClient } from './redisScript';
import type { BoardId } from './types';

/**
 * Every Redis key the server writes, in one place. The part in braces is the Redis Cluster hash tag:
 * keys with the same tag share a hash slot, so one script may touch them all. Each board's keys (its
 * sorted set and the copies of its players' profiles) share the board's tag, so a read touches one
 * slot and boards spread over the shards; a player's seeds share the player's tag. Keys read one at a
 * time (profiles, events, rate-limit counters) need no tag. All start with the prefix (`lb:` by
 * default), so one pattern finds them all.
 */
export const DEFAULT_KEY_PREFIX = 'lb:';

/** `{` and `}` would end a hash tag early (an open_id may hold them), `%` so escapes stay unambiguous. */
function tagged(text: string): string {
  return `{${text.replace(/[%{}]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`)}}`;
}

export class RedisKeys {
  constructor(readonly prefix = DEFAULT_KEY_PREFIX) {}

  /** Sorted set: member open_id, score the sort key (leaderboards/order.ts). */
  scores(board: BoardId): string {
    return `${this.prefix}${tagged(board)}:scores`;
  }

  /** Hash: open_id → `<updatedAt>:<profile JSON>`, a copy of the profile of each player on the board. */
  names(board: BoardId): string {
    return `${this.prefix}${tagged(board)}:names`;
  }

  /** String: `<updatedAt>:<profile JSON>`, the player's profile as last saved. */
  profile(openId: string): string {
    return `${this.prefix}profile:${openId}`;
  }

  /** Stream of analytics events. */
  get events(): string {
    return `${this.prefix}events`;
  }

  /** Sorted set of the player's unused seeds (server/seeds/redis.ts). */
  unusedSeeds(openId: string): string {
    return `${this.prefix}seeds:${tagged(openId)}:unused`;
  }

  /** One used seed of the player. */
  usedSeed(openId: string, seed: number): string {
    return `${this.prefix}seeds:${tagged(openId)}:used:${seed}`;
  }

  /** A rate-limit counter (admission/windowCounter.ts). */
  rate(rule: string, window: number, key: string): string {
    return `${this.prefix}rate:${rule}:${window}:${key}`;
  }

  /** Every key of this server, for a development reset (SCAN MATCH). */
  get pattern(): string {
    return `${this.prefix}*`;
  }
}

/** A Redis Cluster client (ioredis `Cluster`), as opposed to one server. */
export function isCluster(client: RedisClient): boolean {
  return 'isCluster' in client && client.isCluster === true;
}

/** Asks every master of a cluster, or the one server; rejects when any does not answer. */
export async function pingEvery(client: RedisClient): Promise<void> {
  if (!isCluster(client)) {
    await client.ping();
    return;
  }
  const masters = (client as import('ioredis').Cluster).nodes('master');
  if (masters.length === 0) throw new Error('no Redis Cluster master is known');
  await Promise.all(masters.map((node) => node.ping()));
}
