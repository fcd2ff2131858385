import type { BallotBox, CastOutcome, CastRequest } from '../../../core/ports/ballot-box.ts';
import type { SideRecords } from '../../../core/ports/side-records.ts';
import type { BallotSlot, StoredBallot } from '../../../core/ballots/ballot.ts';
import { applySide, frozenCopy, roundTrip } from './memory-state.ts';
import type { MemoryHandle } from './memory-state.ts';

/**
 * In-memory `BallotBox`. A cast is judged in this order, in one synchronous step:
 * 1. `requestId` already recorded for this voter key and slot → `duplicate` with the ballot
 *    that request stored (even if the voting has closed or the ballot was replaced since);
 * 2. `at >= closesAt` → `closed`;
 * 3. a ballot exists and `allowReplace` is false → `exists`;
 * 4. record version `current + 1` (choices sorted by idea id), with the side records.
 * Request ids are one namespace per voter key and slot, as the port defines (and as the
 * SQLite table's unique key and the Redis ballot hash hold them).
 */
export class MemoryBallotBox implements BallotBox {
  constructor(private readonly handle: MemoryHandle) {}

  async cast(request: CastRequest, side: SideRecords): Promise<CastOutcome> {
    await roundTrip();
    const s = this.handle.open();
    const requestKey = castRequestKey(request.voterKey, request.slot, request.requestId);
    const earlier = s.castRequests.get(requestKey);
    if (earlier !== undefined) return { status: 'duplicate', ballot: earlier };
    if (request.at >= request.closesAt) return { status: 'closed' };
    if (request.phaseVersion !== undefined && request.phaseVersion !== null && (s.phase?.version ?? 0) !== request.phaseVersion) return { status: 'stale' };
    const key = ballotKey(request.voterKey, request.slot);
    const current = s.ballots.get(key);
    if (current !== undefined && !request.allowReplace) return { status: 'exists', ballot: current };
    const ballot: StoredBallot = frozenCopy({
      voterKey: request.voterKey,
      slot: request.slot,
      envelopeId: request.envelopeId,
      choices: [...request.choices].sort((a, b) => (a.ideaId < b.ideaId ? -1 : a.ideaId > b.ideaId ? 1 : 0)),
      version: (current?.version ?? 0) + 1,
      receipt: request.receipt,
      castAt: request.at,
      assisted: request.assisted,
      requestId: request.requestId,
    });
    s.ballots.set(key, ballot);
    s.castRequests.set(requestKey, ballot);
    applySide(s, side);
    return { status: 'recorded', ballot, replaced: current !== undefined };
  }

  async get(voterKey: string, slot: BallotSlot): Promise<StoredBallot | null> {
    await roundTrip();
    return this.handle.open().ballots.get(ballotKey(voterKey, slot)) ?? null;
  }

  async list(envelopeId: string): Promise<readonly StoredBallot[]> {
    await roundTrip();
    const ballots = [...this.handle.open().ballots.values()].filter((b) => b.envelopeId === envelopeId);
    ballots.sort((a, b) => (a.voterKey < b.voterKey ? -1 : a.voterKey > b.voterKey ? 1 : a.slot < b.slot ? -1 : 1));
    return Object.freeze(ballots);
  }

  async countByEnvelope(): Promise<Readonly<Record<string, number>>> {
    await roundTrip();
    const counts: Record<string, number> = {};
    for (const b of this.handle.open().ballots.values()) counts[b.envelopeId] = (counts[b.envelopeId] ?? 0) + 1;
    return Object.freeze(counts);
  }

  async countVoters(): Promise<number> {
    await roundTrip();
    return new Set([...this.handle.open().ballots.values()].map((b) => b.voterKey)).size;
  }

  /** Counted from the current ballots (the fake's reference answer; the real stores keep a counter). */
  async countAssisted(): Promise<number> {
    await roundTrip();
    let n = 0;
    for (const b of this.handle.open().ballots.values()) if (b.assisted) n++;
    return n;
  }
}

function ballotKey(voterKey: string, slot: BallotSlot): string {
  return `${voterKey}\u0000${slot}`;
}

function castRequestKey(voterKey: string, slot: BallotSlot, requestId: string): string {
  return `${voterKey}\u0000${slot}\u0000${requestId}`;
}
