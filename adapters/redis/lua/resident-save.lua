--[[
  Version-conditional save of a resident (ResidentStore.save), atomic with its side records
  and with the subscription index (ResidentStore.listSubscribed).

    Input:
      KEYS, ARGV   the write frame (includes/write-frame.lua), then
      own_key(1)   resident hash: v = version, d = JSON without the version
      own_key(2)   zset of every resident id (score 0, lexicographic)
      own_key(3)   subscription zset (score 0, lexicographic): `<id> NUL <area>` of every
                   resident who receives broadcasts; at most one member per id
      own_arg(1)   expected version ('' = the resident must not exist)
      own_arg(2)   resident JSON
      own_arg(3)   resident id
      own_arg(4)   its member in own_key(3), '' when it does not receive broadcasts

    Output:
      RC_OK        saved as version expected + 1 (or 1), index entry replaced
      RC_CONFLICT  the stored version differs: nothing written
      A re-sent call (same done marker) returns its first reply.
]]
--- @include "includes/codes.lua"
--- @include "includes/sha256.lua"
--- @include "includes/write-frame.lua"

local cached = cached_reply()
if cached then
  return cached
end
local rec, ids, subscribed = own_key(1), own_key(2), own_key(3)
local expected, id, member = own_arg(1), own_arg(3), own_arg(4)
local current = redis.call('HGET', rec, 'v')
if expected == '' then
  if current then
    return finish(RC_CONFLICT)
  end
elseif not current or tonumber(current) ~= tonumber(expected) then
  return finish(RC_CONFLICT)
end
local version = (current and tonumber(current) or 0) + 1
redis.call('HSET', rec, 'v', version, 'd', own_arg(2))
redis.call('ZADD', ids, 0, id)
-- Whatever area the old entry named, it is the only member in [id NUL, id \1).
redis.call('ZREMRANGEBYLEX', subscribed, '[' .. id .. '\0', '(' .. id .. '\1')
if member ~= '' then
  redis.call('ZADD', subscribed, 0, member)
end
apply_side()
return finish(RC_OK)
