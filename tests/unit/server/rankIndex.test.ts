import { describe, expect, it } from 'vitest';
import { RankIndex } from '../../../server/storage/rankIndex';

function lcg(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % n;
  };
}

type Pair = readonly [number, string];
const byBoardOrder = (a: Pair, b: Pair) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0);

describe('RankIndex', () => {
  it('agrees with a sorted array through random inserts and removes, across block splits', () => {
    const random = lcg(3);
    const reference: Pair[] = [];
    const index = RankIndex.fromSorted([]);
    const held = new Map<string, number>();
    for (let step = 0; step < 6000; step++) {
      const id = `p${random(3000)}`;
      const key = random(20); // few distinct keys: ties everywhere
      const old = held.get(id);
      if (old !== undefined) {
        expect(index.remove(old, id)).toBe(true);
        reference.splice(
          reference.findIndex(([k, i]) => k === old && i === id),
          1,
        );
      }
      index.insert(key, id);
      held.set(id, key);
      reference.push([key, id]);
      if (step % 500 === 499) {
        reference.sort(byBoardOrder);
        expect(index.size).toBe(reference.length);
        for (let r = 0; r < reference.length; r += 37) {
          const [k, i] = reference[r] as Pair;
          expect(index.at(r)).toEqual({ sortKey: k, openId: i });
          expect(index.countBefore(k, i)).toBe(r);
          expect(index.countUpTo(k, i)).toBe(r + 1);
        }
      }
    }
    expect(index.at(reference.length)).toBeNull();
    expect(index.remove(-1, 'nobody')).toBe(false);
  });
});
