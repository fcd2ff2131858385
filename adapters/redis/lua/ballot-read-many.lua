--[[
  Reads the current version of several ballots in one step (one page of BallotBox.list).
  Every ballot hash read is passed in KEYS; the caller keeps a page small (see
  redis-ballot-box.ts LIST_PAGE) so that no call holds the server for long.

    Input:
      KEYS[1..n]   ballot hashes (one voter key and slot each)

    Output:
      flat list: version, ballot JSON, … one pair per key in KEYS order; '' , '' for a key
      that holds no ballot.
]]
local out = {}
for _, key in ipairs(KEYS) do
  local v = redis.call('HGET', key, 'v')
  if v then
    out[#out + 1] = v
    out[#out + 1] = redis.call('HGET', key, v)
  else
    out[#out + 1] = ''
    out[#out + 1] = ''
  end
end
return out
