--[[
  Stores one-time codes (ResidentStore.addCodes); a code that exists is left unchanged.
  Naturally idempotent (no done marker needed).

    Input:
      KEYS[1..n]   code hash of the i-th code (r = resident id, b = issued by, i = issued at,
                   u = used at; r and u absent while null)
      KEYS[n+1..]  code sets (keys.ts residentCodes) of the residents named by the codes
      ARGV         6 values per code: code, resident id ('' = null), issued by, issued at,
                   used at ('' = null), index in KEYS of the resident's code set (0 = none)

    Output:
      number of codes added
]]
local added = 0
for n = 1, #ARGV / 6 do
  local a = (n - 1) * 6
  if redis.call('EXISTS', KEYS[n]) == 0 then
    redis.call('HSET', KEYS[n], 'b', ARGV[a + 3], 'i', ARGV[a + 4])
    if ARGV[a + 2] ~= '' then
      redis.call('HSET', KEYS[n], 'r', ARGV[a + 2])
      redis.call('SADD', KEYS[tonumber(ARGV[a + 6])], ARGV[a + 1])
    end
    if ARGV[a + 5] ~= '' then
      redis.call('HSET', KEYS[n], 'u', ARGV[a + 5])
    end
    added = added + 1
  end
end
return added
