--[[
  Marks a sending broadcast done (BroadcastStore.finish), atomically with side records.

    Input:
      KEYS, ARGV   the write frame (includes/write-frame.lua), then
      own_key(1)   the broadcast's hash (s = status, fi = finishedAt, v = version)
      own_arg(1)   at (epoch ms)

    Output:
      RC_OK         done
      RC_CONFLICT   not `sending` (already done, or still fanning out): nothing written
      RC_NOT_FOUND  no such broadcast: nothing written
      A re-sent call (same done marker) returns its first reply.
]]
--- @include "includes/codes.lua"
--- @include "includes/sha256.lua"
--- @include "includes/write-frame.lua"

local cached = cached_reply()
if cached then
  return cached
end
local rec = own_key(1)
local status = redis.call('HGET', rec, 's')
if not status then
  return finish(RC_NOT_FOUND)
end
if status ~= 'sending' then
  return finish(RC_CONFLICT)
end
redis.call('HSET', rec, 's', 'done', 'fi', own_arg(1))
redis.call('HINCRBY', rec, 'v', 1)
apply_side()
return finish(RC_OK)
