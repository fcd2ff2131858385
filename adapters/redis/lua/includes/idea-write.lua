--[[
  Helpers of idea-save.lua and idea-merge.lua.

  check_idea(key, expected): the current version (nil when absent and expected is ''), or
  false when the stored version is not `expected`.
  write_idea(key, index, counts, current, json, state, number, id): writes the idea as
  version current + 1, moving its count from the old state to the new one.
]]
local function check_idea(key, expected)
  local current = redis.call('HGET', key, 'v')
  if expected == '' then
    if current then
      return false
    end
    return nil
  end
  if not current or tonumber(current) ~= tonumber(expected) then
    return false
  end
  return tonumber(current)
end

local function write_idea(key, index, counts, current, json, state, number, id)
  local previous = redis.call('HGET', key, 's')
  if previous then
    redis.call('HINCRBY', counts, previous, -1)
  end
  redis.call('HINCRBY', counts, state, 1)
  redis.call('HSET', key, 'v', (current or 0) + 1, 's', state, 'd', json)
  redis.call('ZADD', index, number, id)
end
