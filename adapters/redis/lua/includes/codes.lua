--[[
  Return codes of every script; adapters/redis/outcomes.ts maps them to port outcomes in
  one function (`outcomeOf`). Keep both lists in step.
]]
local RC_OK = 0
local RC_CONFLICT = 1
local RC_DUPLICATE = 2
local RC_CLOSED = 3
local RC_EXISTS = 4
local RC_NOT_FOUND = 5
local RC_NOT_SUPPORTABLE = 6
local RC_ADDED = 7
local RC_ALREADY = 8
local RC_REMOVED = 9
local RC_ABSENT = 10
local RC_UNKNOWN = 11
local RC_USED = 12
local RC_CLAIMED = 13
local RC_INITIALIZED = 14
local RC_MATCH = 15
local RC_MISMATCH = 16
local RC_NOT_OWNER = 17
local RC_STALE = 18
local RC_RATE_LIMITED = 19
