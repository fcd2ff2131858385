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
import type { OutboxGroupCounts, OutboxMessage } from '../../../core/ports/outbox.ts';
import type { MessagePlatform, MessageRef } from '../../../core/ports/message-references.ts';
import type { AuditDraft, OutboxDraft, SideRecords } from '../../../core/ports/side-records.ts';
import type { AccessCode, PhoneClaim } from '../../../core/ports/resident-store.ts';
import type { Versioned } from '../../../core/ports/campaign-store.ts';
import type { PhaseState } from '../../../core/phases/phase-state.ts';
import type { StoredResults } from '../../../core/ballots/results.ts';
import type { Resident } from '../../../core/residents/resident.ts';
import type { Idea } from '../../../core/ideas/idea.ts';
import type { Question, QuestionMessage } from '../../../core/questions/question.ts';
import type { StoredBallot } from '../../../core/ballots/ballot.ts';
import type { Broadcast, BroadcastDraft } from '../../../core/broadcasts/broadcast.ts';
import { newBroadcast } from '../../../core/broadcasts/broadcast.ts';

/** What the token of an outbox row did last: holds a live claim, or settled it that way. */
export type MemoryTokenState = 'claimed' | 'ack' | 'retry' | 'fail';

/** An outbox message with its lease (epoch ms until which it is not handed out again) and claim token. */
export interface MemoryOutboxRow {
  message: OutboxMessage;
  leaseUntil: number | null;
  /** Token of the last claim; with `tokenState`, lets a repeated settle answer as the first. */
  token: string | null;
  tokenState: MemoryTokenState | null;
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
  /** The subscription index: id → area of every resident who `receivesBroadcasts`. */
  readonly subscribed = new Map<string, string | null>();
  /** Resident records read by `listSubscribed` (lets tests prove unsubscribed ones are not). */
  subscribedReads = 0;
  readonly codes = new Map<string, AccessCode>();
  /** phone key → its claim (kept through erasure, see ResidentStore.claimPhoneAndSave). */
  readonly phoneClaims = new Map<string, PhoneClaim>();

  readonly ideas = new Map<string, Idea>();
  /** ideaId → supporterKey → instant of the support. */
  readonly supports = new Map<string, Map<string, number>>();
  lastIdeaNumber = 0;

  readonly questions = new Map<string, Question>();
  /** questionId → its messages in seq order. */
  readonly questionMessages = new Map<string, QuestionMessage[]>();
  lastQuestionNumber = 0;

  /** `voterKey \0 slot` → current ballot. */
  readonly ballots = new Map<string, StoredBallot>();
  /** `voterKey \0 slot \0 requestId` → the ballot that request stored (as stored then). */
  readonly castRequests = new Map<string, StoredBallot>();

  readonly outbox: MemoryOutboxRow[] = [];
  /** key → row: the de-dup index, and how a successor finds its predecessor. */
  readonly outboxByKey = new Map<string, MemoryOutboxRow>();
  lastOutboxSeq = 0;
  /** group → counters, kept in step with every status change. */
  readonly outboxGroups = new Map<string, Record<GroupOutcome, number>>();

  /** key → reference. */
  readonly messageRefs = new Map<string, MessageRef>();
  /** `messageIndexKey(platform, chat, messageId)` → key. */
  readonly messageIndex = new Map<string, string>();

  /** key → its state until an instant (it holds while `now < until`); `lease` while in progress. */
  readonly processed = new Map<string, MemoryProcessedRow>();
  /** Last lease token number handed out by `begin`. */
  lastLease = 0;

  /** key → chat state entry (JSON text as the real stores keep it). */
  readonly chat = new Map<string, MemoryChatEntry>();

  readonly audit: AuditEntry[] = [];

  readonly broadcasts = new Map<string, Broadcast>();
}

/** One chat state entry: present while `now < expiresAt`. */
export interface MemoryChatEntry {
  readonly text: string;
  readonly owner: string;
  readonly expiresAt: number;
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
    if (state.outboxByKey.has(draft.key)) continue;
    state.lastOutboxSeq += 1;
    const message: OutboxMessage = {
      ...structuredClone(draft),
      seq: state.lastOutboxSeq,
      status: 'pending',
      attempts: 0,
      lastError: null,
    };
    const row: MemoryOutboxRow = { message: frozenCopy(message), leaseUntil: null, token: null, tokenState: null };
    state.outbox.push(row);
    state.outboxByKey.set(draft.key, row);
    countInGroup(state, message.group, 'pending', 1);
  }
}

/** A group counter: a message's status, or `skipped` (a sent one acked without delivery). */
type GroupOutcome = keyof OutboxGroupCounts;

/** Adds `delta` to a group's counter of `status` (no group: nothing). Synchronous. */
export function countInGroup(state: MemoryState, group: string | undefined, status: GroupOutcome, delta: number): void {
  if (group === undefined) return;
  const c = state.outboxGroups.get(group) ?? { pending: 0, sent: 0, failed: 0, skipped: 0 };
  c[status] += delta;
  state.outboxGroups.set(group, c);
}

/** The counters of a group, frozen. */
export function groupCountsOf(state: MemoryState, group: string): OutboxGroupCounts {
  return Object.freeze({ ...(state.outboxGroups.get(group) ?? { pending: 0, sent: 0, failed: 0, skipped: 0 }) });
}

/** Index key of one platform message (the three parts cannot run into each other). */
export function messageIndexKey(platform: MessagePlatform, chat: string, messageId: string): string {
  return JSON.stringify([platform, chat, messageId]);
}

/** Removes the reference under `key` from both lookups. Synchronous. */
export function deleteRef(state: MemoryState, key: string): void {
  const old = state.messageRefs.get(key);
  if (old === undefined) return;
  state.messageRefs.delete(key);
  state.messageIndex.delete(messageIndexKey(old.platform, old.chat, old.messageId));
}

/** Stores a reference, replacing its key's and taking its message over from another key. Synchronous. */
export function putRef(state: MemoryState, ref: MessageRef): void {
  const at = messageIndexKey(ref.platform, ref.chat, ref.messageId);
  deleteRef(state, ref.key);
  const holder = state.messageIndex.get(at);
  if (holder !== undefined) deleteRef(state, holder);
  const { key, platform, chat, messageId, owner, at: recordedAt } = ref;
  state.messageRefs.set(key, frozenCopy({ key, platform, chat, messageId, owner, at: recordedAt }));
  state.messageIndex.set(at, ref.key);
}

/** Stores new broadcasts; a draft whose id exists is ignored. Synchronous. */
export function createBroadcasts(state: MemoryState, drafts: readonly BroadcastDraft[]): void {
  for (const d of drafts) if (!state.broadcasts.has(d.id)) state.broadcasts.set(d.id, frozenCopy(newBroadcast(d)));
}

/** Applies side records of a change that is being stored. Synchronous. */
export function applySide(state: MemoryState, side: SideRecords): void {
  if (side.audit !== undefined && side.audit.length > 0) appendAudit(state, side.audit);
  if (side.outbox !== undefined && side.outbox.length > 0) enqueueOutbox(state, side.outbox);
  if (side.broadcasts !== undefined && side.broadcasts.length > 0) createBroadcasts(state, side.broadcasts);
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
