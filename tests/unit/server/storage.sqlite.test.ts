import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { SqliteScoreStorage } from '../../../server/storage/sqlite';
import { describeStorageContract } from './storageContract';

const dir = mkdtempSync(join(tmpdir(), 'lb-sqlite-'));
let counter = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const nextFile = () => join(dir, `scores-${counter++}.db`);

// A real file (not :memory:) so WAL and synchronous=FULL are what the tests exercise.
describeStorageContract('SQLite', async (options) => new SqliteScoreStorage(nextFile(), options));

const T0 = Date.UTC(2026, 10, 25, 12);
const DAY = 'daily:2026-11-25';
const ENDS = Date.UTC(2026, 10, 28);
const run = (openId: string, score: number) => ({ openId, score, achievedAt: T0 });
const boards = [
  { board: 'global', expiresAt: null },
  { board: DAY, expiresAt: ENDS },
];

describe('SQLite clean-up of expired period boards', () => {
  it('deletes a board once its expiry has passed, and only that board', async () => {
    const storage = new SqliteScoreStorage(nextFile(), { cleanupIntervalMs: 0 });
    try {
      await storage.submitScore(boards, run('amy', 30));
      await storage.submitScore(boards, run('bob', 20));
      expect(await storage.rankOf(DAY, 'bob')).toBe(2); // the rank index of the day is built
      expect(await storage.removeExpiredBoards(ENDS - 1)).toBe(0);
      expect((await storage.readRanks(DAY, 1, 10)).length).toBe(2);
      expect(await storage.removeExpiredBoards(ENDS)).toBe(1);
      expect(await storage.readRanks(DAY, 1, 10)).toEqual([]);
      expect(await storage.rankOf(DAY, 'bob')).toBeNull();
      expect((await storage.readRanks('global', 1, 10)).map((e) => e.openId)).toEqual(['amy', 'bob']);
      expect(await storage.removeExpiredBoards(ENDS + 1)).toBe(0);
    } finally {
      await storage.close();
    }
  });

  it('deletes a large board in batches, committing the writes that arrive meanwhile in between', async () => {
    const storage = new SqliteScoreStorage(nextFile(), { cleanupIntervalMs: 0, expiryBatchRows: 100 });
    try {
      await storage.submitScore(boards, run('amy', 30)); // notes the day board's expiry
      storage.seed(
        DAY,
        Array.from({ length: 5000 }, (_, i) => run(`p${i}`, i % 100)),
      );
      let expiryDone = false;
      const expiring = storage.removeExpiredBoards(ENDS).then((removed) => {
        expiryDone = true;
        return removed;
      });
      // Sent after the clean-up began: committed after its first batch, not after its fifty.
      const late = await storage.submitScore([{ board: 'global', expiresAt: null }], run('late', 7));
      expect(late.newBest).toBe(true);
      expect(expiryDone).toBe(false);
      expect(await expiring).toBe(1);
      expect(await storage.readRanks(DAY, 1, 10)).toEqual([]);
      expect((await storage.readRanks('global', 1, 10)).map((e) => e.openId)).toEqual(['amy', 'late']);
    } finally {
      await storage.close();
    }
  });

  it('runs at start, and brings weekly boards from before expiry rows under it once', async () => {
    const file = nextFile();
    const first = new SqliteScoreStorage(file, { cleanupIntervalMs: 0 });
    await first.submitScore(boards, run('amy', 30));
    await first.close();
    // A weekly board written before boards had expiry rows (user_version 0).
    const raw = new Database(file);
    raw
      .prepare('INSERT INTO board_scores VALUES (?, ?, ?, ?, ?)')
      .run('weekly:2026-11-02', 'old', 5, T0, -5 * 2 ** 32);
    raw.pragma('user_version = 0');
    raw.close();
    // Three weeks after that board's Monday; the day board expires later.
    const later = new SqliteScoreStorage(file, { now: () => Date.UTC(2026, 10, 23) });
    try {
      // The clean-up the start began runs beside the writes, in batches.
      await later.submitScore([{ board: 'global', expiresAt: null }], run('cy', 1));
      await vi.waitFor(async () => expect(await later.readRanks('weekly:2026-11-02', 1, 10)).toEqual([]));
      expect((await later.readRanks(DAY, 1, 10)).map((e) => e.openId)).toEqual(['amy']);
      expect(await later.removeExpiredBoards(ENDS)).toBe(1);
      expect((await later.readRanks('global', 1, 10)).map((e) => e.openId)).toEqual(['amy', 'cy']);
    } finally {
      await later.close();
    }
  });
});
