import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * The Lua scripts of the Redis storage: every read and every submission is one script, so one round
 * trip, and no command runs whose result is thrown away.
 */

/**
 * Keep-best on each board; the outcome is read back for the first board only (the API shows the
 * global one). The sorted-set score is the shared sort key (lower is better, see leaderboards/order.ts),
 * so the keep-best flag is LT, the mirror of the usual `ZADD GT`: ascending order is what makes Redis
 * list equal keys by member (open_id) ascending, which is our last tie-break. The exact time and the
 * expiry are written only when the best changed.
 * KEYS: pairs of (sorted set, time hash) per board. ARGV: openId, sortKey, achievedAt, then one expiry
 * in seconds per board (0 = never). Returns: changed (0/1), the stored key, the 0-based rank.
 */
const SUBMIT = `
local id, key, at = ARGV[1], ARGV[2], ARGV[3]
local result = {}
for i = 1, #KEYS, 2 do
  local changed = redis.call('ZADD', KEYS[i], 'LT', 'CH', key, id)
  if changed == 1 then
    redis.call('HSET', KEYS[i + 1], id, at)
    local ttl = tonumber(ARGV[3 + (i + 1) / 2])
    if ttl > 0 then
      redis.call('EXPIRE', KEYS[i], ttl)
      redis.call('EXPIRE', KEYS[i + 1], ttl)
    end
  end
  if i == 1 then
    result[1] = changed
    if changed == 1 then result[2] = key else result[2] = redis.call('ZSCORE', KEYS[1], id) end
    result[3] = redis.call('ZRANK', KEYS[1], id)
  end
end
return result
`;

/** Entries as flat (member, key, time, profile JSON) quadruples: two HMGETs for the whole page. */
const DECORATE = `
local function decorate(page, times, profiles, out)
  local ids = {}
  for i = 1, #page, 2 do ids[#ids + 1] = page[i] end
  if #ids == 0 then return out end
  local at = redis.call('HMGET', times, unpack(ids))
  local profile = redis.call('HMGET', profiles, unpack(ids))
  for j = 1, #ids do
    out[#out + 1] = ids[j]
    out[#out + 1] = page[2 * j]
    out[#out + 1] = at[j] or ''
    out[#out + 1] = profile[j] or ''
  end
  return out
end
`;

/** KEYS: sorted set, time hash, profiles hash. ARGV: first index, last index (0-based, inclusive). */
const READ_RANKS = `${DECORATE}
return decorate(redis.call('ZRANGE', KEYS[1], ARGV[1], ARGV[2], 'WITHSCORES'), KEYS[2], KEYS[3], {})
`;

/**
 * The page after a cursor position. Entries with the cursor's key are counted by comparing open_ids
 * byte by byte: Lua's own string comparison follows the server's locale, Redis's order does not.
 * KEYS: sorted set, time hash, profiles hash. ARGV: sortKey, openId, count.
 * Returns: the number of entries up to the position, then the page.
 */
const READ_AFTER = `${DECORATE}
local function not_after(a, b)
  for i = 1, math.min(#a, #b) do
    local x, y = string.byte(a, i), string.byte(b, i)
    if x ~= y then return x < y end
  end
  return #a <= #b
end
local seen = redis.call('ZCOUNT', KEYS[1], '-inf', '(' .. ARGV[1])
for _, id in ipairs(redis.call('ZRANGE', KEYS[1], ARGV[1], ARGV[1], 'BYSCORE')) do
  if not_after(id, ARGV[2]) then seen = seen + 1 end
end
local page = redis.call('ZRANGE', KEYS[1], seen, seen + tonumber(ARGV[3]) - 1, 'WITHSCORES')
return decorate(page, KEYS[2], KEYS[3], {seen})
`;

/**
 * Around-me. KEYS: sorted set, time hash, profiles hash. ARGV: openId, entries above, count.
 * Returns {} when the player is not on the board, else: {0-based rank, 0-based first index of the
 * window, leader (member, key) or {}, window (member, key, ...), times, profiles}, the last two for the
 * leader then the window. Nested replies as Redis gives them: no repacking in Lua.
 */
const READ_AROUND = `
local rank = redis.call('ZRANK', KEYS[1], ARGV[1])
if not rank then return {} end
local first = math.max(0, rank - tonumber(ARGV[2]))
local page = redis.call('ZRANGE', KEYS[1], first, first + tonumber(ARGV[3]) - 1, 'WITHSCORES')
local leader = {}
if first > 0 then leader = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES') end
local ids = {}
for i = 1, #leader, 2 do ids[#ids + 1] = leader[i] end
for i = 1, #page, 2 do ids[#ids + 1] = page[i] end
return {rank, first, leader, page, redis.call('HMGET', KEYS[2], unpack(ids)), redis.call('HMGET', KEYS[3], unpack(ids))}
`;

class RedisScript {
  private readonly sha: string;
  constructor(private readonly source: string) {
    this.sha = createHash('sha1').update(source).digest('hex');
  }

  /** EVALSHA, falling back to EVAL once when the server does not have the script cached yet. */
  async run(redis: Redis, keys: string[], args: string[]): Promise<unknown[]> {
    try {
      return (await redis.evalsha(this.sha, keys.length, ...keys, ...args)) as unknown[];
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      return (await redis.eval(this.source, keys.length, ...keys, ...args)) as unknown[];
    }
  }
}

export const submitScript = new RedisScript(SUBMIT);
export const readRanksScript = new RedisScript(READ_RANKS);
export const readAfterScript = new RedisScript(READ_AFTER);
export const readAroundScript = new RedisScript(READ_AROUND);
