--[[
  Compares the PNYX_SECRET check value with the stored one; stores it when there is none.

    Input:
      KEYS[1]   the check value key
      ARGV[1]   the check value (a keyed hash, never the secret)

    Output:
      RC_INITIALIZED  none was stored; now it is
      RC_MATCH        equal to the stored one
      RC_MISMATCH     different (the caller refuses to start)
    Idempotent: a re-send after RC_INITIALIZED answers RC_MATCH, which means the same.
]]
--- @include "includes/codes.lua"

local stored = redis.call('GET', KEYS[1])
if not stored then
  redis.call('SET', KEYS[1], ARGV[1])
  return RC_INITIALIZED
end
if stored == ARGV[1] then
  return RC_MATCH
end
return RC_MISMATCH
