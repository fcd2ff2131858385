/**
 * The one in-memory state shared by every port of a memory `Stores` bundle (and by every
 * handle opened on it with `reopen()`), plus the helpers each port uses.
 *
 * Atomicity: every port method finishes its checks and writes synchronously, with no
 * `await` in between, so concurrent calls interleave only between whole operations — the
 * guarantee the SQLite transaction and the Redis Lua script give.
 *
 * Isolation: values are deep-copied and frozen on the way in; what is returned is frozen,
 * so a caller can neither change stored state nor be changed by a later write.
 */
import { GENESIS_HASH, linkEntries } from '../../../core/audit/audit-chain.ts';
import type { AuditEntry } from '../../../core/ports/audit-log.ts';
import type { OutboxMessage } from '../../../core/ports/outbox.ts';
import type { AuditDraft, OutboxDraft, SideRecords } from '../../../core/ports/side-records.ts';
import type { AccessCode } from '../../../core/ports/resident-store.ts';
import type { Versioned } from '../../../core/ports/campaign-store.ts';
import type { PhaseState } from '../../../core/phases/phase-state.ts';
import type { StoredResults } from '../../../core/ballots/results.ts';
import type { Resident } from '../../../core/residents/resident.ts';
import type { Idea } from '../../../core/ideas/idea.ts';
import type { StoredBallot } from '../../../core/ballots/ballot.ts';

/** An outbox message with its lease (epoch ms until which it is not handed out again). */
export interface MemoryOutboxRow {
  message: OutboxMessage;
  leaseUntil: number | null;
}

/** One inbound update's state (ProcessedUpdates). */
export interface MemoryProcessedRow {
  readonly state: 'in_progress' | 'done';
  readonly until: number;
  /** The holder's lease token while in progress; null once done. */
  readonly lease: string | null;
}

/** Everything a memory store holds. */
export class MemoryState {
  phase: Versioned<PhaseState> | null = null;
  results: StoredResults | null = null;
  secretCheck: string | null = null;

  readonly residents = new Map<string, Resident>();
  readonly codes = new Map<string, AccessCode>();

  readonly ideas = new Map<string, Idea>();
  /** ideaId → supporterKey → instant of the support. */
  readonly supports = new Map<string, Map<string, number>>();
  lastIdeaNumber = 0;

  /** `voterKey \0 slot` → current ballot. */
  readonly ballots = new Map<string, StoredBallot>();
  /** `voterKey \0 slot \0 requestId` → the ballot that request stored (as stored then). */
  readonly castRequests = new Map<string, StoredBallot>();

  readonly outbox: MemoryOutboxRow[] = [];
  readonly outboxKeys = new Set<string>();
  lastOutboxSeq = 0;

  /** key → its state until an instant (it holds while `now < until`); `lease` while in progress. */
  readonly processed = new Map<string, MemoryProcessedRow>();
  /** Last lease token number handed out by `begin`. */
  lastLease = 0;

  readonly audit: AuditEntry[] = [];
}

/** Deep copy, deep frozen. */
export function frozenCopy<T>(value: T): T {
  return deepFreeze(structuredClone(value));
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as Record<string, unknown>)) deepFreeze(v);
  }
  return value;
}

/** Links drafts after the head of the log and appends them. Synchronous. */
export function appendAudit(state: MemoryState, drafts: readonly AuditDraft[]): readonly AuditEntry[] {
  const last = state.audit[state.audit.length - 1];
  const head = last === undefined ? { seq: 0, hash: GENESIS_HASH } : { seq: last.seq, hash: last.hash };
  const linked = linkEntries(head, drafts.map((d) => frozenCopy(d))).map((e) => frozenCopy(e));
  state.audit.push(...linked);
  return linked;
}

/** Enqueues drafts whose key is new. Synchronous. */
export function enqueueOutbox(state: MemoryState, drafts: readonly OutboxDraft[]): void {
  for (const draft of drafts) {
    if (state.outboxKeys.has(draft.key)) continue;
    state.outboxKeys.add(draft.key);
    state.lastOutboxSeq += 1;
    const message: OutboxMessage = {
      ...structuredClone(draft),
      seq: state.lastOutboxSeq,
      status: 'pending',
      attempts: 0,
      lastError: null,
    };
    state.outbox.push({ message: frozenCopy(message), leaseUntil: null });
  }
}

/** Applies side records of a change that is being stored. Synchronous. */
export function applySide(state: MemoryState, side: SideRecords): void {
  if (side.audit !== undefined && side.audit.length > 0) appendAudit(state, side.audit);
  if (side.outbox !== undefined && side.outbox.length > 0) enqueueOutbox(state, side.outbox);
}

/**
 * One handle on a state. Ports check `open()` first thing: a closed handle throws, so a test
 * using a store after `close()` fails loudly as it would with a real connection.
 */
export class MemoryHandle {
  private closed = false;
  constructor(readonly state: MemoryState) {}

  /** The state, or throws if this handle was closed. */
  open(): MemoryState {
    if (this.closed) throw new Error('memory stores: handle is closed');
    return this.state;
  }

  close(): void {
    this.closed = true;
  }
}

/**
 * Lets other pending work run before an operation starts, as a network or disk round trip
 * would; the operation itself then runs without interruption.
 */
export function roundTrip(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
