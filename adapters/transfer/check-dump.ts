/**
 * Checks every restore runs on a dump before writing anything, so a malformed dump is
 * refused whole instead of leaving a store that contradicts itself (an audit chain with a
 * gap, a current ballot without its version). Messages name counts and positions, never
 * a record's content.
 */
import { CHAT_STATE_MAX_BYTES, encodeChatState } from '../../core/ports/chat-state-store.ts';
import type { CampaignDump } from '../../core/ports/store-transfer.ts';
import { TransferRefusedError } from './transfer-error.ts';

function refuse(what: string): never {
  throw new TransferRefusedError('bad_dump', `not a valid campaign dump: ${what}; nothing was written`);
}

/** Throws `TransferRefusedError('bad_dump')` when `dump` cannot be restored faithfully. */
export function checkDump(dump: CampaignDump): void {
  if ((dump as { format?: unknown }).format !== 'pnyx-dump/2') refuse('format is not pnyx-dump/2');
  dump.audit.forEach((e, i) => {
    if (e.seq !== i + 1) refuse(`audit entry ${i + 1} has seq ${e.seq} (entries must run 1, 2, 3… in order)`);
  });
  let lastSeq = 0;
  for (const m of dump.outbox) {
    if (!Number.isSafeInteger(m.seq) || m.seq <= lastSeq) refuse(`outbox seq ${m.seq} after ${lastSeq} (seqs must increase)`);
    lastSeq = m.seq;
  }
  const refKeys = new Set<string>();
  const refMessages = new Set<string>();
  dump.messageRefs.forEach((r, i) => {
    const message = JSON.stringify([r.platform, r.chat, r.messageId]);
    if (refKeys.has(r.key) || refMessages.has(message)) refuse(`message reference ${i + 1} repeats a key or a platform message (each must be unique)`);
    refKeys.add(r.key);
    refMessages.add(message);
  });
  const maxNumber = dump.ideas.reduce((n, i) => Math.max(n, i.number), 0);
  if (!Number.isSafeInteger(dump.nextIdeaNumber) || dump.nextIdeaNumber <= maxNumber) {
    refuse(`nextIdeaNumber ${dump.nextIdeaNumber} is not above the highest idea number ${maxNumber}`);
  }
  const versions = new Set(dump.ballotVersions.map((b) => `${b.slot}\n${b.voterKey}\n${b.version}`));
  dump.ballots.forEach((b, i) => {
    if (!versions.has(`${b.slot}\n${b.voterKey}\n${b.version}`)) refuse(`current ballot ${i + 1} has no matching entry in ballotVersions`);
  });
  const maxQuestion = dump.questions.reduce((n, q) => Math.max(n, q.number), 0);
  if (!Number.isSafeInteger(dump.nextQuestionNumber) || dump.nextQuestionNumber <= maxQuestion) {
    refuse(`nextQuestionNumber ${dump.nextQuestionNumber} is not above the highest question number ${maxQuestion}`);
  }
  // A thread is restored in order (Redis appends to a list): seqs must run 1, 2, 3… per question.
  const threadSeq = new Map(dump.questions.map((q) => [q.id, 0]));
  dump.questionMessages.forEach((m, i) => {
    const last = threadSeq.get(m.questionId);
    if (last === undefined) refuse(`question message ${i + 1} is for a question the dump does not hold`);
    if (m.seq !== last + 1) refuse(`question message ${i + 1} has seq ${m.seq} after ${last} (seqs must run 1, 2, 3… per question)`);
    threadSeq.set(m.questionId, m.seq);
  });
  // A dump written before broadcasts existed has none (the format string is bumped on merge).
  if (!Array.isArray((dump as { broadcasts?: unknown }).broadcasts)) refuse('broadcasts is not a list');
  const broadcastIds = new Set<string>();
  dump.broadcasts.forEach((b, i) => {
    if (broadcastIds.has(b.id)) refuse(`broadcast ${i + 1} repeats an id`);
    broadcastIds.add(b.id);
    if (b.status !== 'fanning_out' && b.total !== b.queued) refuse(`broadcast ${i + 1} is past fan-out but its total differs from its queued count`);
  });
  // A dump written before phone claims existed has none (the format string is bumped on merge).
  if (!Array.isArray((dump as { phoneClaims?: unknown }).phoneClaims)) refuse('phoneClaims is not a list');
  const phoneKeys = new Set<string>();
  dump.phoneClaims.forEach((c, i) => {
    if (typeof c.phoneKey !== 'string' || c.phoneKey === '' || typeof c.holder !== 'string' || c.holder === '') refuse(`phone claim ${i + 1} has no phone key or no holder`);
    if (phoneKeys.has(c.phoneKey)) refuse(`phone claim ${i + 1} repeats a phone key`);
    phoneKeys.add(c.phoneKey);
    if (!Number.isSafeInteger(c.claimedAt)) refuse(`phone claim ${i + 1} has no whole claim instant`);
  });
  const ideas = new Set(dump.ideas.map((i) => i.id));
  dump.supports.forEach((s, i) => {
    if (!ideas.has(s.ideaId)) refuse(`support ${i + 1} is for an idea the dump does not hold`);
  });
  const chatKeys = new Set<string>();
  dump.chatState.forEach((c, i) => {
    if (typeof c.key !== 'string' || typeof c.owner !== 'string' || c.owner === '') refuse(`chat state entry ${i + 1} has no key or no owner`);
    if (chatKeys.has(c.key)) refuse(`chat state entry ${i + 1} repeats a key`);
    chatKeys.add(c.key);
    if (!Number.isSafeInteger(c.expiresAt)) refuse(`chat state entry ${i + 1} has no expiry instant`);
    if (c.value === undefined || encodeChatState(c.value).bytes > CHAT_STATE_MAX_BYTES) refuse(`chat state entry ${i + 1} is empty or over ${CHAT_STATE_MAX_BYTES} bytes`);
  });
  dump.processed.forEach((p, i) => {
    if (p.state !== 'in_progress' && p.state !== 'done') refuse(`processed update ${i + 1} is neither in_progress nor done`);
    if (!Number.isSafeInteger(p.expiresAt)) refuse(`processed update ${i + 1} has no whole expiry instant`);
  });
}

/** True when the dump holds nothing at all (a store that was never used). */
export function isEmptyDump(dump: CampaignDump): boolean {
  return (
    dump.phaseState === null &&
    dump.results === null &&
    dump.secretCheck === null &&
    dump.nextIdeaNumber <= 1 &&
    dump.nextQuestionNumber <= 1 &&
    [dump.residents, dump.codes, dump.phoneClaims, dump.ideas, dump.supports, dump.questions, dump.questionMessages, dump.ballots, dump.ballotVersions, dump.outbox, dump.messageRefs, dump.audit, dump.processed, dump.chatState, dump.broadcasts].every(
      (s) => s.length === 0,
    )
  );
}
