import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { scoreOfSortKey, sortKey } from '../leaderboards/order';
import { GLOBAL_BOARD, WEEKLY_BOARD_RETENTION_SECONDS } from '../leaderboards/weeks';
import type {
  AnalyticsEvent,
  BoardId,
  BoardPosition,
  Profile,
  RankedEntry,
  ScoreEntry,
  ScoreStorage,
  StoredEvent,
  SubmitOutcome,
} from './types';

/**
 * Keep-best for each board, atomically with the write of the exact time and the new rank.
 * The sorted-set score is the shared sort key (lower is better, see leaderboards/order.ts), so the
 * keep-best flag is LT, the mirror of the usual `ZADD GT`: ascending order is what makes Redis list
 * equal keys by member (open_id) ascending, which is our last tie-break.
 * KEYS: pairs of (sorted set, time hash) per board. ARGV: openId, sortKey, achievedAt, then one expiry
 * in seconds per board (0 = never).
 */
const SUBMIT_SCRIPT = `
local result = {}
for i = 1, #KEYS, 2 do
  local changed = redis.call('ZADD', KEYS[i], 'LT', 'CH', ARGV[2], ARGV[1])
  if changed == 1 then redis.call('HSET', KEYS[i + 1], ARGV[1], ARGV[3]) end
  local ttl = tonumber(ARGV[3 + (i + 1) / 2])
  if ttl > 0 then
    redis.call('EXPIRE', KEYS[i], ttl)
    redis.call('EXPIRE', KEYS[i + 1], ttl)
  end
  table.insert(result, changed)
  table.insert(result, redis.call('ZSCORE', KEYS[i], ARGV[1]))
  table.insert(result, redis.call('HGET', KEYS[i + 1], ARGV[1]))
  table.insert(result, redis.call('ZRANK', KEYS[i], ARGV[1]))
end
return result
`;

/**
 * A page by rank in one round trip: members with their keys, their exact times and their profiles.
 * KEYS: sorted set, time hash, profiles hash. ARGV: first index, last index (0-based, inclusive).
 */
const READ_RANKS_SCRIPT = `
local page = redis.call('ZRANGE', KEYS[1], ARGV[1], ARGV[2], 'WITHSCORES')
local result = {}
for i = 1, #page, 2 do
  table.insert(result, page[i])
  table.insert(result, page[i + 1])
  table.insert(result, redis.call('HGET', KEYS[2], page[i]) or '')
  table.insert(result, redis.call('HGET', KEYS[3], page[i]) or '')
end
return result
`;

class RedisScript {
  private readonly sha: string;
  constructor(private readonly source: string) {
    this.sha = createHash('sha1').update(source).digest('hex');
  }

  /** EVALSHA, falling back to EVAL once when the server does not have the script cached yet. */
  async run(redis: Redis, keys: string[], args: string[]): Promise<unknown[]> {
    try {
      return (await redis.evalsha(this.sha, keys.length, ...keys, ...args)) as unknown[];
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      return (await redis.eval(this.source, keys.length, ...keys, ...args)) as unknown[];
    }
  }
}

const submitScript = new RedisScript(SUBMIT_SCRIPT);
const readRanksScript = new RedisScript(READ_RANKS_SCRIPT);

export interface RedisStorageOptions {
  /**
   * Prefix of every key. The braces are a Redis Cluster hash tag: they keep all boards in one slot,
   * which the submit script needs because it writes the global and the weekly board together.
   */
  keyPrefix?: string;
  /** Analytics events kept (approximately) in the events stream. */
  maxEvents?: number;
}

/** Sorted sets in Redis, for deployments that run several server processes. */
export class RedisScoreStorage implements ScoreStorage {
  private readonly prefix: string;
  private readonly maxEvents: number;

  constructor(
    private readonly redis: Redis,
    options: RedisStorageOptions = {},
  ) {
    this.prefix = options.keyPrefix ?? '{leaderboard}:';
    this.maxEvents = options.maxEvents ?? 100_000;
  }

  private boardKey(board: BoardId): string {
    return `${this.prefix}board:${board}`;
  }

  private timesKey(board: BoardId): string {
    return `${this.prefix}board:${board}:at`;
  }

  private get profilesKey(): string {
    return `${this.prefix}profiles`;
  }

  private get eventsKey(): string {
    return `${this.prefix}events`;
  }

  async submitScore(boards: readonly BoardId[], entry: ScoreEntry): Promise<SubmitOutcome[]> {
    const key = sortKey(entry.score, entry.achievedAt);
    const keys = boards.flatMap((board) => [this.boardKey(board), this.timesKey(board)]);
    const expiries = boards.map((board) =>
      board === GLOBAL_BOARD ? '0' : String(WEEKLY_BOARD_RETENTION_SECONDS),
    );
    const args = [entry.openId, String(key), String(entry.achievedAt), ...expiries];
    const reply = await submitScript.run(this.redis, keys, args);
    return boards.map((_, index) => {
      const [changed, storedKey, storedAt, rank] = reply.slice(index * 4, index * 4 + 4);
      return {
        best: {
          openId: entry.openId,
          score: scoreOfSortKey(Number(storedKey)),
          achievedAt: Number(storedAt),
        },
        rank: Number(rank) + 1,
        newBest: Number(changed) === 1,
      };
    });
  }

  async readAfter(board: BoardId, after: BoardPosition | null, limit: number): Promise<RankedEntry[]> {
    if (!after) return this.readRanks(board, 1, limit);
    const [aheadReply, tiesReply] = await this.pipelineReplies([
      ['zcount', this.boardKey(board), '-inf', `(${after.sortKey}`],
      ['zrange', this.boardKey(board), String(after.sortKey), String(after.sortKey), 'BYSCORE'],
    ]);
    // Members with an equal key are ordered by open_id, bytewise; open_ids are ASCII, so `<=` agrees.
    const tiesSeen = (tiesReply as string[]).filter((openId) => openId <= after.openId).length;
    return this.readRanks(board, Number(aheadReply) + tiesSeen + 1, limit);
  }

  async readRanks(board: BoardId, firstRank: number, count: number): Promise<RankedEntry[]> {
    if (count <= 0) return [];
    const keys = [this.boardKey(board), this.timesKey(board), this.profilesKey];
    const flat = (await readRanksScript.run(this.redis, keys, [
      String(firstRank - 1),
      String(firstRank + count - 2),
    ])) as string[];
    const entries: RankedEntry[] = [];
    for (let i = 0; i < flat.length; i += 4) {
      const key = Number(flat[i + 1]);
      entries.push({
        rank: firstRank + i / 4,
        openId: flat[i] as string,
        score: scoreOfSortKey(key),
        achievedAt: Number(flat[i + 2]),
        sortKey: key,
        ...parseProfile(flat[i + 3] || null),
      });
    }
    return entries;
  }

  async rankOf(board: BoardId, openId: string): Promise<number | null> {
    const rank = await this.redis.zrank(this.boardKey(board), openId);
    return rank === null ? null : rank + 1;
  }

  async saveProfile(openId: string, profile: Profile, updatedAt: number): Promise<void> {
    await this.redis.hset(this.profilesKey, openId, JSON.stringify({ ...profile, updatedAt }));
  }

  async recordEvents(openId: string, events: readonly AnalyticsEvent[], receivedAt: number): Promise<number> {
    const pipeline = this.redis.multi();
    for (const event of events) {
      pipeline.xadd(
        this.eventsKey,
        'MAXLEN',
        '~',
        String(this.maxEvents),
        '*',
        'event',
        JSON.stringify({ openId, ...event, receivedAt }),
      );
    }
    await pipeline.exec();
    return events.length;
  }

  async recentEvents(limit: number): Promise<StoredEvent[]> {
    const entries = await this.redis.xrevrange(this.eventsKey, '+', '-', 'COUNT', limit);
    return entries.map(([, fields]) => JSON.parse(fields[1] ?? '{}') as StoredEvent);
  }

  /** For the benchmark: loads many entries quickly, bypassing keep-best. */
  async seed(board: BoardId, entries: readonly ScoreEntry[]): Promise<void> {
    const batch = 10_000;
    for (let start = 0; start < entries.length; start += batch) {
      const pipeline = this.redis.pipeline();
      for (const e of entries.slice(start, start + batch)) {
        pipeline.zadd(this.boardKey(board), sortKey(e.score, e.achievedAt), e.openId);
        pipeline.hset(this.timesKey(board), e.openId, String(e.achievedAt));
      }
      await pipeline.exec();
    }
  }

  private async pipelineReplies(commands: string[][]): Promise<unknown[]> {
    const results = (await this.redis.multi(commands).exec()) ?? [];
    return results.map(([error, value]) => {
      if (error) throw error;
      return value;
    });
  }

  async close(): Promise<void> {
    await this.redis.quit();
  }
}

function parseProfile(raw: string | null): Profile {
  if (!raw) return { displayName: null, avatarUrl: null };
  const value = JSON.parse(raw) as Partial<Profile>;
  return {
    displayName: typeof value.displayName === 'string' ? value.displayName : null,
    avatarUrl: typeof value.avatarUrl === 'string' ? value.avatarUrl : null,
  };
}
