import type { Redis } from 'ioredis';
import { achievedAtOfSortKey, scoreOfSortKey, sortKey } from '../leaderboards/order';
import { readAfterScript, readAroundScript, readRanksScript, submitScript } from './redisScripts';
import type {
  AnalyticsEvent,
  AroundPlayer,
  BoardId,
  BoardPosition,
  BoardWrite,
  Profile,
  RankedEntry,
  ScoreEntry,
  ScoreStorage,
  StoredEvent,
  SubmitOutcome,
} from './types';

export interface RedisStorageOptions {
  /**
   * Prefix of every key. The braces are a Redis Cluster hash tag: they keep all boards in one slot,
   * which the submit script needs because it writes a zone's all-time and period boards together, and
   * the reads need because they join a board with the profiles.
   */
  keyPrefix?: string;
  /** Analytics events kept (approximately: `XADD MAXLEN ~`) in the events stream. */
  maxEvents?: number;
}

export const DEFAULT_MAX_EVENTS = 100_000;

/** Sorted sets in Redis, for deployments that run several server processes. */
export class RedisScoreStorage implements ScoreStorage {
  readonly kind = 'redis';
  private readonly prefix: string;
  private readonly maxEvents: number;

  constructor(
    private readonly redis: Redis,
    options: RedisStorageOptions = {},
  ) {
    this.prefix = options.keyPrefix ?? '{leaderboard}:';
    this.maxEvents = options.maxEvents ?? DEFAULT_MAX_EVENTS;
  }

  private boardKey(board: BoardId): string {
    return `${this.prefix}board:${board}`;
  }

  private get profilesKey(): string {
    return `${this.prefix}profiles`;
  }

  private get eventsKey(): string {
    return `${this.prefix}events`;
  }

  private pageKeys(board: BoardId): string[] {
    return [this.boardKey(board), this.profilesKey];
  }

  async ping(): Promise<void> {
    await this.redis.ping();
  }

  async submitScore(boards: readonly BoardWrite[], entry: ScoreEntry): Promise<SubmitOutcome> {
    if (boards.length === 0) throw new Error('submitScore needs at least one board');
    const key = sortKey(entry.score, entry.achievedAt);
    const keys = boards.map(({ board }) => this.boardKey(board));
    // Remaining life from the run's time rather than an absolute time: Redis's clock is not the
    // server's (tests run the server on a fake clock), and on a real server the two are the same.
    const expiries = boards.map(({ expiresAt }) =>
      expiresAt === null ? '0' : String(Math.max(1, expiresAt - entry.achievedAt)),
    );
    const [changed, storedKey, rank] = await submitScript.run(this.redis, keys, [
      entry.openId,
      String(key),
      ...expiries,
    ]);
    return {
      best: scoreOfSortKey(Number(storedKey)),
      rank: Number(rank) + 1,
      newBest: Number(changed) === 1,
    };
  }

  async readAfter(board: BoardId, after: BoardPosition | null, limit: number): Promise<RankedEntry[]> {
    if (!after) return this.readRanks(board, 1, limit);
    const reply = await readAfterScript.run(this.redis, this.pageKeys(board), [
      String(after.sortKey),
      after.openId,
      String(limit),
    ]);
    return toEntries(reply.slice(1), Number(reply[0]) + 1);
  }

  async readRanks(board: BoardId, firstRank: number, count: number): Promise<RankedEntry[]> {
    if (count <= 0) return [];
    const reply = await readRanksScript.run(this.redis, this.pageKeys(board), [
      String(firstRank - 1),
      String(firstRank + count - 2),
    ]);
    return toEntries(reply, firstRank);
  }

  async readAround(
    board: BoardId,
    openId: string,
    above: number,
    count: number,
  ): Promise<AroundPlayer | null> {
    const reply = await readAroundScript.run(this.redis, this.pageKeys(board), [
      openId,
      String(above),
      String(count),
    ]);
    if (reply.length === 0) return null;
    const [rank, first, leaderPair, page, profiles] = reply as [
      number,
      number,
      string[],
      string[],
      (string | null)[],
    ];
    const entry = (pair: string[], at: number, field: number, rankOf: number): RankedEntry => {
      const key = Number(pair[at + 1]);
      return {
        rank: rankOf,
        openId: pair[at] as string,
        score: scoreOfSortKey(key),
        achievedAt: achievedAtOfSortKey(key),
        sortKey: key,
        ...parseProfile(profiles[field] ?? null),
      };
    };
    const led = leaderPair.length === 2 ? 1 : 0;
    const window: RankedEntry[] = [];
    for (let i = 0; i < page.length; i += 2) window.push(entry(page, i, led + i / 2, first + 1 + i / 2));
    return { rank: rank + 1, window, leader: led ? entry(leaderPair, 0, 0, 1) : null };
  }

  /** Redis deletes period boards by itself: each gets its expiry when it is created (see SUBMIT). */
  async removeExpiredBoards(_now: number): Promise<number> {
    return 0;
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
    const results = (await pipeline.exec()) ?? [];
    for (const [error] of results) if (error) throw error;
    return events.length;
  }

  async recentEvents(limit: number): Promise<StoredEvent[]> {
    const entries = await this.redis.xrevrange(this.eventsKey, '+', '-', 'COUNT', limit);
    return entries.map(([, fields]) => JSON.parse(fields[1] ?? '{}') as StoredEvent);
  }

  /** For the benchmark: loads many entries quickly (variadic ZADD), bypassing keep-best. */
  async seed(board: BoardId, entries: readonly ScoreEntry[]): Promise<void> {
    const batch = 1000;
    const pipeline = this.redis.pipeline();
    for (let start = 0; start < entries.length; start += batch) {
      const slice = entries.slice(start, start + batch);
      pipeline.zadd(
        this.boardKey(board),
        ...slice.flatMap((e) => [sortKey(e.score, e.achievedAt), e.openId]),
      );
    }
    await pipeline.exec();
  }

  async close(): Promise<void> {
    await this.redis.quit();
  }
}

/** Flat (member, key, profile JSON) triples from the scripts, ranked from `firstRank`. */
function toEntries(flat: unknown[], firstRank: number): RankedEntry[] {
  const entries: RankedEntry[] = [];
  for (let i = 0; i + 2 < flat.length; i += 3) {
    const key = Number(flat[i + 1]);
    entries.push({
      rank: firstRank + i / 3,
      openId: String(flat[i]),
      score: scoreOfSortKey(key),
      achievedAt: achievedAtOfSortKey(key),
      sortKey: key,
      ...parseProfile(String(flat[i + 2]) || null),
    });
  }
  return entries;
}

function parseProfile(raw: string | null): Profile {
  if (!raw) return { displayName: null, avatarUrl: null };
  const value = JSON.parse(raw) as Partial<Profile>;
  return {
    displayName: typeof value.displayName === 'string' ? value.displayName : null,
    avatarUrl: typeof value.avatarUrl === 'string' ? value.avatarUrl : null,
  };
}
