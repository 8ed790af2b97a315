import { pingEvery, RedisKeys } from '../storage/redisKeys';
import type { RedisClient } from '../storage/redisScript';
import { claimScript, issueScript } from './redisScripts';
import { type IssueSeeds, MAX_SEEDS_PER_ISSUE, type SeedClaim, type SeedStore } from './types';

const CLAIMS: readonly SeedClaim[] = ['accepted', 'again', 'used', 'expired', 'unknown'];

export interface RedisSeedStoreOptions {
  /** Prefix of every key, the score storage's (storage/redisKeys.ts). */
  keyPrefix?: string;
}

/**
 * Seeds in Redis, on the score storage's client; each issue and claim is one atomic script. A player's
 * seed keys share the player's hash tag, so on a Redis Cluster each script stays in one slot.
 */
export class RedisSeedStore implements SeedStore {
  private readonly keys: RedisKeys;

  constructor(
    private readonly redis: RedisClient,
    options: RedisSeedStoreOptions = {},
  ) {
    this.keys = new RedisKeys(options.keyPrefix);
  }

  private unusedKey(openId: string): string {
    return this.keys.unusedSeeds(openId);
  }

  private usedKey(openId: string, seed: number): string {
    return this.keys.usedSeed(openId, seed);
  }

  async issue(openId: string, request: IssueSeeds): Promise<number[]> {
    if (request.seeds.length > MAX_SEEDS_PER_ISSUE) {
      throw new RangeError(`at most ${MAX_SEEDS_PER_ISSUE} seeds per issue, not ${request.seeds.length}`);
    }
    const keys = [this.unusedKey(openId), ...request.seeds.map((seed) => this.usedKey(openId, seed))];
    const args = [
      String(request.now),
      String(request.expiresAt),
      String(Math.max(1, request.expiresAt - request.now)),
      String(request.maxUnused),
      request.reissue ? '1' : '0',
      ...request.seeds.map(String),
    ];
    const issued = await issueScript.run(this.redis, keys, args);
    return Array.isArray(issued) ? issued.map(Number) : [];
  }

  async ping(): Promise<void> {
    await pingEvery(this.redis);
  }

  async claim(openId: string, seed: number, runDigest: string, now: number): Promise<SeedClaim> {
    const reply = await claimScript.run(
      this.redis,
      [this.unusedKey(openId), this.usedKey(openId, seed)],
      [String(seed), String(now), runDigest],
    );
    const claim = CLAIMS.find((known) => known === reply);
    if (claim === undefined) throw new Error(`the seed claim script answered ${String(reply)}`);
    return claim;
  }
}
