import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../server/config';
import { Boards, boardId } from '../../../server/leaderboards/boards';
import { parseZoneList, zoneList } from '../../../server/leaderboards/zones';
import { type BoardsApp, startBoardsApp } from './boardsApp';
import { START, TEST_ENV } from './harness';
import { useBothBackends } from './redisServer';

const PERIODS = ['global', 'daily', 'weekly', 'monthly'] as const;

describe('zones', () => {
  it('are default and test, plus the configured ones, each named safely', () => {
    expect(zoneList([])).toEqual(['default', 'test']);
    expect(zoneList(['season-2', 'test', 'cn'])).toEqual(['default', 'test', 'season-2', 'cn']);
    expect(parseZoneList(' season-2, ,cn ')).toEqual(['season-2', 'cn']);
    expect(parseZoneList(undefined)).toEqual([]);
    for (const bad of ['Live', '-x', 'a/b', 'a b', 'x'.repeat(33), '']) {
      expect(() => zoneList([bad], 'BOARD_ZONES'), bad).toThrow(/BOARD_ZONES: .* is not a zone name/);
    }
  });

  it('are read from BOARD_ZONES, and a bad one stops the start', () => {
    expect(resolveConfig({}, TEST_ENV).zones).toEqual([]);
    expect(resolveConfig({}, { ...TEST_ENV, BOARD_ZONES: 'season-2,cn' }).zones).toEqual(['season-2', 'cn']);
    expect(() => resolveConfig({}, { ...TEST_ENV, BOARD_ZONES: 'Season 2' })).toThrow(/BOARD_ZONES/);
  });

  it('give every board its own id: the default zone keeps the ids from before zones', () => {
    expect(boardId('default', 'global')).toBe('global');
    expect(boardId('default', 'weekly', '2026-11-23')).toBe('weekly:2026-11-23');
    expect(boardId('test', 'global')).toBe('test/global');
    expect(boardId('test', 'monthly', '2026-11')).toBe('test/monthly:2026-11');
    const boards = new Boards();
    const ids = [...boards.boardsForRun('default', START), ...boards.boardsForRun('test', START)].map(
      (write) => write.board,
    );
    expect(ids).toEqual([
      'global',
      'daily:2026-11-25',
      'weekly:2026-11-23',
      'monthly:2026-11',
      'test/global',
      'test/daily:2026-11-25',
      'test/weekly:2026-11-23',
      'test/monthly:2026-11',
    ]);
  });
});

const backends = useBothBackends('zones');

for (const [name, open] of backends) {
  describe(`zones on the server (${name})`, () => {
    let s: BoardsApp;
    beforeEach(async () => {
      s = await startBoardsApp(await open(), START, { zones: ['season-2'] });
    });
    afterEach(async () => {
      await s.close();
    });

    it('a score submitted to test never appears on any default board, all-time, period or around-me', async () => {
      expect((await s.play('live', 50)).status).toBe(200);
      expect((await s.play('tester', 900, 'test')).body).toEqual({ best: 900, rank: 1, newBest: true });
      expect((await s.play('live', 60, 'test')).body).toEqual({ best: 60, rank: 2, newBest: true });
      for (const period of PERIODS) {
        const live = await s.read(`${period}?zone=default`);
        expect([period, live.status, live.zone, live.rows]).toEqual([period, 200, 'default', ['1:live:50']]);
        // No zone means default.
        expect((await s.read(period)).rows).toEqual(['1:live:50']);
        expect((await s.read(`${period}?around=me`, 'live')).rows).toEqual(['1:live:50']);
        // A player only in test is not on the default board: around-me shows the default top.
        expect((await s.read(`${period}?around=me`, 'tester')).rows).toEqual(['1:live:50']);
        const test = await s.read(`${period}?zone=test`);
        expect([period, test.zone, test.rows]).toEqual([period, 'test', ['1:tester:900', '2:live:60']]);
        expect((await s.read(`${period}?zone=test&around=me`, 'live')).rows).toEqual([
          '1:tester:900',
          '2:live:60',
        ]);
      }
      // A run in default after the test run reports its default rank, not the test one.
      expect((await s.play('live', 55)).body).toEqual({ best: 55, rank: 1, newBest: true });
      expect((await s.read('global?zone=test')).rows).toEqual(['1:tester:900', '2:live:60']);
    });

    it('a configured zone is a third board set; an unknown zone is refused with nothing stored', async () => {
      expect((await s.play('a', 30, 'season-2')).status).toBe(200);
      expect((await s.read('weekly?zone=season-2')).rows).toEqual(['1:a:30']);
      expect((await s.read('weekly')).rows).toEqual([]);
      const refused = await s.play('b', 40, 'season-3');
      expect(refused.status).toBe(400);
      expect(refused.body).toEqual({
        error: 'unknown_zone',
        message:
          'zone "season-3" is not configured on this server (it knows default, test, season-2); add it to BOARD_ZONES or use one of those',
      });
      const read = await s.read('global?zone=season-3');
      expect([read.status, read.error]).toEqual([400, 'unknown_zone']);
      const malformed = await s.play('b', 40, 'Season 3');
      expect([malformed.status, malformed.body.error]).toEqual([400, 'invalid_request']);
      for (const zone of ['default', 'test', 'season-2']) {
        for (const period of PERIODS) {
          expect((await s.read(`${period}?zone=${zone}`)).rows.some((row) => row.includes(':b:'))).toBe(
            false,
          );
        }
      }
    });
  });
}
