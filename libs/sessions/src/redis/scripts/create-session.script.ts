import type { LuaScript } from '@sessionops/redis';
import { LUA_EXTEND_INDEX, LUA_NOW, LUA_PASSED_MEMBERS, LUA_STATE_OF, LUA_TOMBSTONE } from './lua-fragments.js';

/**
 * Creates a session atomically with pruning and eviction.
 * KEYS: user index, new session, then (session, grace) of every index member passed in ARGV[10..].
 * ARGV: sessionId, userId, ip, userAgent, refreshHash, idleTtlMs, maxLifetimeMs, maxPerUser, tombstoneTtlMs,
 * member ids. Replies {'ok', now, idleExpiresAt, absoluteExpiresAt, evicted ids...}, {'stale', members...} or
 * {'exists'}.
 */
export const CREATE_SESSION_SCRIPT: LuaScript = {
  numberOfKeys: null,
  lua: `${LUA_NOW}${LUA_STATE_OF}${LUA_EXTEND_INDEX}${LUA_TOMBSTONE}${LUA_PASSED_MEMBERS}
local indexKey, sessionKey = KEYS[1], KEYS[2]
local sessionId, userId = ARGV[1], ARGV[2]
local idleTtlMs, maxLifetimeMs = tonumber(ARGV[6]), tonumber(ARGV[7])
local maxPerUser, tombstoneTtlMs = tonumber(ARGV[8]), tonumber(ARGV[9])

-- Make sure we hold the keys of every session in the index; otherwise send the caller back to retry.
local positions, members = passedMembers(indexKey, 3, 10)
if not positions then return staleReply(members) end

-- A session id is never reused: meeting one again is a caller bug, not something to overwrite.
if redis.call('EXISTS', sessionKey) == 1 then return {'exists'} end
local now = nowMs()

-- Prune index entries whose session is gone, revoked or expired by TIME; keep the live ones of this user.
local live = {}
for _, member in ipairs(members) do
  local position = positions[member]
  local state, owner = stateOf(KEYS[position], now)
  if state ~= 'live' then
    redis.call('ZREM', indexKey, member)
  elseif owner == userId then
    local times = redis.call('HMGET', KEYS[position], 'lastSeenAt', 'createdAt')
    table.insert(live, { id = member, position = position, lastSeenAt = tonumber(times[1]), createdAt = tonumber(times[2]) })
  end
end

-- At the cap, evict the least recently used (oldest lastSeenAt, then oldest createdAt) until one place is free.
local evicted = {}
if #live >= maxPerUser then
  table.sort(live, function(a, b)
    if a.lastSeenAt ~= b.lastSeenAt then return a.lastSeenAt < b.lastSeenAt end
    if a.createdAt ~= b.createdAt then return a.createdAt < b.createdAt end
    return a.id < b.id
  end)
  for i = 1, #live - maxPerUser + 1 do
    local victim = live[i]
    tombstone(KEYS[victim.position], KEYS[victim.position + 1], indexKey, victim.id, 'evicted', now, tombstoneTtlMs)
    table.insert(evicted, victim.id)
  end
end

-- Write the new session; its key lives until the earlier of its idle and absolute expiries.
local absoluteExpiresAt = now + maxLifetimeMs
local idleExpiresAt = math.min(now + idleTtlMs, absoluteExpiresAt)
redis.call('HSET', sessionKey, 'userId', userId, 'createdAt', now, 'lastSeenAt', now,
  'idleExpiresAt', idleExpiresAt, 'absoluteExpiresAt', absoluteExpiresAt, 'ip', ARGV[3], 'userAgent', ARGV[4],
  'refreshHash', ARGV[5], 'generation', 0)
redis.call('PEXPIREAT', sessionKey, idleExpiresAt)

-- Index it by lastSeenAt, and keep the index alive at least as long as the new session.
redis.call('ZADD', indexKey, now, sessionId)
extendIndex(indexKey, idleExpiresAt, now)

local reply = {'ok', now, idleExpiresAt, absoluteExpiresAt}
for _, id in ipairs(evicted) do table.insert(reply, id) end
return reply
`,
};
