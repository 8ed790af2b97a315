import type { Redis } from 'ioredis';
import { sortKey } from '../../server/leaderboards/order';

/**
 * The same work as our Redis submit and around-me, sent as bare commands from the same client: what
 * the commands themselves cost, without the scripts. A submit's writes and rank go in one MULTI (one
 * round trip); around-me needs three (the window depends on the rank, the profiles on the window),
 * which is why ours is a script.
 */
export function bareSubmit(client: Redis, boardKeys: readonly string[], now: number) {
  const [first, ...periods] = boardKeys as [string, ...string[]];
  return (openId: string, score: number) => {
    const key = sortKey(score, now);
    const multi = client.multi().zadd(first, 'LT', 'CH', key, openId);
    for (const board of periods) multi.zadd(board, 'LT', key, openId);
    return multi.zscore(first, openId).zrank(first, openId).exec();
  };
}

export function bareAroundMe(
  client: Redis,
  boardKey: string,
  profilesKey: string,
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
    return client.hmget(profilesKey, ...ids);
  };
}
