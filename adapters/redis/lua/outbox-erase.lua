--[[
  Removes every outbox message addressed to one resident (Outbox.eraseRecipient), whatever
  its status, in one step: its draft, status, attempts, error, notBefore, token, queue entries
  and de-dup key; the counters drop; messages it held are released. Naturally idempotent
  (a repeat finds nothing and answers 0).

    Input:
      KEYS[1]  ob:by-resident  KEYS[2]  ob:keys     KEYS[3]  ob:draft    KEYS[4]  ob:status
      KEYS[5]  ob:attempts     KEYS[6]  ob:error    KEYS[7]  ob:nb       KEYS[8]  ob:token
      KEYS[9]  ob:ready        KEYS[10] ob:wait     KEYS[11] ob:held     KEYS[12] ob:counts
      KEYS[13] ob:groups       KEYS[14] ob:failed-reasons
      ARGV[1]  resident id
      ARGV[2]  the skip note prefix (SKIPPED_PREFIX, `skipped: `): a sent message whose error
               starts with it was skipped, and is counted in its group under `skipped`

    Output:
      the number of messages removed
]]
--- @include "includes/outbox-release.lua"

local rid = ARGV[1]
local from, to = '[' .. rid .. '\0', '(' .. rid .. '\1'
local members = redis.call('ZRANGEBYLEX', KEYS[1], from, to)
for _, member in ipairs(members) do
  local seq = string.sub(member, #rid + 2)
  local status = redis.call('HGET', KEYS[4], seq)
  local json = redis.call('HGET', KEYS[3], seq)
  if status and json then
    local draft = cjson.decode(json)
    local outcome = status
    if status == 'sent' then
      local note = redis.call('HGET', KEYS[6], seq)
      if note and string.sub(note, 1, #ARGV[2]) == ARGV[2] then
        outcome = 'skipped'
      end
    end
    if status == 'failed' then
      local reason = redis.call('HGET', KEYS[6], seq) or ''
      if redis.call('HINCRBY', KEYS[14], reason, -1) <= 0 then
        redis.call('HDEL', KEYS[14], reason)
      end
    end
    redis.call('HDEL', KEYS[2], draft.key)
    for k = 3, 8 do
      redis.call('HDEL', KEYS[k], seq)
    end
    redis.call('ZREM', KEYS[9], seq)
    redis.call('ZREM', KEYS[10], seq)
    redis.call('ZREM', KEYS[11], seq)
    redis.call('HINCRBY', KEYS[12], status, -1)
    if type(draft.group) == 'string' then
      redis.call('HINCRBY', KEYS[13], outcome .. ':' .. draft.group, -1)
    end
    if status == 'pending' then
      release_successors(KEYS[11], KEYS[10], KEYS[4], KEYS[3], seq)
    end
  end
end
redis.call('ZREMRANGEBYLEX', KEYS[1], from, to)
return #members
