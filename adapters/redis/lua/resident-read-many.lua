--[[
  Reads several residents in one step (the residents' records that the votes started in one
  turn of the event loop need; see redis-resident-store.ts `get`). Read-only. Every hash read
  is passed in KEYS; the caller keeps a call to READ_BATCH keys.

    Input:
      KEYS[1..n]   resident hashes (res:<id>)

    Output:
      flat list: version, JSON, … one pair per key in KEYS order; false, false for a key
      that holds no resident.
]]
local out = {}
for i, key in ipairs(KEYS) do
  local row = redis.call('HMGET', key, 'v', 'd')
  out[2 * i - 1] = row[1]
  out[2 * i] = row[2]
end
return out
