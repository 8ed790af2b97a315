import { describe, expect, it } from 'vitest';
import { surpassAfterNewBest } from '../../../assets/scripts/social/surpass';

const friend = (openId: string, score: number | null, achievedAt: number | null = null) => ({
  openId,
  best: score === null ? null : { score, achievedAt },
});

const board = [
  friend('maya', 900, 10),
  friend('leo', 1_200, 10),
  friend('ana', 1_000, 10),
  friend('kim', 700, 10),
  friend('raw', null),
  friend('you', 800, 1),
];

const ids = (list: { openId: string }[]) => list.map((entry) => entry.openId);

describe('surpassAfterNewBest', () => {
  it('lists friends at or above the old best and below the new one, highest first', () => {
    const result = surpassAfterNewBest(board, 'you', 800, 1_080);
    expect(ids(result.passed)).toEqual(['ana', 'maya']);
    expect(result.nextToBeat).toEqual({ friend: board[1], pointsNeeded: 121 });
  });

  it('counts a friend you were tied with as passed, but not one you only tie now', () => {
    const result = surpassAfterNewBest([friend('a', 500), friend('b', 600)], 'you', 500, 600);
    expect(ids(result.passed)).toEqual(['a']);
    expect(result.nextToBeat?.friend.openId).toBe('b');
    expect(result.nextToBeat?.pointsNeeded).toBe(1);
  });

  it('with no previous best, passes every friend below the new best', () => {
    const result = surpassAfterNewBest(board, 'you', null, 950);
    expect(ids(result.passed)).toEqual(['maya', 'kim']);
    expect(result.nextToBeat?.friend.openId).toBe('ana');
    expect(result.nextToBeat?.pointsNeeded).toBe(51);
  });

  it('has no one to beat at the top, and passes nobody when the score did not rise', () => {
    expect(surpassAfterNewBest(board, 'you', 800, 5_000).nextToBeat).toBeNull();
    expect(surpassAfterNewBest(board, 'you', 1_100, 1_100).passed).toEqual([]);
    expect(surpassAfterNewBest(board, 'you', 1_100, 600).passed).toEqual([]);
  });

  it('never counts you, players without a score, or a duplicated friend twice', () => {
    const result = surpassAfterNewBest(
      [friend('you', 100), friend('raw', null), friend('a', 150), friend('a', 150)],
      'you',
      null,
      200,
    );
    expect(ids(result.passed)).toEqual(['a']);
  });

  it('picks the nearest friend above when several share a score, by the board order', () => {
    const result = surpassAfterNewBest(
      [friend('early', 300, 1), friend('late', 300, 9), friend('top', 900)],
      'you',
      0,
      100,
    );
    expect(result.nextToBeat?.friend.openId).toBe('late');
    expect(result.nextToBeat?.pointsNeeded).toBe(201);
  });
});
