--[[
  Claims up to `limit` pending outbox messages due at `now`, in seq order, for `leaseMs`
  (Outbox.claim). Each claim counts as one delivery attempt and gets a fresh token:
  `<base>.<seq>`, where the caller draws `base` (128 random bits) for each call.
  Messages held by a predecessor are in ob:held, not ob:wait, so they are never seen here.

  Pending messages live in ob:wait (scored by the instant they become claimable: notBefore,
  a retry's notBefore or a lease's end) until due, then in ob:ready (scored by seq), so the
  due ones come out in seq order without scanning messages that are not due.

    Input:
      KEYS, ARGV   the write frame (includes/write-frame.lua); no side records, then
      own_key(1)   ob:ready        own_key(2)  ob:wait
      own_key(3)   ob:draft        own_key(4)  ob:attempts
      own_key(5)   ob:error        own_key(6)  ob:nb (notBefore set by a retry)
      own_key(7)   ob:token (seq -> `c:<token>` while claimed)
      own_arg(1)   now (epoch ms)  own_arg(2)  limit  own_arg(3)  leaseMs
      own_arg(4)   token base
      own_arg(5)   recipient filter: '' (every kind) or a JSON array of recipient kinds
      own_arg(6)   scan bound of a filtered claim (how many ob:ready entries one call reads at most)

  A filtered claim (Outbox.claim's `only`) walks ob:ready in seq order and decodes each draft's
  recipient kind; an entry of another kind is skipped and left exactly as it is (still in
  ob:ready, no attempt, no token), so its own sender later claims it as if this call never ran.
  ob:ready has no per-kind index, so the walk is bounded: at most own_arg(6) entries per call,
  which bounds the time the script blocks Redis. The price: when more due messages of other
  kinds than that sit ahead of the wanted ones (e.g. committee messages nobody claims), the
  call returns fewer than `limit`, possibly none, until those are claimed by their sender.
  Fine at this scale (a few committee messages at a time); per-kind ready zsets would lift it.

    Output:
      { RC_OK, then per message: seq, draft JSON, attempts, has error (0|1), error, notBefore or '',
        token, claim ran out (1: ob:token still held the previous claim's `c:` — its lease ran
        out without a settle, so it may have been sent; 0 otherwise) }
      A re-sent call returns its first reply (the same messages and tokens, attempts counted once).
      The done marker keeps only seqs, attempts, tokens and ran-out flags — never a draft, which may name a
      resident — and the reply is rebuilt from the stored messages (one erased meanwhile is left out).
]]
--- @include "includes/codes.lua"
--- @include "includes/sha256.lua"
--- @include "includes/write-frame.lua"

-- The full reply of a compact one: { RC_OK, then per message: seq, attempts, token, ran out }.
local function expand(compact)
  local reply = { RC_OK }
  for j = 2, #compact, 4 do
    local seq = compact[j]
    local draft = redis.call('HGET', own_key(3), seq)
    if draft then
      local err = redis.call('HGET', own_key(5), seq)
      reply[#reply + 1] = seq
      reply[#reply + 1] = draft
      reply[#reply + 1] = compact[j + 1]
      reply[#reply + 1] = err and 1 or 0
      reply[#reply + 1] = err or ''
      reply[#reply + 1] = redis.call('HGET', own_key(6), seq) or ''
      reply[#reply + 1] = compact[j + 2]
      reply[#reply + 1] = compact[j + 3]
    end
  end
  return reply
end

local cached = cached_reply()
if cached then
  return expand(cached)
end
local ready, wait = own_key(1), own_key(2)
local now = tonumber(own_arg(1))
local due = redis.call('ZRANGEBYSCORE', wait, '-inf', now)
for _, seq in ipairs(due) do
  redis.call('ZADD', ready, seq, seq)
end
if #due > 0 then
  redis.call('ZREMRANGEBYSCORE', wait, '-inf', now)
end
local compact = { RC_OK }
local limit = tonumber(own_arg(2))
if limit > 0 then
  local until_ = now + tonumber(own_arg(3))
  local picked
  if own_arg(5) == '' then
    picked = redis.call('ZRANGE', ready, 0, limit - 1)
  else
    local wanted = {}
    for _, kind in ipairs(cjson.decode(own_arg(5))) do
      wanted[kind] = true
    end
    picked = {}
    for _, seq in ipairs(redis.call('ZRANGE', ready, 0, tonumber(own_arg(6)) - 1)) do
      local draft = redis.call('HGET', own_key(3), seq)
      if draft and wanted[cjson.decode(draft).recipient.kind] then
        picked[#picked + 1] = seq
        if #picked >= limit then
          break
        end
      end
    end
  end
  for _, seq in ipairs(picked) do
    redis.call('ZREM', ready, seq)
    redis.call('ZADD', wait, until_, seq)
    local token = own_arg(4) .. '.' .. seq
    local previous = redis.call('HGET', own_key(7), seq)
    redis.call('HSET', own_key(7), seq, 'c:' .. token)
    compact[#compact + 1] = seq
    compact[#compact + 1] = redis.call('HINCRBY', own_key(4), seq, 1)
    compact[#compact + 1] = token
    compact[#compact + 1] = (previous and string.sub(previous, 1, 2) == 'c:') and 1 or 0
  end
end
return expand(finish(compact))
