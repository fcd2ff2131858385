--[[
  Erases a resident (ResidentStore.erase): a version-conditional delete of the record, atomic
  with its entries in every resident index, with forgetting the resident in their one-time
  codes, and with side records.

    Input:
      KEYS, ARGV   the write frame (includes/write-frame.lua), then
      own_key(1)   resident hash (v = version)
      own_key(2)   zset of every resident id
      own_key(3)   subscription zset (`<id> NUL <area>` members, see resident-save.lua)
      own_key(4)   the resident's code set (keys.ts residentCodes)
      own_key(5..) the code hashes of the members of own_key(4), as the caller read them
      own_arg(1)   expected version
      own_arg(2)   resident id (index member, and the r field of their codes)
      own_arg(3..) the codes of own_key(5..), in the same order

    Output:
      RC_OK        deleted; each of their codes that was used keeps u and loses r, each one
                   reserved for them and never used is deleted; the code set is deleted
      RC_CONFLICT  absent, or the stored version differs: nothing written
      RC_STALE     the code set is not the codes passed (a claim came in between): nothing
                   written; the caller reads the set again and retries
      A re-sent call (same done marker) returns its first reply.
]]
--- @include "includes/codes.lua"
--- @include "includes/sha256.lua"
--- @include "includes/write-frame.lua"

local cached = cached_reply()
if cached then
  return cached
end
local current = redis.call('HGET', own_key(1), 'v')
if not current or tonumber(current) ~= tonumber(own_arg(1)) then
  return finish(RC_CONFLICT)
end
local id, set = own_arg(2), own_key(4)
local passed = own_key_count() - 4
if redis.call('SCARD', set) ~= passed then
  return finish(RC_STALE)
end
for i = 1, passed do
  if redis.call('SISMEMBER', set, own_arg(2 + i)) == 0 then
    return finish(RC_STALE)
  end
end
redis.call('DEL', own_key(1))
redis.call('ZREM', own_key(2), id)
redis.call('ZREMRANGEBYLEX', own_key(3), '[' .. id .. '\0', '(' .. id .. '\1')
for i = 1, passed do
  local code = own_key(4 + i)
  if redis.call('HGET', code, 'r') == id then
    if redis.call('HEXISTS', code, 'u') == 1 then
      redis.call('HDEL', code, 'r')
    else
      redis.call('DEL', code)
    end
  end
end
redis.call('DEL', set)
apply_side()
return finish(RC_OK)
