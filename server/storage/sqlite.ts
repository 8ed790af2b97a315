import Database from 'better-sqlite3';
import { sortKey } from '../leaderboards/order.js';
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
} from './types.js';

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
      countAhead: db.prepare<[string, number, string], { ahead: number }>(
        'SELECT COUNT(*) AS ahead FROM board_scores WHERE board = ? AND (sort_key, open_id) < (?, ?)',
      ),
      countUpTo: db.prepare<[string, number, string], { ahead: number }>(
        'SELECT COUNT(*) AS ahead FROM board_scores WHERE board = ? AND (sort_key, open_id) <= (?, ?)',
      ),
      top: db.prepare<[string, number], EntryRow>(
        `SELECT ${ENTRY_COLUMNS} WHERE s.board = ? ORDER BY s.sort_key, s.open_id LIMIT ?`,
      ),
      after: db.prepare<[string, number, string, number], EntryRow>(
        `SELECT ${ENTRY_COLUMNS} WHERE s.board = ? AND (s.sort_key, s.open_id) > (?, ?)
         ORDER BY s.sort_key, s.open_id LIMIT ?`,
      ),
      // OFFSET walks the covering index only; the join then runs for the page alone.
      positionAt: db.prepare<[string, number], { sort_key: number; open_id: string }>(
        'SELECT sort_key, open_id FROM board_scores WHERE board = ? ORDER BY sort_key, open_id LIMIT 1 OFFSET ?',
      ),
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

  private keepBest(board: BoardId, entry: ScoreEntry): SubmitOutcome {
    const key = sortKey(entry.score, entry.achievedAt);
    const { changes } = this.statements.keepBest.run(board, entry.openId, entry.score, entry.achievedAt, key);
    const stored = this.statements.best.get(board, entry.openId);
    if (!stored) throw new Error(`score for ${entry.openId} on ${board} vanished inside its transaction`);
    const ahead = this.statements.countAhead.get(board, stored.sort_key, entry.openId)?.ahead ?? 0;
    return {
      best: { openId: entry.openId, score: stored.score, achievedAt: stored.achieved_at },
      rank: ahead + 1,
      newBest: changes > 0,
    };
  }

  async submitScore(boards: readonly BoardId[], entry: ScoreEntry): Promise<SubmitOutcome[]> {
    return this.submitTransaction(boards, entry);
  }

  async readAfter(board: BoardId, after: BoardPosition | null, limit: number): Promise<RankedEntry[]> {
    if (!after) return toRanked(this.statements.top.all(board, limit), 1);
    const read = this.db.transaction(() => {
      const seen = this.statements.countUpTo.get(board, after.sortKey, after.openId)?.ahead ?? 0;
      return toRanked(this.statements.after.all(board, after.sortKey, after.openId, limit), seen + 1);
    });
    return read();
  }

  async readRanks(board: BoardId, firstRank: number, count: number): Promise<RankedEntry[]> {
    const read = this.db.transaction(() => {
      const first = this.statements.positionAt.get(board, firstRank - 1);
      if (!first) return [];
      return toRanked(this.statements.from.all(board, first.sort_key, first.open_id, count), firstRank);
    });
    return read();
  }

  async rankOf(board: BoardId, openId: string): Promise<number | null> {
    const read = this.db.transaction(() => {
      const stored = this.statements.best.get(board, openId);
      if (!stored) return null;
      return (this.statements.countAhead.get(board, stored.sort_key, openId)?.ahead ?? 0) + 1;
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

  /** For the benchmark: loads many entries in one transaction, bypassing keep-best. */
  seed(board: BoardId, entries: readonly ScoreEntry[]): void {
    const insert = this.db.prepare(
      'INSERT OR REPLACE INTO board_scores (board, open_id, score, achieved_at, sort_key) VALUES (?, ?, ?, ?, ?)',
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
