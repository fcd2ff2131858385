/**
 * How use cases name people in records that outlive them (audit entries, idea revisions,
 * broadcast and question records): residents and ambassadors by their keyed pseudonym, never
 * by resident id (which holds the Telegram id), so erasing a resident leaves nothing that
 * names them and the audit chain still verifies.
 */
import type { EngineDeps } from './engine-deps.ts';

/** `resident:<pseudonym>` — a resident acting for themself. */
export function residentRef(deps: Pick<EngineDeps, 'keys'>, residentId: string): string {
  return `resident:${deps.keys.residentPseudonym(residentId)}`;
}

/** `ambassador:<pseudonym>` — an ambassador acting on someone's behalf. */
export function ambassadorRef(deps: Pick<EngineDeps, 'keys'>, residentId: string): string {
  return `ambassador:${deps.keys.residentPseudonym(residentId)}`;
}
