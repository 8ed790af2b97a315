import { describe, expect, it } from 'vitest';
import { encodeBestScore, parseCloudScore, parseScoreValue } from '../../../assets/scripts/social/cloudScore';
import { scoreKeysFor } from '../../../assets/scripts/social/zones';

/** The game's score limit these values are read against. */
const LIMIT = 1_000_000;

const KEYS = scoreKeysFor('default');

const meta = (fields: object) => ({ key: 'highScoreMeta', value: JSON.stringify(fields) });

describe('encodeBestScore', () => {
  it('writes the score as a decimal string and the metadata as JSON', () => {
    expect(encodeBestScore({ score: 15000, level: 3, achievedAt: 1_764_000_000_000 }, KEYS, LIMIT)).toEqual([
      { key: 'highScore', value: '15000' },
      { key: 'highScoreMeta', value: '{"v":1,"level":3,"achievedAt":1764000000000}' },
    ]);
  });

  it('round-trips through parseCloudScore', () => {
    const best = { score: 4321, level: 5, achievedAt: 99 };
    expect(parseCloudScore(encodeBestScore(best, KEYS, LIMIT), KEYS, LIMIT)).toEqual(best);
  });

  it.each([-1, 1.5, Number.NaN, LIMIT + 1])('refuses to write %s', (score) => {
    expect(() => encodeBestScore({ score, level: 1, achievedAt: 1 }, KEYS, LIMIT)).toThrow(RangeError);
  });
});

describe('parseScoreValue treats values as hostile', () => {
  it.each([
    ['0', 0],
    ['120', 120],
    [String(LIMIT), LIMIT],
  ])('reads %s', (value, expected) => {
    expect(parseScoreValue(value, LIMIT)).toBe(expected);
  });

  it.each([
    ['missing', undefined],
    ['a number, not a string', 120],
    ['empty', ''],
    ['non-numeric', 'lots'],
    ['negative', '-5'],
    ['a float', '12.5'],
    ['an exponent', '1e9'],
    ['huge', '99999999999999999999'],
    ["just above the game's score limit", String(LIMIT + 1)],
    ['leading zeros', '007'],
    ['surrounding spaces', ' 12 '],
    ['hex', '0x10'],
    ['Infinity', 'Infinity'],
    ['NaN', 'NaN'],
    ['an object', { toString: () => '5' }],
    ['full-width digits', '１２'],
  ])('%s means no score', (_name, value) => {
    expect(parseScoreValue(value, LIMIT)).toBeNull();
  });
});

describe('parseCloudScore', () => {
  it('keeps a valid score when the metadata is unreadable', () => {
    const broken = [meta({ v: 2, level: 1, achievedAt: 5 }), { key: 'highScoreMeta', value: '{oops' }];
    for (const bad of broken) {
      expect(parseCloudScore([{ key: 'highScore', value: '80' }, bad], KEYS, LIMIT)).toEqual({
        score: 80,
        level: null,
        achievedAt: null,
      });
    }
    expect(
      parseCloudScore(
        [{ key: 'highScore', value: '80' }, meta({ v: 1, level: -3, achievedAt: 5 })],
        KEYS,
        LIMIT,
      ),
    ).toEqual({
      score: 80,
      level: null,
      achievedAt: null,
    });
  });

  it('uses the first entry when a key is duplicated', () => {
    expect(
      parseCloudScore(
        [
          { key: 'highScore', value: '10' },
          { key: 'highScore', value: '999999' },
        ],
        KEYS,
        LIMIT,
      )?.score,
    ).toBe(10);
  });

  it("reads only its own zone's keys", () => {
    const testKeys = scoreKeysFor('test');
    const both = [
      { key: 'highScore', value: '3000' },
      { key: 'highScore_test', value: '4200' },
      { key: 'highScoreMeta_test', value: JSON.stringify({ v: 1, level: 2, achievedAt: 7 }) },
    ];
    expect(parseCloudScore(both, KEYS, LIMIT)).toEqual({ score: 3000, level: null, achievedAt: null });
    expect(parseCloudScore(both, testKeys, LIMIT)).toEqual({ score: 4200, level: 2, achievedAt: 7 });
    expect(parseCloudScore([{ key: 'highScore', value: '3000' }], testKeys, LIMIT)).toBeNull();
    expect(
      encodeBestScore({ score: 5, level: 1, achievedAt: 9 }, testKeys, LIMIT).map((item) => item.key),
    ).toEqual(['highScore_test', 'highScoreMeta_test']);
  });

  it.each([
    ['not an array', { highScore: '10' }],
    ['an empty array', []],
    ['only metadata', [meta({ v: 1, level: 1, achievedAt: 1 })]],
    ['garbage entries', [null, 7, 'highScore', { key: 'highScore' }]],
  ])('returns null for %s', (_name, data) => {
    expect(parseCloudScore(data, KEYS, LIMIT)).toBeNull();
  });
});
