--[[
  Settles one claimed outbox message with its claim token: ack (sent, with an optional message
  reference), retry (pending again at notBefore, with the error), fail (given up) or extend
  (the lease renewed). Only the token of the live claim (`c:<token>` in ob:token) settles; it
  then becomes `a:`, `r:` or `f:<token>`, so repeating the same settle (ioredis re-sending it
  after a reconnect) answers RC_OK again and changes nothing. Ack and fail release the messages
  held by this one and move the group counters.

    Input:
      KEYS[1]  ob:status   KEYS[2]  ob:ready    KEYS[3]  ob:wait     KEYS[4]  ob:counts
      KEYS[5]  ob:error    KEYS[6]  ob:nb       KEYS[7]  ob:token    KEYS[8]  ob:draft
      KEYS[9]  ob:held     KEYS[10] ob:groups   KEYS[11] mref:key    KEYS[12] mref:msg
      KEYS[13] mref:owned  KEYS[14] ob:failed-reasons
      ARGV[1]  'ack' | 'retry' | 'fail' | 'extend'
      ARGV[2]  seq
      ARGV[3]  token
      ARGV[4]  retry: notBefore; extend: the new lease end (epoch ms)
      ARGV[5]  error text (retry, fail; never a secret); ack: '' when delivered, else the
               skip note (`skipped: <reason>`): settled without delivery, the note kept as its
               error and the message counted in its group under `skipped`, not `sent`
      ARGV[6]  ack: the message reference JSON to store, or ''

    Output:
      RC_OK when the settle took effect (or repeats the one that did);
      RC_NOT_OWNER when it changed nothing: the token does not hold the message (foreign,
      claimed again, settled another way) or the message is gone.
]]
--- @include "includes/codes.lua"
--- @include "includes/message-ref.lua"
--- @include "includes/outbox-release.lua"

local mode, seq, token = ARGV[1], ARGV[2], ARGV[3]
local stored = redis.call('HGET', KEYS[7], seq)
if not stored or string.sub(stored, 3) ~= token then
  return RC_NOT_OWNER
end
local state = string.sub(stored, 1, 1)
if mode == 'extend' then
  if state ~= 'c' then
    return RC_NOT_OWNER
  end
  -- A lease that ran out may already sit in ob:ready; the renewed one waits again.
  redis.call('ZREM', KEYS[2], seq)
  redis.call('ZADD', KEYS[3], ARGV[4], seq)
  return RC_OK
end
local mark = ({ ack = 'a', retry = 'r', fail = 'f' })[mode]
if state == mark then
  return RC_OK
end
if state ~= 'c' then
  return RC_NOT_OWNER
end
redis.call('HSET', KEYS[7], seq, mark .. ':' .. token)
redis.call('ZREM', KEYS[2], seq)
redis.call('ZREM', KEYS[3], seq)
if mode == 'retry' then
  redis.call('HSET', KEYS[5], seq, ARGV[5])
  redis.call('HSET', KEYS[6], seq, ARGV[4])
  redis.call('ZADD', KEYS[3], ARGV[4], seq)
  return RC_OK
end
local to = mode == 'ack' and 'sent' or 'failed'
redis.call('HSET', KEYS[1], seq, to)
redis.call('HINCRBY', KEYS[4], 'pending', -1)
redis.call('HINCRBY', KEYS[4], to, 1)
if mode == 'fail' then
  redis.call('HSET', KEYS[5], seq, ARGV[5])
  redis.call('HINCRBY', KEYS[14], ARGV[5], 1)
end
local outcome = to
if mode == 'ack' and ARGV[5] ~= '' then
  redis.call('HSET', KEYS[5], seq, ARGV[5])
  outcome = 'skipped'
end
local draft = cjson.decode(redis.call('HGET', KEYS[8], seq))
if type(draft.group) == 'string' then
  redis.call('HINCRBY', KEYS[10], 'pending:' .. draft.group, -1)
  redis.call('HINCRBY', KEYS[10], outcome .. ':' .. draft.group, 1)
end
release_successors(KEYS[9], KEYS[3], KEYS[1], KEYS[8], seq)
if mode == 'ack' and ARGV[6] ~= '' then
  ref_put(KEYS[11], KEYS[12], KEYS[13], ARGV[6])
end
return RC_OK
