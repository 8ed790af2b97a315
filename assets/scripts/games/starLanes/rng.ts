/**
 * Seeded pseudo-random numbers (mulberry32). Only 32-bit integer arithmetic (`Math.imul`, shifts), so
 * every JavaScript engine produces the same sequence for the same seed: the game, the server's replay
 * and the tests all agree bit for bit.
 */
export interface Rng {
  /** The next value in [0, 2^32). */
  nextUint32(): number;
  /** The next value in [0, bound), for a small positive integer `bound`. */
  nextInt(bound: number): number;
}

export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const nextUint32 = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
  // The modulo bias is below 1e-7 for the small bounds the game uses; it is the same on every replay.
  return { nextUint32, nextInt: (bound) => nextUint32() % bound };
}
