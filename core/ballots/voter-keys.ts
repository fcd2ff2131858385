/**
 * Pseudonymous keys (SPEC §2.3). Ballots are stored under `ballotKey(residentId)`, supports
 * under `supportKey(residentId)`: HMAC-SHA256 with PNYX_SECRET, so no stored record maps a
 * key back to a person, yet the same resident always finds the same key (after "forget me"
 * and re-registering, their ballot is found and replaced, never doubled).
 */
import { createHmac } from 'node:crypto';

/** Voter keys kept by one VoterKeys (then all are dropped and computed again as asked). */
const BALLOT_KEYS_KEPT = 20_000;

export class VoterKeys {
  readonly #secret: string;

  /** `secret`: PNYX_SECRET (at least 16 characters); it must not change during a campaign. */
  constructor(secret: string) {
    if (secret.length < 16) throw new Error('PNYX_SECRET must be at least 16 characters');
    this.#secret = secret;
  }

  #mac(purpose: string, value: string): string {
    return createHmac('sha256', this.#secret).update(`${purpose}\u0000${value}`, 'utf8').digest('base64url').slice(0, 32);
  }

  /**
   * Voter keys already computed, bounded: the ballot builder asks for the key on every press.
   * Holding them adds nothing to what the process already holds (the secret they come from).
   */
  readonly #ballotKeys = new Map<string, string>();

  /** The voter key of a resident (32 base64url characters). */
  ballotKey(residentId: string): string {
    let key = this.#ballotKeys.get(residentId);
    if (key === undefined) {
      key = this.#mac('ballot', residentId);
      if (this.#ballotKeys.size >= BALLOT_KEYS_KEPT) this.#ballotKeys.clear();
      this.#ballotKeys.set(residentId, key);
    }
    return key;
  }

  /** The supporter key of a resident. */
  supportKey(residentId: string): string {
    return this.#mac('support', residentId);
  }

  /**
   * The pseudonym of a resident in records that outlive them (audit entries, revisions):
   * `p_` + 22 base64url characters (132 bits). Stable for one resident and PNYX_SECRET, and
   * not reversible without the secret, so the audit chain still verifies after "forget me"
   * while naming nobody (SPEC §2.4).
   */
  residentPseudonym(residentId: string): string {
    return `p_${this.#mac('pseudonym', residentId).slice(0, 22)}`;
  }

  /**
   * The keyed hash of a normalised phone number (digits only, see `normalisePhone`): how
   * "one phone verifies one account" is checked without storing the number (SPEC §2.4,
   * issue 10). 32 base64url characters, its own purpose string, so it equals no ballot,
   * support or pseudonym key; not reversible without PNYX_SECRET.
   */
  phoneKey(normalisedPhone: string): string {
    return this.#mac('phone', normalisedPhone);
  }

  /** A check value of the secret, stored to detect a changed PNYX_SECRET at start. */
  secretCheck(): string {
    return this.#mac('check', 'pnyx');
  }

  /** Keeps the secret out of logs and error texts. */
  toJSON(): string {
    return '[VoterKeys]';
  }
}
