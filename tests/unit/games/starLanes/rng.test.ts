import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../assets/scripts/games/starLanes/rng';

describe('createRng', () => {
  it('produces the pinned mulberry32 sequence, so replays agree across engines and versions', () => {
    const rng = createRng(42);
    expect([rng.nextUint32(), rng.nextUint32(), rng.nextUint32()]).toEqual([
      2581720956, 1925393290, 3661312704,
    ]);
  });

  it('repeats the same sequence for the same seed and differs for another seed', () => {
    const first = createRng(7);
    const again = createRng(7);
    const other = createRng(8);
    const a = Array.from({ length: 20 }, () => first.nextUint32());
    expect(Array.from({ length: 20 }, () => again.nextUint32())).toEqual(a);
    expect(Array.from({ length: 20 }, () => other.nextUint32())).not.toEqual(a);
  });

  it('keeps nextInt within [0, bound)', () => {
    const rng = createRng(123);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i += 1) {
      const value = rng.nextInt(5);
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(5);
      seen.add(value);
    }
    expect(seen.size).toBe(5);
  });
});
