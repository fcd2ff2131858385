/**
 * Ballot rules (SPEC §2.3) as pure functions: which envelope an idea or a resident belongs
 * to, and whether a ballot is valid for the campaign's rule.
 */
import type { BallotRule, Campaign, Envelope } from '../campaign/campaign.ts';
import type { Outcome } from '../domain/domain-error.ts';
import { done, refuse } from '../domain/domain-error.ts';
import type { BallotChoice, BallotSlot } from './ballot.ts';

/** The envelope an idea competes in: its area's envelope, else the town-wide one. */
export function envelopeForIdea(campaign: Pick<Campaign, 'envelopes'>, ideaArea: string | null): Envelope | null {
  if (ideaArea !== null) {
    const own = campaign.envelopes.find((e) => e.area === ideaArea);
    if (own !== undefined) return own;
  }
  return campaign.envelopes.find((e) => e.area === null) ?? null;
}

/** The envelopes a resident votes in, by slot: their area's, and the town-wide one. */
export function slotsForResident(campaign: Pick<Campaign, 'envelopes'>, area: string | null): ReadonlyArray<{ slot: BallotSlot; envelope: Envelope }> {
  const out: Array<{ slot: BallotSlot; envelope: Envelope }> = [];
  const town = campaign.envelopes.find((e) => e.area === null);
  const own = area === null ? undefined : campaign.envelopes.find((e) => e.area === area);
  if (own !== undefined) out.push({ slot: 'area', envelope: own });
  if (town !== undefined) out.push({ slot: 'town', envelope: town });
  return out;
}

/** A finalist as the ballot rules see it. */
export interface Candidate {
  readonly id: string;
  /** Minor units. */
  readonly cost: number;
}

/** Raw choices from a person: idea ids with points (ignored except for `cumulative`). */
export interface ChoiceInput {
  readonly ideaId: string;
  readonly points?: number;
}

/** Lists at most this long are scanned; longer ones are indexed first (`validateBallot`). */
const SCAN_MAX = 16;

/** The candidate `id`, from `index` when one was built, else by a scan. */
function candidate(candidates: readonly Candidate[], index: ReadonlyMap<string, Candidate> | null, id: string): Candidate | undefined {
  if (index !== null) return index.get(id);
  for (const c of candidates) if (c.id === id) return c;
  return undefined;
}

/** One point for each id (every rule but `cumulative`). */
function onePointEach(ids: readonly string[]): BallotChoice[] {
  return ids.map((ideaId) => ({ ideaId, points: 1 }));
}

/**
 * Validates choices for `rule` in `envelope` among its `candidates` (the finalists of that
 * envelope). Returns the normalised ballot (sorted by idea id, points 1 except cumulative).
 */
export function validateBallot(rule: BallotRule, envelope: Envelope, candidates: readonly Candidate[], input: readonly ChoiceInput[]): Outcome<BallotChoice[]> {
  if (input.length === 0) return refuse('ballot.empty', {});
  // This runs on every vote: with a few finalists and a short ballot, scans cost less than
  // building a map and a set each time. A long list (a ballot's length is the sender's
  // choice, not the rule's) is indexed, so the checks never grow with the product of both.
  const index = candidates.length > SCAN_MAX || input.length > SCAN_MAX ? new Map(candidates.map((c) => [c.id, c])) : null;
  const seen = input.length > SCAN_MAX ? new Set<string>() : null;
  const ids: string[] = [];
  for (const c of input) {
    if (candidate(candidates, index, c.ideaId) === undefined) return refuse('ballot.unknown_idea', { idea: c.ideaId });
    if (seen === null ? ids.includes(c.ideaId) : seen.has(c.ideaId)) return refuse('ballot.duplicate_choice', { idea: c.ideaId });
    seen?.add(c.ideaId);
    ids.push(c.ideaId);
  }
  ids.sort();
  switch (rule.kind) {
    case 'single':
      if (ids.length !== 1) return refuse('ballot.single_one', { count: ids.length });
      return done(onePointEach(ids));
    case 'approval':
      if (ids.length < rule.minChoices) return refuse('ballot.too_few', { min: rule.minChoices, count: ids.length });
      if (ids.length > rule.maxChoices) return refuse('ballot.too_many', { max: rule.maxChoices, count: ids.length });
      return done(onePointEach(ids));
    case 'knapsack': {
      let total = 0;
      for (const id of ids) total += candidate(candidates, index, id)?.cost ?? 0;
      if (total > envelope.amount) return refuse('ballot.over_budget', { total, budget: envelope.amount, over: total - envelope.amount });
      return done(onePointEach(ids));
    }
    case 'cumulative': {
      let sum = 0;
      const points = new Map<string, number>();
      for (const c of input) {
        const p = c.points ?? 0;
        if (!Number.isSafeInteger(p) || p < 1) return refuse('ballot.points_invalid', { idea: c.ideaId });
        if (p > rule.maxPerIdea) return refuse('ballot.points_per_idea', { max: rule.maxPerIdea, idea: c.ideaId });
        sum += p;
        points.set(c.ideaId, p);
      }
      if (sum > rule.points) return refuse('ballot.too_many_points', { max: rule.points, total: sum });
      return done(ids.map((ideaId) => ({ ideaId, points: points.get(ideaId) ?? 0 })));
    }
  }
}
