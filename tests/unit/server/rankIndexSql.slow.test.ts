// 100,000 players against plain SQL: about 20 s on two cores, so `npm test` runs it and `npm run
// check` does not (vitest.config.ts, the "slow" project).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { Boards } from '../../../server/leaderboards/boards';
import { SqliteScoreStorage } from '../../../server/storage/sqlite';

const T0 = Date.UTC(2026, 10, 25, 12, 0, 0);
const GLOBAL_BOARD = 'global';
const boards = new Boards();

function lcg(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % n;
  };
}

describe('the SQLite rank index against plain SQL', () => {
  it('answers like a SQL rank on a randomized board of 100,000 players with ties, before and after writes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lb-rank-'));
    const file = join(dir, 'scores.db');
    const storage = new SqliteScoreStorage(file);
    const sql = new Database(file, { readonly: true });
    try {
      const random = lcg(11);
      const players = 100_000;
      const entries = Array.from({ length: players }, (_, i) => ({
        openId: `p${String(i).padStart(6, '0')}`,
        // Game-like: a few hundred distinct scores and a handful of seconds, so most players tie.
        score: random(400),
        achievedAt: T0 - random(5) * 1000,
      }));
      storage.seed(GLOBAL_BOARD, entries);
      const sqlRank = sql.prepare<[string, string], { ahead: number }>(
        `SELECT COUNT(*) AS ahead FROM board_scores s, board_scores me
         WHERE me.board = ? AND me.open_id = ? AND s.board = me.board
           AND (s.sort_key, s.open_id) < (me.sort_key, me.open_id)`,
      );
      const sqlAt = sql.prepare<[number], { open_id: string }>(
        `SELECT open_id FROM board_scores WHERE board = 'global' ORDER BY sort_key, open_id LIMIT 1 OFFSET ?`,
      );
      const check = async (samples: number) => {
        for (let i = 0; i < samples; i++) {
          const openId = `p${String(random(players)).padStart(6, '0')}`;
          const expected = (sqlRank.get(GLOBAL_BOARD, openId)?.ahead ?? -1) + 1;
          expect(await storage.rankOf(GLOBAL_BOARD, openId), openId).toBe(expected);
          const rank = 1 + random(players);
          const [entry] = await storage.readRanks(GLOBAL_BOARD, rank, 1);
          expect(entry?.openId, `rank ${rank}`).toBe(sqlAt.get(rank - 1)?.open_id);
        }
      };
      await check(300);
      for (let i = 0; i < 2000; i++) {
        await storage.submitScore(boards.boardsForRun('default', T0), {
          openId: `p${String(random(players + 500)).padStart(6, '0')}`,
          score: random(420),
          achievedAt: T0 + random(3) * 1000,
        });
      }
      await check(300);
    } finally {
      sql.close();
      await storage.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
