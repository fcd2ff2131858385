/**
 * The Lua scripts of the Redis store, read from `lua/*.lua` next to this module. A line
 * `--- @include "includes/x.lua"` is replaced by that file (once per script), as BullMQ does.
 * Scripts are registered with ioredis `defineCommand`, so they run by EVALSHA and are
 * re-sent as EVAL after a server restart (NOSCRIPT).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Cluster, Redis } from 'ioredis';

/** Names of the scripts (file names without `.lua`). */
export const SCRIPT_NAMES = [
  'ballot-cast',
  'ballot-read',
  'chat-erase-owner',
  'chat-write',
  'broadcast-create',
  'broadcast-fan-out',
  'broadcast-finish',
  'ballot-read-many',
  'code-claim',
  'code-claim-save',
  'codes-add',
  'hash-read-many',
  'idea-merge',
  'idea-save',
  'lease-release',
  'lease-renew',
  'mref-find',
  'mref-write',
  'outbox-claim',
  'outbox-erase',
  'outbox-list',
  'outbox-settle',
  'phone-claim-save',
  'processed-begin',
  'question-erase',
  'question-save',
  'record-save',
  'resident-erase',
  'resident-save',
  'secret-check',
  'send-budget-pause',
  'send-budget-take',
  'side-append',
  'support-change',
  'value-put',
] as const;

export type ScriptName = (typeof SCRIPT_NAMES)[number];

const LUA_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'lua');
const INCLUDE = /^--- @include "([^"]+)"\s*$/gm;

/** The source of a script with its includes expanded. */
export function scriptSource(name: string): string {
  const seen = new Set<string>();
  const expand = (file: string): string =>
    readFileSync(path.join(LUA_DIR, file), 'utf8').replace(INCLUDE, (_line, inc: string) => {
      if (seen.has(inc)) return '';
      seen.add(inc);
      return expand(inc);
    });
  return expand(`${name}.lua`);
}

let sources: ReadonlyMap<ScriptName, string> | null = null;

function allSources(): ReadonlyMap<ScriptName, string> {
  sources ??= new Map(SCRIPT_NAMES.map((n) => [n, scriptSource(n)] as const));
  return sources;
}

/** Runs a script by name with its keys and arguments. */
export type ScriptRunner = (name: ScriptName, keys: readonly string[], args: readonly (string | number)[]) => Promise<unknown>;

/** ioredis command name of a script (`checked`: its key-checking variant). */
function commandName(name: ScriptName, checked = false): string {
  return `pnyx_${checked ? 'checked_' : ''}${name.replace(/-/g, '_')}`;
}

/**
 * Lua prepended by `keyCheckedSource`: a `redis.call` whose key arguments are not all in KEYS
 * fails with "key not in KEYS". Key positions as Redis defines them for the commands scripts
 * use: every argument (DEL, EXISTS, …), destination plus `numkeys` keys (ZUNIONSTORE, …),
 * the first two (SMOVE, RENAME, …), none (TIME, …); the first argument otherwise.
 */
const KEY_CHECK = `
local __declared = {}
for _, k in ipairs(KEYS) do __declared[k] = true end
local __every = { DEL = 1, EXISTS = 1, UNLINK = 1, MGET = 1, TOUCH = 1, SINTER = 1, SUNION = 1, SDIFF = 1 }
local __numkeys = { ZUNIONSTORE = 1, ZINTERSTORE = 1, ZDIFFSTORE = 1, SINTERSTORE = 0, SUNIONSTORE = 0, SDIFFSTORE = 0 }
local __two = { SMOVE = 1, RENAME = 1, RENAMENX = 1, LMOVE = 1, RPOPLPUSH = 1, COPY = 1 }
local __none = { TIME = 1, PING = 1, ECHO = 1 }
local function __keys_of(cmd, args)
  local c = string.upper(cmd)
  if __none[c] then return {} end
  if __every[c] or __numkeys[c] == 0 then return args end
  if __numkeys[c] then
    local out = { args[1] }
    for i = 1, tonumber(args[2]) do out[#out + 1] = args[2 + i] end
    return out
  end
  if __two[c] then return { args[1], args[2] } end
  return { args[1] }
end
local function __checked(call, cmd, ...)
  for _, k in ipairs(__keys_of(cmd, { ... })) do
    if not __declared[k] then
      return error('key not in KEYS: ' .. cmd .. ' ' .. tostring(k))
    end
  end
  return call(cmd, ...)
end
`;

/**
 * `lua` made to fail whenever it touches a key it was not given in KEYS — the rule that lets
 * a Redis Cluster (which only checks slots) host the store. For tests (`checkScriptKeys`).
 */
export function keyCheckedSource(lua: string): string {
  const body = lua.replace(/\bredis\.call\(/g, '__checked(redis.call, ').replace(/\bredis\.pcall\(/g, '__checked(redis.pcall, ');
  return KEY_CHECK + body;
}

/** Options of `defineScripts`. */
export interface DefineScriptsOptions {
  /** Run the key-checking variants (`keyCheckedSource`): a test aid, slower. Default false. */
  readonly checkKeys?: boolean;
}

/**
 * Registers every script on `redis` and returns a runner for them. On a cluster, ioredis sends
 * a script to the master of its first key's slot: every key of a call must be in that slot
 * (one campaign's keys are, through the prefix's hash tag), and must be passed in KEYS.
 */
export function defineScripts(redis: Redis | Cluster, options: DefineScriptsOptions = {}): ScriptRunner {
  const checked = options.checkKeys === true;
  for (const [name, lua] of allSources()) redis.defineCommand(commandName(name, checked), { lua: checked ? keyCheckedSource(lua) : lua });
  const commands = redis as unknown as Record<string, (...a: (string | number)[]) => Promise<unknown>>;
  // Looked up once: the runner is on the path of every vote.
  const byName = new Map(SCRIPT_NAMES.map((n) => [n, commands[commandName(n, checked)]] as const));
  return (name, keys, args) => {
    const fn = byName.get(name);
    if (fn === undefined) throw new Error(`redis store: script ${name} is not defined`);
    return fn.call(redis, keys.length, ...keys, ...args);
  };
}
