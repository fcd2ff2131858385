--[[
  Slows a bot's sending down after a 429: every take is refused until now + ARGV[1] ms
  (Redis time). A later pause never shortens one already in force.

    Input:
      KEYS[1]  pause: until when (µs) every take is refused
      ARGV[1]  retry after (ms, ≥ 0)

    Output:
      0
]]
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local ms = tonumber(ARGV[1])
local untilUs = now + ms * 1000
if untilUs > tonumber(redis.call('GET', KEYS[1]) or '0') then
  redis.call('SET', KEYS[1], string.format('%.0f', untilUs), 'PX', math.ceil(ms) + 1)
end
return 0
