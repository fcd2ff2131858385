/**
 * The outbox and message-reference part of the Redis `StoreTransfer` (redis-transfer.ts):
 * reading messages into a dump, and the commands that rebuild them with their derived keys —
 * queues, predecessor holds, the per-resident index, counters and group counters, and the
 * two reference indexes — in the layout the Redis ports use.
 */
import type { MessageRef } from '../../core/ports/message-references.ts';
import type { OutboxMessage } from '../../core/ports/outbox.ts';
import { groupOutcome } from '../../core/ports/outbox.ts';
import type { OutboxDraft } from '../../core/ports/side-records.ts';
import type { CampaignDump } from '../../core/ports/store-transfer.ts';
import type { RedisKeys } from './keys.ts';
import { outboxDraftJson } from './redis-context.ts';
import { refJson } from './redis-message-references.ts';

/** One Redis command of a transfer. */
export type Command = [string, ...(string | number)[]];

/** Runs commands in one pipeline and returns their replies. */
type Run = (commands: readonly Command[]) => Promise<unknown[]>;

/** Outbox messages 1..lastSeq, `chunk` seqs per pipeline (erased seqs are skipped). */
export async function readOutbox(run: Run, k: RedisKeys, lastSeq: number, chunk: number): Promise<OutboxMessage[]> {
  const outbox: OutboxMessage[] = [];
  for (let from = 1; from <= lastSeq; from += chunk) {
    const seqs = Array.from({ length: Math.min(chunk, lastSeq - from + 1) }, (_, i) => String(from + i));
    const hashes = [k.outboxDraft, k.outboxStatus, k.outboxAttempts, k.outboxError, k.outboxNotBefore];
    const [drafts, status, attempts, errors, notBefore] = (await run(hashes.map((h) => ['hmget', h, ...seqs]))) as (string | null)[][];
    seqs.forEach((seq, n) => {
      const draftJson = drafts![n];
      if (draftJson == null) return;
      const draft = JSON.parse(draftJson) as OutboxDraft;
      const nb = notBefore![n];
      outbox.push({
        seq: Number(seq),
        key: draft.key,
        recipient: draft.recipient,
        template: draft.template,
        params: draft.params,
        // A retry's notBefore is kept beside the immutable draft.
        notBefore: nb == null ? draft.notBefore : Number(nb),
        ...(draft.after === undefined ? {} : { after: draft.after }),
        ...(draft.group === undefined ? {} : { group: draft.group }),
        status: (status![n] ?? 'pending') as OutboxMessage['status'],
        attempts: Number(attempts![n] ?? 0),
        lastError: errors![n] ?? null,
      });
    });
  }
  return outbox;
}

/** The references of `mref:key`'s values, ordered by key. */
export function refsFrom(values: readonly string[]): MessageRef[] {
  return values.map((json) => JSON.parse(json) as MessageRef).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** The writes restoring the dump's outbox and message references, derived keys rebuilt. */
export function* outboxRestoreCommands(k: RedisKeys, dump: CampaignDump): Generator<Command> {
  const statuses = new Map<string, number>();
  const groups = new Map<string, number>();
  const reasons = new Map<string, number>();
  const byKey = new Map(dump.outbox.map((m) => [m.key, m]));
  for (const m of dump.outbox) {
    const draft: OutboxDraft = { key: m.key, recipient: m.recipient, template: m.template, params: m.params, notBefore: m.notBefore };
    yield ['hset', k.outboxKeys, m.key, m.seq];
    // The draft keeps its current notBefore (a retry's included): the store reads it from there.
    yield ['hset', k.outboxDraft, m.seq, outboxDraftJson({ ...draft, ...(m.after === undefined ? {} : { after: m.after }), ...(m.group === undefined ? {} : { group: m.group }) })];
    yield ['hset', k.outboxStatus, m.seq, m.status];
    if (m.attempts > 0) yield ['hset', k.outboxAttempts, m.seq, m.attempts];
    if (m.lastError !== null) yield ['hset', k.outboxError, m.seq, m.lastError];
    if (m.recipient.kind === 'resident') yield ['zadd', k.outboxByResident, 0, `${m.recipient.residentId}\0${m.seq}`];
    if (m.status === 'pending') {
      // Claim leases and tokens are not carried over: a pending message is claimable from its
      // notBefore, unless a pending predecessor enqueued before it still holds it.
      const p = m.after === undefined ? undefined : byKey.get(m.after);
      if (p !== undefined && p.seq < m.seq && p.status === 'pending') yield ['zadd', k.outboxHeld, p.seq, m.seq];
      else yield ['zadd', k.outboxWait, m.notBefore, m.seq];
    }
    statuses.set(m.status, (statuses.get(m.status) ?? 0) + 1);
    if (m.status === 'failed') reasons.set(m.lastError ?? '', (reasons.get(m.lastError ?? '') ?? 0) + 1);
    if (m.group !== undefined) groups.set(`${groupOutcome(m)}:${m.group}`, (groups.get(`${groupOutcome(m)}:${m.group}`) ?? 0) + 1);
  }
  if (statuses.size > 0) yield ['hset', k.outboxCounts, ...[...statuses].flat()];
  if (groups.size > 0) yield ['hset', k.outboxGroups, ...[...groups].flat()];
  if (reasons.size > 0) yield ['hset', k.outboxFailedReasons, ...[...reasons].flat()];
  const lastSeq = dump.outbox.at(-1)?.seq;
  if (lastSeq !== undefined) yield ['set', k.outboxSeq, lastSeq];
  for (const r of dump.messageRefs) {
    yield ['hset', k.refByKey, r.key, refJson(r)];
    yield ['hset', k.refByMessage, `${r.platform}\0${r.chat}\0${r.messageId}`, r.key];
    if (r.owner !== null) yield ['zadd', k.refOwned, 0, `${r.owner}\0${r.key}`];
  }
}
