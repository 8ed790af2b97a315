import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * The Lua scripts of the Redis storage: every read and every submission is one script, so one round
 * trip, and no command runs whose result is thrown away. A board is one sorted set whose score is the
 * shared sort key (see leaderboards/order.ts): it orders the board and holds the score and the second,
 * so no other per-player key is read or written.
 */

/**
 * Keep-best on every board of a run. The sorted-set score is the sort key (lower is better), so the
 * keep-best flag is LT, the mirror of the usual `ZADD GT`: ascending order is what makes Redis list
 * equal keys by member (open_id) ascending, our last tie-break.
 * The first board is the one the outcome is read from (CH: changed or added). On the others ZADD
 * counts only added members, which is exactly when the board may have just been created: then, and
 * only then, it gets its expiry (the same end again for every later player, so setting it again is
 * harmless, and no other write pays for it).
 * KEYS: the boards, the reported one first (the API's is the all-time board, which never expires).
 * ARGV: openId, sortKey, then per board its remaining life in ms (PEXPIRE) or 0 for none.
 * Returns: changed (0/1), the stored key, the 0-based rank on the first board.
 */
const SUBMIT = `
local id, key = ARGV[1], ARGV[2]
local changed = redis.call('ZADD', KEYS[1], 'LT', 'CH', key, id)
if changed == 1 and ARGV[3] ~= '0' then redis.call('PEXPIRE', KEYS[1], ARGV[3]) end
for i = 2, #KEYS do
  if redis.call('ZADD', KEYS[i], 'LT', key, id) == 1 and ARGV[i + 2] ~= '0' then
    redis.call('PEXPIRE', KEYS[i], ARGV[i + 2])
  end
end
local best = key
if changed == 0 then best = redis.call('ZSCORE', KEYS[1], id) end
return {changed, best, redis.call('ZRANK', KEYS[1], id)}
`;

/** Entries as flat (member, key, profile JSON) triples: one HMGET for the whole page. */
const DECORATE = `
local function decorate(page, profiles, out)
  local ids = {}
  for i = 1, #page, 2 do ids[#ids + 1] = page[i] end
  if #ids == 0 then return out end
  local profile = redis.call('HMGET', profiles, unpack(ids))
  for j = 1, #ids do
    out[#out + 1] = ids[j]
    out[#out + 1] = page[2 * j]
    out[#out + 1] = profile[j] or ''
  end
  return out
end
`;

/** KEYS: sorted set, profiles hash. ARGV: first index, last index (0-based, inclusive). */
const READ_RANKS = `${DECORATE}
return decorate(redis.call('ZRANGE', KEYS[1], ARGV[1], ARGV[2], 'WITHSCORES'), KEYS[2], {})
`;

/**
 * The page after a cursor position. Entries with the cursor's key are counted by comparing open_ids
 * byte by byte: Lua's own string comparison follows the server's locale, Redis's order does not.
 * KEYS: sorted set, profiles hash. ARGV: sortKey, openId, count.
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
return decorate(page, KEYS[2], {seen})
`;

/**
 * Around-me. KEYS: sorted set, profiles hash. ARGV: openId, entries above, count.
 * Returns {} when the player is not on the board, else: {0-based rank, 0-based first index of the
 * window, leader (member, key) or {}, window (member, key, ...), profiles of the leader then the
 * window}. Nested replies as Redis gives them: no repacking in Lua.
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
return {rank, first, leader, page, redis.call('HMGET', KEYS[2], unpack(ids))}
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
