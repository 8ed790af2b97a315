import Database from 'better-sqlite3';
import { achievedAtOfSortKey, sortKey } from '../leaderboards/order';
import { RankIndex } from './rankIndex';
import { MIGRATE_TO_1, SCHEMA } from './sqliteSchema';
import { SqliteWriter } from './sqliteWriter';
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

interface EntryRow {
  open_id: string;
  score: number;
  achieved_at: number;
  sort_key: number;
  display_name: string | null;
  avatar_url: string | null;
}

interface EventRow {
  open_id: string;
  name: string;
  entry_point: string | null;
  at: number;
  received_at: number;
}

const ENTRY_COLUMNS = `s.open_id, s.score, s.achieved_at, s.sort_key, p.display_name, p.avatar_url
  FROM board_scores s LEFT JOIN profiles p ON p.open_id = s.open_id`;

export interface SqliteStorageOptions {
  /** Analytics events kept; the oldest beyond this are deleted as new ones arrive. */
  maxEvents?: number;
  /** How often expired period boards are deleted (also once at start); 0 = only when asked. */
  cleanupIntervalMs?: number;
  /** The clock of that clean-up. */
  now?: () => number;
  /**
   * The most rows the clean-up deletes per transaction (batches aim at 2 ms); writes arriving meanwhile
   * are committed in between.
   */
  expiryBatchRows?: number;
}

export const DEFAULT_EXPIRY_BATCH_ROWS = 2000;

export const DEFAULT_CLEANUP_INTERVAL_MS = 60 * 60 * 1000;

export const DEFAULT_MAX_EVENTS = 100_000;

/**
 * The embedded default: one file, WAL journal, synchronous=FULL so that a submission the server has
 * acknowledged is on disk even if the process is killed right after (see docs/server.md).
 * Writes go to one writer thread (sqliteWriter.ts), which applies them in order (keep-best is a
 * conditional upsert there) and commits with the fsync off this thread. Reads run here, on their own
 * connection, with ranks from an in-memory index per board (rankIndex.ts) that follows each write
 * once it has committed; the table stays the source of truth and the index is rebuilt from it at start.
 */
export class SqliteScoreStorage implements ScoreStorage {
  readonly kind = 'sqlite';
  private readonly db: Database.Database;
  private readonly statements;
  private readonly writer: SqliteWriter;
  private readonly indexes = new Map<BoardId, RankIndex>();
  private readonly maxEvents: number;
  private readonly expiryBatchRows: number;
  private readonly cleanup: NodeJS.Timeout | null = null;

  constructor(file: string, options: SqliteStorageOptions = {}) {
    this.maxEvents = options.maxEvents ?? DEFAULT_MAX_EVENTS;
    this.expiryBatchRows = Math.max(16, options.expiryBatchRows ?? DEFAULT_EXPIRY_BATCH_ROWS);
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
    if (this.db.pragma('user_version', { simple: true }) === 0)
      this.db.transaction(() => this.db.exec(MIGRATE_TO_1))();
    const db = this.db;
    this.statements = {
      ping: db.prepare('SELECT 1'),
      best: db.prepare<[string, string], { score: number; sort_key: number }>(
        'SELECT score, sort_key FROM board_scores WHERE board = ? AND open_id = ?',
      ),
      positions: db
        .prepare<[string], [sortKey: number, openId: string]>(
          'SELECT sort_key, open_id FROM board_scores WHERE board = ? ORDER BY sort_key, open_id',
        )
        .raw(true),
      top: db.prepare<[string, number], EntryRow>(
        `SELECT ${ENTRY_COLUMNS} WHERE s.board = ? ORDER BY s.sort_key, s.open_id LIMIT ?`,
      ),
      after: db.prepare<[string, number, string, number], EntryRow>(
        `SELECT ${ENTRY_COLUMNS} WHERE s.board = ? AND (s.sort_key, s.open_id) > (?, ?)
         ORDER BY s.sort_key, s.open_id LIMIT ?`,
      ),
      from: db.prepare<[string, number, string, number], EntryRow>(
        `SELECT ${ENTRY_COLUMNS} WHERE s.board = ? AND (s.sort_key, s.open_id) >= (?, ?)
         ORDER BY s.sort_key, s.open_id LIMIT ?`,
      ),
      recentEvents: db.prepare<[number], EventRow>(
        'SELECT open_id, name, entry_point, at, received_at FROM events ORDER BY id DESC LIMIT ?',
      ),
    };
    this.writer = new SqliteWriter(file);
    const every = options.cleanupIntervalMs ?? DEFAULT_CLEANUP_INTERVAL_MS;
    if (every > 0) {
      const now = options.now ?? Date.now;
      const run = () => {
        // A failed clean-up is tried again at the next interval; the boards stay correct meanwhile.
        this.removeExpiredBoards(now()).catch(() => undefined);
      };
      run();
      this.cleanup = setInterval(run, every);
      // The clean-up alone must not keep a process (a test, a script) running.
      this.cleanup.unref();
    }
  }

  /** Builds the rank index of these boards now rather than on their first read (a million rows: ~1 s). */
  warm(boards: readonly BoardId[]): void {
    for (const board of boards) this.indexOf(board);
  }

  /** The board's rank index, built from the table the first time the board is used. */
  private indexOf(board: BoardId): RankIndex {
    let index = this.indexes.get(board);
    if (!index) {
      index = RankIndex.fromSorted(this.statements.positions.iterate(board));
      this.indexes.set(board, index);
    }
    return index;
  }

  async ping(): Promise<void> {
    this.statements.ping.get();
  }

  async submitScore(boards: readonly BoardWrite[], entry: ScoreEntry): Promise<SubmitOutcome> {
    const board = boards[0]?.board;
    if (board === undefined) throw new Error('submitScore needs at least one board');
    const key = sortKey(entry.score, entry.achievedAt);
    const { changes, best, bestKey, newBest } = await this.writer.write({
      kind: 'submit',
      boards,
      openId: entry.openId,
      score: entry.score,
      achievedAt: entry.achievedAt,
      sortKey: key,
    });
    // Committed: now the indexes follow, in commit order (replies arrive in the order of the writes).
    for (const change of changes) {
      const index = this.indexes.get(change.board);
      if (!index) continue; // built later from the table, which already holds this write
      if (change.oldKey !== null) index.remove(change.oldKey, entry.openId);
      index.insert(change.newKey, entry.openId);
    }
    const rank = this.indexOf(board).countBefore(bestKey, entry.openId) + 1;
    return { best, rank, newBest };
  }

  async readAfter(board: BoardId, after: BoardPosition | null, limit: number): Promise<RankedEntry[]> {
    if (!after) return toRanked(this.statements.top.all(board, limit), 1);
    const seen = this.indexOf(board).countUpTo(after.sortKey, after.openId);
    return toRanked(this.statements.after.all(board, after.sortKey, after.openId, limit), seen + 1);
  }

  async readRanks(board: BoardId, firstRank: number, count: number): Promise<RankedEntry[]> {
    return this.ranksFrom(board, firstRank, count);
  }

  private ranksFrom(board: BoardId, firstRank: number, count: number): RankedEntry[] {
    if (count <= 0) return [];
    if (firstRank === 1) return toRanked(this.statements.top.all(board, count), 1);
    const first = this.indexOf(board).at(firstRank - 1);
    if (!first) return [];
    return toRanked(this.statements.from.all(board, first.sortKey, first.openId, count), firstRank);
  }

  private rankNow(board: BoardId, openId: string): number | null {
    const stored = this.statements.best.get(board, openId);
    return stored ? this.indexOf(board).countBefore(stored.sort_key, openId) + 1 : null;
  }

  async rankOf(board: BoardId, openId: string): Promise<number | null> {
    return this.rankNow(board, openId);
  }

  async readAround(
    board: BoardId,
    openId: string,
    above: number,
    count: number,
  ): Promise<AroundPlayer | null> {
    // One read transaction: the writer thread may commit between these statements otherwise.
    return this.db.transaction((): AroundPlayer | null => {
      const rank = this.rankNow(board, openId);
      if (rank === null) return null;
      const firstRank = Math.max(1, rank - above);
      const window = this.ranksFrom(board, firstRank, count);
      const leader = firstRank > 1 ? (this.ranksFrom(board, 1, 1)[0] ?? null) : null;
      return { rank, window, leader };
    })();
  }

  async removeExpiredBoards(now: number): Promise<number> {
    const { removed } = await this.writer.write({ kind: 'expire', now, batchRows: this.expiryBatchRows });
    for (const board of removed) this.indexes.delete(board);
    return removed.length;
  }

  /** One table joined by every read: the boards need no copy. */
  async saveProfile(openId: string, profile: Profile, updatedAt: number, _boards: readonly BoardId[]) {
    await this.writer.write({ kind: 'profile', openId, profile, updatedAt });
  }

  async recordEvents(openId: string, events: readonly AnalyticsEvent[], receivedAt: number): Promise<number> {
    await this.writer.write({ kind: 'events', openId, events, receivedAt, maxEvents: this.maxEvents });
    return events.length;
  }

  async recentEvents(limit: number): Promise<StoredEvent[]> {
    return this.statements.recentEvents.all(limit).map((row) => ({
      openId: row.open_id,
      name: row.name,
      entryPoint: row.entry_point,
      at: row.at,
      receivedAt: row.received_at,
    }));
  }

  /** For the benchmark: loads many entries in one transaction, replacing rather than keeping the best. */
  seed(board: BoardId, entries: readonly ScoreEntry[]): void {
    const insert = this.db.prepare(
      `INSERT INTO board_scores (board, open_id, score, achieved_at, sort_key) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (board, open_id) DO UPDATE SET score = excluded.score, achieved_at = excluded.achieved_at,
         sort_key = excluded.sort_key`,
    );
    this.db.transaction(() => {
      for (const e of entries)
        insert.run(board, e.openId, e.score, e.achievedAt, sortKey(e.score, e.achievedAt));
    })();
    this.indexes.delete(board);
  }

  async close(): Promise<void> {
    if (this.cleanup) clearInterval(this.cleanup);
    await this.writer.close();
    if (this.db.open) this.db.close();
  }
}

function toRanked(rows: EntryRow[], firstRank: number): RankedEntry[] {
  return rows.map((row, index) => ({
    rank: firstRank + index,
    openId: row.open_id,
    score: row.score,
    // The second the tie was decided by, as Redis answers (the column keeps the exact ms as a record).
    achievedAt: achievedAtOfSortKey(row.sort_key),
    sortKey: row.sort_key,
    displayName: row.display_name,
    avatarUrl: row.avatar_url,
  }));
}
