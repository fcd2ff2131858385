--[[
  Stores one-time codes (ResidentStore.addCodes); a code that exists is left unchanged.
  Naturally idempotent (no done marker needed).

    Input:
      KEYS[i]    code hash of the i-th code (r = resident id, b = issued by, i = issued at,
                 u = used at; r and u absent while null)
      ARGV       4 values per code: resident id ('' = null), issued by, issued at,
                 used at ('' = null)

    Output:
      number of codes added
]]
local added = 0
for n = 1, #KEYS do
  local a = (n - 1) * 4
  if redis.call('EXISTS', KEYS[n]) == 0 then
    redis.call('HSET', KEYS[n], 'b', ARGV[a + 2], 'i', ARGV[a + 3])
    if ARGV[a + 1] ~= '' then
      redis.call('HSET', KEYS[n], 'r', ARGV[a + 1])
    end
    if ARGV[a + 4] ~= '' then
      redis.call('HSET', KEYS[n], 'u', ARGV[a + 4])
    end
    added = added + 1
  end
end
return added
