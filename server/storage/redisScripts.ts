import { RedisScript } from './redisScript';

/**
 * The Lua scripts of the Redis storage. A board is two keys in one hash slot (redisKeys.ts): a sorted
 * set whose score is the shared sort key (leaderboards/order.ts), which orders the board and holds the
 * score and the second, and a hash of the profiles of its players, copied there so a read never leaves
 * the board's slot. A copy is `<updatedAt>:<profile JSON>` and is only ever replaced by a newer one, so
 * a submission that read a profile just before it changed cannot put the old one back.
 */

/**
 * Keeps `profile` as the player's copy on the board unless the copy there is as new; a new copy hash
 * takes the board's expiry.
 */
const COPY_PROFILE = `
local function copy_profile(scores, names, id, profile, at)
  local held = redis.call('HGET', names, id)
  local held_at = held and tonumber(string.match(held, '^(%d+):'))
  if held_at and held_at >= at then return end
  redis.call('HSET', names, id, profile)
  if redis.call('PTTL', names) == -1 then
    local life = redis.call('PTTL', scores)
    if life > 0 then redis.call('PEXPIRE', names, life) end
  end
end
`;

/**
 * Keep-best on a run's boards: on a single server all of them at once; on a cluster the all-time board
 * alone, in its slot (each period board takes a plain `ZADD LT` in its own, then JOINED). The sort key
 * is lower for better, so keep-best is `ZADD LT`, the mirror of the usual `ZADD GT`: ascending order is
 * what makes Redis list equal keys by member (open_id) ascending, our last tie-break. A period board
 * gets its expiry when a player joins it, which is when the board may have just been created (the same
 * end again for every later player, and no improvement pays for it). A player who joins a board gets a
 * copy of their profile there: read here on a single server; on a cluster the profile lives in another
 * slot, so the script says so and the caller copies it (JOINED), which is rare: a player joins the
 * all-time board once, a period board once per period. Later changes reach the copies through
 * saveProfile.
 * KEYS: per board its sorted set and its profile copies, the reported board (the all-time one: its
 * outcome is the one the API answers with) first; then, on a single server, the player's profile key.
 * ARGV: openId, sortKey, then per board its remaining life in ms, or 0 for none.
 * Returns {changed (0/1), the stored key, the 0-based rank} on the first board, and 1 when the player
 * joined it without getting a profile copy (on a cluster, where the caller copies it).
 */
const SUBMIT = `${COPY_PROFILE}
local id, key = ARGV[1], ARGV[2]
local profile = false
if #KEYS % 2 == 1 then profile = redis.call('GET', KEYS[#KEYS]) end
local at = profile and tonumber(string.match(profile, '^(%d+):'))
local changed, best, rank, joined
for b = 1, math.floor(#KEYS / 2) do
  local scores, names, life = KEYS[2 * b - 1], KEYS[2 * b], ARGV[2 + b]
  local added
  if b == 1 then
    local old = redis.call('ZSCORE', scores, id)
    redis.call('ZADD', scores, 'LT', key, id)
    added = old and 0 or 1
    changed = (not old or tonumber(key) < tonumber(old)) and 1 or 0
    best = changed == 1 and key or old
    rank = redis.call('ZRANK', scores, id)
  else
    added = redis.call('ZADD', scores, 'LT', key, id)
  end
  if added == 1 then
    if life ~= '0' then redis.call('PEXPIRE', scores, life) end
    if at then copy_profile(scores, names, id, profile, at) elseif b == 1 then joined = 1 end
  end
end
return {changed, best, rank, joined or 0}
`;

/**
 * A period board a player just joined on a cluster, where the board took the run as a plain `ZADD LT`
 * (one command, as cheap as Redis gets): its expiry (the same end for every player, so setting it again
 * is harmless), and the player's profile copy. KEYS: sorted set, profile copies. ARGV: openId, the
 * board's remaining life in ms or 0, the profile (`<updatedAt>:<json>`) or ''.
 */
const JOINED = `${COPY_PROFILE}
local id, life, profile = ARGV[1], ARGV[2], ARGV[3]
if life ~= '0' then redis.call('PEXPIRE', KEYS[1], life) end
if profile ~= '' then copy_profile(KEYS[1], KEYS[2], id, profile, tonumber(string.match(profile, '^(%d+):'))) end
return 1
`;

/**
 * A profile, copied to the boards of one slot the player is on (a newer copy stays). KEYS: per board its
 * sorted set and its profile copies; then, on a single server, the player's profile key (set here).
 * ARGV: openId, the profile as `<updatedAt>:<json>`.
 */
const SAVE_PROFILE = `${COPY_PROFILE}
local id, profile = ARGV[1], ARGV[2]
local at = tonumber(string.match(profile, '^(%d+):'))
if #KEYS % 2 == 1 then redis.call('SET', KEYS[#KEYS], profile) end
for b = 1, math.floor(#KEYS / 2) do
  if redis.call('ZSCORE', KEYS[2 * b - 1], id) then copy_profile(KEYS[2 * b - 1], KEYS[2 * b], id, profile, at) end
end
return 1
`;

/** Entries as flat (member, key, profile copy) triples: one HMGET for the whole page. */
const DECORATE = `
local function decorate(page, names, out)
  local ids = {}
  for i = 1, #page, 2 do ids[#ids + 1] = page[i] end
  if #ids == 0 then return out end
  local profile = redis.call('HMGET', names, unpack(ids))
  for j = 1, #ids do
    out[#out + 1] = ids[j]
    out[#out + 1] = page[2 * j]
    out[#out + 1] = profile[j] or ''
  end
  return out
end
`;

/** KEYS: sorted set, profile copies. ARGV: first index, last index (0-based, inclusive). */
const READ_RANKS = `${DECORATE}
return decorate(redis.call('ZRANGE', KEYS[1], ARGV[1], ARGV[2], 'WITHSCORES'), KEYS[2], {})
`;

/**
 * The page after a cursor position. Entries with the cursor's key are counted by comparing open_ids
 * byte by byte: Lua's own string comparison follows the server's locale, Redis's order does not.
 * KEYS: sorted set, profile copies. ARGV: sortKey, openId, count.
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
 * Around-me. KEYS: sorted set, profile copies. ARGV: openId, entries above, count.
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

export const submitScript = new RedisScript(SUBMIT);
export const saveProfileScript = new RedisScript(SAVE_PROFILE);
export const joinedScript = new RedisScript(JOINED);
export const readRanksScript = new RedisScript(READ_RANKS);
export const readAfterScript = new RedisScript(READ_AFTER);
export const readAroundScript = new RedisScript(READ_AROUND);
