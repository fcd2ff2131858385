/**
 * Who did something, for audit records and "who acted" on Slack cards.
 * Residents and ambassadors appear by keyed pseudonym (`id` = `VoterKeys.residentPseudonym`,
 * see core/engine/actor-refs.ts) — never by resident id or voter key; staff by Slack user id.
 */
export type Actor =
  | { readonly kind: 'resident'; readonly id: string }
  | { readonly kind: 'ambassador'; readonly id: string }
  | { readonly kind: 'staff'; readonly id: string; readonly name?: string }
  | { readonly kind: 'system'; readonly id: 'scheduler' | 'cli' | 'engine' };

/** A short stable text form, e.g. `staff:U123`, used in audit entries and logs. */
export function actorRef(actor: Actor): string {
  return `${actor.kind}:${actor.id}`;
}

export const SCHEDULER: Actor = { kind: 'system', id: 'scheduler' };
