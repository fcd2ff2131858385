--[[
  Casts or replaces ballots (BallotBox.cast): one or several casts, each of a voter key and
  slot, taken one after the other in one atomic step, the only one carrying side records
  being a call of one cast. Concurrent casts of a process share a call (redis-ballot-box.ts):
  one round trip, one script start and one phase read for all of them, and the writes every
  first ballot makes to the shared counters and envelope index made once per call.

  The ballot hash of one voter key and slot holds: v = current version, one field per
  version n (the ballot JSON without voter key, slot and version), and q:<requestId> = the
  version that request stored. Request ids live in the hash itself, so this script needs no
  done marker: a re-sent call (ioredis after a reconnect, or the caller) finds each cast's
  id and answers `duplicate` for it without side records. A refused cast stores nothing, its
  id included.
  No key or value here holds a resident id: only the pseudonymous voter key.

    Input:
      KEYS, ARGV   the write frame (includes/write-frame.lua); KEYS[1] and ARGV[1] unused
      own_key(1)   hash envelope id -> current ballots
      own_key(2)   number of distinct voters
      own_key(3)   the campaign's phase state hash (field v = version)
      own_key(4)   number of current assisted ballots
      own_arg(1)   n, the number of casts (at least 1)
      then for cast i = 1..n, keys own_key(3i + 2 … 3i + 4):
                   ballot hash of this voter key and slot; ballot hash of the same voter
                   key in the other slot (distinct voters); envelope index (set of
                   `<slot>:<voterKey>`) of the cast's envelope
      and arguments own_arg(9i - 7 … 9i + 1):
                   request id; at (epoch ms); closesAt (epoch ms, exclusive); allowReplace
                   (0|1); envelope id; envelope index member `<slot>:<voterKey>`; ballot
                   JSON {e, c, r, t, a, q}; phase state version the vote was judged against
                   ('' = no check; 0 = none stored); assisted (0|1, the JSON's `a`)
      own_key(3n + 5 …)  envelope indexes a current ballot may be in when it is in another
                   envelope than its cast's (their ids are own_arg(9n + 2 …), same order; often none)

    Output: one reply per cast, in order:
      version * 2 + replaced (0|1)             recorded (a plain integer: the caller has the
                                               ballot it sent; the other outcomes are arrays)
      { RC_DUPLICATE, version, ballot JSON }   that request's ballot (maybe since replaced)
      { RC_CLOSED }                            at >= closesAt; nothing stored
      { RC_EXISTS, version, ballot JSON }      a ballot exists and may not be replaced
      { RC_STALE }                             the phase state moved since it was read; nothing stored
      { RC_CONFLICT, envelope id }             the current ballot is in that envelope, whose index
                                               is not among own_key(3n + 5 …); nothing stored:
                                               call again passing it

  Why RC_CONFLICT rather than building the old envelope's index key here: every key a script
  touches is passed in KEYS (Redis Cluster). A replacement rarely changes envelope (the voter
  moved area), so a cast passes no extra key at first and pays a second call only then.

  Casts of one call are taken in order, each seeing the ones before (two casts of one voter
  in a call are versions n and n + 1). What they add to the envelope indexes and counters
  (ballots per envelope, distinct voters, assisted ballots: the current ballots' `a`) is
  gathered and written at the end of the call — nothing in between reads it but the casts of
  the call, which read the gathered values — so the result is the one the casts made one by one.
]]
--- @include "includes/codes.lua"
--- @include "includes/sha256.lua"
--- @include "includes/write-frame.lua"

local counts, voters, phase, assistedCount = own_key(1), own_key(2), own_key(3), own_key(4)
local n = tonumber(own_arg(1))
local extra = own_key_count() - 4 - 3 * n

-- Gathered writes: members to add per envelope index key, count changes per envelope id.
local adds, addOrder = {}, {}
local deltas, deltaOrder = {}, {}
local newVoters = 0
local assistedDelta = 0
local phaseNow = nil

local function add(index, member)
  local set = adds[index]
  if not set then
    set = {}
    adds[index] = set
    addOrder[#addOrder + 1] = index
  end
  set[member] = true
end

-- Removed at once from the stored set, and from what this call gathered for it.
local function remove(index, member)
  local set = adds[index]
  if set then
    set[member] = nil
  end
  redis.call('SREM', index, member)
end

local function count(envelope, d)
  if not deltas[envelope] then
    deltas[envelope] = 0
    deltaOrder[#deltaOrder + 1] = envelope
  end
  deltas[envelope] = deltas[envelope] + d
end

-- Reads of ARGV and KEYS go through locals: this runs once per vote, and a function call or
-- global lookup per argument was a visible share of the script's time. Numbers are turned
-- into text only where needed (a Lua number passed to redis.call is formatted with "%.14g").
local argv, keys = ARGV, KEYS
local ownArgv, ownKeys = OWN_ARGV, 1
local closesText, closesAt = nil, nil

local function cast(i)
  local a = ownArgv + 9 * (i - 1)
  local k = ownKeys + 3 * i + 1
  local ballot, other, index = keys[k + 1], keys[k + 2], keys[k + 3]
  local requestField = 'q:' .. argv[a + 2]
  -- The request's own version, if it was recorded, and the current version, in one call.
  local found = redis.call('HMGET', ballot, requestField, 'v')
  local stored, current = found[1], found[2]
  if stored then
    return { RC_DUPLICATE, tonumber(stored), redis.call('HGET', ballot, stored) }
  end
  -- The casts of one call nearly always share their closing instant: parsed once.
  if argv[a + 4] ~= closesText then
    closesText = argv[a + 4]
    closesAt = tonumber(closesText)
  end
  if tonumber(argv[a + 3]) >= closesAt then
    return { RC_CLOSED }
  end
  local phaseVersion = argv[a + 9]
  if phaseVersion ~= '' then
    phaseNow = phaseNow or redis.call('HGET', phase, 'v') or '0'
    if phaseNow ~= phaseVersion then
      return { RC_STALE }
    end
  end
  if current and argv[a + 5] ~= '1' then
    return { RC_EXISTS, tonumber(current), redis.call('HGET', ballot, current) }
  end

  local envelope, member = argv[a + 6], argv[a + 7]
  local assisted = argv[a + 10] == '1' and 1 or 0
  if current then
    local body = cjson.decode(redis.call('HGET', ballot, current))
    local previous = body.e
    if previous ~= envelope then
      local previousIndex = nil
      for j = 1, extra do
        if own_arg(1 + 9 * n + j) == previous then
          previousIndex = own_key(4 + 3 * n + j)
        end
      end
      if not previousIndex then
        return { RC_CONFLICT, previous }
      end
      remove(previousIndex, member)
      count(previous, -1)
      add(index, member)
      count(envelope, 1)
    end
    assistedDelta = assistedDelta + assisted - (tonumber(body.a) or 0)
  else
    if redis.call('EXISTS', other) == 0 then
      newVoters = newVoters + 1
    end
    add(index, member)
    count(envelope, 1)
    assistedDelta = assistedDelta + assisted
  end

  local version, text = 1, '1'
  if current then
    version = tonumber(current) + 1
    text = string.format('%d', version)
  end
  redis.call('HSET', ballot, 'v', text, text, argv[a + 8], requestField, text)
  return version * 2 + (current and 1 or 0)
end

local replies = {}
local recorded = 0
for i = 1, n do
  local reply = cast(i)
  replies[i] = reply
  if type(reply) == 'number' then
    recorded = recorded + 1
  end
end

for _, index in ipairs(addOrder) do
  local members = {}
  for member in pairs(adds[index]) do
    members[#members + 1] = member
  end
  call_chunked('SADD', index, members)
end
for _, envelope in ipairs(deltaOrder) do
  if deltas[envelope] ~= 0 then
    redis.call('HINCRBY', counts, envelope, deltas[envelope])
  end
end
if newVoters > 0 then
  redis.call('INCRBY', voters, newVoters)
end
if assistedDelta ~= 0 then
  redis.call('INCRBY', assistedCount, assistedDelta)
end
if recorded > 0 then
  apply_side()
end
return replies
