import type { PhaseState } from '../phases/phase-state.ts';
import type { StoredResults } from '../ballots/results.ts';
import type { Resident } from '../residents/resident.ts';
import type { Idea } from '../ideas/idea.ts';
import type { Question, QuestionMessage } from '../questions/question.ts';
import type { StoredBallot } from '../ballots/ballot.ts';
import type { AccessCode, PhoneClaim } from './resident-store.ts';
import type { OutboxMessage } from './outbox.ts';
import type { MessageRef } from './message-references.ts';
import type { AuditEntry } from './audit-log.ts';
import type { JsonValue } from './chat-state-store.ts';
import type { Broadcast } from '../broadcasts/broadcast.ts';

/**
 * Everything one campaign's store holds, backend-neutral, for `pnyx migrate` (SQLite ⇄ Redis).
 * Records keep their versions, sequence numbers and hashes, so a restored store behaves
 * exactly like the original (the audit chain still verifies; re-sent requests stay duplicates).
 */
export interface CampaignDump {
  /**
   * `pnyx-dump/2`: with questions, message references, chat state, broadcasts, outbox
   * predecessors and groups, two-state inbound updates and phone claims (a `/1` dump is refused).
   */
  readonly format: 'pnyx-dump/2';
  readonly phaseState: { readonly value: PhaseState; readonly version: number } | null;
  readonly results: StoredResults | null;
  /** The PNYX_SECRET check value (never the secret). */
  readonly secretCheck: string | null;
  /** Residents with their stored versions, ordered by id. */
  readonly residents: readonly Resident[];
  readonly codes: readonly AccessCode[];
  /** Phone claims (keyed hash → pseudonym, never a number), ordered by phone key. */
  readonly phoneClaims: readonly PhoneClaim[];
  /** Ideas with their stored versions, ordered by number. */
  readonly ideas: readonly Idea[];
  /** The next idea number the store would hand out. */
  readonly nextIdeaNumber: number;
  readonly supports: ReadonlyArray<{ readonly ideaId: string; readonly supporterKey: string; readonly at: number }>;
  /** Questions with their stored versions, ordered by number. */
  readonly questions: readonly Question[];
  /** Every message of every question, ordered by question id then seq (seqs 1, 2, 3… per question). */
  readonly questionMessages: readonly QuestionMessage[];
  /** The next question number the store would hand out. */
  readonly nextQuestionNumber: number;
  /** Current ballots, ordered by voter key then slot. */
  readonly ballots: readonly StoredBallot[];
  /** Every recorded ballot version (for request-id idempotency), ordered by voter key, slot, version. */
  readonly ballotVersions: readonly StoredBallot[];
  /**
   * Outbox messages ordered by seq, with their `after` and `group` (leases and claim tokens are
   * not carried over; holds by a predecessor and group counters are rebuilt from the messages).
   */
  readonly outbox: readonly OutboxMessage[];
  /** Message references ordered by key. */
  readonly messageRefs: readonly MessageRef[];
  readonly audit: readonly AuditEntry[];
  /**
   * Inbound updates (ProcessedUpdates), ordered by key: in progress or done until `expiresAt`
   * (epoch ms, the engine's clock). A lease's holder token is not carried (every instance is
   * stopped for a migration): a restored lease cannot be abandoned, it runs out.
   */
  readonly processed: ReadonlyArray<{ readonly key: string; readonly state: 'in_progress' | 'done'; readonly expiresAt: number }>;
  /**
   * Chat state entries the store holds, with owner and expiry instant (engine clock), ordered
   * by key. An entry past its expiry may be among them until the store reclaims it; a restored
   * store judges it expired exactly as the source did.
   */
  readonly chatState: readonly ChatStateEntry[];
  /** Broadcast records with their progress and versions, ordered by id. */
  readonly broadcasts: readonly Broadcast[];
}

/** One chat state entry in a dump. */
export interface ChatStateEntry {
  readonly key: string;
  readonly owner: string;
  readonly expiresAt: number;
  readonly value: JsonValue;
}

/** Reads and writes a whole campaign store. */
export interface StoreTransfer {
  /** A consistent snapshot of the store (taken in one read transaction where the backend allows). */
  dump(): Promise<CampaignDump>;
  /** Writes `dump` into this store, which must be empty; refuses (throws) otherwise. All or nothing where the backend allows. */
  restore(dump: CampaignDump): Promise<void>;
}
