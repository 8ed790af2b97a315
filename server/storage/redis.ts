import { achievedAtOfSortKey, scoreOfSortKey, sortKey } from '../leaderboards/order';
import { isCluster, pingEvery, RedisKeys } from './redisKeys';
import type { RedisClient } from './redisScript';
import {
  readAfterScript,
  readAroundScript,
  readRanksScript,
  saveProfileScript,
  submitScript,
} from './redisScripts';
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
  /** Prefix of every key (redisKeys.ts); the hash tags come after it. */
  keyPrefix?: string;
  /** Analytics events kept (approximately: `XADD MAXLEN ~`) in the events stream. */
  maxEvents?: number;
}

export const DEFAULT_MAX_EVENTS = 100_000;

/**
 * Sorted sets in Redis, for deployments that run several server processes: one Redis server, or a
 * Redis Cluster (docs/server.md, "Redis Cluster"). Each board lives in its own hash slot, so boards
 * spread over a cluster's shards; a read is one script in one slot; a submission writes its boards
 * with one script per slot, all sent at once (on one server, one script for all of them).
 */
export class RedisScoreStorage implements ScoreStorage {
  readonly kind = 'redis';
  readonly keys: RedisKeys;
  private readonly maxEvents: number;
  private readonly cluster: boolean;

  constructor(
    private readonly redis: RedisClient,
    options: RedisStorageOptions = {},
  ) {
    this.keys = new RedisKeys(options.keyPrefix);
    this.maxEvents = options.maxEvents ?? DEFAULT_MAX_EVENTS;
    this.cluster = isCluster(redis);
  }

  private boardKeys(board: BoardId): string[] {
    return [this.keys.scores(board), this.keys.names(board)];
  }

  /**
   * The boards a script may write together: on a cluster one per script (each its own slot), on one
   * server all of them. The profile key joins the script only on one server (another slot on a cluster).
   */
  private scriptsFor(boards: readonly BoardId[], openId: string): { boards: BoardId[]; keys: string[] }[] {
    if (this.cluster) return boards.map((board) => ({ boards: [board], keys: this.boardKeys(board) }));
    return [
      { boards: [...boards], keys: [...boards.flatMap((b) => this.boardKeys(b)), this.keys.profile(openId)] },
    ];
  }

  async ping(): Promise<void> {
    await pingEvery(this.redis);
  }

  async submitScore(boards: readonly BoardWrite[], entry: ScoreEntry): Promise<SubmitOutcome> {
    if (boards.length === 0) throw new Error('submitScore needs at least one board');
    const key = String(sortKey(entry.score, entry.achievedAt));
    // Remaining life from the run's time rather than an absolute time: Redis's clock is not the
    // server's (tests run the server on a fake clock), and on a real server the two are the same.
    const lifeOf = new Map(
      boards.map(({ board, expiresAt }) => [
        board,
        expiresAt === null ? '0' : String(Math.max(1, expiresAt - entry.achievedAt)),
      ]),
    );
    const profile = this.cluster ? ((await this.redis.get(this.keys.profile(entry.openId))) ?? '') : '';
    const replies = await Promise.all(
      this.scriptsFor(
        boards.map((b) => b.board),
        entry.openId,
      ).map((script, i) =>
        submitScript.run(this.redis, script.keys, [
          entry.openId,
          key,
          profile,
          i === 0 ? '1' : '0',
          ...script.boards.map((board) => lifeOf.get(board) ?? '0'),
        ]),
      ),
    );
    const [changed, storedKey, rank] = replies[0] as unknown[];
    return {
      best: scoreOfSortKey(Number(storedKey)),
      rank: Number(rank) + 1,
      newBest: Number(changed) === 1,
    };
  }

  async readAfter(board: BoardId, after: BoardPosition | null, limit: number): Promise<RankedEntry[]> {
    if (!after) return this.readRanks(board, 1, limit);
    const reply = (await readAfterScript.run(this.redis, this.boardKeys(board), [
      String(after.sortKey),
      after.openId,
      String(limit),
    ])) as unknown[];
    return toEntries(reply.slice(1), Number(reply[0]) + 1);
  }

  async readRanks(board: BoardId, firstRank: number, count: number): Promise<RankedEntry[]> {
    if (count <= 0) return [];
    const reply = (await readRanksScript.run(this.redis, this.boardKeys(board), [
      String(firstRank - 1),
      String(firstRank + count - 2),
    ])) as unknown[];
    return toEntries(reply, firstRank);
  }

  async readAround(
    board: BoardId,
    openId: string,
    above: number,
    count: number,
  ): Promise<AroundPlayer | null> {
    const reply = (await readAroundScript.run(this.redis, this.boardKeys(board), [
      openId,
      String(above),
      String(count),
    ])) as unknown[];
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
    const rank = await this.redis.zrank(this.keys.scores(board), openId);
    return rank === null ? null : rank + 1;
  }

  async saveProfile(openId: string, profile: Profile, updatedAt: number, boards: readonly BoardId[]) {
    const versioned = `${updatedAt}:${JSON.stringify(profile)}`;
    const scripts = this.scriptsFor(boards, openId);
    await Promise.all([
      ...(this.cluster ? [this.redis.set(this.keys.profile(openId), versioned)] : []),
      ...scripts.map((script) => saveProfileScript.run(this.redis, script.keys, [openId, versioned])),
    ]);
  }

  async recordEvents(openId: string, events: readonly AnalyticsEvent[], receivedAt: number): Promise<number> {
    const pipeline = this.redis.multi();
    for (const event of events) {
      pipeline.xadd(
        this.keys.events,
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
    const entries = await this.redis.xrevrange(this.keys.events, '+', '-', 'COUNT', limit);
    return entries.map(([, fields]) => JSON.parse(fields[1] ?? '{}') as StoredEvent);
  }

  /** For the benchmark: loads many entries quickly (variadic ZADD), bypassing keep-best. */
  async seed(board: BoardId, entries: readonly ScoreEntry[]): Promise<void> {
    const batch = 1000;
    const pipeline = this.redis.pipeline();
    for (let start = 0; start < entries.length; start += batch) {
      const slice = entries.slice(start, start + batch);
      pipeline.zadd(
        this.keys.scores(board),
        ...slice.flatMap((e) => [sortKey(e.score, e.achievedAt), e.openId]),
      );
    }
    await pipeline.exec();
  }

  async close(): Promise<void> {
    await this.redis.quit();
  }
}

/** Flat (member, key, profile copy) triples from the scripts, ranked from `firstRank`. */
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

/** A profile copy, `<updatedAt>:<json>`, as the scripts return it ('' or null: none). */
function parseProfile(raw: string | null): Profile {
  if (!raw) return { displayName: null, avatarUrl: null };
  const value = JSON.parse(raw.slice(raw.indexOf(':') + 1)) as Partial<Profile>;
  return {
    displayName: typeof value.displayName === 'string' ? value.displayName : null,
    avatarUrl: typeof value.avatarUrl === 'string' ? value.avatarUrl : null,
  };
}
