import type { LuaScript } from '@sessionops/redis';
import { LUA_NOW, LUA_PASSED_MEMBERS, LUA_STATE_OF, LUA_TOMBSTONE } from './lua-fragments.js';

/**
 * Revokes every live session in a user's index, optionally but one.
 * KEYS: user index, then (session, grace) of every index member passed in ARGV[5..].
 * ARGV: userId, reason, tombstoneTtlMs, exceptSessionId ('' for none), member ids.
 * Replies {'ok', now, revoked ids...} or {'stale', members...}.
 */
export const REVOKE_USER_SESSIONS_SCRIPT: LuaScript = {
  numberOfKeys: null,
  lua: `${LUA_NOW}${LUA_STATE_OF}${LUA_TOMBSTONE}${LUA_PASSED_MEMBERS}
local indexKey = KEYS[1]
local userId, reason, tombstoneTtlMs, exceptId = ARGV[1], ARGV[2], tonumber(ARGV[3]), ARGV[4]

-- Make sure we hold the keys of every session in the index; otherwise send the caller back to retry.
local positions, members = passedMembers(indexKey, 2, 5)
if not positions then return staleReply(members) end
local now = nowMs()

-- Revoke each live session of this user but the excepted one; prune entries that are no longer live.
local reply = {'ok', now}
for _, member in ipairs(members) do
  local position = positions[member]
  local state, owner = stateOf(KEYS[position], now)
  if state ~= 'live' then
    redis.call('ZREM', indexKey, member)
  elseif owner == userId and member ~= exceptId then
    tombstone(KEYS[position], KEYS[position + 1], indexKey, member, reason, now, tombstoneTtlMs)
    table.insert(reply, member)
  end
end
return reply
`,
};
