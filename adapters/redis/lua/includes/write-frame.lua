--[[
  The calling convention shared by every write script (adapters/redis/write-call.ts builds it).

    KEYS[1]      done marker of this call: `done:<request id>` (some scripts keep their own
                 request ids and ignore it)
    KEYS[2..]    the script's own keys: own_key(1) = KEYS[2]; own_key_count() of them
    then, only when there are side records (nA + nO + nB > 0), the 11 side keys:
      side 1  audit:list   (list of entry JSON, index i holds seq i+1)
      side 2  audit:head   (hash of the last entry)
      side 3  ob:seq       (last outbox seq)
      side 4  ob:keys      (hash: draft key -> seq, the de-dup index)
      side 5  ob:draft     (hash: seq -> draft JSON)
      side 6  ob:status    (hash: seq -> pending | sent | failed)
      side 7  ob:wait      (zset: seq scored by the instant it becomes claimable)
      side 8  ob:counts    (hash: status -> count)
      side 9  ob:held      (zset: held seq scored by its predecessor's seq)
      side 10 ob:by-resident (zset, lexicographic: `<residentId>\0<seq>`)
      side 11 ob:groups    (hash: `<status>:<group>` -> count)
    then, only when there are new broadcasts (nB > 0):
      side 12  idx:broadcasts (zset, lexicographic: broadcast members)
      side 12+j bc:<id of broadcast j>, j = 1..nB (hash of one broadcast)

    ARGV[1]      done marker TTL in ms (0: no marker)
    ARGV[2]      number of audit drafts nA
    ARGV[3]      number of outbox drafts nO
    ARGV[4..]    nA x 7 audit values: at, actor, action, subject, assisted (0|1),
                 canonical data JSON, stored draft JSON (an object, without seq and hashes)
                 then nO x 6 outbox values: key, draft JSON, notBefore, and three optional
                 values, each '' when absent or '=' followed by the value: the predecessor
                 key (`after`), the group, the recipient resident id
    then         nB, the number of new broadcasts, and nB x 2 values: fixed JSON (field d),
                 index member
    then         the script's own arguments: own_arg(1), own_arg(2), …

  Idempotency: ioredis re-sends a command whose reply was lost in a reconnect. A script that
  uses `cached_reply()` / `finish()` stores its reply under KEYS[1] for ARGV[1] ms, so the
  re-sent call answers the same and changes nothing.
]]
local N_AUDIT = tonumber(ARGV[2])
local N_OUTBOX = tonumber(ARGV[3])
local BROADCAST_ARGV = 4 + 7 * N_AUDIT + 6 * N_OUTBOX
local N_BROADCAST = tonumber(ARGV[BROADCAST_ARGV])
local OWN_ARGV = BROADCAST_ARGV + 2 * N_BROADCAST
local SIDE = #KEYS
if N_AUDIT + N_OUTBOX + N_BROADCAST > 0 then
  SIDE = SIDE - 11
end
if N_BROADCAST > 0 then
  SIDE = SIDE - 1 - N_BROADCAST
end

local function own_key(i)
  if 1 + i > SIDE then
    return nil
  end
  return KEYS[1 + i]
end

local function own_key_count()
  return SIDE - 1
end

local function own_arg(i)
  return ARGV[OWN_ARGV + i]
end

local function cached_reply()
  local v = redis.call('GET', KEYS[1])
  if v then
    return cjson.decode(v)
  end
  return nil
end

local function finish(reply)
  local ttl = tonumber(ARGV[1])
  if ttl > 0 then
    redis.call('SET', KEYS[1], cjson.encode(reply), 'PX', ttl)
  end
  return reply
end

-- An optional outbox value: nil when absent ('').
local function optional(v)
  if v == '' then
    return nil
  end
  return string.sub(v, 2)
end

-- Most values one variadic call gets (Lua 5.1's unpack stops near 8,000).
local CHUNK = 2000

-- Calls `cmd key v1 v2 …` over the flat list `values`, CHUNK values at a time (even: pairs stay whole).
local function call_chunked(cmd, key, values)
  for from = 1, #values, CHUNK do
    redis.call(cmd, key, unpack(values, from, math.min(from + CHUNK - 1, #values)))
  end
end

-- Appends the audit drafts (linked to the chain head), enqueues the outbox drafts (a draft
-- whose key is known is skipped) and creates the new broadcasts (`fanning_out`, version 1;
-- an id that exists is skipped). A draft whose predecessor (`after`) is a pending message
-- already enqueued waits in ob:held instead of ob:wait until that one is settled
-- (outbox-settle.lua) or erased (outbox-erase.lua). Returns the new audit entries as JSON strings.
--
-- The outbox drafts are decided one by one in order (seqs as one INCR each would give), then
-- written with one variadic call per structure: a 1,000-message page of a broadcast's fan-out
-- costs a dozen commands instead of nine per message, which was most of the script's time.
local function apply_side()
  local entries = {}
  local i = 4
  if N_AUDIT > 0 then
    local seq = redis.call('LLEN', KEYS[SIDE + 1])
    local prev = redis.call('GET', KEYS[SIDE + 2]) or string.rep('0', 64)
    for _ = 1, N_AUDIT do
      seq = seq + 1
      local seqText = string.format('%d', seq)
      local input = table.concat({ prev, seqText, ARGV[i], ARGV[i + 1], ARGV[i + 2], ARGV[i + 3], ARGV[i + 4], ARGV[i + 5] }, '\n')
      local hash = sha256_hex(input)
      local entry = '{"seq":' .. seqText .. ',"prevHash":"' .. prev .. '","hash":"' .. hash .. '",' .. string.sub(ARGV[i + 6], 2)
      redis.call('RPUSH', KEYS[SIDE + 1], entry)
      entries[#entries + 1] = entry
      prev = hash
      i = i + 7
    end
    redis.call('SET', KEYS[SIDE + 2], prev)
  end
  if N_OUTBOX > 0 then
    local keys = {}
    for j = 1, N_OUTBOX do
      keys[j] = ARGV[i + 6 * (j - 1)]
    end
    -- known[j]: the seq already indexed for draft j's key (false when none).
    local known = {}
    for from = 1, N_OUTBOX, CHUNK do
      local got = redis.call('HMGET', KEYS[SIDE + 4], unpack(keys, from, math.min(from + CHUNK - 1, N_OUTBOX)))
      for j = 1, #got do
        known[from + j - 1] = got[j]
      end
    end
    local last = tonumber(redis.call('GET', KEYS[SIDE + 3]) or '0')
    local seq = last
    local fresh = {}
    local index, drafts, status, wait, held, by_resident, groups = {}, {}, {}, {}, {}, {}, {}
    for j = 1, N_OUTBOX do
      local key = keys[j]
      if not known[j] and not fresh[key] then
        local after, group, resident = optional(ARGV[i + 3]), optional(ARGV[i + 4]), optional(ARGV[i + 5])
        -- Looked up before this draft's own key is indexed: a message never waits for itself.
        -- A predecessor enqueued earlier in this call is pending.
        local held_by = after and fresh[after]
        if after and not held_by then
          held_by = redis.call('HGET', KEYS[SIDE + 4], after)
          if held_by and redis.call('HGET', KEYS[SIDE + 6], held_by) ~= 'pending' then
            held_by = nil
          end
        end
        seq = seq + 1
        local s = string.format('%d', seq)
        fresh[key] = s
        index[#index + 1] = key
        index[#index + 1] = s
        drafts[#drafts + 1] = s
        drafts[#drafts + 1] = ARGV[i + 1]
        status[#status + 1] = s
        status[#status + 1] = 'pending'
        if held_by then
          held[#held + 1] = held_by
          held[#held + 1] = s
        else
          wait[#wait + 1] = ARGV[i + 2]
          wait[#wait + 1] = s
        end
        if resident then
          by_resident[#by_resident + 1] = 0
          by_resident[#by_resident + 1] = resident .. '\0' .. s
        end
        if group then
          groups[group] = (groups[group] or 0) + 1
        end
      end
      i = i + 6
    end
    if seq > last then
      redis.call('INCRBY', KEYS[SIDE + 3], seq - last)
      call_chunked('HSET', KEYS[SIDE + 4], index)
      call_chunked('HSET', KEYS[SIDE + 5], drafts)
      call_chunked('HSET', KEYS[SIDE + 6], status)
      call_chunked('ZADD', KEYS[SIDE + 7], wait)
      call_chunked('ZADD', KEYS[SIDE + 9], held)
      redis.call('HINCRBY', KEYS[SIDE + 8], 'pending', seq - last)
      call_chunked('ZADD', KEYS[SIDE + 10], by_resident)
      for group, n in pairs(groups) do
        redis.call('HINCRBY', KEYS[SIDE + 11], 'pending:' .. group, n)
      end
    end
  end
  i = BROADCAST_ARGV + 1
  for j = 1, N_BROADCAST do
    local rec = KEYS[SIDE + 12 + j]
    if redis.call('EXISTS', rec) == 0 then
      redis.call('HSET', rec, 'd', ARGV[i], 's', 'fanning_out', 'q', 0, 'v', 1)
      redis.call('ZADD', KEYS[SIDE + 12], 0, ARGV[i + 1])
    end
    i = i + 2
  end
  return entries
end
