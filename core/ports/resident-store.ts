import type { Resident } from '../residents/resident.ts';
import type { SaveOutcome } from './campaign-store.ts';
import type { SideRecords } from './side-records.ts';

/** A one-time code handed out by the town (SPEC §2.4). */
export interface AccessCode {
  readonly code: string;
  /** Resident the code belongs to once used or pre-assigned (assisted registration); null while free. */
  readonly residentId: string | null;
  readonly issuedBy: string;
  readonly issuedAt: number;
  readonly usedAt: number | null;
}

/** Outcome of claiming a one-time code. */
export type ClaimOutcome =
  | { readonly status: 'claimed'; readonly code: AccessCode }
  | { readonly status: 'unknown' }
  | { readonly status: 'used'; readonly residentId: string | null };

/** Outcome of claiming a code and saving its resident in one step (`claimCodeAndSave`). */
export type ClaimAndSaveOutcome =
  | ClaimOutcome
  /** The resident's stored version is not the expected one: nothing written, the code stays free. */
  | { readonly status: 'conflict' };

/**
 * A phone number that verified an account (SPEC §2.4, issue 10), held as a keyed hash only:
 * `phoneKey` is `VoterKeys.phoneKey` of the normalised number and `holder` the keyed
 * pseudonym of the resident it verified (`VoterKeys.residentPseudonym`). Neither can be
 * turned back into a number or a person without PNYX_SECRET; the number itself is stored
 * nowhere.
 */
export interface PhoneClaim {
  readonly phoneKey: string;
  readonly holder: string;
  /** When the phone was first claimed (epoch ms); a claim by the same holder again keeps it. */
  readonly claimedAt: number;
}

/** Outcome of `claimPhoneAndSave`. */
export type PhoneClaimOutcome =
  /** The phone is (now, or already) held by `holder` and the resident was saved. */
  | { readonly status: 'claimed' }
  /** Another holder has it: nothing written. */
  | { readonly status: 'taken' }
  /** The resident's stored version is not the expected one: nothing written, the phone stays unclaimed. */
  | { readonly status: 'conflict' };

/** Residents, the town's one-time codes and phone claims. Personal data lives here only. */
export interface ResidentStore {
  get(id: string): Promise<Resident | null>;
  /**
   * Saves `resident` if the stored version is `expectedVersion` (null: must not exist); the
   * saved record's version is `expectedVersion + 1` (or 1). Atomic with `side`.
   */
  save(resident: Resident, expectedVersion: number | null, side: SideRecords): Promise<SaveOutcome>;
  /**
   * Deletes the record if its version is `expectedVersion`, and in the same atomic step
   * (with `side`) forgets the resident in one-time codes: a code they used stays used, with
   * `residentId` null (a second claim still answers `used`); a code reserved for them and
   * never used is deleted. Nothing is changed on `conflict`.
   */
  erase(id: string, expectedVersion: number, side: SideRecords): Promise<SaveOutcome>;
  /** Residents ordered by id, after `afterId` (exclusive), at most `limit`. */
  list(afterId: string | null, limit: number): Promise<readonly Resident[]>;
  /**
   * Registered, subscribed residents (`receivesBroadcasts`), of `area` when given, ordered
   * by id, after `afterId` (exclusive), at most `limit` and fewer only when no more follow —
   * the pages a broadcast fans out in.
   * Served from an index kept by `save` and `erase` in the same atomic step, so unsubscribed
   * residents are never read and a resident who subscribes, unsubscribes, moves or is erased
   * shows up (or not) in the very next page.
   */
  listSubscribed(area: string | null, afterId: string | null, limit: number): Promise<readonly Resident[]>;
  /** Stores new codes; a code that already exists is left unchanged. */
  addCodes(codes: readonly AccessCode[]): Promise<void>;
  /**
   * Marks a free code used by `residentId` at `at`. Atomic: of two concurrent claims of one
   * code exactly one gets `claimed`. A code pre-assigned to `residentId` may be claimed by it.
   */
  claimCode(code: string, residentId: string, at: number, side: SideRecords): Promise<ClaimOutcome>;
  /**
   * Claims `code` for `resident.id` at `at` (as `claimCode`) and saves `resident` (as `save`,
   * with `expectedVersion`) in one atomic step, with `side`: both are written or neither.
   * The code is judged first — `unknown` or `used` — then the version — `conflict`; any of
   * them writes nothing, so a verification refused for any reason leaves the code free. Of
   * two concurrent calls on one free code exactly one gets `claimed`, whatever the residents.
   */
  claimCodeAndSave(code: string, resident: Resident, expectedVersion: number | null, at: number, side: SideRecords): Promise<ClaimAndSaveOutcome>;
  getCode(code: string): Promise<AccessCode | null>;
  /**
   * Claims `phoneKey` for `holder` and saves `resident` (as `save`, with `expectedVersion`)
   * in one atomic step, with `side`: both are written or neither. The phone is judged first —
   * `taken` when another holder has it — then the version — `conflict`; either writes
   * nothing. A phone already held by the same `holder` is `claimed` again (its `claimedAt`
   * kept): a resident who erased their data registers again from the same Telegram account.
   * Of two concurrent calls for one unclaimed phone by different holders exactly one gets
   * `claimed`.
   *
   * Claims outlive `erase` on purpose: "forget me" must not let one phone verify two accounts,
   * and what is kept (keyed hash → pseudonym) names nobody without PNYX_SECRET.
   */
  claimPhoneAndSave(phoneKey: string, holder: string, resident: Resident, expectedVersion: number | null, at: number, side: SideRecords): Promise<PhoneClaimOutcome>;
  /** The claim of `phoneKey`, or null when no account was verified with that phone. */
  getPhoneClaim(phoneKey: string): Promise<PhoneClaim | null>;
}
