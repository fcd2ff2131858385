--[[
  Version-conditional save of an idea (IdeaStore.save), atomic with side records; keeps the
  number index and the per-state counts in step.

    Input:
      KEYS, ARGV   the write frame (includes/write-frame.lua), then
      own_key(1)   idea hash: v = version, s = state, d = JSON without the version
      own_key(2)   zset of idea ids scored by number
      own_key(3)   hash state -> count
      own_arg(1)   expected version ('' = must not exist)
      own_arg(2)   idea JSON
      own_arg(3)   state
      own_arg(4)   number
      own_arg(5)   idea id

    Output:
      RC_OK | RC_CONFLICT (nothing written); a re-sent call returns its first reply.
]]
--- @include "includes/codes.lua"
--- @include "includes/sha256.lua"
--- @include "includes/write-frame.lua"
--- @include "includes/idea-write.lua"

local cached = cached_reply()
if cached then
  return cached
end
local current = check_idea(own_key(1), own_arg(1))
if current == false then
  return finish(RC_CONFLICT)
end
write_idea(own_key(1), own_key(2), own_key(3), current, own_arg(2), own_arg(3), own_arg(4), own_arg(5))
apply_side()
return finish(RC_OK)
