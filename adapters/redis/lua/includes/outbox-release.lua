--[[
  Releases the messages held by a predecessor that will not be pending any more (settled or
  erased): each one still pending goes to ob:wait at its own notBefore. Shared by
  outbox-settle.lua and outbox-erase.lua; the caller passes the keys from its KEYS.
]]
local function release_successors(held, wait, status, draft, seq)
  local successors = redis.call('ZRANGEBYSCORE', held, seq, seq)
  if #successors == 0 then
    return
  end
  redis.call('ZREMRANGEBYSCORE', held, seq, seq)
  for _, s in ipairs(successors) do
    -- An erased successor has no status left: nothing to release.
    if redis.call('HGET', status, s) == 'pending' then
      local d = cjson.decode(redis.call('HGET', draft, s))
      redis.call('ZADD', wait, string.format('%.0f', d.notBefore), s)
    end
  end
end
