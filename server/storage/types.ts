import type { BoardPosition } from '../leaderboards/cursor';
import type { ScoreEntry } from '../leaderboards/order';

export type { BoardPosition, ScoreEntry };

/** A board's storage id, built by server/leaderboards/boards.ts (`default/weekly/2026-11-23`); opaque here. */
export type BoardId = string;

/** A board a submission writes to, and when the whole board may be deleted (null: never). */
export interface BoardWrite {
  board: BoardId;
  /** ms since the epoch; Redis sets it as the key's expiry, SQLite's clean-up deletes the board after it. */
  expiresAt: number | null;
}

export interface Profile {
  /** Exactly as the platform gave it (never escaped or marked up here); null when unknown. */
  displayName: string | null;
  avatarUrl: string | null;
}

export interface RankedEntry extends ScoreEntry, Profile {
  /** 1-based and strictly increasing: ties are broken by time, then open_id. */
  rank: number;
  sortKey: number;
}

/** What a submission did to the first board it was offered to (the others are written, not read back). */
export interface SubmitOutcome {
  /** The player's best score on the board after this submission. */
  best: number;
  rank: number;
  newBest: boolean;
}

/** The around-me read: the player's rank, a window of ranks, and rank 1 when the window starts below it. */
export interface AroundPlayer {
  rank: number;
  /** Up to `count` entries from rank max(1, rank - above). */
  window: RankedEntry[];
  /** Rank 1, or null when the window already starts there. */
  leader: RankedEntry | null;
}

export interface AnalyticsEvent {
  name: string;
  entryPoint: string | null;
  /** Client time of the event, ms. */
  at: number;
}

export interface StoredEvent extends AnalyticsEvent {
  openId: string;
  receivedAt: number;
}

/**
 * Everything the server stores. Both implementations (SQLite, Redis) pass the same contract suite in
 * tests/unit/server/storageContract.ts.
 */
export interface ScoreStorage {
  /** Which backend, for /health and logs. */
  readonly kind: 'sqlite' | 'redis';
  /** Resolves when the store answers a trivial read; rejects when it is down. */
  ping(): Promise<void>;
  /**
   * Offers one score to several boards at once and keeps, per board, the better of it and the stored
   * best. Atomic per board, so concurrent submissions of one player keep exactly the best.
   * Resolves only once the write is durable, with the outcome on `boards[0]`.
   */
  submitScore(boards: readonly BoardWrite[], entry: ScoreEntry): Promise<SubmitOutcome>;
  /**
   * Deletes every board whose `expiresAt` is at or before `now` and answers how many went. Redis
   * expires its keys by itself (always 0); SQLite runs this at start and every hour (see sqlite.ts).
   */
  removeExpiredBoards(now: number): Promise<number>;
  /** Up to `limit` entries strictly after `after` (or from the top when null), best first. */
  readAfter(board: BoardId, after: BoardPosition | null, limit: number): Promise<RankedEntry[]>;
  /** Up to `count` entries starting at 1-based `firstRank`. */
  readRanks(board: BoardId, firstRank: number, count: number): Promise<RankedEntry[]>;
  rankOf(board: BoardId, openId: string): Promise<number | null>;
  /** The player's rank and the entries around it in one consistent read; null when not on the board. */
  readAround(board: BoardId, openId: string, above: number, count: number): Promise<AroundPlayer | null>;
  /**
   * Stores the player's profile. `boards`: the boards it must show on at once (the current ones of
   * every zone): Redis keeps a copy of it on each board the player is on, so that a read stays in the
   * board's hash slot (storage/redisKeys.ts); SQLite joins its one table and needs none.
   */
  saveProfile(openId: string, profile: Profile, updatedAt: number, boards: readonly BoardId[]): Promise<void>;
  /** Stores the events; the oldest beyond the configured cap are dropped (see docs/server.md). */
  recordEvents(openId: string, events: readonly AnalyticsEvent[], receivedAt: number): Promise<number>;
  /** Newest first; for operators and tests. */
  recentEvents(limit: number): Promise<StoredEvent[]>;
  close(): Promise<void>;
}
