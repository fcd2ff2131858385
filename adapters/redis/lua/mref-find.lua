--[[
  The reference naming one platform message (MessageReferences.findByMessage), read in one step.

    Input:
      KEYS[1]  mref:key   KEYS[2]  mref:msg
      ARGV[1]  platform   ARGV[2]  chat   ARGV[3]  messageId

    Output:
      the reference JSON, or false (nil reply) when no key names the message
]]
local key = redis.call('HGET', KEYS[2], ARGV[1] .. '\0' .. ARGV[2] .. '\0' .. ARGV[3])
if not key then
  return false
end
return redis.call('HGET', KEYS[1], key)
