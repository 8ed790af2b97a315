import type Database from 'better-sqlite3';
import { type IssueSeeds, MAX_SEEDS_PER_ISSUE, type SeedClaim, type SeedStore } from './types';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS issued_seeds (
  open_id    TEXT    NOT NULL,
  seed       INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  -- Its place in the batch it was issued in: seeds of one batch share an expiry, and the game uses them
  -- in this order, so the first ones are the ones to drop when the player holds too many.
  batch_at   INTEGER NOT NULL,
  -- NULL until a run used the seed; then that run's digest, so its own retry is told apart.
  run_digest TEXT,
  PRIMARY KEY (open_id, seed)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS issued_seeds_by_expiry ON issued_seeds (expires_at);
`;

/** Expired rows deleted per issue: clean-up in small steps, never one long write. */
const PURGE_BATCH = 200;

/**
 * Seeds in SQLite, on a handle of their own (server/index.ts opens `seeds.db` next to the scores):
 * a separate file has its own write lock, so a seed write never waits behind the scores' writer thread.
 * Each issue and claim is one transaction, so a seed can be claimed once however requests interleave.
 */
export class SqliteSeedStore implements SeedStore {
  private readonly issueTransaction: (openId: string, request: IssueSeeds) => number[];
  private readonly claimTransaction: (openId: string, seed: number, digest: string, now: number) => SeedClaim;
  private readonly answer: () => unknown;

  constructor(db: Database.Database) {
    db.pragma('journal_mode = WAL');
    // A kill -9 loses nothing committed in WAL mode; only a power cut could forget the last claims,
    // and a forgotten claim lets one more run of the same player in, which keep-best makes harmless.
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    db.exec(SCHEMA);
    // Through the handle on every call: a closed database throws, as /health must see.
    this.answer = () => db.prepare('SELECT 1').get();
    const purge = db.prepare<[number, number]>(
      `DELETE FROM issued_seeds WHERE (open_id, seed) IN
         (SELECT open_id, seed FROM issued_seeds WHERE expires_at <= ? LIMIT ?)`,
    );
    const trimUnused = db.prepare<[string, string, number]>(
      `DELETE FROM issued_seeds WHERE open_id = ? AND seed IN
         (SELECT seed FROM issued_seeds WHERE open_id = ? AND run_digest IS NULL
          ORDER BY expires_at DESC, batch_at DESC LIMIT -1 OFFSET ?)`,
    );
    const insert = db.prepare<[string, number, number, number]>(
      `INSERT INTO issued_seeds (open_id, seed, expires_at, batch_at, run_digest) VALUES (?, ?, ?, ?, NULL)
       ON CONFLICT (open_id, seed) DO NOTHING`,
    );
    const reissue = db.prepare<[string, number, number, number]>(
      `INSERT INTO issued_seeds (open_id, seed, expires_at, batch_at, run_digest) VALUES (?, ?, ?, ?, NULL)
       ON CONFLICT (open_id, seed) DO UPDATE SET expires_at = excluded.expires_at,
         batch_at = excluded.batch_at, run_digest = NULL`,
    );
    const find = db.prepare<[string, number], { expires_at: number; run_digest: string | null }>(
      'SELECT expires_at, run_digest FROM issued_seeds WHERE open_id = ? AND seed = ?',
    );
    const markUsed = db.prepare<[string, string, number]>(
      'UPDATE issued_seeds SET run_digest = ? WHERE open_id = ? AND seed = ?',
    );

    this.issueTransaction = db.transaction((openId: string, request: IssueSeeds): number[] => {
      purge.run(request.now, PURGE_BATCH);
      trimUnused.run(openId, openId, Math.max(0, request.maxUnused - request.seeds.length));
      const issued: number[] = [];
      request.seeds.forEach((seed, index) => {
        const statement = request.reissue ? reissue : insert;
        if (statement.run(openId, seed, request.expiresAt, index).changes === 1) issued.push(seed);
      });
      return issued;
    });
    this.claimTransaction = db.transaction(
      (openId: string, seed: number, digest: string, now: number): SeedClaim => {
        const row = find.get(openId, seed);
        if (!row) return 'unknown';
        // A used seed is forgotten at its expiry (Redis drops its key then): refused all the same.
        if (row.expires_at <= now) return row.run_digest === null ? 'expired' : 'unknown';
        if (row.run_digest === null) {
          markUsed.run(digest, openId, seed);
          return 'accepted';
        }
        return row.run_digest === digest ? 'again' : 'used';
      },
    );
  }

  async issue(openId: string, request: IssueSeeds): Promise<number[]> {
    if (request.seeds.length > MAX_SEEDS_PER_ISSUE) {
      throw new RangeError(`at most ${MAX_SEEDS_PER_ISSUE} seeds per issue, not ${request.seeds.length}`);
    }
    return this.issueTransaction(openId, request);
  }

  async claim(openId: string, seed: number, runDigest: string, now: number): Promise<SeedClaim> {
    return this.claimTransaction(openId, seed, runDigest, now);
  }

  async ping(): Promise<void> {
    this.answer();
  }
}
