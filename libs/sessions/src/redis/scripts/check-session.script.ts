import type { LuaScript } from '@sessionops/redis';
import { LUA_EXTEND_INDEX, LUA_NOW, LUA_READ_RECORD, LUA_STATE_OF, LUA_TOUCH } from './lua-fragments.js';

/**
 * The per-request session check, touching at most once per interval.
 * KEYS: session, user index. ARGV: userId, touchIntervalMs, idleTtlMs, sessionId.
 * Replies {'ok', public fields...}, {'revoked', reason}, {'not-found'}, {'expired'} or {'wrong-user'}.
 */
export const CHECK_SESSION_SCRIPT: LuaScript = {
  numberOfKeys: 2,
  lua: `${LUA_NOW}${LUA_STATE_OF}${LUA_EXTEND_INDEX}${LUA_TOUCH}${LUA_READ_RECORD}
local sessionKey, indexKey = KEYS[1], KEYS[2]
local now = nowMs()

-- A failed check answers why and changes nothing.
local state, owner = stateOf(sessionKey, now)
if state == 'missing' then return {'not-found'} end
if state == 'revoked' then return {'revoked', redis.call('HGET', sessionKey, 'revokedReason')} end
if state == 'expired' then return {'expired'} end
if owner ~= ARGV[1] then return {'wrong-user'} end

-- Write at most once per touch interval, so most requests cost a read and no write.
local lastSeenAt = tonumber(redis.call('HGET', sessionKey, 'lastSeenAt'))
if now - lastSeenAt >= tonumber(ARGV[2]) then touch(sessionKey, indexKey, ARGV[4], now, tonumber(ARGV[3])) end

local reply = readRecord(sessionKey)
table.insert(reply, 1, 'ok')
return reply
`,
};
