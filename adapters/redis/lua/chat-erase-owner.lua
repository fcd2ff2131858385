--[[
  Erases the chat state entries of one owner (ChatStateStore.eraseOwner), one batch of the
  owner's index at a time: the caller reads the index members and passes each entry's key.
  An entry is deleted only when its stored owner is this owner (the index may hold keys
  rewritten since by another owner); every passed member leaves the index.

    Input:
      KEYS[1]      the owner's index set
      KEYS[2..n+1] the entry hashes of the batch
      ARGV[1]      owner
      ARGV[2..n+1] the index members (chat keys) of the batch, in the order of KEYS[2..]

    Output:
      { removed, left }: entries deleted by this call, members still in the index (written
      meanwhile, or beyond this batch; the caller runs another batch while left > 0).
]]
local removed = 0
for i = 2, #KEYS do
  if redis.call('HGET', KEYS[i], 'o') == ARGV[1] then
    redis.call('DEL', KEYS[i])
    removed = removed + 1
  end
  redis.call('SREM', KEYS[1], ARGV[i])
end
return { removed, redis.call('SCARD', KEYS[1]) }
