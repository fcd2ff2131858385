--[[
  Deletes every question of one resident with its thread and index entries
  (QuestionStore.eraseOwner). The caller reads the owner's question ids first and passes
  their keys; should the owner's set differ by then (a question posted meanwhile), nothing is
  written and RC_STALE asks the caller to read again — so every key touched is in KEYS.

    Input:
      KEYS, ARGV   the write frame (includes/write-frame.lua); no side records, then
      own_key(1)   zset of the owner's question ids
      own_key(2)   zset of the owner's own messages
      own_key(3)   zset of every question id
      own_key(4..6) zsets of open, answered, closed question ids
      own_key(7 + 2i), own_key(8 + 2i)   question hash and thread of the i-th id (i from 0)
      own_arg(1)   number of ids n
      own_arg(2..n+1) the ids, in the order of their keys

    Output:
      { RC_OK, deleted }   deleted = n
      { RC_STALE }         the owner's ids are not exactly those given: nothing written
      A re-sent call (same done marker) returns its first reply.
]]
--- @include "includes/codes.lua"
--- @include "includes/sha256.lua"
--- @include "includes/write-frame.lua"

local cached = cached_reply()
if cached then
  return cached
end
local n = tonumber(own_arg(1))
if redis.call('ZCARD', own_key(1)) ~= n then
  return finish({ RC_STALE })
end
for i = 1, n do
  if not redis.call('ZSCORE', own_key(1), own_arg(1 + i)) then
    return finish({ RC_STALE })
  end
end
for i = 1, n do
  local id = own_arg(1 + i)
  redis.call('DEL', own_key(5 + 2 * i), own_key(6 + 2 * i))
  redis.call('ZREM', own_key(3), id)
  redis.call('ZREM', own_key(4), id)
  redis.call('ZREM', own_key(5), id)
  redis.call('ZREM', own_key(6), id)
end
redis.call('DEL', own_key(1), own_key(2))
return finish({ RC_OK, n })
