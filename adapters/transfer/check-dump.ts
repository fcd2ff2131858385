/**
 * Checks every restore runs on a dump before writing anything, so a malformed dump is
 * refused whole instead of leaving a store that contradicts itself (an audit chain with a
 * gap, a current ballot without its version). Messages name counts and positions, never
 * a record's content.
 */
import type { CampaignDump } from '../../core/ports/store-transfer.ts';
import { TransferRefusedError } from './transfer-error.ts';

function refuse(what: string): never {
  throw new TransferRefusedError('bad_dump', `not a valid campaign dump: ${what}; nothing was written`);
}

/** Throws `TransferRefusedError('bad_dump')` when `dump` cannot be restored faithfully. */
export function checkDump(dump: CampaignDump): void {
  if ((dump as { format?: unknown }).format !== 'pnyx-dump/1') refuse('format is not pnyx-dump/1');
  dump.audit.forEach((e, i) => {
    if (e.seq !== i + 1) refuse(`audit entry ${i + 1} has seq ${e.seq} (entries must run 1, 2, 3… in order)`);
  });
  let lastSeq = 0;
  for (const m of dump.outbox) {
    if (!Number.isSafeInteger(m.seq) || m.seq <= lastSeq) refuse(`outbox seq ${m.seq} after ${lastSeq} (seqs must increase)`);
    lastSeq = m.seq;
  }
  const maxNumber = dump.ideas.reduce((n, i) => Math.max(n, i.number), 0);
  if (!Number.isSafeInteger(dump.nextIdeaNumber) || dump.nextIdeaNumber <= maxNumber) {
    refuse(`nextIdeaNumber ${dump.nextIdeaNumber} is not above the highest idea number ${maxNumber}`);
  }
  const versions = new Set(dump.ballotVersions.map((b) => `${b.slot}\n${b.voterKey}\n${b.version}`));
  dump.ballots.forEach((b, i) => {
    if (!versions.has(`${b.slot}\n${b.voterKey}\n${b.version}`)) refuse(`current ballot ${i + 1} has no matching entry in ballotVersions`);
  });
  const ideas = new Set(dump.ideas.map((i) => i.id));
  dump.supports.forEach((s, i) => {
    if (!ideas.has(s.ideaId)) refuse(`support ${i + 1} is for an idea the dump does not hold`);
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
    [dump.residents, dump.codes, dump.ideas, dump.supports, dump.ballots, dump.ballotVersions, dump.outbox, dump.audit, dump.processed].every((s) => s.length === 0)
  );
}
