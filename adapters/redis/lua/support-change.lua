--[[
  Adds or removes a support (IdeaStore.addSupport / removeSupport), only while the idea's
  state is allowed — checked in the same step, so a support racing a merge or a decision
  never lands on an idea that left those states.

    Input:
      KEYS, ARGV   the write frame (includes/write-frame.lua); no side records, then
      own_key(1)   idea hash (s = state)
      own_key(2)   supports of the idea: a zset of supporter keys (never resident ids) scored by
                   the time of the support (epoch ms)
      own_arg(1)   'add' | 'remove'
      own_arg(2)   supporter key
      own_arg(3)   allowed states, comma-separated
      own_arg(4)   at (epoch ms), for 'add'

    Output:
      RC_NOT_FOUND | RC_NOT_SUPPORTABLE | RC_ADDED | RC_ALREADY | RC_REMOVED | RC_ABSENT
      A re-sent call returns its first reply.
]]
--- @include "includes/codes.lua"
--- @include "includes/sha256.lua"
--- @include "includes/write-frame.lua"

local cached = cached_reply()
if cached then
  return cached
end
local state = redis.call('HGET', own_key(1), 's')
if not state then
  return finish(RC_NOT_FOUND)
end
local allowed = false
for s in string.gmatch(own_arg(3), '[^,]+') do
  if s == state then
    allowed = true
  end
end
if not allowed then
  return finish(RC_NOT_SUPPORTABLE)
end
if own_arg(1) == 'add' then
  if redis.call('ZADD', own_key(2), 'NX', own_arg(4), own_arg(2)) == 1 then
    return finish(RC_ADDED)
  end
  return finish(RC_ALREADY)
end
if redis.call('ZREM', own_key(2), own_arg(2)) == 1 then
  return finish(RC_REMOVED)
end
return finish(RC_ABSENT)
