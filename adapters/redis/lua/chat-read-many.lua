--[[
  Reads several chat state entries in one step (the session and conversation reads that the
  residents' bot's updates started in one turn of the event loop; see redis-chat-state.ts
  `read`). Read-only. Every hash read is passed in KEYS; the caller keeps a call to
  READ_BATCH keys.

    Input:
      KEYS[1..n]   chat state hashes (chat:<key>)

    Output:
      flat list: JSON text, expiry instant, … one pair per key in KEYS order; false, false
      for a key that holds no entry.
]]
local out = {}
for i, key in ipairs(KEYS) do
  local row = redis.call('HMGET', key, 'd', 'x')
  out[2 * i - 1] = row[1]
  out[2 * i] = row[2]
end
return out
