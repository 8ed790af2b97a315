import type { BoardPosition } from '../leaderboards/cursor';
import type { ScoreEntry } from '../leaderboards/order';
import type { BoardId } from '../leaderboards/weeks';

export type { BoardId, BoardPosition, ScoreEntry };

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

export interface SubmitOutcome {
  /** The player's best on the board after this submission. */
  best: ScoreEntry;
  rank: number;
  newBest: boolean;
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
  /**
   * Offers one score to several boards at once and keeps, per board, the better of it and the stored
   * best. Atomic per board, so concurrent submissions of one player keep exactly the best.
   * Resolves only once the write is durable. Outcomes are in the order of `boards`.
   */
  submitScore(boards: readonly BoardId[], entry: ScoreEntry): Promise<SubmitOutcome[]>;
  /** Up to `limit` entries strictly after `after` (or from the top when null), best first. */
  readAfter(board: BoardId, after: BoardPosition | null, limit: number): Promise<RankedEntry[]>;
  /** Up to `count` entries starting at 1-based `firstRank`. */
  readRanks(board: BoardId, firstRank: number, count: number): Promise<RankedEntry[]>;
  rankOf(board: BoardId, openId: string): Promise<number | null>;
  saveProfile(openId: string, profile: Profile, updatedAt: number): Promise<void>;
  recordEvents(openId: string, events: readonly AnalyticsEvent[], receivedAt: number): Promise<number>;
  /** Newest first; for operators and tests. */
  recentEvents(limit: number): Promise<StoredEvent[]>;
  close(): Promise<void>;
}
