import { createHash, randomInt } from 'node:crypto';
import { MAX_SEED } from '../../assets/scripts/games/runRecord';
import { StorageUnavailableError } from '../storage/guarded';
import type { SeedClaim, SeedStore } from './types';

/** Long enough to fetch seeds ahead, play offline for days and submit later (docs/server.md). */
export const SEED_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;
export const MAX_SEEDS_PER_REQUEST = 10;
/**
 * Unused seeds one player holds at most, which bounds what a player can make the server store. A device
 * keeps 10 ahead (assets/scripts/shell/seedStock.ts) and takes one per level started, finished or not;
 * past the cap the first issued go first, which on one device are the ones it already took. The room
 * above 10 is for abandoned levels and a second device.
 */
export const MAX_UNUSED_SEEDS = 100;

export interface RunSeedsOptions {
  store: SeedStore;
  lifetimeMs?: number;
  maxUnused?: number;
  /**
   * Development only, unsafe in production: `POST /v1/dev/seeds` issues a seed the player chooses, again
   * and again (the e2e tests' `seed=n`). Set by tools/dev.ts, or by UNSAFE_DEV_SEEDS=1 (server/config.ts).
   */
  devChosenSeeds?: boolean;
  /** For tests: the source of candidate seeds. */
  randomSeed?: () => number;
}

export interface IssuedSeeds {
  seeds: number[];
  /** From now; the client turns it into its own clock's time, so clock skew does not matter. */
  expiresInMs: number;
}

/** Why a run is refused for its seed: an API error with its status. */
export interface SeedRefusal {
  status: 400 | 403 | 409;
  error: string;
  message: string;
}

const REFUSALS: Record<Exclude<SeedClaim, 'accepted' | 'again'>, SeedRefusal> = {
  unknown: {
    status: 403,
    error: 'seed_not_issued',
    message: "the run's seed was not issued to you (POST /v1/seeds), or it expired long ago",
  },
  expired: {
    status: 403,
    error: 'seed_expired',
    message: "the run's seed expired before the run arrived; fetch new seeds with POST /v1/seeds",
  },
  used: {
    status: 409,
    error: 'seed_used',
    message: "the run's seed was already used by another run; each seed counts once",
  },
};

const INVALID_SEED: SeedRefusal = {
  status: 400,
  error: 'invalid_run',
  message: `invalid run record: seed must be an integer from 0 to ${MAX_SEED}`,
};

function seedOf(run: unknown): number | null {
  const seed = (run as { seed?: unknown }).seed;
  return typeof seed === 'number' && Number.isInteger(seed) && seed >= 0 && seed <= MAX_SEED ? seed : null;
}

const guard = async <T>(operation: string, call: () => Promise<T>): Promise<T> => {
  try {
    return await call();
  } catch (error) {
    throw new StorageUnavailableError(operation, error);
  }
};

/** The policy around the store: how seeds are drawn, how long they last, what a claim answers. */
export class RunSeeds {
  readonly lifetimeMs: number;
  readonly devChosenSeeds: boolean;
  private readonly store: SeedStore;
  private readonly maxUnused: number;
  private readonly randomSeed: () => number;

  constructor(options: RunSeedsOptions) {
    this.store = options.store;
    this.lifetimeMs = options.lifetimeMs ?? SEED_LIFETIME_MS;
    this.maxUnused = options.maxUnused ?? MAX_UNUSED_SEEDS;
    this.devChosenSeeds = options.devChosenSeeds ?? false;
    // Unpredictable, so a seed cannot be known (and practised) before it is issued.
    this.randomSeed = options.randomSeed ?? (() => randomInt(0, MAX_SEED + 1));
  }

  /** Resolves when the seed store answers; rejects when it is down. */
  ping(): Promise<void> {
    return this.store.ping();
  }

  /** Up to `count` fresh seeds; fewer only in the rare case a candidate was already this player's. */
  async issue(openId: string, count: number, now: number): Promise<IssuedSeeds> {
    const candidates = new Set<number>();
    // Bounded: a source that repeats itself (a stub) gives fewer seeds instead of spinning forever.
    for (let draw = 0; draw < count * 4 && candidates.size < count; draw += 1)
      candidates.add(this.randomSeed());
    return this.issueToStore(openId, [...candidates], now, false);
  }

  /** Development only: the chosen seed, unused again even if this player used it before. */
  async issueChosen(openId: string, seed: number, now: number): Promise<IssuedSeeds> {
    if (!this.devChosenSeeds) throw new Error('chosen seeds are a development-only option');
    return this.issueToStore(openId, [seed], now, true);
  }

  /** Hands `candidates` to the store with this policy's lifetime and cap; `reissue` makes a used one new. */
  private async issueToStore(
    openId: string,
    candidates: number[],
    now: number,
    reissue: boolean,
  ): Promise<IssuedSeeds> {
    const expiresAt = now + this.lifetimeMs;
    const request = { seeds: candidates, now, expiresAt, maxUnused: this.maxUnused, reissue };
    const seeds = await guard('issueSeeds', () => this.store.issue(openId, request));
    return { seeds, expiresInMs: this.lifetimeMs };
  }

  /**
   * Uses the run's seed for this run: null when the run may be stored (first use, or a retry of the
   * same run), else why not. Call it only for a run about to be stored: a claimed seed stays used.
   */
  async claim(openId: string, run: unknown, now: number): Promise<SeedRefusal | null> {
    const seed = seedOf(run);
    if (seed === null) return INVALID_SEED;
    const claim = await guard('claimSeed', () => this.store.claim(openId, seed, runDigest(run), now));
    return claim === 'accepted' || claim === 'again' ? null : REFUSALS[claim];
  }

  /**
   * An offline run (`POST /v1/runs/offline`): played on a seed the device drew itself because it held
   * no issued one (the server was down, or the game had just started). The seed is issued to the player
   * on arrival and claimed at once, so it still counts once; how many such runs a player may send is the
   * admission's `offlineRuns` limit (docs/server.md, "Offline runs").
   */
  async claimOffline(openId: string, run: unknown, now: number): Promise<SeedRefusal | null> {
    const seed = seedOf(run);
    if (seed === null) return INVALID_SEED;
    await this.issueToStore(openId, [seed], now, false);
    return this.claim(openId, run, now);
  }
}

/** The run as it arrived, hashed: a retry sends the same bytes, another run with the seed does not. */
export function runDigest(run: unknown): string {
  return createHash('sha256').update(JSON.stringify(run)).digest('base64url').slice(0, 32);
}
