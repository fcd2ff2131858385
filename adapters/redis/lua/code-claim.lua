--[[
  Claims a one-time code (ResidentStore.claimCode), atomically with side records: of two
  concurrent claims exactly one gets RC_CLAIMED. A code pre-assigned to the claimant may be
  claimed by them.

    Input:
      KEYS, ARGV   the write frame (includes/write-frame.lua), then
      own_key(1)   code hash (r, b, i, u — see codes-add.lua)
      own_key(2)   the claimant's code set (keys.ts residentCodes): the code is added, so
                   erasing the resident finds it (resident-erase.lua)
      own_arg(1)   claimant resident id
      own_arg(2)   at (epoch ms)
      own_arg(3)   the code (member of own_key(2))

    Output:
      { RC_CLAIMED, issued by, issued at }
      { RC_USED, resident id or '' }   used, or reserved for someone else ('' = null)
      { RC_UNKNOWN }
      A re-sent call returns its first reply. RC_USED is not kept in the done marker: it names
      a resident, and a marker outlives that resident's erasure by up to its TTL. It changed
      nothing, so a re-sent call judges again — and a used code stays used.
]]
--- @include "includes/codes.lua"
--- @include "includes/sha256.lua"
--- @include "includes/write-frame.lua"

local cached = cached_reply()
if cached then
  return cached
end
local code = own_key(1)
if redis.call('EXISTS', code) == 0 then
  return finish({ RC_UNKNOWN })
end
local f = redis.call('HMGET', code, 'r', 'b', 'i', 'u')
local owner, usedAt = f[1], f[4]
if usedAt or (owner and owner ~= own_arg(1)) then
  return { RC_USED, owner or '' }
end
redis.call('HSET', code, 'r', own_arg(1), 'u', own_arg(2))
redis.call('SADD', own_key(2), own_arg(3))
apply_side()
return finish({ RC_CLAIMED, f[2], f[3] })
