import type { Cluster, Redis } from 'ioredis';
import { isCluster, type RedisKeys } from './redisKeys';
import type { RedisClient } from './redisScript';

/**
 * Moves what an earlier version of this server wrote to Redis (every key under the one `{leaderboard}:`
 * hash tag: one slot, so one shard of a cluster) to the current layout (redisKeys.ts), so a live game's
 * boards, profiles, seeds and events survive the upgrade. Run at start, before the server listens;
 * afterwards a marker key says it is done, so later starts cost one GET. Boards are merged keeping each
 * player's best (a process of the new version may already have written to them), in chunks, so no
 * single command blocks Redis for long; expiries are carried over. Stop the old version's processes
 * first: what they write after this ran stays under the old keys.
 */
const LEGACY = '{leaderboard}:';
const CHUNK = 1000;
const DONE = 'done';

type Node = Redis;

function nodesOf(redis: RedisClient): Node[] {
  return isCluster(redis) ? (redis as Cluster).nodes('master') : [redis as Redis];
}

async function* scan(node: Node, pattern: string): AsyncGenerator<string[]> {
  let cursor = '0';
  do {
    const [next, found] = await node.scan(cursor, 'MATCH', pattern, 'COUNT', CHUNK);
    if (found.length > 0) yield found;
    cursor = next;
  } while (cursor !== '0');
}

/** `<updatedAt>:<json>` from the old `{displayName, avatarUrl, updatedAt}` JSON. */
function versioned(legacy: string): string {
  const {
    displayName = null,
    avatarUrl = null,
    updatedAt = 0,
  } = JSON.parse(legacy) as Record<string, unknown>;
  return `${Number(updatedAt) || 0}:${JSON.stringify({ displayName, avatarUrl })}`;
}

async function carryExpiry(redis: RedisClient, from: string, to: string[]): Promise<void> {
  const life = await redis.pttl(from);
  if (life > 0) await Promise.all(to.map((key) => redis.pexpire(key, life)));
}

/** A board: its players merged keeping the best, their profiles copied beside them. */
async function moveBoard(redis: RedisClient, keys: RedisKeys, legacy: string, board: string) {
  const scores = keys.scores(board);
  const names = keys.names(board);
  let cursor = '0';
  do {
    const [next, flat] = await redis.zscan(legacy, cursor, 'COUNT', CHUNK);
    cursor = next;
    if (flat.length === 0) continue;
    const members = flat.filter((_, i) => i % 2 === 0);
    await redis.zadd(
      scores,
      'LT',
      ...flat.flatMap((_, i) => (i % 2 === 0 ? [flat[i + 1] as string, flat[i] as string] : [])),
    );
    const profiles = await redis.hmget(`${LEGACY}profiles`, ...members);
    const copies = members.flatMap((id, i) => (profiles[i] ? [id, versioned(profiles[i] as string)] : []));
    if (copies.length > 0) await redis.hset(names, ...copies);
  } while (cursor !== '0');
  await carryExpiry(redis, legacy, [scores, names]);
}

async function moveKey(redis: RedisClient, keys: RedisKeys, legacy: string): Promise<void> {
  const name = legacy.slice(LEGACY.length);
  const type = await redis.type(legacy);
  if (name.startsWith('board:') && type === 'zset')
    await moveBoard(redis, keys, legacy, name.slice('board:'.length));
  else if (name.startsWith('seeds:unused:')) {
    const target = keys.unusedSeeds(name.slice('seeds:unused:'.length));
    const flat = await redis.zrange(legacy, 0, -1, 'WITHSCORES');
    if (flat.length > 0)
      await redis.zadd(
        target,
        'NX',
        ...flat.flatMap((_, i) => (i % 2 === 0 ? [flat[i + 1] as string, flat[i] as string] : [])),
      );
    await carryExpiry(redis, legacy, [target]);
  } else if (name.startsWith('seeds:used:')) {
    const [seed = '', ...openId] = name.slice('seeds:used:'.length).split(':');
    const [value, life] = await Promise.all([redis.get(legacy), redis.pttl(legacy)]);
    if (value !== null && life > 0)
      await redis.set(keys.usedSeed(openId.join(':'), Number(seed)), value, 'PX', life, 'NX');
  } else if (name === 'events' && (await redis.exists(keys.events)) === 0) {
    const dump = await redis.dumpBuffer(legacy);
    if (dump) await redis.restore(keys.events, 0, dump);
  } else if (name === 'profiles') return; // last: the boards copy from it
  await redis.del(legacy);
}

/** Moves the legacy keys, if any; answers how many it moved. */
export async function migrateLegacyKeys(redis: RedisClient, keys: RedisKeys): Promise<number> {
  const marker = `${keys.prefix}layout`;
  if ((await redis.get(marker)) === DONE) return 0;
  let moved = 0;
  for (const node of nodesOf(redis)) {
    for await (const batch of scan(node, `${LEGACY}*`)) {
      for (const legacy of batch) {
        await moveKey(redis, keys, legacy);
        moved += 1;
      }
    }
  }
  const profiles = `${LEGACY}profiles`;
  let cursor = '0';
  do {
    const [next, flat] = await redis.hscan(profiles, cursor, 'COUNT', CHUNK);
    cursor = next;
    for (let i = 0; i + 1 < flat.length; i += 2) {
      await redis.set(keys.profile(flat[i] as string), versioned(flat[i + 1] as string), 'NX');
    }
  } while (cursor !== '0');
  await redis.del(profiles);
  await redis.set(marker, DONE);
  return moved;
}
