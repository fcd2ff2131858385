/**
 * Return codes of the Lua scripts (adapters/redis/lua/includes/codes.lua) and the one
 * function that maps them to port outcomes. Keep both lists in step.
 */

/** Script return code -> outcome word. */
const OUTCOMES = [
  'ok',
  'conflict',
  'duplicate',
  'closed',
  'exists',
  'not_found',
  'not_supportable',
  'added',
  'already',
  'removed',
  'absent',
  'unknown',
  'used',
  'claimed',
  'initialized',
  'match',
  'mismatch',
  'not_owner',
  'stale',
  'rate_limited',
] as const;

/** An outcome word of a script: the port outcome of the same name where one exists. */
export type ScriptOutcome = (typeof OUTCOMES)[number];

/**
 * Maps a script's return code to its outcome, checking it is one the caller can get.
 * An unexpected code is a bug (script and adapter out of step) and throws.
 */
export function outcomeOf<const T extends ScriptOutcome>(script: string, code: unknown, expected: readonly T[]): T {
  const outcome = typeof code === 'number' ? OUTCOMES[code] : undefined;
  if (outcome === undefined || !(expected as readonly ScriptOutcome[]).includes(outcome)) {
    throw new Error(`redis store: script ${script} returned unexpected code ${String(code)}`);
  }
  return outcome as T;
}
