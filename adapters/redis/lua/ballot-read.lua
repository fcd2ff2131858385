--[[
  Reads current ballots in one consistent step (BallotBox.get and BallotBox.list).

    Input:
      KEYS[1]   an envelope index set (members `<slot>:<voterKey>`), or a ballot hash when
                ARGV[2] is 'one'
      ARGV[1]   ballot key prefix (a ballot's key is prefix .. member)
      ARGV[2]   'one' | 'envelope'

    Output:
      flat list: member, version, ballot JSON, … (member '' for 'one'); empty when none.
]]
local out = {}
local function push(member, key)
  local v = redis.call('HGET', key, 'v')
  if v then
    out[#out + 1] = member
    out[#out + 1] = v
    out[#out + 1] = redis.call('HGET', key, v)
  end
end
if ARGV[2] == 'one' then
  push('', KEYS[1])
else
  for _, member in ipairs(redis.call('SMEMBERS', KEYS[1])) do
    push(member, ARGV[1] .. member)
  end
end
return out
