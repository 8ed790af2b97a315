import { describe, expect, it } from 'vitest';
import { rankPlayers, type ScoreRecord } from '../../../assets/scripts/social/ranking';

const player = (openId: string, score: number | null, achievedAt: number | null = null) => ({
  openId,
  name: `name-${openId}`,
  best: score === null ? null : ({ score, achievedAt } satisfies ScoreRecord),
});

describe('rankPlayers', () => {
  it('sorts by score and gives competition ranks (1, 2, 2, 4)', () => {
    const rows = rankPlayers(
      [player('a', 10), player('b', 30), player('c', 20, 5), player('d', 20, 9)],
      null,
    );
    expect(rows.map((row) => [row.openId, row.rank])).toEqual([
      ['b', 1],
      ['c', 2],
      ['d', 2],
      ['a', 4],
    ]);
  });

  it('breaks ties by earlier time, unknown time last, then openId in code-unit order', () => {
    const rows = rankPlayers(
      [
        player('z', 50, null),
        player('b', 50, 200),
        player('a', 50, 200),
        player('Y', 50, null),
        player('m', 50, 100),
      ],
      null,
    );
    expect(rows.map((row) => row.openId)).toEqual(['m', 'a', 'b', 'Y', 'z']);
    expect(rows.every((row) => row.rank === 1)).toBe(true);
  });

  it('is deterministic whatever the input order', () => {
    const players = [
      player('a', 5, 1),
      player('b', 5, 1),
      player('c', 7),
      player('d', null),
      player('e', 5, 0),
    ];
    const expected = rankPlayers(players, 'b').map((row) => row.openId);
    for (let shift = 1; shift < players.length; shift += 1) {
      const rotated = [...players.slice(shift), ...players.slice(0, shift)];
      expect(rankPlayers(rotated.reverse(), 'b').map((row) => row.openId)).toEqual(expected);
    }
  });

  it('never sorts the input array in place', () => {
    const players = [player('a', 1), player('b', 2)];
    const before = [...players];
    rankPlayers(players, null);
    expect(players).toEqual(before);
  });

  it('puts players without a score last, unranked, after rank numbers that ignore them', () => {
    const rows = rankPlayers([player('x', null), player('a', 3), player('b', null), player('c', 1)], null);
    expect(rows.map((row) => [row.openId, row.rank])).toEqual([
      ['a', 1],
      ['c', 2],
      ['b', null],
      ['x', null],
    ]);
  });

  it('marks you by openId only, even when a friend has the same name', () => {
    const players = [
      { openId: 'you', name: 'Sam', best: { score: 5, achievedAt: 1 } },
      { openId: 'friend', name: 'Sam', best: { score: 9, achievedAt: 1 } },
    ];
    const rows = rankPlayers(players, 'you');
    expect(rows.map((row) => [row.openId, row.isYou])).toEqual([
      ['friend', false],
      ['you', true],
    ]);
    expect(rankPlayers(players, null).some((row) => row.isYou)).toBe(false);
  });

  it('keeps one row per openId, the better score', () => {
    const rows = rankPlayers([player('a', 3), player('a', 8), player('a', null), player('b', 5)], null);
    expect(rows.map((row) => [row.openId, row.best?.score])).toEqual([
      ['a', 8],
      ['b', 5],
    ]);
  });

  it('returns an empty board for no players', () => {
    expect(rankPlayers([], 'you')).toEqual([]);
  });
});
