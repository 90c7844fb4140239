import type { LuaScript } from '@sessionops/redis';
import { LUA_NOW, LUA_STATE_OF, LUA_TOMBSTONE } from './lua-fragments.js';

/**
 * Revokes one live session, leaving a tombstone.
 * KEYS: session, grace token, user index. ARGV: sessionId, reason, tombstoneTtlMs.
 * Replies {1, userId, now} when it was live, {0} otherwise.
 */
export const REVOKE_SESSION_SCRIPT: LuaScript = {
  numberOfKeys: 3,
  lua: `${LUA_NOW}${LUA_STATE_OF}${LUA_TOMBSTONE}
local sessionKey, graceKey, indexKey = KEYS[1], KEYS[2], KEYS[3]
local now = nowMs()

-- Only a live session can be revoked; a gone or expired one may linger in the index, so drop it from there.
local state, owner = stateOf(sessionKey, now)
if state ~= 'live' then
  redis.call('ZREM', indexKey, ARGV[1])
  return {0}
end

tombstone(sessionKey, graceKey, indexKey, ARGV[1], ARGV[2], now, tonumber(ARGV[3]))
return {1, owner, now}
`,
};
