--[[
  Version-conditional save of a question (QuestionStore.post / save), optionally appending
  one message to its thread and, for a resident's message, judging the owner's rolling-window
  caps — all in one step with the side records.

    Input:
      KEYS, ARGV   the write frame (includes/write-frame.lua), then
      own_key(1)   question hash: v = version, s = state, o = owner, n = number,
                   c = createdAt, d = JSON without the version
      own_key(2)   the question's thread: list of message JSON (index i = seq i + 1)
      own_key(3)   zset of every question id scored by number
      own_key(4)   zset of open question ids, by number
      own_key(5)   zset of answered question ids, by number
      own_key(6)   zset of closed question ids, by number
      own_key(7)   zset of the owner's question ids scored by createdAt
      own_key(8)   zset of the owner's own messages (`<id>:<seq>`) scored by instant
      own_arg(1)   expected version ('' = the question must not exist)
      own_arg(2)   question JSON
      own_arg(3)   state: open | answered | closed
      own_arg(4)   number
      own_arg(5)   question id
      own_arg(6)   owner id
      own_arg(7)   createdAt (epoch ms)
      own_arg(8)   message JSON ('' = no message: a state change only)
      own_arg(9)   message sender: resident | staff
      own_arg(10)  message instant (epoch ms)
      own_arg(11)  caps judged at (epoch ms; '' = no caps)
      own_arg(12)  questions cap: max ('' = none); own_arg(13) its window (ms)
      own_arg(14)  messages cap: max ('' = none); own_arg(15) its window (ms)

    Output:
      { RC_OK, seq }                       saved (seq 0 without a message)
      { RC_CONFLICT }                      the stored version differs: nothing written
      { RC_RATE_LIMITED, which, retryAt }  which = 'questions' | 'messages': nothing written
      A re-sent call (same done marker) returns its first reply.
]]
--- @include "includes/codes.lua"
--- @include "includes/sha256.lua"
--- @include "includes/write-frame.lua"

local cached = cached_reply()
if cached then
  return cached
end
local rec, thread, numbers, owned, said = own_key(1), own_key(2), own_key(3), own_key(7), own_key(8)
local by_state = { open = own_key(4), answered = own_key(5), closed = own_key(6) }
local expected = own_arg(1)
local current = redis.call('HGET', rec, 'v')
if expected == '' then
  if current then
    return finish({ RC_CONFLICT })
  end
elseif not current or tonumber(current) ~= tonumber(expected) then
  return finish({ RC_CONFLICT })
end

-- An item at t counts while t > now - window; when full, the (count - max + 1)-th oldest
-- counted item leaving the window makes room for one more.
local function retry_at(key, max, window, now)
  local since = '(' .. string.format('%d', now - window)
  local count = redis.call('ZCOUNT', key, since, '+inf')
  if count < max then
    return nil
  end
  local oldest = redis.call('ZRANGEBYSCORE', key, since, '+inf', 'WITHSCORES', 'LIMIT', count - max, 1)
  return tonumber(oldest[2]) + window
end

local message = own_arg(8)
if message ~= '' and own_arg(9) == 'resident' and own_arg(11) ~= '' then
  local now = tonumber(own_arg(11))
  if expected == '' and own_arg(12) ~= '' then
    local t = retry_at(owned, tonumber(own_arg(12)), tonumber(own_arg(13)), now)
    if t then
      return finish({ RC_RATE_LIMITED, 'questions', t })
    end
  end
  if own_arg(14) ~= '' then
    local t = retry_at(said, tonumber(own_arg(14)), tonumber(own_arg(15)), now)
    if t then
      return finish({ RC_RATE_LIMITED, 'messages', t })
    end
  end
end

local id, state = own_arg(5), own_arg(3)
local previous = redis.call('HGET', rec, 's')
if previous then
  redis.call('ZREM', by_state[previous], id)
end
redis.call('ZADD', by_state[state], own_arg(4), id)
redis.call('ZADD', numbers, own_arg(4), id)
-- The owner and the creation instant are fixed when the question is first saved.
if not current then
  redis.call('HSET', rec, 'o', own_arg(6), 'c', own_arg(7))
  redis.call('ZADD', owned, own_arg(7), id)
end
redis.call('HSET', rec, 'v', (current and tonumber(current) or 0) + 1, 's', state, 'n', own_arg(4), 'd', own_arg(2))
local seq = 0
if message ~= '' then
  seq = redis.call('RPUSH', thread, message)
  if own_arg(9) == 'resident' then
    redis.call('ZADD', said, own_arg(10), id .. ':' .. seq)
  end
end
apply_side()
return finish({ RC_OK, seq })
