import { describe, expect, it } from 'vitest';
import { maxRunInputs, parseRunRecord, type RunRecord } from '../../../assets/scripts/games/runRecord';
import { testGame } from '../testGame';

/** The generic checks of any game's run records, with a test game's levels and limits. */

const valid: RunRecord = {
  v: 1,
  seed: 12345,
  level: 2,
  inputs: [
    [10, 0],
    [50, 3],
    [51, 1],
  ],
  claimedScore: 40,
};

function errorOf(value: unknown): string {
  const result = parseRunRecord(value, testGame);
  if (result.ok) throw new Error('expected the record to be rejected');
  return result.error;
}

describe('parseRunRecord', () => {
  it('accepts a valid record and returns a copy of its fields', () => {
    const result = parseRunRecord(JSON.parse(JSON.stringify(valid)), testGame);
    expect(result).toEqual({ ok: true, run: valid });
  });

  it('accepts an empty input log and the extreme seeds', () => {
    expect(parseRunRecord({ ...valid, inputs: [], seed: 0 }, testGame).ok).toBe(true);
    expect(parseRunRecord({ ...valid, seed: 0xffffffff }, testGame).ok).toBe(true);
  });

  it.each([
    ['null', null, 'not an object'],
    ['an array', [valid], 'not an object'],
    ['a string', JSON.stringify(valid), 'not an object'],
    ['another version', { ...valid, v: 2 }, 'v must be 1'],
    ['an unknown field', { ...valid, score: 5 }, 'unknown field "score"'],
    ['a negative seed', { ...valid, seed: -1 }, 'seed'],
    ['a fractional seed', { ...valid, seed: 1.5 }, 'seed'],
    ['a seed above 32 bits', { ...valid, seed: 2 ** 32 }, 'seed'],
    ['a string seed', { ...valid, seed: '5' }, 'seed'],
    ['level 0', { ...valid, level: 0 }, 'level'],
    ['a level past the last', { ...valid, level: 4 }, 'level must be an integer from 1 to 3'],
    ['a negative claimed score', { ...valid, claimedScore: -5 }, 'claimedScore'],
    ['a NaN claimed score', { ...valid, claimedScore: Number.NaN }, 'claimedScore'],
    ['an absurd claimed score', { ...valid, claimedScore: 1e12 }, 'claimedScore'],
    [
      'a claim one above the score limit',
      { ...valid, claimedScore: 50_001 },
      "claimedScore: score must be a whole number from 0 to 50000, the game's score limit; got 50001",
    ],
    ['inputs that are not an array', { ...valid, inputs: {} }, 'inputs must be an array'],
    [
      'an input that is not a pair',
      { ...valid, inputs: [[1, 0, 3]] },
      'inputs[0] must be a [tick, value] pair',
    ],
    [
      'an input object',
      { ...valid, inputs: [{ tick: 1, lane: 0 }] },
      'inputs[0] must be a [tick, value] pair',
    ],
    ['a negative tick', { ...valid, inputs: [[-1, 0]] }, 'inputs[0] tick'],
    [
      'a tick past the level end',
      { ...valid, inputs: [[200, 0]] },
      'inputs[0] tick must be an integer from 0 to 199',
    ],
    [
      'a repeated tick',
      {
        ...valid,
        inputs: [
          [5, 0],
          [5, 1],
        ],
      },
      'inputs[1] tick 5 is not after tick 5',
    ],
    [
      'ticks going back',
      {
        ...valid,
        inputs: [
          [9, 0],
          [3, 1],
        ],
      },
      'inputs[1] tick 3 is not after tick 9',
    ],
    [
      "a value above the level's largest",
      { ...valid, inputs: [[1, 4]] },
      'inputs[0] value must be an integer from 0 to 3',
    ],
    ['a fractional value', { ...valid, inputs: [[1, 0.5]] }, 'inputs[0] value'],
  ])('rejects %s', (_name, value, message) => {
    expect(errorOf(value)).toContain(message);
  });

  it("rejects an input log over the level's length before reading its entries", () => {
    const inputs = Array.from({ length: 201 }, () => 'x');
    expect(errorOf({ ...valid, inputs })).toContain('inputs has 201 entries, at most 200');
  });

  it('bounds every record by the longest level', () => {
    expect(maxRunInputs(testGame)).toBe(300);
  });
});
