--[[
  Releases a lease if the caller still holds it: a leader lease, or an inbound update's
  processing lease (ProcessedUpdates.abandon, whose token is the key's whole value).

    Input:
      KEYS[1]  the lease key
      ARGV[1]  owner token (the value the key holds while the caller owns it)

    Output:
      RC_OK when released, RC_NOT_OWNER when someone else holds it or nobody does.
]]
--- @include "includes/codes.lua"

if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('DEL', KEYS[1])
  return RC_OK
end
return RC_NOT_OWNER
