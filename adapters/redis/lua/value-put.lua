--[[
  Unconditional replace of a string value (CampaignStore.saveResults), atomic with side
  records.

    Input:
      KEYS, ARGV   the write frame (includes/write-frame.lua), then
      own_key(1)   the string key
      own_arg(1)   the value

    Output:
      RC_OK; a re-sent call (same done marker) returns it without appending side records again.
]]
--- @include "includes/codes.lua"
--- @include "includes/sha256.lua"
--- @include "includes/write-frame.lua"

local cached = cached_reply()
if cached then
  return cached
end
redis.call('SET', own_key(1), own_arg(1))
apply_side()
return finish(RC_OK)
