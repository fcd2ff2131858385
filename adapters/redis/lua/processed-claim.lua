--[[
  Claims an inbound update key once (ProcessedUpdates.claim). The value is
  `<expires at>:<claim token>`: expiry is judged against the caller's `now` (so a claim
  expires at now + ttl on the engine's clock), and PX lets Redis drop it after ttl.

    Input:
      KEYS[1]  the claim key
      ARGV[1]  now (epoch ms)   ARGV[2]  ttl (ms)   ARGV[3]  claim token (unique per call)

    Output:
      1 when this call holds the claim (first claim, an expired one taken over, or a re-send
      of this very call — same token), 0 otherwise.
]]
local v = redis.call('GET', KEYS[1])
local now = tonumber(ARGV[1])
if v then
  local sep = string.find(v, ':', 1, true)
  if string.sub(v, sep + 1) == ARGV[3] then
    return 1
  end
  if tonumber(string.sub(v, 1, sep - 1)) > now then
    return 0
  end
end
local ttl = math.max(1, tonumber(ARGV[2]))
redis.call('SET', KEYS[1], string.format('%d', now + ttl) .. ':' .. ARGV[3], 'PX', ttl)
return 1
