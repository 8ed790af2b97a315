/** The SQLite file's tables, and the one-time migration of files written before expiry rows. */

export const SCHEMA = `
CREATE TABLE IF NOT EXISTS board_scores (
  board       TEXT    NOT NULL,
  open_id     TEXT    NOT NULL,
  score       INTEGER NOT NULL,
  achieved_at INTEGER NOT NULL,
  sort_key    INTEGER NOT NULL,
  PRIMARY KEY (board, open_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS board_scores_by_rank ON board_scores (board, sort_key, open_id);
-- Ranks now come from the in-memory index (rankIndex.ts); files from before it carry per-score counts
-- kept by triggers, which only slowed every write down.
DROP TRIGGER IF EXISTS score_counts_insert;
DROP TRIGGER IF EXISTS score_counts_update;
DROP TRIGGER IF EXISTS score_counts_delete;
DROP TABLE IF EXISTS score_counts;
-- When each period board may be deleted (boards that never reset have no row).
CREATE TABLE IF NOT EXISTS board_expiry (
  board      TEXT    PRIMARY KEY,
  expires_at INTEGER NOT NULL
) WITHOUT ROWID;
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

/**
 * Once per file (PRAGMA user_version 0 → 1): weekly boards written before boards had expiry rows get
 * one, three weeks after their Monday as the weekly retention gives, so the clean-up reaches them too.
 */
export const MIGRATE_TO_1 = `
INSERT OR IGNORE INTO board_expiry (board, expires_at)
  SELECT DISTINCT board, (unixepoch(substr(board, 8)) + 21 * 86400) * 1000
  FROM board_scores WHERE board >= 'weekly:' AND board < 'weekly;';
PRAGMA user_version = 1;
`;
