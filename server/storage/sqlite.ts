import Database from 'better-sqlite3';
import { scoreOfSortKey, sortKey, TIME_EPOCH_MS } from '../leaderboards/order';
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

const SCHEMA = `
CREATE TABLE IF NOT EXISTS board_scores (
  board       TEXT    NOT NULL,
  open_id     TEXT    NOT NULL,
  score       INTEGER NOT NULL,
  achieved_at INTEGER NOT NULL,
  sort_key    INTEGER NOT NULL,
  PRIMARY KEY (board, open_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS board_scores_by_rank ON board_scores (board, sort_key, open_id);
-- How many players hold each score on each board, kept by triggers. A rank is then a sum over the
-- higher scores plus a count among equal scores: proportional to the number of distinct scores, not to
-- the rank, which matters at a million players.
CREATE TABLE IF NOT EXISTS score_counts (
  board   TEXT    NOT NULL,
  score   INTEGER NOT NULL,
  players INTEGER NOT NULL,
  PRIMARY KEY (board, score)
) WITHOUT ROWID;
CREATE TRIGGER IF NOT EXISTS score_counts_insert AFTER INSERT ON board_scores BEGIN
  INSERT INTO score_counts (board, score, players) VALUES (NEW.board, NEW.score, 1)
    ON CONFLICT (board, score) DO UPDATE SET players = players + 1;
END;
CREATE TRIGGER IF NOT EXISTS score_counts_update AFTER UPDATE OF score ON board_scores
  WHEN OLD.score <> NEW.score BEGIN
  UPDATE score_counts SET players = players - 1 WHERE board = OLD.board AND score = OLD.score;
  INSERT INTO score_counts (board, score, players) VALUES (NEW.board, NEW.score, 1)
    ON CONFLICT (board, score) DO UPDATE SET players = players + 1;
END;
CREATE TRIGGER IF NOT EXISTS score_counts_delete AFTER DELETE ON board_scores BEGIN
  UPDATE score_counts SET players = players - 1 WHERE board = OLD.board AND score = OLD.score;
END;
CREATE TABLE IF NOT EXISTS profiles (
  open_id      TEXT PRIMARY KEY,
  display_name TEXT,
  avatar_url   TEXT,
  updated_at   INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS events (
  id          INTEGER PRIMARY KEY,
  open_id     TEXT    NOT NULL,
  name        TEXT    NOT NULL,
  entry_point TEXT,
  at          INTEGER NOT NULL,
  received_at INTEGER NOT NULL
);
`;

interface EntryRow {
  open_id: string;
  score: number;
  achieved_at: number;
  sort_key: number;
  display_name: string | null;
  avatar_url: string | null;
}

interface PositionParams {
  board: string;
  score: number;
  lowestKey: number;
  sortKey: number;
  openId: string;
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

/**
 * The embedded default: one file, WAL journal, synchronous=FULL so that a submission the server has
 * acknowledged is on disk even if the process is killed right after (see docs/server.md).
 * better-sqlite3 is synchronous, so every method runs to completion without interleaving; that, plus
 * the conditional upsert, makes keep-best atomic.
 */
export class SqliteScoreStorage implements ScoreStorage {
  private readonly db: Database.Database;
  private readonly statements;
  private readonly submitTransaction;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
    this.rebuildScoreCountsIfMissing();
    const db = this.db;
    this.statements = {
      keepBest: db.prepare(`
        INSERT INTO board_scores (board, open_id, score, achieved_at, sort_key) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (board, open_id) DO UPDATE
          SET score = excluded.score, achieved_at = excluded.achieved_at, sort_key = excluded.sort_key
          WHERE excluded.sort_key < board_scores.sort_key`),
      best: db.prepare<[string, string], { score: number; achieved_at: number; sort_key: number }>(
        'SELECT score, achieved_at, sort_key FROM board_scores WHERE board = ? AND open_id = ?',
      ),
      // Players above a position: all with a higher score, plus those with the same score and a smaller
      // (sort_key, open_id). `lowestKey` is the smallest sort key of that score. `countUpTo` also counts the
      // position itself.
      countAhead: db.prepare<PositionParams, { ahead: number }>(`
        SELECT COALESCE((SELECT SUM(players) FROM score_counts WHERE board = @board AND score > @score), 0)
             + (SELECT COUNT(*) FROM board_scores WHERE board = @board AND sort_key >= @lowestKey
                AND (sort_key, open_id) < (@sortKey, @openId)) AS ahead`),
      countUpTo: db.prepare<PositionParams, { ahead: number }>(`
        SELECT COALESCE((SELECT SUM(players) FROM score_counts WHERE board = @board AND score > @score), 0)
             + (SELECT COUNT(*) FROM board_scores WHERE board = @board AND sort_key >= @lowestKey
                AND (sort_key, open_id) <= (@sortKey, @openId)) AS ahead`),
      top: db.prepare<[string, number], EntryRow>(
        `SELECT ${ENTRY_COLUMNS} WHERE s.board = ? ORDER BY s.sort_key, s.open_id LIMIT ?`,
      ),
      after: db.prepare<[string, number, string, number], EntryRow>(
        `SELECT ${ENTRY_COLUMNS} WHERE s.board = ? AND (s.sort_key, s.open_id) > (?, ?)
         ORDER BY s.sort_key, s.open_id LIMIT ?`,
      ),
      // Walked best score first until the bucket holding a rank is reached (see readRanks).
      // Raw rows: building thousands of row objects costs more than the query itself.
      buckets: db
        .prepare<[string], [score: number, players: number]>(
          'SELECT score, players FROM score_counts WHERE board = ? AND players > 0 ORDER BY score DESC',
        )
        .raw(true),
      positionInBucket: db.prepare<[string, number, number, number], { sort_key: number; open_id: string }>(`
        SELECT sort_key, open_id FROM board_scores WHERE board = ? AND sort_key >= ? AND sort_key < ?
        ORDER BY sort_key, open_id LIMIT 1 OFFSET ?`),
      from: db.prepare<[string, number, string, number], EntryRow>(
        `SELECT ${ENTRY_COLUMNS} WHERE s.board = ? AND (s.sort_key, s.open_id) >= (?, ?)
         ORDER BY s.sort_key, s.open_id LIMIT ?`,
      ),
      saveProfile: db.prepare(`
        INSERT INTO profiles (open_id, display_name, avatar_url, updated_at) VALUES (?, ?, ?, ?)
        ON CONFLICT (open_id) DO UPDATE SET display_name = excluded.display_name,
          avatar_url = excluded.avatar_url, updated_at = excluded.updated_at`),
      addEvent: db.prepare(
        'INSERT INTO events (open_id, name, entry_point, at, received_at) VALUES (?, ?, ?, ?, ?)',
      ),
      recentEvents: db.prepare<[number], EventRow>(
        'SELECT open_id, name, entry_point, at, received_at FROM events ORDER BY id DESC LIMIT ?',
      ),
    };
    this.submitTransaction = db.transaction((boards: readonly BoardId[], entry: ScoreEntry) =>
      boards.map((board) => this.keepBest(board, entry)),
    );
  }

  /** A file written before score_counts existed has scores but no counts; derive them once. */
  private rebuildScoreCountsIfMissing(): void {
    const has = (table: string) =>
      this.db.prepare(`SELECT EXISTS (SELECT 1 FROM ${table}) AS found`).get() as { found: number };
    if (has('score_counts').found || !has('board_scores').found) return;
    this.db.exec(
      'INSERT INTO score_counts (board, score, players) SELECT board, score, COUNT(*) FROM board_scores GROUP BY board, score',
    );
  }

  private keepBest(board: BoardId, entry: ScoreEntry): SubmitOutcome {
    const key = sortKey(entry.score, entry.achievedAt);
    const { changes } = this.statements.keepBest.run(board, entry.openId, entry.score, entry.achievedAt, key);
    const stored = this.statements.best.get(board, entry.openId);
    if (!stored) throw new Error(`score for ${entry.openId} on ${board} vanished inside its transaction`);
    const ahead = this.countAhead(board, stored.sort_key, entry.openId);
    return {
      best: { openId: entry.openId, score: stored.score, achievedAt: stored.achieved_at },
      rank: ahead + 1,
      newBest: changes > 0,
    };
  }

  private countAhead(board: BoardId, key: number, openId: string): number {
    const score = scoreOfSortKey(key);
    return (
      this.statements.countAhead.get({ board, score, lowestKey: lowestKeyOf(score), sortKey: key, openId })
        ?.ahead ?? 0
    );
  }

  async submitScore(boards: readonly BoardId[], entry: ScoreEntry): Promise<SubmitOutcome[]> {
    return this.submitTransaction(boards, entry);
  }

  async readAfter(board: BoardId, after: BoardPosition | null, limit: number): Promise<RankedEntry[]> {
    if (!after) return toRanked(this.statements.top.all(board, limit), 1);
    const read = this.db.transaction(() => {
      const score = scoreOfSortKey(after.sortKey);
      const position = {
        board,
        score,
        lowestKey: lowestKeyOf(score),
        sortKey: after.sortKey,
        openId: after.openId,
      };
      const seen = this.statements.countUpTo.get(position)?.ahead ?? 0;
      return toRanked(this.statements.after.all(board, after.sortKey, after.openId, limit), seen + 1);
    });
    return read();
  }

  async readRanks(board: BoardId, firstRank: number, count: number): Promise<RankedEntry[]> {
    if (firstRank === 1) return toRanked(this.statements.top.all(board, count), 1);
    const read = this.db.transaction(() => {
      const bucket = this.bucketOfRank(board, firstRank);
      if (!bucket) return [];
      const low = lowestKeyOf(bucket.score);
      const first = this.statements.positionInBucket.get(
        board,
        low,
        low + 2 ** 32,
        firstRank - 1 - bucket.before,
      );
      if (!first) return [];
      return toRanked(this.statements.from.all(board, first.sort_key, first.open_id, count), firstRank);
    });
    return read();
  }

  /** The score whose players hold `rank`, and how many players rank above that score. */
  private bucketOfRank(board: BoardId, rank: number): { score: number; before: number } | null {
    let before = 0;
    for (const [score, players] of this.statements.buckets.all(board)) {
      if (before + players >= rank) return { score, before };
      before += players;
    }
    return null;
  }

  async rankOf(board: BoardId, openId: string): Promise<number | null> {
    const read = this.db.transaction(() => {
      const stored = this.statements.best.get(board, openId);
      if (!stored) return null;
      return this.countAhead(board, stored.sort_key, openId) + 1;
    });
    return read();
  }

  async saveProfile(openId: string, profile: Profile, updatedAt: number): Promise<void> {
    this.statements.saveProfile.run(openId, profile.displayName, profile.avatarUrl, updatedAt);
  }

  async recordEvents(openId: string, events: readonly AnalyticsEvent[], receivedAt: number): Promise<number> {
    const insertAll = this.db.transaction(() => {
      for (const event of events) {
        this.statements.addEvent.run(openId, event.name, event.entryPoint, event.at, receivedAt);
      }
    });
    insertAll();
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
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

/** The smallest sort key a score can have (its entry at second 0). */
function lowestKeyOf(score: number): number {
  return sortKey(score, TIME_EPOCH_MS);
}

function toRanked(rows: EntryRow[], firstRank: number): RankedEntry[] {
  return rows.map((row, index) => ({
    rank: firstRank + index,
    openId: row.open_id,
    score: row.score,
    achievedAt: row.achieved_at,
    sortKey: row.sort_key,
    displayName: row.display_name,
    avatarUrl: row.avatar_url,
  }));
}
