--[[
  Reads the same fields of several hashes in one step: the reads that the calls started in
  one turn of the event loop need (the residents read by votes, redis-resident-store.ts `get`;
  the session and conversation entries read by the residents' bot's updates,
  redis-chat-state.ts `read`; see turn-batch.ts). Read-only. Every hash read is passed in
  KEYS; the caller keeps a call to its batch size.

    Input:
      KEYS[1..n]   the hashes
      ARGV[1..m]   the fields to read of each

    Output:
      flat list, m values per key in KEYS order, each field in ARGV order; false for a field
      (or a whole key) that holds nothing.
]]
local fields = ARGV
local m = #fields
local out = {}
local at = 0
for _, key in ipairs(KEYS) do
  local row = redis.call('HMGET', key, unpack(fields))
  for j = 1, m do
    out[at + j] = row[j]
  end
  at = at + m
end
return out
