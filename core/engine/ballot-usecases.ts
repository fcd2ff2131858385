/**
 * Ballot use cases (SPEC §2.3, §2.4): what a resident may vote on, casting and replacing
 * (judged against the clock, stored atomically under the pseudonymous voter key),
 * assisted ballots confirmed by the resident's one-time code, and "my ballot".
 */
import type { Envelope } from '../campaign/campaign.ts';
import type { Outcome } from '../domain/domain-error.ts';
import { done, refuse } from '../domain/domain-error.ts';
import type { BallotSlot, StoredBallot } from '../ballots/ballot.ts';
import type { Candidate, ChoiceInput } from '../ballots/ballot-rules.ts';
import { envelopeForIdea, slotsForResident, validateBallot } from '../ballots/ballot-rules.ts';
import type { Idea } from '../ideas/idea.ts';
import type { Resident } from '../residents/resident.ts';
import type { SideRecords } from '../ports/side-records.ts';
import type { EngineDeps } from './engine-deps.ts';
import { ELIGIBLE_MAX, ELIGIBLE_TTL_MS } from './engine-deps.ts';
import type { PhaseStatus } from '../phases/phase-machine.ts';
import { initialPhaseState, phaseStatus } from '../phases/phase-machine.ts';

/** Guard facts for a status inside the recorded phase, where no guard is consulted. */
const NO_FACTS_NEEDED = { finalists: 0, tallied: false } as const;
import type { PhaseState } from '../phases/phase-state.ts';
import type { VotingStatus } from '../ballots/voting-status.ts';
import { votingDaysLeft } from '../ballots/voting-status.ts';
import { requirePhase } from './phase-usecases.ts';
import { eligibilityOf, requireEligible, residentByCode } from './resident-usecases.ts';
import { ambassadorRef } from './actor-refs.ts';

/** A ballot a resident can fill in: its slot, envelope and finalists. */
export interface BallotOption {
  readonly slot: BallotSlot;
  readonly envelope: Envelope;
  readonly finalists: readonly Idea[];
  readonly current: StoredBallot | null;
}

/** The finalists of each envelope, by envelope id. */
export async function finalistsByEnvelope(deps: EngineDeps): Promise<Map<string, Idea[]>> {
  const out = new Map<string, Idea[]>();
  for (const idea of await deps.stores.ideas.list({ states: ['finalist', 'winner', 'not_funded'] })) {
    const env = envelopeForIdea(deps.campaign, idea.area);
    if (env === null) continue;
    const list = out.get(env.id) ?? [];
    list.push(idea);
    out.set(env.id, list);
  }
  return out;
}

/** Finalists by envelope while voting is open: read once per process (they are frozen then). */
function votingFinalists(deps: EngineDeps): Promise<Map<string, Idea[]>> {
  if (deps.cache === undefined) return finalistsByEnvelope(deps);
  if (deps.cache.votingFinalists === undefined) {
    const loading = finalistsByEnvelope(deps);
    deps.cache.votingFinalists = loading;
    loading.catch(() => {
      if (deps.cache?.votingFinalists === loading) delete deps.cache.votingFinalists;
    });
  }
  return deps.cache.votingFinalists;
}

/** A ballot a resident can fill in, without the ballot they may have cast in it. */
export type BallotSlotOption = Omit<BallotOption, 'current'>;

/**
 * The ballots this resident can fill in (their area's envelope and the town-wide one), with
 * the finalists but without reading the ballots already cast: what a press that only changes
 * a selection needs (`ballotOptions` adds them). `known`: the resident's record as the caller
 * read it for this same request (the bot reads it once per update), judged instead of reading
 * it again; ignored if it is someone else's.
 */
export async function ballotSlots(deps: EngineDeps, residentId: string, known?: Resident): Promise<Outcome<readonly BallotSlotOption[]>> {
  const r = known !== undefined && known.id === residentId ? eligibilityOf(deps, known) : await requireEligible(deps, residentId);
  if (!r.ok) return r;
  // While voting is open the finalists are frozen: the ballot builder asks on every press,
  // so it reads them once per process then (as the cast does), and fresh at any other time.
  const now = deps.clock.now();
  const voting = openOnCachedPhase(deps, now) ?? (await votingPhase(deps, now, false));
  const finalists = voting.ok ? await votingFinalists(deps) : await finalistsByEnvelope(deps);
  return done(slotsForResident(deps.campaign, r.value.area).map(({ slot, envelope }) => ({ slot, envelope, finalists: finalists.get(envelope.id) ?? [] })));
}

/** The ballots this resident can cast, each with the ballot they cast in it (if any). `known`: see {@link ballotSlots}. */
export async function ballotOptions(deps: EngineDeps, residentId: string, known?: Resident): Promise<Outcome<readonly BallotOption[]>> {
  const slots = await ballotSlots(deps, residentId, known);
  if (!slots.ok) return slots;
  const key = deps.keys.ballotKey(residentId);
  // The slots' ballots are read side by side: one round trip of latency, not one per slot.
  return done(await Promise.all(slots.value.map(async (o): Promise<BallotOption> => ({ ...o, current: await deps.stores.ballots.get(key, o.slot) }))));
}

/** What a cast returns to the person. */
export interface CastResult {
  readonly ballot: StoredBallot;
  /** An earlier ballot was replaced. */
  readonly replaced: boolean;
  /** The same request had already been recorded (a re-send): nothing changed. */
  readonly duplicate: boolean;
}

/** One vote to record: who, in which slot, what, under which request id, helped by whom. */
interface CastInput {
  readonly resident: Resident;
  readonly slot: BallotSlot;
  readonly choices: readonly ChoiceInput[];
  readonly requestId: string;
  readonly assistedBy: string | null;
  /** The instant the vote is judged at. */
  readonly now: number;
}

/** A phase judgement: already made (judged on the cached phase state), or under way. */
type PhaseCheck = Outcome<JudgedPhase> | Promise<Outcome<JudgedPhase>>;

async function cast(deps: EngineDeps, input: CastInput, phaseCheck: PhaseCheck = votingPhase(deps, input.now, false)): Promise<Outcome<CastResult>> {
  for (let attempt = 0; ; attempt++) {
    const judged = attempt > 0 ? await votingPhase(deps, input.now, true) : phaseCheck instanceof Promise ? await phaseCheck : phaseCheck;
    if (!judged.ok) return judged;
    const r = await castJudged(deps, input, judged.value);
    if (r !== 'stale') return r;
    // The phase state moved between reading and casting (a staff move): judge again, fresh.
    if (attempt >= 2) return refuse('voting.busy', {});
  }
}

const candidateMemo = new WeakMap<readonly Idea[], readonly Candidate[]>();

/** The finalists of an envelope as ballot candidates (memoised with the finalist list). */
function candidatesOf(finalists: readonly Idea[]): readonly Candidate[] {
  let c = candidateMemo.get(finalists);
  if (c === undefined) {
    c = finalists.filter((i) => i.state === 'finalist').map((i) => ({ id: i.id, cost: i.cost ?? 0 }));
    candidateMemo.set(finalists, c);
  }
  return c;
}

/**
 * `requireEligible`, reusing a recent positive answer (see EngineCache.eligible). An answer
 * is remembered only when `voting` (the cast's phase check) finds voting open: the area a
 * resident votes in is fixed from then on (`answerRegistration`), so the memo never outlives it.
 */
async function eligibleVoter(deps: EngineDeps, residentId: string, voting: PhaseCheck): Promise<Outcome<Resident>> {
  const cache = deps.cache;
  const now = Date.now(); // cache bookkeeping only, never a judgement about the campaign
  const hit = cache?.eligible?.get(residentId);
  if (hit !== undefined && hit.until > now) return done(hit.resident);
  // requireEligible without its own async step (this is on the path of every vote).
  const r = eligibilityOf(deps, await deps.stores.residents.get(residentId));
  // A failed phase check is reported where the cast awaits it; here it only means "forget".
  if (r.ok && cache !== undefined && (voting instanceof Promise ? (await voting.catch(() => null))?.ok === true : voting.ok)) {
    const map = (cache.eligible ??= new Map());
    if (map.size >= ELIGIBLE_MAX) {
      // Maps iterate in insertion order: drop the oldest half.
      let dropped = 0;
      for (const key of map.keys()) {
        map.delete(key);
        if (++dropped >= ELIGIBLE_MAX / 2) break;
      }
    }
    map.set(residentId, { resident: r.value, until: now + ELIGIBLE_TTL_MS });
  }
  return r;
}

/** The voting phase as judged at `now`, and the phase-state version it was judged on. */
interface JudgedPhase {
  readonly status: PhaseStatus;
  readonly version: number;
}

/**
 * Judges "is voting open" against the clock. Reuses the phase state this process last read
 * for a vote (see EngineCache.phase) unless `fresh`; the cast then carries its version, so a
 * stale judgement is refused by the store and never counted.
 */
async function votingPhase(deps: EngineDeps, now: number, fresh: boolean): Promise<Outcome<JudgedPhase>> {
  const cached = fresh ? undefined : deps.cache?.phase;
  const open = fresh ? null : openOnCachedPhase(deps, now);
  if (open !== null) return open;
  let version: number;
  let state: PhaseState;
  if (cached === undefined) {
    const loaded = await deps.stores.campaign.loadPhaseState();
    version = loaded?.version ?? 0;
    state = loaded?.value ?? initialPhaseState(deps.campaign);
    if (deps.cache !== undefined) {
      if (loaded === null) delete deps.cache.phase;
      else deps.cache.phase = { value: loaded.value, version: loaded.version };
    }
  } else {
    version = cached.version;
    state = cached.value;
  }
  const status = await requirePhase(deps, ['voting'], 'voting', now, state);
  if (!status.ok) {
    if (cached !== undefined) return votingPhase(deps, now, true); // a refusal is always judged on fresh state
    return status;
  }
  return done({ status: status.value, version });
}

/**
 * The usual case, judged on the spot without a store read or a promise: voting recorded in
 * the cached phase state (EngineCache.phase) and its window still open at `now`. Null
 * otherwise (then `votingPhase` judges, reading the store when it must).
 */
function openOnCachedPhase(deps: EngineDeps, now: number): Outcome<JudgedPhase> | null {
  const cached = deps.cache?.phase;
  if (cached === undefined || cached.value.phase !== 'voting') return null;
  const status = phaseStatus(cached.value, now, NO_FACTS_NEEDED);
  return status.kind === 'open' && status.phase === 'voting' ? done({ status, version: cached.version }) : null;
}

/** Records a vote judged open on `judged`; `stale` when the phase state has moved since. */
async function castJudged(deps: EngineDeps, input: CastInput, judged: JudgedPhase): Promise<Outcome<CastResult> | 'stale'> {
  const { resident, slot, choices, requestId, assistedBy, now } = input;
  const status = judged.status;
  if (status.kind !== 'open' || status.closesAt === null) return refuse('voting.closed', {});
  const closesAt = status.closesAt;
  const option = slotsForResident(deps.campaign, resident.area).find((o) => o.slot === slot);
  if (option === undefined) return refuse('ballot.no_such_ballot', { slot });
  const candidates = candidatesOf((await votingFinalists(deps)).get(option.envelope.id) ?? []);
  const valid = validateBallot(deps.campaign.ballot, option.envelope, candidates, choices);
  if (!valid.ok) return valid;
  const side: SideRecords =
    assistedBy === null
      ? {}
      : { audit: [{ at: now, actor: ambassadorRef(deps, assistedBy), action: 'ballot.assisted', subject: `envelope:${option.envelope.id}`, data: { slot }, assisted: true }] };
  const r = await deps.stores.ballots.cast(
    {
      voterKey: deps.keys.ballotKey(resident.id),
      slot,
      envelopeId: option.envelope.id,
      choices: valid.value,
      requestId,
      receipt: deps.ids.receiptCode(),
      at: now,
      closesAt,
      allowReplace: deps.campaign.ballot.allowChange,
      assisted: assistedBy !== null,
      phaseVersion: judged.version,
    },
    side,
  );
  switch (r.status) {
    case 'recorded':
      return done({ ballot: r.ballot, replaced: r.replaced, duplicate: false });
    case 'duplicate':
      return done({ ballot: r.ballot, replaced: false, duplicate: true });
    case 'closed':
      return refuse('voting.closed', { closedAt: closesAt });
    case 'stale':
      if (deps.cache !== undefined) delete deps.cache.phase;
      return 'stale';
    case 'exists':
      return refuse('ballot.already_cast', { receipt: r.ballot.receipt });
  }
}

/**
 * A resident casts (or replaces) their ballot in `slot`. `requestId` makes re-sends safe:
 * use the Telegram update id or the callback query id.
 */
export async function castBallot(deps: EngineDeps, residentId: string, slot: BallotSlot, choices: readonly ChoiceInput[], requestId: string): Promise<Outcome<CastResult>> {
  const now = deps.clock.now();
  // The resident and the phase are read side by side: one round trip of latency, not two —
  // and usually the phase needs no read at all.
  const phaseCheck = openOnCachedPhase(deps, now) ?? votingPhase(deps, now, false);
  if (phaseCheck instanceof Promise) phaseCheck.catch(() => undefined); // handled where awaited; never an unhandled rejection
  const r = await eligibleVoter(deps, residentId, phaseCheck);
  if (!r.ok) return r;
  return cast(deps, { resident: r.value, slot, choices, requestId, assistedBy: null, now }, phaseCheck);
}

/**
 * An ambassador's assisted ballot for a resident without Telegram: it counts only with the
 * resident's own one-time code, and is cast under that resident's voter key (one ballot per
 * slot, like anyone). Flagged in the audit log.
 */
export async function castAssistedBallot(
  deps: EngineDeps,
  ambassadorId: string,
  residentCode: string,
  slot: BallotSlot,
  choices: readonly ChoiceInput[],
  requestId: string,
): Promise<Outcome<CastResult>> {
  const amb = await deps.stores.residents.get(ambassadorId);
  if (amb === null || (amb.role !== 'ambassador' && amb.role !== 'staff')) return refuse('ambassador.not_ambassador', {});
  const who = await residentByCode(deps, residentCode);
  if (!who.ok) return who;
  const eligible = await requireEligible(deps, who.value.id);
  if (!eligible.ok) return eligible;
  return cast(deps, { resident: eligible.value, slot, choices, requestId, assistedBy: ambassadorId, now: deps.clock.now() });
}

/**
 * Where the resident stands in the vote now (VotingStatus), for a message judged at send time:
 * a vote reminder (sent only while they have not voted) and the weekly update's "N days left,
 * you have not voted yet". Voting is judged on fresh phase state — a process that only
 * delivers casts nothing, so a cached state would never be corrected by a refused cast — and
 * against the clock. A ballot the resident can fill in is their area's envelope and the
 * town-wide one, each only when it has finalists; `voted` is a ballot in any slot (the rule
 * the reminder's fan-out applies, `hasVotedIn`). Eligibility is not judged: like a reminder,
 * the status speaks to every subscribed resident. Four reads at most (phase, resident, two
 * ballots; the finalists are read once per process while voting is open).
 */
export async function votingStatus(deps: EngineDeps, residentId: string): Promise<VotingStatus> {
  const now = deps.clock.now();
  const judged = await votingPhase(deps, now, true);
  if (!judged.ok || judged.value.status.kind !== 'open' || judged.value.status.closesAt === null) return { open: false };
  const closesAt = judged.value.status.closesAt;
  const key = deps.keys.ballotKey(residentId);
  const [resident, finalists, area, town] = await Promise.all([deps.stores.residents.get(residentId), votingFinalists(deps), deps.stores.ballots.get(key, 'area'), deps.stores.ballots.get(key, 'town')]);
  const held: Record<BallotSlot, boolean> = { area: area !== null, town: town !== null };
  const open = slotsForResident(deps.campaign, resident?.area ?? null).filter((o) => (finalists.get(o.envelope.id) ?? []).some((i) => i.state === 'finalist'));
  return {
    open: true,
    closesAt,
    daysLeft: votingDaysLeft(closesAt, now, deps.campaign.timeZone),
    ballots: open.length,
    cast: open.filter((o) => held[o.slot]).length,
    voted: held.area || held.town,
  };
}

/** The resident's current ballots (theirs to see; never shown to staff). */
export async function myBallots(deps: EngineDeps, residentId: string): Promise<readonly StoredBallot[]> {
  const key = deps.keys.ballotKey(residentId);
  const all = await Promise.all([deps.stores.ballots.get(key, 'area'), deps.stores.ballots.get(key, 'town')]);
  return all.filter((b): b is StoredBallot => b !== null);
}
