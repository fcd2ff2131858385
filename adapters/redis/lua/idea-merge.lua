--[[
  Merges one idea into another (IdeaStore.merge): saves both with their expected versions
  and moves the supports of `from` onto `into` (a supporter of both counts once). All or
  nothing, with side records.

    Input:
      KEYS, ARGV   the write frame (includes/write-frame.lua), then
      own_key(1)   `from` idea hash        own_key(2)  `into` idea hash
      own_key(3)   zset ids by number      own_key(4)  hash state -> count
      own_key(5)   `from` supports zset    own_key(6)  `into` supports zset (scored by time)
      own_arg(1..5)   from: expected version, JSON, state, number, id
      own_arg(6..10)  into: expected version, JSON, state, number, id

    Output:
      RC_OK | RC_CONFLICT (either version moved: nothing written); a re-sent call returns its
      first reply.
]]
--- @include "includes/codes.lua"
--- @include "includes/sha256.lua"
--- @include "includes/write-frame.lua"
--- @include "includes/idea-write.lua"

local cached = cached_reply()
if cached then
  return cached
end
local fromVersion = check_idea(own_key(1), own_arg(1))
local intoVersion = check_idea(own_key(2), own_arg(6))
if fromVersion == false or intoVersion == false or own_key(1) == own_key(2) then
  return finish(RC_CONFLICT)
end
write_idea(own_key(1), own_key(3), own_key(4), fromVersion, own_arg(2), own_arg(3), own_arg(4), own_arg(5))
write_idea(own_key(2), own_key(3), own_key(4), intoVersion, own_arg(7), own_arg(8), own_arg(9), own_arg(10))
if redis.call('EXISTS', own_key(5)) == 1 then
  -- A supporter of both keeps their earliest support.
  redis.call('ZUNIONSTORE', own_key(6), 2, own_key(6), own_key(5), 'AGGREGATE', 'MIN')
  redis.call('DEL', own_key(5))
end
apply_side()
return finish(RC_OK)
