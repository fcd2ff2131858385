--[[
  Message references (MessageReferences), shared by mref-write.lua and outbox-settle.lua.
  The three keys are passed by the caller (from its KEYS):

    by_key   mref:key    hash: reference key -> reference JSON
    by_msg   mref:msg    hash: `<platform>\0<chat>\0<messageId>` -> reference key
    owned    mref:owned  zset (score 0, lexicographic): `<owner>\0<key>`

  One platform message is named by one key at most; a reference's entries in the three
  structures are always added and removed together.
]]

local function ref_field(ref)
  return ref.platform .. '\0' .. ref.chat .. '\0' .. ref.messageId
end

-- Removes the reference under `key` from all three structures; 1 when there was one.
local function ref_delete(by_key, by_msg, owned, key)
  local old = redis.call('HGET', by_key, key)
  if not old then
    return 0
  end
  local ref = cjson.decode(old)
  redis.call('HDEL', by_key, key)
  redis.call('HDEL', by_msg, ref_field(ref))
  if type(ref.owner) == 'string' then
    redis.call('ZREM', owned, ref.owner .. '\0' .. key)
  end
  return 1
end

-- Stores a reference (its JSON), replacing its key's and taking its message from another key.
local function ref_put(by_key, by_msg, owned, json)
  local ref = cjson.decode(json)
  ref_delete(by_key, by_msg, owned, ref.key)
  local field = ref_field(ref)
  local holder = redis.call('HGET', by_msg, field)
  if holder then
    ref_delete(by_key, by_msg, owned, holder)
  end
  redis.call('HSET', by_key, ref.key, json)
  redis.call('HSET', by_msg, field, ref.key)
  if type(ref.owner) == 'string' then
    redis.call('ZADD', owned, 0, ref.owner .. '\0' .. ref.key)
  end
end
