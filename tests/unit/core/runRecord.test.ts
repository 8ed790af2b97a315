import { describe, expect, it } from 'vitest';
import { MAX_RUN_INPUTS, parseRunRecord, type RunRecord } from '../../../assets/scripts/core/index';

const valid: RunRecord = {
  v: 1,
  seed: 12345,
  level: 2,
  inputs: [
    [10, 0],
    [50, 2],
    [51, 1],
  ],
  claimedScore: 420,
};

function errorOf(value: unknown): string {
  const result = parseRunRecord(value);
  if (result.ok) throw new Error('expected the record to be rejected');
  return result.error;
}

describe('parseRunRecord', () => {
  it('accepts a valid record and returns a copy of its fields', () => {
    const result = parseRunRecord(JSON.parse(JSON.stringify(valid)));
    expect(result).toEqual({ ok: true, run: valid });
  });

  it('accepts an empty input log and the extreme seeds', () => {
    expect(parseRunRecord({ ...valid, inputs: [], seed: 0 }).ok).toBe(true);
    expect(parseRunRecord({ ...valid, seed: 0xffffffff }).ok).toBe(true);
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
    ['level 6', { ...valid, level: 6 }, 'level'],
    ['a negative claimed score', { ...valid, claimedScore: -5 }, 'claimedScore'],
    ['a NaN claimed score', { ...valid, claimedScore: Number.NaN }, 'claimedScore'],
    ['an absurd claimed score', { ...valid, claimedScore: 1e12 }, 'claimedScore'],
    ['inputs that are not an array', { ...valid, inputs: {} }, 'inputs must be an array'],
    [
      'an input that is not a pair',
      { ...valid, inputs: [[1, 0, 3]] },
      'inputs[0] must be a [tick, lane] pair',
    ],
    [
      'an input object',
      { ...valid, inputs: [{ tick: 1, lane: 0 }] },
      'inputs[0] must be a [tick, lane] pair',
    ],
    ['a negative tick', { ...valid, inputs: [[-1, 0]] }, 'inputs[0] tick'],
    ['a tick past the level end', { ...valid, inputs: [[1680, 0]] }, 'inputs[0] tick'],
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
      'a lane outside the level',
      { ...valid, inputs: [[1, 3]] },
      'inputs[0] lane must be an integer from 0 to 2',
    ],
    ['a fractional lane', { ...valid, inputs: [[1, 0.5]] }, 'inputs[0] lane'],
  ])('rejects %s', (_name, value, message) => {
    expect(errorOf(value)).toContain(message);
  });

  it('rejects an input log over the cap before reading its entries', () => {
    const inputs = Array.from({ length: MAX_RUN_INPUTS + 1 }, () => 'x');
    expect(errorOf({ ...valid, inputs })).toContain(`at most ${MAX_RUN_INPUTS}`);
  });
});
