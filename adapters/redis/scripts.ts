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
  'code-claim',
  'codes-add',
  'idea-merge',
  'idea-save',
  'lease-release',
  'lease-renew',
  'outbox-claim',
  'outbox-list',
  'outbox-settle',
  'processed-claim',
  'record-erase',
  'record-save',
  'secret-check',
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

/** ioredis command name of a script. */
function commandName(name: ScriptName): string {
  return `pnyx_${name.replace(/-/g, '_')}`;
}

/**
 * Registers every script on `redis` and returns a runner for them. On a cluster, ioredis sends
 * a script to the master of its first key's slot: every key of a call must be in that slot
 * (one campaign's keys are, through the prefix's hash tag), and must be passed in KEYS.
 */
export function defineScripts(redis: Redis | Cluster): ScriptRunner {
  for (const [name, lua] of allSources()) redis.defineCommand(commandName(name), { lua });
  const commands = redis as unknown as Record<string, (...a: (string | number)[]) => Promise<unknown>>;
  return (name, keys, args) => {
    const fn = commands[commandName(name)];
    if (fn === undefined) throw new Error(`redis store: script ${name} is not defined`);
    return fn.call(redis, keys.length, ...keys, ...args);
  };
}
