import { describe, expect, it } from 'vitest';
import { decideBestWrite, readStoredBest } from '../../../assets/scripts/social/keepBest';
import { scoreKeysFor } from '../../../assets/scripts/social/zones';

const KEYS = scoreKeysFor('default');

const stored = (highScore: string, meta = '{"v":1,"level":4,"achievedAt":1000}') => [
  { key: 'highScore', value: highScore },
  { key: 'highScoreMeta', value: meta },
];
const candidate = (score: number) => ({ score, level: 2, achievedAt: 5_000 });

describe('keep-best decision', () => {
  it('never writes a lower score, and says what stays', () => {
    expect(decideBestWrite(readStoredBest(stored('3000'), KEYS, 1_000_000), candidate(260))).toEqual({
      write: false,
      previousBest: 3000,
      best: 3000,
    });
  });

  it('keeps the stored best on a tie (its time is earlier, and ties rank by time)', () => {
    expect(decideBestWrite(readStoredBest(stored('3000'), KEYS, 1_000_000), candidate(3000))).toEqual({
      write: false,
      previousBest: 3000,
      best: 3000,
    });
  });

  it('writes a higher score and names the best it replaces', () => {
    expect(decideBestWrite(readStoredBest(stored('3000'), KEYS, 1_000_000), candidate(3100))).toEqual({
      write: true,
      previousBest: 3000,
      best: 3100,
    });
  });

  it('writes a first best when nothing is stored', () => {
    expect(readStoredBest([], KEYS, 1_000_000)).toEqual({ kind: 'absent' });
    expect(decideBestWrite(readStoredBest([], KEYS, 1_000_000), candidate(80))).toEqual({
      write: true,
      previousBest: null,
      best: 80,
    });
  });

  it('treats a malformed stored value as no score: it protects nothing and passes nobody', () => {
    for (const value of ['abc', '-50', '', '1e9', '99999999999999999999999', ' 3000']) {
      expect(readStoredBest(stored(value), KEYS, 1_000_000)).toEqual({ kind: 'malformed' });
      expect(decideBestWrite(readStoredBest(stored(value), KEYS, 1_000_000), candidate(10))).toEqual({
        write: true,
        previousBest: null,
        best: 10,
      });
    }
    // Unreadable metadata does not make a valid score malformed.
    expect(readStoredBest(stored('700', '{"v":1,'), KEYS, 1_000_000)).toEqual({
      kind: 'score',
      score: 700,
      achievedAt: null,
    });
    expect(readStoredBest('not a list', KEYS, 1_000_000)).toEqual({ kind: 'absent' });
  });

  it('two devices: whichever writes last after reading, the higher best stays', () => {
    // Device A reads 3000 and writes 3100; device B read 3000 too, but reads again before writing.
    const afterA = readStoredBest(stored('3100'), KEYS, 1_000_000);
    expect(decideBestWrite(afterA, candidate(3050)).write).toBe(false);
    // B wrote 3050 over A's 3100 anyway (it read before A wrote): A's read-back sees it and writes again.
    const afterRace = readStoredBest(stored('3050'), KEYS, 1_000_000);
    expect(decideBestWrite(afterRace, candidate(3100))).toEqual({
      write: true,
      previousBest: 3050,
      best: 3100,
    });
  });
});
