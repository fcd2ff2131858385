--[[
  Version-conditional delete of a record (ResidentStore.erase), atomic with side records.

    Input:
      KEYS, ARGV   the write frame (includes/write-frame.lua), then
      own_key(1)   record hash (v = version)
      own_key(2)   index zset the record's id is removed from
      own_arg(1)   expected version
      own_arg(2)   index member

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
local current = redis.call('HGET', own_key(1), 'v')
if not current or tonumber(current) ~= tonumber(own_arg(1)) then
  return finish(RC_CONFLICT)
end
redis.call('DEL', own_key(1))
redis.call('ZREM', own_key(2), own_arg(2))
apply_side()
return finish(RC_OK)
