--[[
  Takes one Telegram send slot (adapters/system/memory-send-budget.ts explains the
  algorithm; this is the same one on Redis time, so instances with skewed clocks agree).
  All keys of one bot token share its hash tag: one slot, one atomic script.

    Input:
      KEYS[1]  pause: until when (µs, Redis time) every take is refused (slowDown)
      KEYS[2]  bot log: list of the last grant instants (µs), newest first
      KEYS[3]  bot theoretical arrival time (µs; GCRA)
      KEYS[4]  chat log        KEYS[5]  group log (only for a group chat)
      ARGV[1]  bot count       ARGV[2]  bot window (µs)   ARGV[3]  bot interval (µs, whole)
      ARGV[4]  chat count      ARGV[5]  chat window (µs)
      ARGV[6]  group count     ARGV[7]  group window (µs)

    Output:
      0 when granted (recorded in every log); otherwise the µs to wait, nothing recorded.
]]
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
-- tostring would print large instants in exponent form and lose digits.
local function whole(x) return string.format('%.0f', x) end

local botCount, botWindow, interval = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local logs = { { KEYS[2], botCount, botWindow }, { KEYS[4], tonumber(ARGV[4]), tonumber(ARGV[5]) } }
if KEYS[5] then logs[3] = { KEYS[5], tonumber(ARGV[6]), tonumber(ARGV[7]) } end

local wait = tonumber(redis.call('GET', KEYS[1]) or '0') - now
local tat = tonumber(redis.call('GET', KEYS[3]) or '0')
-- GCRA with a tolerance of half an interval: early askers keep the even schedule.
wait = math.max(wait, tat - math.floor(interval / 2) - now)
for _, l in ipairs(logs) do
  local oldest = redis.call('LINDEX', l[1], l[2] - 1)
  if oldest then wait = math.max(wait, tonumber(oldest) + l[3] - now) end
end
if wait > 0 then return math.ceil(wait) end

for _, l in ipairs(logs) do
  redis.call('LPUSH', l[1], whole(now))
  redis.call('LTRIM', l[1], 0, l[2] - 1)
  redis.call('PEXPIRE', l[1], math.ceil(l[3] / 1000))
end
local nextTat = math.max(tat, now) + interval
redis.call('SET', KEYS[3], whole(nextTat), 'PX', math.ceil((nextTat - now) / 1000) + 1)
return 0
