--[[
  Casts or replaces a ballot (BallotBox.cast), atomically with its side records.

  The ballot hash of one voter key and slot holds: v = current version, one field per
  version n (the ballot JSON without voter key, slot and version), and q:<requestId> = the
  version that request stored. Request ids live in the hash itself, so this script needs no
  done marker: a re-sent cast (ioredis after a reconnect, or the caller) finds its id and
  answers `duplicate` without side records. A refused cast stores nothing, its id included.
  No key or value here holds a resident id: only the pseudonymous voter key.

    Input:
      KEYS, ARGV   the write frame (includes/write-frame.lua); KEYS[1] and ARGV[1] unused
      own_key(1)   ballot hash of this voter key and slot
      own_key(2)   ballot hash of the same voter key in the other slot (distinct voters)
      own_key(3)   envelope index (set of `<slot>:<voterKey>`) of the cast's envelope
      own_key(4)   hash envelope id -> current ballots
      own_key(5)   number of distinct voters
      own_key(6)   the campaign's phase state hash (field v = version)
      own_key(7…)  envelope indexes the current ballot may be in when it is in another
                   envelope than this cast's (their ids are own_arg(9…); often none)
      own_arg(1)   request id
      own_arg(2)   at (epoch ms)
      own_arg(3)   closesAt (epoch ms, exclusive)
      own_arg(4)   allowReplace (0|1)
      own_arg(5)   envelope id
      own_arg(6)   envelope index member `<slot>:<voterKey>`
      own_arg(7)   ballot JSON {e, c, r, t, a, q}
      own_arg(8)   phase state version the vote was judged against ('' = no check; 0 = none stored)
      own_arg(9…)  the envelope ids of own_key(7…), in the same order

    Output:
      version * 2 + replaced (0|1)             recorded (a plain integer: the caller has the
                                               ballot it sent; the other outcomes are arrays)
      { RC_DUPLICATE, version, ballot JSON }   that request's ballot (maybe since replaced)
      { RC_CLOSED }                            at >= closesAt; nothing stored
      { RC_EXISTS, version, ballot JSON }      a ballot exists and may not be replaced
      { RC_STALE }                             the phase state moved since it was read; nothing stored
      { RC_CONFLICT, envelope id }             the current ballot is in that envelope, whose index
                                               is not among own_key(7…); nothing stored: call
                                               again passing it

  Why RC_CONFLICT rather than building the old envelope's index key here: every key a script
  touches is passed in KEYS (Redis Cluster). A replacement rarely changes envelope (the voter
  moved area), so a cast passes no extra key at first and pays a second call only then.
]]
--- @include "includes/codes.lua"
--- @include "includes/sha256.lua"
--- @include "includes/write-frame.lua"

local ballot = own_key(1)
local requestField = 'q:' .. own_arg(1)

-- The request's own version, if it was recorded, and the current version, in one call.
local found = redis.call('HMGET', ballot, requestField, 'v')
local stored, current = found[1], found[2]
if stored then
  return { RC_DUPLICATE, tonumber(stored), redis.call('HGET', ballot, stored) }
end
if tonumber(own_arg(2)) >= tonumber(own_arg(3)) then
  return { RC_CLOSED }
end
local phaseVersion = own_arg(8)
if phaseVersion ~= '' and (redis.call('HGET', own_key(6), 'v') or '0') ~= phaseVersion then
  return { RC_STALE }
end
if current and own_arg(4) ~= '1' then
  return { RC_EXISTS, tonumber(current), redis.call('HGET', ballot, current) }
end

local envelope, member = own_arg(5), own_arg(6)
if current then
  local previous = cjson.decode(redis.call('HGET', ballot, current)).e
  if previous ~= envelope then
    local previousIndex = nil
    for i = 1, own_key_count() - 6 do
      if own_arg(8 + i) == previous then
        previousIndex = own_key(6 + i)
      end
    end
    if not previousIndex then
      return { RC_CONFLICT, previous }
    end
    redis.call('SREM', previousIndex, member)
    redis.call('HINCRBY', own_key(4), previous, -1)
    redis.call('SADD', own_key(3), member)
    redis.call('HINCRBY', own_key(4), envelope, 1)
  end
else
  if redis.call('EXISTS', own_key(2)) == 0 then
    redis.call('INCR', own_key(5))
  end
  redis.call('SADD', own_key(3), member)
  redis.call('HINCRBY', own_key(4), envelope, 1)
end

local version = (current and tonumber(current) or 0) + 1
redis.call('HSET', ballot, 'v', version, version, own_arg(7), requestField, version)
apply_side()
return version * 2 + (current and 1 or 0)
