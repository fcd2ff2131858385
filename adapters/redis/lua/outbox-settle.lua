--[[
  Settles one outbox message: ack (sent), retry (pending again at notBefore, with the error)
  or fail (given up). Naturally idempotent: repeating a call changes nothing more.

    Input:
      KEYS[1]  ob:status   KEYS[2]  ob:ready   KEYS[3]  ob:wait   KEYS[4]  ob:counts
      KEYS[5]  ob:error    KEYS[6]  ob:nb
      ARGV[1]  'ack' | 'retry' | 'fail'
      ARGV[2]  seq
      ARGV[3]  notBefore (retry)
      ARGV[4]  error text (retry, fail; never a secret)

    Output:
      RC_OK when the message changed, RC_NOT_FOUND when it did not (unknown, or already in a
      state the call does not apply to: ack of a sent message, retry/fail of a settled one).
]]
--- @include "includes/codes.lua"

local mode, seq = ARGV[1], ARGV[2]
local status = redis.call('HGET', KEYS[1], seq)
if not status then
  return RC_NOT_FOUND
end
local function move(to)
  redis.call('HSET', KEYS[1], seq, to)
  redis.call('HINCRBY', KEYS[4], status, -1)
  redis.call('HINCRBY', KEYS[4], to, 1)
  redis.call('ZREM', KEYS[2], seq)
  redis.call('ZREM', KEYS[3], seq)
end
if mode == 'ack' then
  if status == 'sent' then
    return RC_NOT_FOUND
  end
  move('sent')
  return RC_OK
end
if status ~= 'pending' then
  return RC_NOT_FOUND
end
redis.call('HSET', KEYS[5], seq, ARGV[4])
if mode == 'fail' then
  move('failed')
  return RC_OK
end
redis.call('HSET', KEYS[6], seq, ARGV[3])
redis.call('ZREM', KEYS[2], seq)
redis.call('ZADD', KEYS[3], ARGV[3], seq)
return RC_OK
