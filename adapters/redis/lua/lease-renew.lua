--[[
  Renews (or, after a lost reply of SET NX, confirms) a leader lease held by the caller.

    Input:
      KEYS[1]  the lease key
      ARGV[1]  owner token   ARGV[2]  ttl (ms)

    Output:
      RC_OK when the caller holds the lease (its expiry is pushed to now + ttl),
      RC_NOT_OWNER otherwise (nothing changed).
]]
--- @include "includes/codes.lua"

if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return RC_OK
end
return RC_NOT_OWNER
