import { RedisScript } from '../storage/redisScript';

/**
 * The seed store's Lua scripts: an issue and a claim are each one script, so atomic and one round trip.
 * Per player, one sorted set holds the unused seeds (score: expiry in ms, plus the seed's place in its
 * batch in 32nds of a millisecond, so the first issued go first when there are too many, as in SQLite's
 * `batch_at`; the game uses a batch in that order) and one key per used seed holds
 * `<expiry>:<run digest>`, expiring with the seed. Expiries are compared with the server's clock (ARGV
 * `now`); the keys' own TTLs (relative, so the same clock) only clean up.
 */

/**
 * KEYS: the unused set, then one used-seed key per candidate. ARGV: now, expiresAt, ttlMs, maxUnused,
 * reissue (1/0), then the candidates. Returns the candidates issued.
 */
const ISSUE = `
local now, expiresAt, ttl, maxUnused = tonumber(ARGV[1]), ARGV[2], ARGV[3], tonumber(ARGV[4])
local reissue = ARGV[5] == '1'
local count = #KEYS - 1
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
local excess = redis.call('ZCARD', KEYS[1]) + count - maxUnused
if excess > 0 then redis.call('ZREMRANGEBYRANK', KEYS[1], 0, excess - 1) end
local issued = {}
for i = 1, count do
  local seed = ARGV[5 + i]
  if reissue then redis.call('DEL', KEYS[1 + i]) end
  local held = redis.call('ZSCORE', KEYS[1], seed)
  if reissue or (not held and redis.call('EXISTS', KEYS[1 + i]) == 0) then
    redis.call('ZADD', KEYS[1], expiresAt .. string.format('.%05d', (i - 1) * 3125), seed)
    issued[#issued + 1] = seed
  end
end
if #issued > 0 then redis.call('PEXPIRE', KEYS[1], ttl) end
return issued
`;

/** KEYS: the unused set, the seed's used key. ARGV: seed, now, run digest. Returns a SeedClaim. */
const CLAIM = `
local seed, now, digest = ARGV[1], tonumber(ARGV[2]), ARGV[3]
local expires = redis.call('ZSCORE', KEYS[1], seed)
if expires then
  expires = math.floor(tonumber(expires))
  if expires <= now then return 'expired' end
  redis.call('ZREM', KEYS[1], seed)
  redis.call('SET', KEYS[2], string.format('%d', expires) .. ':' .. digest, 'PX', expires - now)
  return 'accepted'
end
local used = redis.call('GET', KEYS[2])
if not used then return 'unknown' end
local at = string.find(used, ':', 1, true)
if tonumber(string.sub(used, 1, at - 1)) <= now then return 'unknown' end
if string.sub(used, at + 1) == digest then return 'again' end
return 'used'
`;

export const issueScript = new RedisScript(ISSUE);
export const claimScript = new RedisScript(CLAIM);
