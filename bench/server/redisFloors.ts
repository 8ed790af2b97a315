import type { Cluster, Redis } from 'ioredis';
import { sortKey } from '../../server/leaderboards/order';
import type { RedisKeys } from '../../server/storage/redisKeys';
import type { BoardWrite } from '../../server/storage/types';

/**
 * The same work as our Redis submit and around-me, sent as bare commands from the same client: what
 * the commands themselves cost, without the scripts. On one server a submit's profile read, writes and
 * rank go in one MULTI (one round trip); on a cluster each board's commands go to its slot, all at once,
 * as plain pipelined commands (the profile is read only when a player joins a board, which the
 * benchmark's players, on every board already, never do). Around-me needs three
 * round trips (the window depends on the rank, the profiles on the window), which is why ours is a
 * script.
 */
export function bareSubmit(client: Redis, keys: RedisKeys, boards: readonly BoardWrite[], now: number) {
  const [first, ...periods] = boards.map((write) => keys.scores(write.board)) as [string, ...string[]];
  return (openId: string, score: number) => {
    const key = sortKey(score, now);
    const multi = client.multi().get(keys.profile(openId)).zadd(first, 'LT', 'CH', key, openId);
    for (const board of periods) multi.zadd(board, 'LT', key, openId);
    return multi.zscore(first, openId).zrank(first, openId).exec();
  };
}

export function bareSubmitOnCluster(
  client: Cluster,
  keys: RedisKeys,
  boards: readonly BoardWrite[],
  now: number,
) {
  const [first, ...periods] = boards.map((write) => keys.scores(write.board)) as [string, ...string[]];
  return (openId: string, score: number) => {
    const key = sortKey(score, now);
    return Promise.all([
      client.zadd(first, 'LT', 'CH', key, openId),
      client.zscore(first, openId),
      client.zrank(first, openId),
      ...periods.map((board) => client.zadd(board, 'LT', key, openId)),
    ]);
  };
}

export function bareAroundMe(
  client: Redis | Cluster,
  boardKey: string,
  namesKey: string,
  above: number,
  count: number,
) {
  return async (openId: string) => {
    const rank = await client.zrank(boardKey, openId);
    if (rank === null) return null;
    const first = Math.max(0, rank - above);
    const replies = (await client
      .multi()
      .zrange(boardKey, first, first + count - 1, 'WITHSCORES')
      .zrange(boardKey, 0, 0, 'WITHSCORES')
      .exec()) as [Error | null, string[]][];
    const ids = replies.flatMap(([, flat]) => flat.filter((_, i) => i % 2 === 0));
    return client.hmget(namesKey, ...ids);
  };
}
