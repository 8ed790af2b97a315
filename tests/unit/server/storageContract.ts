import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Boards } from '../../../server/leaderboards/boards';
import { encodeCursor } from '../../../server/leaderboards/cursor';
import { compareEntries, type ScoreEntry, sortKey, TIME_EPOCH_MS } from '../../../server/leaderboards/order';
import type { BoardWrite, RankedEntry, ScoreStorage } from '../../../server/storage/types';

const T0 = Date.UTC(2026, 10, 25, 12, 0, 0);
const GLOBAL = 'global';
const WEEK = 'weekly:2026-11-23';

/** Boards that never expire, as a submission names them. */
function on(...boards: string[]): BoardWrite[] {
  return boards.map((board) => ({ board, expiresAt: null }));
}

const entry = (openId: string, score: number, achievedAt = T0) => ({ openId, score, achievedAt });
const summary = (entries: RankedEntry[]) => entries.map((e) => `${e.rank}:${e.openId}:${e.score}`);

/** One behavioural contract for every ScoreStorage. `open` must return an empty storage. */
export function describeStorageContract(
  name: string,
  open: (options?: { maxEvents?: number }) => Promise<ScoreStorage>,
): void {
  describe(`ScoreStorage contract: ${name}`, () => {
    let storage: ScoreStorage;
    beforeEach(async () => {
      storage = await open();
    });
    afterEach(async () => {
      await storage.close();
    });

    it('answers a ping and names its backend', async () => {
      await expect(storage.ping()).resolves.toBeUndefined();
      expect(['sqlite', 'redis']).toContain(storage.kind);
    });

    it('reads around a player in one call: rank, window and the leader', async () => {
      for (let i = 1; i <= 12; i++)
        await storage.submitScore(on(GLOBAL), entry(`p${i}`, i % 4, T0 + i * 1000));
      const order = summary(await storage.readRanks(GLOBAL, 1, 20));
      for (let rank = 1; rank <= 12; rank++) {
        const openId = (order[rank - 1] as string).split(':')[1] as string;
        const around = await storage.readAround(GLOBAL, openId, 2, 5);
        const first = Math.max(1, rank - 2);
        expect(around?.rank).toBe(rank);
        expect(summary(around?.window ?? [])).toEqual(order.slice(first - 1, first + 4));
        expect(around?.leader ? summary([around.leader]) : null).toEqual(first > 1 ? [order[0]] : null);
      }
      expect(await storage.readAround(GLOBAL, 'nobody', 2, 5)).toBeNull();
    });

    it('starts empty', async () => {
      expect(await storage.readAfter(GLOBAL, null, 10)).toEqual([]);
      expect(await storage.readRanks(GLOBAL, 1, 10)).toEqual([]);
      expect(await storage.rankOf(GLOBAL, 'nobody')).toBeNull();
    });

    it('keeps each player best and says when a submission is a new best', async () => {
      const first = await storage.submitScore(on(GLOBAL), entry('alice', 50, T0));
      expect(first).toEqual({ best: 50, rank: 1, newBest: true });
      const lower = await storage.submitScore(on(GLOBAL), entry('alice', 40, T0 + 5000));
      expect(lower).toEqual({ best: 50, rank: 1, newBest: false });
      const higher = await storage.submitScore(on(GLOBAL), entry('alice', 70, T0 + 9000));
      expect(higher).toEqual({ best: 70, rank: 1, newBest: true });
      expect(summary(await storage.readAfter(GLOBAL, null, 10))).toEqual(['1:alice:70']);
    });

    it('an equal score later does not replace the earlier one', async () => {
      await storage.submitScore(on(GLOBAL), entry('alice', 50, T0));
      const again = await storage.submitScore(on(GLOBAL), entry('alice', 50, T0 + 60_000));
      expect(again).toEqual({ best: 50, rank: 1, newBest: false });
      expect((await storage.readRanks(GLOBAL, 1, 1))[0]?.achievedAt).toBe(T0);
    });

    it('ranks by score, then earlier second, then open_id, with strict ranks 1..N', async () => {
      await storage.submitScore(on(GLOBAL), entry('dave', 90, T0 + 3000));
      await storage.submitScore(on(GLOBAL), entry('carol', 90, T0 + 1000));
      await storage.submitScore(on(GLOBAL), entry('bob', 90, T0 + 3000));
      await storage.submitScore(on(GLOBAL), entry('erin', 120, T0 + 9000));
      await storage.submitScore(on(GLOBAL), entry('alice', 10, T0));
      const all = await storage.readAfter(GLOBAL, null, 10);
      expect(summary(all)).toEqual(['1:erin:120', '2:carol:90', '3:bob:90', '4:dave:90', '5:alice:10']);
      expect(all[1]).toMatchObject({ achievedAt: T0 + 1000, sortKey: sortKey(90, T0 + 1000) });
      expect(await storage.rankOf(GLOBAL, 'dave')).toBe(4);
      expect(await storage.rankOf(GLOBAL, 'alice')).toBe(5);
    });

    it('ties within one second go to the smaller open_id', async () => {
      await storage.submitScore(on(GLOBAL), entry('b', 5, T0 + 100));
      await storage.submitScore(on(GLOBAL), entry('a', 5, T0 + 900));
      expect(summary(await storage.readRanks(GLOBAL, 1, 5))).toEqual(['1:a:5', '2:b:5']);
    });

    it('returns the rank after the write', async () => {
      await storage.submitScore(on(GLOBAL), entry('a', 100));
      await storage.submitScore(on(GLOBAL), entry('b', 80));
      const c = await storage.submitScore(on(GLOBAL), entry('c', 90));
      expect(c.rank).toBe(2);
      const b = await storage.submitScore(on(GLOBAL), entry('b', 200, T0 + 1000));
      expect(b.rank).toBe(1);
      const lower = await storage.submitScore(on(GLOBAL), entry('c', 10, T0 + 2000));
      expect(lower).toEqual({ best: 90, rank: 3, newBest: false });
    });

    it('pages with cursors visit every entry once, in order', async () => {
      for (let i = 0; i < 25; i++) {
        await storage.submitScore(
          on(GLOBAL),
          entry(`p${String(i).padStart(2, '0')}`, i % 7, T0 + (i % 3) * 1000),
        );
      }
      const seen: RankedEntry[] = [];
      let after = null;
      for (;;) {
        const page: RankedEntry[] = await storage.readAfter(GLOBAL, after, 4);
        if (page.length === 0) break;
        seen.push(...page);
        const last = page[page.length - 1] as RankedEntry;
        after = { sortKey: last.sortKey, openId: last.openId };
      }
      expect(seen.map((e) => e.rank)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
      const all = await storage.readRanks(GLOBAL, 1, 100);
      expect(seen).toEqual(all);
      const sorted = [...all].sort((x, y) => x.sortKey - y.sortKey || (x.openId < y.openId ? -1 : 1));
      expect(all).toEqual(sorted);
      expect(new Set(seen.map((e) => e.openId)).size).toBe(25);
    });

    it('a cursor whose entry has since moved still continues from its position', async () => {
      for (const [id, score] of [
        ['a', 50],
        ['b', 40],
        ['c', 30],
        ['d', 20],
      ] as const) {
        await storage.submitScore(on(GLOBAL), entry(id, score));
      }
      const firstPage = await storage.readAfter(GLOBAL, null, 2);
      const last = firstPage[1] as RankedEntry;
      await storage.submitScore(on(GLOBAL), entry('b', 99, T0 + 1000));
      const next = await storage.readAfter(GLOBAL, { sortKey: last.sortKey, openId: last.openId }, 2);
      expect(summary(next)).toEqual(['3:c:30', '4:d:20']);
      expect(encodeCursor({ sortKey: last.sortKey, openId: last.openId })).toMatch(/^[A-Za-z0-9_-]+$/);
    });

    it('reads ranks by position and past the end', async () => {
      for (let i = 1; i <= 6; i++) await storage.submitScore(on(GLOBAL), entry(`p${i}`, i * 10));
      expect(summary(await storage.readRanks(GLOBAL, 3, 2))).toEqual(['3:p4:40', '4:p3:30']);
      expect(summary(await storage.readRanks(GLOBAL, 6, 5))).toEqual(['6:p1:10']);
      expect(await storage.readRanks(GLOBAL, 7, 5)).toEqual([]);
    });

    it('keeps boards independent and writes all given boards in one submission', async () => {
      const outcome = await storage.submitScore(on(GLOBAL, WEEK), entry('alice', 30));
      expect(outcome).toEqual({ best: 30, rank: 1, newBest: true });
      await storage.submitScore(on(GLOBAL), entry('bob', 50));
      const week = await storage.submitScore(on(WEEK, GLOBAL), entry('alice', 20, T0 + 1000));
      expect(week).toEqual({ best: 30, rank: 1, newBest: false });
      expect(await storage.rankOf(GLOBAL, 'alice')).toBe(2);
      expect(summary(await storage.readRanks(WEEK, 1, 10))).toEqual(['1:alice:30']);
      expect(summary(await storage.readRanks(GLOBAL, 1, 10))).toEqual(['1:bob:50', '2:alice:30']);
      expect(await storage.rankOf('weekly:2026-11-30', 'alice')).toBeNull();
    });

    it('keeps zones apart: a run in test is on none of the default boards, all-time or period', async () => {
      const boards = new Boards();
      await storage.submitScore(boards.boardsForRun('default', T0), entry('live', 10));
      await storage.submitScore(boards.boardsForRun('test', T0), entry('tester', 99));
      await storage.submitScore(boards.boardsForRun('test', T0), entry('live', 50, T0 + 1000));
      const live = boards.boardsForRun('default', T0);
      const test = boards.boardsForRun('test', T0);
      for (const [i, { board }] of live.entries()) {
        expect(summary(await storage.readRanks(board, 1, 10)), board).toEqual(['1:live:10']);
        expect(summary(await storage.readAfter(board, null, 10)), board).toEqual(['1:live:10']);
        expect(await storage.rankOf(board, 'tester')).toBeNull();
        expect(await storage.readAround(board, 'tester', 2, 5)).toBeNull();
        expect(summary((await storage.readAround(board, 'live', 2, 5))?.window ?? [])).toEqual(['1:live:10']);
        const other = (test[i] as BoardWrite).board;
        expect(summary(await storage.readRanks(other, 1, 10)), other).toEqual(['1:tester:99', '2:live:50']);
      }
    });

    it('attaches profiles, stored verbatim, and null for players without one', async () => {
      await storage.submitScore(on(GLOBAL), entry('alice', 30));
      await storage.submitScore(on(GLOBAL), entry('bob', 20));
      const markup = '<img src=x onerror="alert(1)">&amp; 👩‍👩‍👧 مرحبا';
      const avatarUrl = 'https://cdn.example/a.png';
      await storage.saveProfile('alice', { displayName: markup, avatarUrl }, T0, [GLOBAL]);
      const [alice, bob] = await storage.readRanks(GLOBAL, 1, 10);
      expect(alice).toMatchObject({ displayName: markup, avatarUrl: 'https://cdn.example/a.png' });
      expect(bob).toMatchObject({ displayName: null, avatarUrl: null });
      await storage.saveProfile('alice', { displayName: 'Alice', avatarUrl: null }, T0 + 1, [GLOBAL]);
      expect((await storage.readRanks(GLOBAL, 1, 1))[0]).toMatchObject({
        displayName: 'Alice',
        avatarUrl: null,
      });
    });

    it('records analytics events, newest first', async () => {
      expect(await storage.recentEvents(10)).toEqual([]);
      const stored = await storage.recordEvents(
        'alice',
        [
          { name: 'level_start', entryPoint: null, at: T0 },
          { name: 'share', entryPoint: 'result', at: T0 + 1 },
        ],
        T0 + 2,
      );
      expect(stored).toBe(2);
      expect(await storage.recentEvents(10)).toEqual([
        { openId: 'alice', name: 'share', entryPoint: 'result', at: T0 + 1, receivedAt: T0 + 2 },
        { openId: 'alice', name: 'level_start', entryPoint: null, at: T0, receivedAt: T0 + 2 },
      ]);
    });

    it('keeps the events under its configured cap, dropping the oldest', async () => {
      const capped = await open({ maxEvents: 200 });
      try {
        for (let batch = 0; batch < 10; batch++) {
          const events = Array.from({ length: 100 }, (_, i) => ({
            name: 'tick',
            entryPoint: null,
            at: batch * 100 + i,
          }));
          await capped.recordEvents('alice', events, T0);
        }
        const kept = await capped.recentEvents(10_000);
        // Redis trims whole stream nodes (XADD MAXLEN ~), so it may keep up to one node (100) more.
        expect(kept.length).toBeGreaterThanOrEqual(200);
        expect(kept.length).toBeLessThanOrEqual(300);
        expect(kept[0]?.at).toBe(999);
      } finally {
        await capped.close();
      }
    });

    it('1,000 concurrent submissions of one player keep exactly the maximum', async () => {
      const scores = Array.from({ length: 1000 }, (_, i) => (i * 7919) % 100_003);
      const maximum = Math.max(...scores);
      const outcomes = await Promise.all(
        scores.map((score, i) =>
          storage.submitScore(on(GLOBAL, WEEK), entry('racer', score, T0 + (i % 5) * 1000)),
        ),
      );
      const [best] = await storage.readRanks(GLOBAL, 1, 10);
      expect(best?.score).toBe(maximum);
      expect((await storage.readRanks(WEEK, 1, 10)).map((e) => e.score)).toEqual([maximum]);
      expect((await storage.readRanks(GLOBAL, 1, 10)).length).toBe(1);
      // Every outcome reports a best at least its own score, and the last new best is the maximum.
      for (const [i, outcome] of outcomes.entries()) {
        expect(outcome.best).toBeGreaterThanOrEqual(scores[i] as number);
      }
      expect(outcomes.filter((o) => o.newBest && o.best === maximum).length).toBeGreaterThanOrEqual(1);
    });

    it('agrees with a reference sort after many random improvements, at every rank', async () => {
      let state = 99;
      const random = (n: number) => {
        state = (state * 1103515245 + 12345) % 2 ** 31;
        return state % n;
      };
      const best = new Map<string, ScoreEntry>();
      for (let i = 0; i < 300; i++) {
        const offered = entry(`r${random(40)}`, random(12) * 10, T0 + random(4) * 1000);
        await storage.submitScore(on(GLOBAL), offered);
        const held = best.get(offered.openId);
        if (!held || sortKey(offered.score, offered.achievedAt) < sortKey(held.score, held.achievedAt)) {
          best.set(offered.openId, offered);
        }
      }
      const expected = [...best.values()]
        .sort(compareEntries)
        .map((e, i) => `${i + 1}:${e.openId}:${e.score}`);
      expect(summary(await storage.readRanks(GLOBAL, 1, 100))).toEqual(expected);
      for (let rank = 1; rank <= expected.length; rank++) {
        const [one] = await storage.readRanks(GLOBAL, rank, 1);
        expect(one && `${one.rank}:${one.openId}:${one.score}`).toBe(expected[rank - 1]);
        expect(await storage.rankOf(GLOBAL, one?.openId ?? '')).toBe(rank);
        if (one) {
          const after = await storage.readAfter(GLOBAL, { sortKey: one.sortKey, openId: one.openId }, 3);
          expect(summary(after)).toEqual(expected.slice(rank, rank + 3));
        }
      }
    });

    it('accepts the edges of the supported score and time ranges', async () => {
      await storage.submitScore(on(GLOBAL), entry('max', 2 ** 21 - 1, TIME_EPOCH_MS));
      await storage.submitScore(on(GLOBAL), entry('zero', 0, Date.UTC(2150, 0, 1)));
      expect(summary(await storage.readRanks(GLOBAL, 1, 5))).toEqual([`1:max:${2 ** 21 - 1}`, '2:zero:0']);
      await expect(storage.submitScore(on(GLOBAL), entry('over', 2 ** 21))).rejects.toThrow(RangeError);
      await expect(storage.submitScore(on(GLOBAL), entry('neg', -1))).rejects.toThrow(RangeError);
      expect(await storage.rankOf(GLOBAL, 'over')).toBeNull();
    });
  });
}
