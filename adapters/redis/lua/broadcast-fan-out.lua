--[[
  Records one page of a broadcast's fan-out (BroadcastStore.fanOutPage): the page's outbox
  drafts (the write frame's side records) and the cursor move, in one step — or nothing.

    Input:
      KEYS, ARGV   the write frame (includes/write-frame.lua); its outbox drafts are the page
      own_key(1)   the broadcast's hash: s = status, c = cursor (absent: none yet),
                   q = queued, t = total, fo = fannedOutAt, v = version
      own_arg(1)   expected cursor ('' = none yet)
      own_arg(2)   cursor after the page ('' = none yet: an empty first page)
      own_arg(3)   '1' for the last page, '0' otherwise
      own_arg(4)   number of drafts in the page
      own_arg(5)   at (epoch ms; fannedOutAt of the last page)

    Output:
      RC_OK         recorded
      RC_CONFLICT   not fanning out, or the cursor is not the expected one: nothing written
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
local f = redis.call('HMGET', rec, 's', 'c', 'q')
if not f[1] then
  return finish(RC_NOT_FOUND)
end
if f[1] ~= 'fanning_out' or (f[2] or '') ~= own_arg(1) then
  return finish(RC_CONFLICT)
end
apply_side()
local queued = tonumber(f[3]) + tonumber(own_arg(4))
if own_arg(2) ~= '' then
  redis.call('HSET', rec, 'c', own_arg(2))
end
redis.call('HSET', rec, 'q', queued)
redis.call('HINCRBY', rec, 'v', 1)
if own_arg(3) == '1' then
  redis.call('HSET', rec, 's', 'sending', 't', queued, 'fo', own_arg(5))
end
return finish(RC_OK)
