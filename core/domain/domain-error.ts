/**
 * Refusals and errors of the campaign engine.
 *
 * An expected refusal (voting closed, idea too long, over budget) is *returned* as a
 * `Refused` value whose `code` is also the message key used to translate it for the person;
 * `params` fill the message. `throw` is kept for bugs and infrastructure failures, and then
 * carries a `DomainError` only when a refusal escaped a code path that cannot return one.
 */

import type { RefusalCode } from './codes.ts';

/** A refusal code, also the translation key (e.g. `voting.closed`, `idea.title_too_long`): see codes.ts. */
export type { RefusalCode } from './codes.ts';

/** Values a message may interpolate. Instants are epoch ms and rendered in the campaign time zone. */
export type MessageParams = Readonly<Record<string, string | number | boolean | null>>;

/** The one error base of the domain: a string code and the parameters of its message. */
export class DomainError extends Error {
  readonly code: RefusalCode;
  readonly params: MessageParams;
  constructor(code: RefusalCode, params: MessageParams = {}) {
    super(code);
    this.name = 'DomainError';
    this.code = code;
    this.params = params;
  }
}

/** A refused action: nothing was changed. */
export interface Refused {
  readonly ok: false;
  readonly code: RefusalCode;
  readonly params: MessageParams;
}

/** A successful action with its value. */
export interface Done<T> {
  readonly ok: true;
  readonly value: T;
}

/** The result of every use case and pure rule: a value or a refusal. */
export type Outcome<T> = Done<T> | Refused;

/** Builds a refusal. */
export function refuse(code: RefusalCode, params: MessageParams = {}): Refused {
  return { ok: false, code, params };
}

/** Builds a success. */
export function done<T>(value: T): Done<T> {
  return { ok: true, value };
}
