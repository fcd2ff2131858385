--[[
  Reads outbox messages with seq > afterSeq, in seq order (Outbox.list), in one step.

    Input:
      KEYS[1]  ob:seq     KEYS[2]  ob:draft   KEYS[3]  ob:status  KEYS[4]  ob:attempts
      KEYS[5]  ob:error   KEYS[6]  ob:nb
      ARGV[1]  afterSeq   ARGV[2]  limit

    Output:
      flat list per message: seq, draft JSON, status, attempts, has error (0|1), error,
      notBefore or ''
]]
local last = tonumber(redis.call('GET', KEYS[1]) or '0')
local from = tonumber(ARGV[1]) + 1
local to = math.min(last, tonumber(ARGV[1]) + tonumber(ARGV[2]))
local out = {}
for seq = from, to do
  local draft = redis.call('HGET', KEYS[2], seq)
  if draft then
    local err = redis.call('HGET', KEYS[5], seq)
    out[#out + 1] = seq
    out[#out + 1] = draft
    out[#out + 1] = redis.call('HGET', KEYS[3], seq)
    out[#out + 1] = tonumber(redis.call('HGET', KEYS[4], seq) or '0')
    out[#out + 1] = err and 1 or 0
    out[#out + 1] = err or ''
    out[#out + 1] = redis.call('HGET', KEYS[6], seq) or ''
  end
end
return out
