--[[
  Reads current ballots (BallotBox.get and BallotBox.list), each in one consistent step.

    Input:
      ARGV[1]   'one' | 'envelope'
      'one':
        KEYS[1]   a ballot hash
      'envelope':
        KEYS[1]   an envelope index set (members `<slot>:<voterKey>`)
        KEYS[2…]  the ballot hashes of the members ARGV[2…], in the same order
        ARGV[2…]  members read from the index by the caller (SMEMBERS), a chunk at a time

    Output:
      flat list: member, version, ballot JSON, … (member '' for 'one'); empty when none.
      'envelope' leaves out a member no longer in the index (its ballot moved to another
      envelope since the caller read the index).

  The caller reads the index first because every key a script touches is passed in KEYS
  (Redis Cluster), and in chunks so that listing a large envelope never blocks the server.
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
if ARGV[1] == 'one' then
  push('', KEYS[1])
else
  for i = 2, #KEYS do
    if redis.call('SISMEMBER', KEYS[1], ARGV[i]) == 1 then
      push(ARGV[i], KEYS[i])
    end
  end
end
return out
