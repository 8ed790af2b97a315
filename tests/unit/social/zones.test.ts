import { describe, expect, it } from 'vitest';
import { isZoneName, scoreKeysFor } from '../../../assets/scripts/social/zones';

describe('zones', () => {
  it("keeps the guide's key names in the default zone and suffixes every other zone", () => {
    expect(scoreKeysFor('default')).toEqual({ score: 'highScore', meta: 'highScoreMeta' });
    expect(scoreKeysFor('test')).toEqual({ score: 'highScore_test', meta: 'highScoreMeta_test' });
    expect(scoreKeysFor('spring-event')).toEqual({
      score: 'highScore_spring-event',
      meta: 'highScoreMeta_spring-event',
    });
  });

  it.each(['', 'Test', 'a b', 'x'.repeat(33), '-lead', 'zone_1', 'ünï'])(
    'refuses the zone name %j',
    (zone) => {
      expect(isZoneName(zone)).toBe(false);
      expect(() => scoreKeysFor(zone)).toThrow(RangeError);
    },
  );
});
