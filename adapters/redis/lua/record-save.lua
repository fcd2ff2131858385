--[[
  Version-conditional save of a JSON record (the phase state), atomic with its side
  records.

    Input:
      KEYS, ARGV   the write frame (includes/write-frame.lua), then
      own_key(1)   record hash: v = version, d = JSON without the version
      own_key(2)   optional index zset (score 0, member = id, read with ZRANGEBYLEX)
      own_arg(1)   expected version ('' = the record must not exist)
      own_arg(2)   record JSON
      own_arg(3)   index member (when own_key(2) is given)

    Output:
      RC_OK        saved as version expected + 1 (or 1)
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
local rec, index = own_key(1), own_key(2)
local expected = own_arg(1)
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
if index then
  redis.call('ZADD', index, 0, own_arg(3))
end
apply_side()
return finish(RC_OK)
