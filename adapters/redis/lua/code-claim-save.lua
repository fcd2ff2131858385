--[[
  Claims a one-time code and saves the resident it verifies, in one step
  (ResidentStore.claimCodeAndSave), atomically with side records: both are written or
  neither. The code is judged first (unknown, used), then the resident's version; a refusal
  of either kind writes nothing, so the code stays free. Of two concurrent calls on one free
  code exactly one gets RC_CLAIMED.

    Input:
      KEYS, ARGV   the write frame (includes/write-frame.lua), then
      own_key(1)   code hash (r, b, i, u — see codes-add.lua)
      own_key(2)   resident hash: v = version, d = JSON without the version (record-save.lua)
      own_key(3)   resident ids zset (score 0, member = id)
      own_key(4)   subscription zset (`<id> NUL <area>` members, see resident-save.lua)
      own_key(5)   the claimant's code set (keys.ts residentCodes), which erasure reads
      own_arg(1)   resident id (the claimant)
      own_arg(2)   at (epoch ms)
      own_arg(3)   expected resident version ('' = the resident must not exist)
      own_arg(4)   resident JSON
      own_arg(5)   the code (member of own_key(5))
      own_arg(6)   the resident's subscription member, '' when it does not receive broadcasts

    Output:
      { RC_CLAIMED, issued by, issued at }   code used by the resident, resident saved
      { RC_USED, resident id or '' }         used, or reserved for someone else ('' = null);
                                             not kept in the done marker (it names a resident)
      { RC_UNKNOWN }
      { RC_CONFLICT }                        the resident's stored version differs
      A re-sent call returns its first reply.
]]
--- @include "includes/codes.lua"
--- @include "includes/sha256.lua"
--- @include "includes/write-frame.lua"

local cached = cached_reply()
if cached then
  return cached
end
local code, rec, index = own_key(1), own_key(2), own_key(3)
local id, expected = own_arg(1), own_arg(3)
if redis.call('EXISTS', code) == 0 then
  return finish({ RC_UNKNOWN })
end
local f = redis.call('HMGET', code, 'r', 'b', 'i', 'u')
local owner, usedAt = f[1], f[4]
if usedAt or (owner and owner ~= id) then
  -- Not cached: the reply names a resident, and a done marker would outlive their erasure.
  return { RC_USED, owner or '' }
end
local current = redis.call('HGET', rec, 'v')
if expected == '' then
  if current then
    return finish({ RC_CONFLICT })
  end
elseif not current or tonumber(current) ~= tonumber(expected) then
  return finish({ RC_CONFLICT })
end
redis.call('HSET', code, 'r', id, 'u', own_arg(2))
redis.call('HSET', rec, 'v', (current and tonumber(current) or 0) + 1, 'd', own_arg(4))
redis.call('ZADD', index, 0, id)
redis.call('ZREMRANGEBYLEX', own_key(4), '[' .. id .. '\0', '(' .. id .. '\1')
if own_arg(6) ~= '' then
  redis.call('ZADD', own_key(4), 0, own_arg(6))
end
redis.call('SADD', own_key(5), own_arg(5))
apply_side()
return finish({ RC_CLAIMED, f[2], f[3] })
