import type { LuaScript } from '@sessionops/redis';
import { LUA_EXTEND_INDEX, LUA_NOW, LUA_READ_RECORD, LUA_STATE_OF, LUA_TOMBSTONE, LUA_TOUCH } from './lua-fragments.js';

/**
 * Compare-and-swap of the refresh token, with the grace window and reuse detection.
 * KEYS: session, grace token, user index.
 * ARGV: presentedHash, presentedGeneration, nextHash, nextTokenCiphertext, graceMs, idleTtlMs, tombstoneTtlMs,
 * sessionId. Replies {'rotated', public fields...}, {'grace', ciphertext, public fields...},
 * {'reuse-detected', userId, createdAt, now} or {'rejected', reason}.
 */
export const ROTATE_REFRESH_TOKEN_SCRIPT: LuaScript = {
  numberOfKeys: 3,
  lua: `${LUA_NOW}${LUA_STATE_OF}${LUA_EXTEND_INDEX}${LUA_TOUCH}${LUA_TOMBSTONE}${LUA_READ_RECORD}
local sessionKey, graceKey, indexKey = KEYS[1], KEYS[2], KEYS[3]
local presentedHash, presentedGeneration = ARGV[1], tonumber(ARGV[2])
local graceMs, sessionId = tonumber(ARGV[5]), ARGV[8]
local now = nowMs()

-- Only a live session can be refreshed.
local state, owner = stateOf(sessionKey, now)
if state == 'missing' then return {'rejected', 'not-found'} end
if state == 'revoked' then return {'rejected', 'revoked'} end
if state == 'expired' then return {'rejected', 'expired'} end
local fields = redis.call('HMGET', sessionKey, 'refreshHash', 'prevRefreshHash', 'generation', 'rotatedAt')
local generation = tonumber(fields[3])

-- The current token: swap in its successor, keep it as the previous one, and count the refresh as activity.
if presentedHash == fields[1] and presentedGeneration == generation then
  redis.call('HSET', sessionKey, 'refreshHash', ARGV[3], 'prevRefreshHash', presentedHash,
    'generation', generation + 1, 'rotatedAt', now)
  -- The successor, encrypted by the caller, stays readable for the grace window only (racing tabs, retries).
  if graceMs > 0 then redis.call('SET', graceKey, ARGV[4], 'PX', graceMs) end
  touch(sessionKey, indexKey, sessionId, now, tonumber(ARGV[6]))
  local reply = readRecord(sessionKey)
  table.insert(reply, 1, 'rotated')
  return reply
end

-- The previous token within the grace window: answer with the successor already issued, and change nothing.
if fields[2] and presentedHash == fields[2] and now - tonumber(fields[4]) <= graceMs then
  local ciphertext = redis.call('GET', graceKey)
  if ciphertext then
    local reply = readRecord(sessionKey)
    table.insert(reply, 1, ciphertext)
    table.insert(reply, 1, 'grace')
    return reply
  end
end

-- An authentic older token (the caller checked its MAC): someone kept a copy, so the session counts as stolen.
if presentedGeneration < generation then
  tombstone(sessionKey, graceKey, indexKey, sessionId, 'reuse-detected', now, tonumber(ARGV[7]))
  return {'reuse-detected', owner, redis.call('HGET', sessionKey, 'createdAt'), now}
end
return {'rejected', 'mismatch'}
`,
};
