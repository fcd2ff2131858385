--[[
  Version-conditional delete of a resident (ResidentStore.erase), atomic with side records:
  the record and its entries in every resident index go together.

    Input:
      KEYS, ARGV   the write frame (includes/write-frame.lua), then
      own_key(1)   resident hash (v = version)
      own_key(2)   zset of every resident id
      own_key(3)   subscription zset (`<id> NUL <area>` members, see resident-save.lua)
      own_arg(1)   expected version
      own_arg(2)   resident id

    Output:
      RC_OK        deleted
      RC_CONFLICT  absent, or the stored version differs: nothing written
      A re-sent call (same done marker) returns its first reply.
]]
--- @include "includes/codes.lua"
--- @include "includes/sha256.lua"
--- @include "includes/write-frame.lua"

local cached = cached_reply()
if cached then
  return cached
end
local id = own_arg(2)
local current = redis.call('HGET', own_key(1), 'v')
if not current or tonumber(current) ~= tonumber(own_arg(1)) then
  return finish(RC_CONFLICT)
end
redis.call('DEL', own_key(1))
redis.call('ZREM', own_key(2), id)
redis.call('ZREMRANGEBYLEX', own_key(3), '[' .. id .. '\0', '(' .. id .. '\1')
apply_side()
return finish(RC_OK)
