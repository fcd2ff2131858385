--[[
  Writes one chat state entry (ChatStateStore.write) and indexes it under its owner, so
  that eraseOwner finds it. The owner set lives at least as long as the entry; it may keep
  members whose entry has since expired, been deleted or been rewritten by another owner
  (chat-erase-owner.lua checks each entry's owner before deleting it).

    Input:
      KEYS[1]  the entry hash (d = JSON text, o = owner, x = expiry instant)
      KEYS[2]  the owner's index set
      ARGV[1]  the entry's chat key (the index member)
      ARGV[2]  owner
      ARGV[3]  expiry instant (epoch ms on the engine's clock; reads compare it with now)
      ARGV[4]  ttl (ms, >= 1): Redis drops the entry after this long
      ARGV[5]  the JSON text (size already checked by the caller)

    Output:
      RC_OK
]]
--- @include "includes/codes.lua"

local ttl = math.max(1, tonumber(ARGV[4]))
redis.call('HSET', KEYS[1], 'd', ARGV[5], 'o', ARGV[2], 'x', ARGV[3])
redis.call('PEXPIRE', KEYS[1], ttl)
redis.call('SADD', KEYS[2], ARGV[1])
-- PTTL is -1 for the set SADD just made, else its remaining life: never shorten it.
if redis.call('PTTL', KEYS[2]) < ttl then
  redis.call('PEXPIRE', KEYS[2], ttl)
end
return RC_OK
