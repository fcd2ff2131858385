--[[
  Starts handling an inbound update (ProcessedUpdates.begin). One string per key:
    `i:<until>:<token>`   in progress, under the lease of the call that sent <token>
    `d:<until>`           done (written by ProcessedUpdates.finish with a plain SET)
    `<until>:<token>`     a claim written before the two states: meant as handled, so done
  A state holds while the caller's `now` < until (the engine's clock, not Redis's); PX only
  lets Redis drop the key afterwards. The whole in-progress value is the lease handed to the
  caller, so `abandon` is a compare-and-delete of it (lua/lease-release.lua).

    Input:
      KEYS[1]  the update's key
      ARGV[1]  now (epoch ms)   ARGV[2]  lease (ms)   ARGV[3]  lease token (unique per call)

    Output:
      { RC_CLAIMED, until, lease }   new: this call holds the key (first begin, an expired
                                     state taken over, or a re-send of this very call)
      { RC_NOT_OWNER, until }        in progress under another call's unexpired lease
      { RC_DUPLICATE, until }        done
]]
--- @include "includes/codes.lua"

local now = tonumber(ARGV[1])
local lease = math.max(1, tonumber(ARGV[2]))
local value = 'i:' .. string.format('%d', now + lease) .. ':' .. ARGV[3]
local v = redis.call('GET', KEYS[1])
if v then
  -- The same token and arguments build the same value: ioredis re-sent this call after a
  -- lost reply, and the caller never got its answer.
  if v == value then
    return { RC_CLAIMED, now + lease, value }
  end
  local state, untilAt = string.match(v, '^([id]):(%d+)')
  if state == nil then
    state, untilAt = 'd', string.match(v, '^(%d+)')
  end
  untilAt = tonumber(untilAt)
  if untilAt ~= nil and untilAt > now then
    return { state == 'i' and RC_NOT_OWNER or RC_DUPLICATE, untilAt }
  end
end
redis.call('SET', KEYS[1], value, 'PX', lease)
return { RC_CLAIMED, now + lease, value }
