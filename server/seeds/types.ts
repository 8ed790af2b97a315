/**
 * Run seeds the server hands out (docs/server.md, "Run seeds"): a run is accepted only with a seed
 * issued to the player who submits it, and only once. Both stores (sqlite.ts, redis.ts) pass the same
 * contract suite, tests/unit/server/seedsContract.ts.
 */

/**
 * What claiming a seed for a run found:
 * - `accepted`: issued to this player, unexpired and unused; now used by this run;
 * - `again`: already used by this very run (a retry after a lost answer), so it may be stored again;
 * - `used`: already used by another run;
 * - `expired`: issued to this player but past its expiry (and never used);
 * - `unknown`: never issued to this player, or forgotten since it expired.
 */
export type SeedClaim = 'accepted' | 'again' | 'used' | 'expired' | 'unknown';

/** Seeds in one issue at most (Redis orders a batch in 32nds of a millisecond). */
export const MAX_SEEDS_PER_ISSUE = 32;

export interface IssueSeeds {
  /**
   * Candidate seeds (unsigned 32-bit), at most MAX_SEEDS_PER_ISSUE; those this player already holds or
   * used are skipped. When the player holds too many, the first of the oldest batch go first.
   */
  seeds: readonly number[];
  now: number;
  expiresAt: number;
  /** Unused seeds a player may hold; the ones expiring first make room for these. */
  maxUnused: number;
  /**
   * Development only (a chosen seed): a seed already held or used is issued afresh, unused again.
   * Never set for seeds a player did not choose on a development server.
   */
  reissue?: boolean;
}

export interface SeedStore {
  /** Issues the candidates not already known for this player; answers those issued, in order. */
  issue(openId: string, request: IssueSeeds): Promise<number[]>;
  /** Marks the seed used by the run with this digest, atomically, if the player may use it. */
  claim(openId: string, seed: number, runDigest: string, now: number): Promise<SeedClaim>;
  /** Resolves when the store answers a trivial read; rejects when it is down (for /health). */
  ping(): Promise<void>;
}
