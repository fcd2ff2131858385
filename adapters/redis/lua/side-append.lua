--[[
  Appends audit drafts and/or enqueues outbox drafts on their own (AuditLog.append,
  Outbox.enqueue).

    Input:
      KEYS, ARGV   the write frame (includes/write-frame.lua); no own keys or arguments.

    Output:
      { RC_OK, entry JSON… }   the linked audit entries, in order (none for outbox only).
      A re-sent call (same done marker) returns its first reply.
]]
--- @include "includes/codes.lua"
--- @include "includes/sha256.lua"
--- @include "includes/write-frame.lua"

local cached = cached_reply()
if cached then
  return cached
end
local reply = { RC_OK }
for _, entry in ipairs(apply_side()) do
  reply[#reply + 1] = entry
end
return finish(reply)
