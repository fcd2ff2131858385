--[[
  Claims a phone key for a holder and saves the resident it verifies, in one step
  (ResidentStore.claimPhoneAndSave), atomically with side records: both are written or
  neither. The phone is judged first (held by another holder), then the resident's version;
  a refusal of either kind writes nothing, so the phone stays unclaimed. Of two concurrent
  calls for one unclaimed phone by different holders exactly one gets RC_CLAIMED.

    Input:
      KEYS, ARGV   the write frame (includes/write-frame.lua), then
      own_key(1)   phone claim hash (h = holder pseudonym, a = claimed at; keys.ts phone)
      own_key(2)   resident hash: v = version, d = JSON without the version (record-save.lua)
      own_key(3)   resident ids zset (score 0, member = id)
      own_key(4)   subscription zset (`<id> NUL <area>` members, see resident-save.lua)
      own_arg(1)   holder (the resident's keyed pseudonym)
      own_arg(2)   at (epoch ms)
      own_arg(3)   expected resident version ('' = the resident must not exist)
      own_arg(4)   resident JSON
      own_arg(5)   resident id
      own_arg(6)   the resident's subscription member, '' when it does not receive broadcasts

    Output:
      { RC_CLAIMED }    the phone is held by the holder (newly, or already) and the resident saved
      { RC_USED }       another holder has the phone (the port's `taken`)
      { RC_CONFLICT }   the resident's stored version differs
      A re-sent call returns its first reply (no reply names anyone, so every one is kept).
]]
--- @include "includes/codes.lua"
--- @include "includes/sha256.lua"
--- @include "includes/write-frame.lua"

local cached = cached_reply()
if cached then
  return cached
end
local phone, rec, index = own_key(1), own_key(2), own_key(3)
local holder, expected, id = own_arg(1), own_arg(3), own_arg(5)
local current_holder = redis.call('HGET', phone, 'h')
if current_holder and current_holder ~= holder then
  return finish({ RC_USED })
end
local current = redis.call('HGET', rec, 'v')
if expected == '' then
  if current then
    return finish({ RC_CONFLICT })
  end
elseif not current or tonumber(current) ~= tonumber(expected) then
  return finish({ RC_CONFLICT })
end
if not current_holder then
  redis.call('HSET', phone, 'h', holder, 'a', own_arg(2))
end
redis.call('HSET', rec, 'v', (current and tonumber(current) or 0) + 1, 'd', own_arg(4))
redis.call('ZADD', index, 0, id)
redis.call('ZREMRANGEBYLEX', own_key(4), '[' .. id .. '\0', '(' .. id .. '\1')
if own_arg(6) ~= '' then
  redis.call('ZADD', own_key(4), 0, own_arg(6))
end
apply_side()
return finish({ RC_CLAIMED })
