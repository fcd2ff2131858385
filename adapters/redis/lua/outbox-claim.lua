--[[
  Claims up to `limit` pending outbox messages due at `now`, in seq order, for `leaseMs`
  (Outbox.claim). Each claim counts as one delivery attempt.

  Pending messages live in ob:wait (scored by the instant they become claimable: notBefore,
  a retry's notBefore or a lease's end) until due, then in ob:ready (scored by seq), so the
  due ones come out in seq order without scanning messages that are not due.

    Input:
      KEYS, ARGV   the write frame (includes/write-frame.lua); no side records, then
      own_key(1)   ob:ready        own_key(2)  ob:wait
      own_key(3)   ob:draft        own_key(4)  ob:attempts
      own_key(5)   ob:error        own_key(6)  ob:nb (notBefore set by a retry)
      own_arg(1)   now (epoch ms)  own_arg(2)  limit  own_arg(3)  leaseMs

    Output:
      { RC_OK, then per message: seq, draft JSON, attempts, has error (0|1), error, notBefore or '' }
      A re-sent call returns its first reply (the same messages, attempts counted once).
]]
--- @include "includes/codes.lua"
--- @include "includes/sha256.lua"
--- @include "includes/write-frame.lua"

local cached = cached_reply()
if cached then
  return cached
end
local ready, wait = own_key(1), own_key(2)
local now = tonumber(own_arg(1))
local due = redis.call('ZRANGEBYSCORE', wait, '-inf', now)
for _, seq in ipairs(due) do
  redis.call('ZADD', ready, seq, seq)
end
if #due > 0 then
  redis.call('ZREMRANGEBYSCORE', wait, '-inf', now)
end
local reply = { RC_OK }
local limit = tonumber(own_arg(2))
if limit > 0 then
  local until_ = now + tonumber(own_arg(3))
  for _, seq in ipairs(redis.call('ZRANGE', ready, 0, limit - 1)) do
    redis.call('ZREM', ready, seq)
    redis.call('ZADD', wait, until_, seq)
    local attempts = redis.call('HINCRBY', own_key(4), seq, 1)
    local err = redis.call('HGET', own_key(5), seq)
    reply[#reply + 1] = seq
    reply[#reply + 1] = redis.call('HGET', own_key(3), seq)
    reply[#reply + 1] = attempts
    reply[#reply + 1] = err and 1 or 0
    reply[#reply + 1] = err or ''
    reply[#reply + 1] = redis.call('HGET', own_key(6), seq) or ''
  end
end
return finish(reply)
