/**
 * Lua helpers shared by the session scripts. Each script is one self-contained string (Redis caches it by SHA),
 * built by prepending the fragments it needs; the fragments define local functions only and touch no key that the
 * calling script did not pass in KEYS.
 */

/** The session hash fields a caller may see, in the order `recordFromFields` reads them. Never the refresh hashes. */
export const PUBLIC_SESSION_FIELDS = [
  'userId',
  'createdAt',
  'lastSeenAt',
  'idleExpiresAt',
  'absoluteExpiresAt',
  'ip',
  'userAgent',
  'generation',
  'revokedAt',
  'revokedReason',
] as const;

const quotedFields = PUBLIC_SESSION_FIELDS.map((field) => `'${field}'`).join(', ');

/** `nowMs()`: Redis TIME in whole milliseconds. */
export const LUA_NOW = `
-- Redis TIME in whole milliseconds: every server process and the CLI compare against this one clock.
local function nowMs()
  local time = redis.call('TIME')
  return tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
end
`;

/** `readRecord(sessionKey)`: the public fields, in `PUBLIC_SESSION_FIELDS` order. */
export const LUA_READ_RECORD = `
-- The fields a caller may see, in the order the TypeScript side reads them; never the refresh hashes.
local function readRecord(sessionKey)
  return redis.call('HMGET', sessionKey, ${quotedFields})
end
`;

/** `stateOf(sessionKey, now)`: 'missing' | 'revoked' | 'expired' | 'live', and the owner's user id. */
export const LUA_STATE_OF = `
-- Classifies a session key. 'expired' covers the moment between its expiry by TIME and Redis dropping the key.
local function stateOf(sessionKey, now)
  local fields = redis.call('HMGET', sessionKey, 'userId', 'revokedAt', 'idleExpiresAt', 'absoluteExpiresAt')
  if not fields[1] then return 'missing', nil end
  if fields[2] then return 'revoked', fields[1] end
  if now >= math.min(tonumber(fields[3]), tonumber(fields[4])) then return 'expired', fields[1] end
  return 'live', fields[1]
end
`;

/** `extendIndex(indexKey, atMs, now)`: the index key lives at least until `atMs`, never shorter than before. */
export const LUA_EXTEND_INDEX = `
-- Why 1000 ms: PTTL counts from the script's start and TIME a little later; the slack keeps the index alive past
-- its last member despite that difference.
local INDEX_TTL_SLACK_MS = 1000

-- Keeps the index alive at least until atMs. PEXPIRE GT would do this on Redis 7; Redis 6.2 needs the comparison.
local function extendIndex(indexKey, atMs, now)
  local ttl = redis.call('PTTL', indexKey)
  -- -1: the key has no expiry yet; -2: there is no key, so nothing to extend.
  if ttl == -1 or (ttl >= 0 and now + ttl < atMs + INDEX_TTL_SLACK_MS) then
    redis.call('PEXPIREAT', indexKey, atMs + INDEX_TTL_SLACK_MS)
  end
end
`;

/** `touch(sessionKey, indexKey, sessionId, now, idleTtlMs)`: records activity. Needs LUA_EXTEND_INDEX. */
export const LUA_TOUCH = `
-- Records activity: lastSeenAt, the sliding idle expiry (never past the absolute one), key TTL and index score.
local function touch(sessionKey, indexKey, sessionId, now, idleTtlMs)
  local absoluteExpiresAt = tonumber(redis.call('HGET', sessionKey, 'absoluteExpiresAt'))
  local idleExpiresAt = math.min(now + idleTtlMs, absoluteExpiresAt)
  redis.call('HSET', sessionKey, 'lastSeenAt', now, 'idleExpiresAt', idleExpiresAt)
  -- The key itself disappears when the session ends unused.
  redis.call('PEXPIREAT', sessionKey, idleExpiresAt)
  -- The index scores sessions by lastSeenAt, for least-recently-used eviction and most-recent-first lists.
  redis.call('ZADD', indexKey, now, sessionId)
  extendIndex(indexKey, idleExpiresAt, now)
end
`;

/** `tombstone(sessionKey, graceKey, indexKey, sessionId, reason, now, tombstoneTtlMs)`: revokes a live session. */
export const LUA_TOMBSTONE = `
-- Turns a live session into a tombstone that says when and why it ended.
local function tombstone(sessionKey, graceKey, indexKey, sessionId, reason, now, tombstoneTtlMs)
  redis.call('HSET', sessionKey, 'revokedAt', now, 'revokedReason', reason)
  -- A revoked session can never be refreshed again, so its refresh secrets go at once.
  redis.call('HDEL', sessionKey, 'refreshHash', 'prevRefreshHash')
  redis.call('DEL', graceKey)
  -- The index lists live sessions only.
  redis.call('ZREM', indexKey, sessionId)
  -- The tombstone outlives the access tokens issued for the session, then disappears by itself.
  redis.call('PEXPIRE', sessionKey, tombstoneTtlMs)
end
`;

/**
 * `passedMembers(indexKey, firstKey, firstArg)`: maps each session id passed in ARGV[firstArg..] to the KEYS
 * position of its (session key, grace key) pair, which start at KEYS[firstKey]. Returns nil and the current members
 * when the index holds a session that was not passed: the caller read a stale index and must retry with them.
 */
export const LUA_PASSED_MEMBERS = `
-- Checks the caller passed the keys of every session the index holds now, because a script may only touch keys it
-- was given (the Redis Cluster rule). Sessions passed but gone since then are simply not visited.
local function passedMembers(indexKey, firstKey, firstArg)
  local positions = {}
  for i = firstArg, #ARGV do
    positions[ARGV[i]] = firstKey + (i - firstArg) * 2
  end
  local members = redis.call('ZRANGE', indexKey, 0, -1)
  for _, member in ipairs(members) do
    if not positions[member] then return nil, members end
  end
  return positions, members
end

-- The reply that sends the caller back to retry with the index as it is now.
local function staleReply(members)
  local reply = {'stale'}
  for _, member in ipairs(members) do table.insert(reply, member) end
  return reply
end
`;
