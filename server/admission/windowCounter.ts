import { RedisKeys } from '../storage/redisKeys';
import { type RedisClient, RedisScript } from '../storage/redisScript';
import type { RateRule, RuleName } from './rules';

/**
 * Counts requests per rule and key in fixed windows aligned to the clock (every key of a rule shares
 * the window, so a whole window of counts is dropped at once when it ends). `hit` answers 0 when the
 * request is within its budget, else the milliseconds until the window ends; synchronously when it
 * can, so a refusal costs no promise.
 */
export interface WindowCounter {
  hit(rule: RateRule, key: string, now: number): number | Promise<number>;
}

/** Keys of one rule in its current window; the window before is forgotten when a new one starts. */
class CurrentWindows<T> {
  private readonly windows = new Map<RuleName, { index: number; values: Map<string, T> }>();

  of(rule: RateRule, index: number): Map<string, T> {
    const window = this.windows.get(rule.name);
    if (window && window.index === index) return window.values;
    const values = new Map<string, T>();
    this.windows.set(rule.name, { index, values });
    return values;
  }
}

function windowIndex(rule: RateRule, now: number): number {
  return Math.floor(now / rule.windowMs);
}

function untilWindowEnds(rule: RateRule, now: number): number {
  return (windowIndex(rule, now) + 1) * rule.windowMs - now;
}

/** Counters in this process: a single server process, or tests. */
export class LocalWindowCounter implements WindowCounter {
  private readonly counts = new CurrentWindows<number>();

  hit(rule: RateRule, key: string, now: number): number {
    const counts = this.counts.of(rule, windowIndex(rule, now));
    const count = (counts.get(key) ?? 0) + 1;
    counts.set(key, count);
    return count <= rule.max ? 0 : untilWindowEnds(rule, now);
  }
}

/** KEYS: the counter. ARGV: its life in ms. Returns the count after this request. */
const COUNT = new RedisScript(`
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return count
`);

/**
 * Counters in Redis, shared by every server process, so a limit holds however many processes serve
 * the game. A key found over its budget is remembered here until its window ends: its next requests
 * are refused without asking Redis, so a flood costs Redis one command per key and window, not one
 * per request. When Redis cannot be reached the request is let through: the store it would use is
 * down too, and the route answers 503 with Retry-After instead of a 500 here.
 */
export class SharedWindowCounter implements WindowCounter {
  private readonly over = new CurrentWindows<true>();

  constructor(
    private readonly redis: RedisClient,
    private readonly keys = new RedisKeys(),
  ) {}

  hit(rule: RateRule, key: string, now: number): number | Promise<number> {
    const index = windowIndex(rule, now);
    const retryMs = untilWindowEnds(rule, now);
    if (this.over.of(rule, index).has(key)) return retryMs;
    return COUNT.run(this.redis, [this.keys.rate(rule.name, index, key)], [String(retryMs + 1000)]).then(
      (count) => {
        if (Number(count) <= rule.max) return 0;
        this.over.of(rule, index).set(key, true);
        return retryMs;
      },
      () => 0,
    );
  }
}
