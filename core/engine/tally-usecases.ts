/**
 * The count (SPEC §2.3): each envelope's finalists and ballots go through the campaign's
 * tally method (core/tally, exact arithmetic); results are stored and finalists become
 * winners or not funded. `computeResults` is pure reading, so `pnyx tally` can reproduce a
 * stored result without changing anything.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../audit/audit-chain.ts';
import type { BallotRule } from '../campaign/campaign.ts';
import type { Outcome } from '../domain/domain-error.ts';
import { done, refuse } from '../domain/domain-error.ts';
import type { EnvelopeResult, ResultRow, StoredResults } from '../ballots/results.ts';
import type { Idea } from '../ideas/idea.ts';
import { setFundingOutcome } from '../ideas/idea-rules.ts';
import type { TallyBallot, TallyInstance, VoteType } from '../tally/tally-instance.ts';
import { ruleLabel, tally, tallyOptionsFromMethod } from '../tally/tally.ts';
import { Rational } from '../tally/rational.ts';
import type { Explanation } from '../tally/tally-outcome.ts';
import type { SideRecords } from '../ports/side-records.ts';
import type { EngineDeps } from './engine-deps.ts';
import { CONFLICT_RETRIES } from './engine-deps.ts';
import { finalistsByEnvelope } from './ballot-usecases.ts';
import { requirePhase } from './phase-usecases.ts';

function voteTypeOf(rule: BallotRule): VoteType {
  switch (rule.kind) {
    case 'single':
      return 'choose-1';
    case 'approval':
    case 'knapsack':
      return 'approval';
    case 'cumulative':
      return 'cumulative';
  }
}

/** The tally instance of one envelope: finalists in number order, identical ballots grouped. */
export async function envelopeInstance(deps: EngineDeps, envelopeId: string, finalists: readonly Idea[]): Promise<{ instance: TallyInstance; ballots: number }> {
  const envelope = deps.campaign.envelopes.find((e) => e.id === envelopeId);
  if (envelope === undefined) throw new Error(`unknown envelope ${envelopeId}`);
  // Projects are named by idea number in the count: ties broken "by id" then follow the
  // public numbers, and a `.pb` export (project_id = number) recounts to the same result.
  const numberOf = new Map(finalists.map((f) => [f.id, String(f.number)]));
  const groups = new Map<string, { projects: string[]; points: number[]; count: number }>();
  const stored = await deps.stores.ballots.list(envelopeId);
  for (const b of stored) {
    const choices = b.choices.filter((c) => numberOf.has(c.ideaId));
    const key = choices.map((c) => `${c.ideaId}:${c.points}`).join(',');
    const g = groups.get(key);
    if (g !== undefined) g.count++;
    else groups.set(key, { projects: choices.map((c) => numberOf.get(c.ideaId)!), points: choices.map((c) => c.points), count: 1 });
  }
  const voteType = voteTypeOf(deps.campaign.ballot);
  const ballots: TallyBallot[] = [...groups.values()].map((g) => (voteType === 'cumulative' ? { projects: g.projects, points: g.points, count: g.count } : { projects: g.projects, count: g.count }));
  const sorted = [...finalists].sort((a, b) => a.number - b.number);
  // Count in major units (exactly: minor / minorUnits), so rule parameters such as Add1's
  // "one currency unit per voter" mean what they mean in Pabulib and the literature.
  const unit = BigInt(deps.campaign.currencyMinorUnits);
  const major = (minor: number): Rational => Rational.of(BigInt(minor), unit);
  return {
    instance: { budget: major(envelope.amount), projects: sorted.map((f) => ({ id: String(f.number), cost: major(f.cost ?? 0), name: f.title })), ballots, voteType },
    ballots: stored.length,
  };
}

/** Counts every envelope with the campaign's method; changes nothing. */
export async function computeResults(deps: EngineDeps): Promise<Outcome<StoredResults>> {
  const unit = Rational.int(deps.campaign.currencyMinorUnits);
  const toMinor = (major: Rational): number => major.mul(unit).toNumber();
  const MONEY = new Set(['cost', 'left', 'needed', 'money', 'share', 'endowment', 'paid', 'spent']);
  const reasonInMinor = (r: Explanation): ResultRow['reason'] => ({
    code: r.code,
    params: Object.fromEntries(
      Object.entries(r.params).map(([k, v]) => {
        if (!MONEY.has(k) || typeof v !== 'string') return [k, v];
        const q = Rational.parse(v);
        return [k, q === null ? v : q.mul(unit).toDecimal(2)];
      }),
    ),
  });
  const options = tallyOptionsFromMethod(deps.campaign.tally);
  const byEnvelope = await finalistsByEnvelope(deps);
  const envelopes: EnvelopeResult[] = [];
  for (const envelope of deps.campaign.envelopes) {
    const finalists = byEnvelope.get(envelope.id) ?? [];
    const { instance, ballots } = await envelopeInstance(deps, envelope.id, finalists);
    const outcome = tally(instance, options);
    if (outcome.status === 'tie') return refuse('tally.tie', { envelope: envelope.id, tied: outcome.tied.join(',') });
    const byId = new Map(finalists.map((f) => [String(f.number), f]));
    const scores = new Map<string, { score: number; voters: number }>();
    for (const b of instance.ballots) {
      b.projects.forEach((p, i) => {
        const s = scores.get(p) ?? { score: 0, voters: 0 };
        const pts = b.points?.[i] ?? 1;
        scores.set(p, { score: s.score + pts * (b.count ?? 1), voters: s.voters + (b.count ?? 1) });
      });
    }
    const rank = new Map(outcome.selected.map((id, i) => [id, i + 1]));
    const seen = new Set<string>();
    const rows: ResultRow[] = [];
    for (const round of outcome.rounds) {
      if (seen.has(round.project)) continue; // a completion may revisit a project; keep its first decision line
      seen.add(round.project);
      const idea = byId.get(round.project);
      if (idea === undefined) continue;
      const funded = rank.has(round.project);
      rows.push({
        ideaId: idea.id,
        number: idea.number,
        title: idea.title,
        score: scores.get(round.project)?.score ?? 0,
        voters: scores.get(round.project)?.voters ?? 0,
        cost: idea.cost ?? 0,
        funded,
        decision: funded ? 'funded' : round.decision === 'ineligible' ? 'ineligible' : 'skipped',
        left: toMinor(round.left),
        rank: rank.get(round.project) ?? null,
        reason: reasonInMinor(round.reason),
      });
    }
    for (const idea of finalists) {
      const t = String(idea.number);
      if (seen.has(t)) continue;
      rows.push({ ideaId: idea.id, number: idea.number, title: idea.title, score: scores.get(t)?.score ?? 0, voters: scores.get(t)?.voters ?? 0, cost: idea.cost ?? 0, funded: rank.has(t), decision: rank.has(t) ? 'funded' : 'skipped', left: 0, rank: rank.get(t) ?? null, reason: { code: 'tally.not_considered', params: {} } });
    }
    const spent = toMinor(outcome.spent);
    envelopes.push({ envelopeId: envelope.id, budget: envelope.amount, spent, left: envelope.amount - spent, ballots, rows });
  }
  return done({ computedAt: deps.clock.now(), method: ruleLabel(options.rule), tieBreak: deps.campaign.tally.tieBreak, envelopes });
}

/**
 * A short fingerprint of what a count decided (method, tie-break, every envelope's rows):
 * the same for two runs over the same ballots, whenever they ran.
 */
export function resultsFingerprint(results: StoredResults): string {
  const { computedAt: _when, ...decided } = results;
  return createHash('sha256').update(canonicalJson(decided)).digest('hex').slice(0, 24);
}

/**
 * Runs the count in the tallying phase, marks each finalist `winner` or `not_funded`, then
 * stores the results. Re-running gives the same results (idempotent), and the committee's
 * notice is keyed by the results' fingerprint, so a re-run does not notify twice. When an
 * idea cannot be marked after CONFLICT_RETRIES version conflicts the results are *not*
 * stored: `tally.busy` with the number of such ideas (running it again finishes the job).
 */
export async function runTally(deps: EngineDeps, actor: string): Promise<Outcome<StoredResults>> {
  const now = deps.clock.now();
  const phase = await requirePhase(deps, ['tallying'], 'tally', now);
  if (!phase.ok) return phase;
  const results = await computeResults(deps);
  if (!results.ok) return results;
  const funded = new Set(results.value.envelopes.flatMap((e) => e.rows.filter((r) => r.funded).map((r) => r.ideaId)));
  let unsettled = 0;
  for (const idea of await deps.stores.ideas.list({ states: ['finalist', 'winner', 'not_funded'] })) {
    let settled = false;
    for (let i = 0; i < CONFLICT_RETRIES && !settled; i++) {
      const fresh = await deps.stores.ideas.get(idea.id);
      const next = fresh === null ? null : setFundingOutcome(fresh, funded.has(fresh.id), now);
      // Gone, moved out of the count's states, or already marked: nothing to write.
      if (fresh === null || next === null || !next.ok || next.value.state === fresh.state) settled = true;
      else settled = (await deps.stores.ideas.save(next.value, fresh.version, {})) === 'saved';
    }
    if (!settled) unsettled++;
  }
  if (unsettled > 0) return refuse('tally.busy', { unsettled });
  const fingerprint = resultsFingerprint(results.value);
  const side: SideRecords = {
    audit: [
      {
        at: now,
        actor,
        action: 'tally.computed',
        subject: `campaign:${deps.campaign.id}`,
        data: { method: results.value.method, fingerprint, envelopes: results.value.envelopes.map((e) => ({ id: e.envelopeId, ballots: e.ballots, spent: e.spent, funded: e.rows.filter((r) => r.funded).map((r) => r.number) })) },
        assisted: false,
      },
    ],
    outbox: [{ key: `tally:${fingerprint}:committee`, recipient: { kind: 'committee' }, template: 'committee.tally_computed', params: { method: results.value.method }, notBefore: now }],
  };
  await deps.stores.campaign.saveResults(results.value, side);
  return results;
}

/** How one of a resident's ballots fared: each chosen idea, funded or not, and why. */
export interface BallotFate {
  readonly slot: 'town' | 'area';
  readonly envelopeId: string;
  readonly receipt: string;
  readonly items: ReadonlyArray<{ readonly ideaId: string; readonly number: number; readonly title: string; readonly funded: boolean; readonly reason: ResultRow['reason'] }>;
}

/** After the count: how the resident's ballots fared (SPEC §2.5), from the stored results. */
export async function explainMyBallots(deps: EngineDeps, residentId: string): Promise<Outcome<readonly BallotFate[]>> {
  const results = await deps.stores.campaign.loadResults();
  if (results === null) return refuse('results.not_yet', {});
  const key = deps.keys.ballotKey(residentId);
  const out: BallotFate[] = [];
  for (const slot of ['area', 'town'] as const) {
    const ballot = await deps.stores.ballots.get(key, slot);
    if (ballot === null) continue;
    const env = results.envelopes.find((e) => e.envelopeId === ballot.envelopeId);
    const rows = new Map((env?.rows ?? []).map((r) => [r.ideaId, r]));
    out.push({
      slot,
      envelopeId: ballot.envelopeId,
      receipt: ballot.receipt,
      items: ballot.choices.map((c) => {
        const row = rows.get(c.ideaId);
        return {
          ideaId: c.ideaId,
          number: row?.number ?? 0,
          title: row?.title ?? '',
          funded: row?.funded ?? false,
          reason: row?.reason ?? { code: 'tally.not_considered', params: {} },
        };
      }),
    });
  }
  return done(out);
}
