--[[
  Changes message references (MessageReferences.put, delete, eraseOwner) in one step.
  Naturally idempotent: repeating a call leaves the same state (eraseOwner then counts 0).

    Input:
      KEYS[1]  mref:key   KEYS[2]  mref:msg   KEYS[3]  mref:owned
      ARGV[1]  'put' | 'delete' | 'erase-owner'
      ARGV[2]  put: the reference JSON; delete: the key; erase-owner: the owner

    Output:
      RC_OK for put and delete; for erase-owner, the number of references removed.
]]
--- @include "includes/codes.lua"
--- @include "includes/message-ref.lua"

local mode, arg = ARGV[1], ARGV[2]
if mode == 'put' then
  ref_put(KEYS[1], KEYS[2], KEYS[3], arg)
  return RC_OK
end
if mode == 'delete' then
  ref_delete(KEYS[1], KEYS[2], KEYS[3], arg)
  return RC_OK
end
local members = redis.call('ZRANGEBYLEX', KEYS[3], '[' .. arg .. '\0', '(' .. arg .. '\1')
for _, member in ipairs(members) do
  ref_delete(KEYS[1], KEYS[2], KEYS[3], string.sub(member, #arg + 2))
end
return #members
