import { achievedAtOfSortKey, scoreOfSortKey, sortKey } from '../leaderboards/order';
import { isCluster, pingEvery, RedisKeys } from './redisKeys';
import type { RedisClient } from './redisScript';
import {
  joinedScript,
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
 * spread over a cluster's shards, and a read is one script in one slot. A submission is one script on
 * one server; on a cluster, one command per board slot, all sent at once (redisScripts.ts, SUBMIT).
 */
export class RedisScoreStorage implements ScoreStorage {
  readonly kind = 'redis';
  readonly keys: RedisKeys;
  private readonly maxEvents: number;
  private readonly cluster: boolean;
  private readonly boardKeyCache = new Map<BoardId, string[]>();

  constructor(
    private readonly redis: RedisClient,
    options: RedisStorageOptions = {},
  ) {
    this.keys = new RedisKeys(options.keyPrefix);
    this.maxEvents = options.maxEvents ?? DEFAULT_MAX_EVENTS;
    this.cluster = isCluster(redis);
  }

  /** A board's sorted set and profile copies; remembered, since a handful of boards take every run. */
  private boardKeys(board: BoardId): string[] {
    let keys = this.boardKeyCache.get(board);
    if (keys === undefined) {
      if (this.boardKeyCache.size >= 1024) this.boardKeyCache.clear();
      keys = [this.keys.scores(board), this.keys.names(board)];
      this.boardKeyCache.set(board, keys);
    }
    return keys;
  }

  async ping(): Promise<void> {
    await pingEvery(this.redis);
  }

  async submitScore(boards: readonly BoardWrite[], entry: ScoreEntry): Promise<SubmitOutcome> {
    const [reported, ...others] = boards;
    if (reported === undefined) throw new Error('submitScore needs at least one board');
    const id = entry.openId;
    const key = String(sortKey(entry.score, entry.achievedAt));
    // Remaining life from the run's time rather than an absolute time: Redis's clock is not the
    // server's (tests run the server on a fake clock), and on a real server the two are the same.
    const life = ({ expiresAt }: BoardWrite) =>
      expiresAt === null ? '0' : String(Math.max(1, expiresAt - entry.achievedAt));
    let reply: unknown[];
    if (!this.cluster) {
      // One server: every board, and the profile key, in one script.
      const keys = [...boards.flatMap(({ board }) => this.boardKeys(board)), this.keys.profile(id)];
      reply = (await submitScript.run(this.redis, keys, [id, key, ...boards.map(life)])) as unknown[];
    } else {
      // A cluster: the reported board's script and each other board's `ZADD LT`, all sent at once, each
      // to its board's slot; the boards the player joined then get their expiry and profile copy.
      const [answer, ...added] = await Promise.all([
        submitScript.run(this.redis, this.boardKeys(reported.board), [id, key, life(reported)]),
        ...others.map(({ board }) => this.redis.zadd(this.boardKeys(board)[0] as string, 'LT', key, id)),
      ]);
      reply = answer as unknown[];
      const joined: [BoardId, string][] = reply[3] === 1 ? [[reported.board, '0']] : [];
      others.forEach((write, i) => {
        if (added[i] === 1) joined.push([write.board, life(write)]);
      });
      if (joined.length > 0) await this.joined(id, joined);
    }
    return {
      best: scoreOfSortKey(Number(reply[1])),
      rank: Number(reply[2]) + 1,
      newBest: reply[0] === 1,
    };
  }

  /** On a cluster, boards the player just joined: their expiry, and the player's profile copy. */
  private async joined(openId: string, boards: readonly [BoardId, string][]): Promise<void> {
    const profile = (await this.redis.get(this.keys.profile(openId))) ?? '';
    await Promise.all(
      boards.map(([board, life]) =>
        joinedScript.run(this.redis, this.boardKeys(board), [openId, life, profile]),
      ),
    );
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

  /**
   * The profile, and its copy on each of `boards` the player is on: on one server one script for all;
   * on a cluster the profile key and each board's script, each in its own slot, sent at once.
   */
  async saveProfile(openId: string, profile: Profile, updatedAt: number, boards: readonly BoardId[]) {
    const versioned = `${updatedAt}:${JSON.stringify(profile)}`;
    if (!this.cluster) {
      const keys = [...boards.flatMap((board) => this.boardKeys(board)), this.keys.profile(openId)];
      await saveProfileScript.run(this.redis, keys, [openId, versioned]);
      return;
    }
    await Promise.all([
      this.redis.set(this.keys.profile(openId), versioned),
      ...boards.map((board) => saveProfileScript.run(this.redis, this.boardKeys(board), [openId, versioned])),
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
