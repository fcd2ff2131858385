--[[
  Creates a broadcast (BroadcastStore.create), atomically with side records. The broadcast
  itself travels as the write frame's one new broadcast (nB = 1), so the frame's own writer
  stores it; this script only refuses an id that exists.

    Input:
      KEYS, ARGV   the write frame (includes/write-frame.lua) with nB = 1, then
      own_key(1)   the broadcast's hash (the same key as the frame's side 10)

    Output:
      RC_OK        created, side records written
      RC_CONFLICT  a broadcast with this id exists: nothing written
      A re-sent call (same done marker) returns its first reply.
]]
--- @include "includes/codes.lua"
--- @include "includes/sha256.lua"
--- @include "includes/write-frame.lua"

local cached = cached_reply()
if cached then
  return cached
end
if redis.call('EXISTS', own_key(1)) == 1 then
  return finish(RC_CONFLICT)
end
apply_side()
return finish(RC_OK)
