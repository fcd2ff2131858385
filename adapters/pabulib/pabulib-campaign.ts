/**
 * Campaigns ⇄ Pabulib elections: a real election imported as a campaign for a replay through
 * the engine, and a campaign's envelope exported as a `.pb` file with anonymised voter ids.
 */
import type { BallotRule, Campaign, Envelope, TallyMethod } from '../../core/campaign/campaign.ts';
import type { Outcome } from '../../core/domain/domain-error.ts';
import { done, refuse } from '../../core/domain/domain-error.ts';
import type { Idea } from '../../core/ideas/idea.ts';
import type { StoredBallot } from '../../core/ballots/ballot.ts';
import type { EnvelopeResult } from '../../core/ballots/results.ts';
import { Rational } from '../../core/tally/rational.ts';
import type { PabulibElection } from './pabulib-file.ts';
import { ruleFromName } from './to-instance.ts';

const DAY = 86_400_000;

/** A Pabulib election as a campaign, plus what the replay needs to map ids back. */
export interface ReplayPlan {
  readonly campaign: Campaign;
  /** Pabulib project ids, in file order, with their cost in minor units and a title. */
  readonly projects: ReadonlyArray<{ readonly pbId: string; readonly cost: number; readonly title: string }>;
  /** Ballots as lists of Pabulib project ids (with points for cumulative); empty ballots are left out. */
  readonly ballots: ReadonlyArray<{ readonly projects: readonly string[]; readonly points?: readonly number[] }>;
  readonly emptyBallots: number;
  readonly rule: string;
}

function int(meta: ReadonlyMap<string, string>, key: string): number | null {
  const v = meta.get(key);
  if (v === undefined || v.trim() === '') return null;
  const n = Number(v.trim());
  return Number.isSafeInteger(n) ? n : null;
}

function methodFor(rule: string, election: PabulibElection): TallyMethod | null {
  const r = ruleFromName(rule, election);
  if (r === null) return null;
  if (r.kind === 'greedy') {
    return { method: 'greedy', variant: r.variant ?? 'skip', threshold: r.threshold === undefined ? 0 : Number(r.threshold), tieBreak: 'lexico' };
  }
  return { method: 'mes', completion: r.completion ?? 'none', comparison: r.comparison ?? false, tieBreak: 'lexico' };
}

/**
 * Plans the replay of `election` under `rule` (default: its META rule). Refuses ballots the
 * engine has no rule for (ordinal, scoring) and amounts with more than two decimals.
 */
export function replayPlan(election: PabulibElection, rule: string | null, startAt: number): Outcome<ReplayPlan> {
  const meta = election.meta;
  const ruleName = rule ?? meta.get('rule') ?? 'unknown';
  const tally = methodFor(ruleName, election);
  if (tally === null) return refuse('replay.unknown_rule', { rule: ruleName });
  const cents = (r: Rational): number | null => {
    const c = r.mul(Rational.int(100));
    return c.isInteger() ? c.toNumber() : null;
  };
  const budget = cents(election.budget);
  if (budget === null) return refuse('replay.amount_precision', { what: 'budget' });
  const projects: Array<{ pbId: string; cost: number; title: string }> = [];
  const nameCol = election.projectColumns.findIndex((c) => c.toLowerCase() === 'name');
  for (const p of election.projects) {
    const cost = cents(p.cost);
    if (cost === null) return refuse('replay.amount_precision', { what: `project ${p.id}` });
    const name = nameCol >= 0 ? (p.values[nameCol] ?? '').trim() : '';
    projects.push({ pbId: p.id, cost, title: name });
  }
  let ballotRule: BallotRule;
  switch (election.voteType) {
    case 'approval': {
      const max = int(meta, 'max_length') ?? projects.length;
      const min = Math.max(1, Math.min(int(meta, 'min_length') ?? 1, max));
      ballotRule = { kind: 'approval', minChoices: min, maxChoices: Math.max(max, 1), allowChange: true };
      break;
    }
    case 'choose-1':
      ballotRule = { kind: 'single', allowChange: true };
      break;
    case 'cumulative': {
      const total = int(meta, 'max_sum_points');
      if (total === null) return refuse('replay.missing_meta', { key: 'max_sum_points' });
      ballotRule = { kind: 'cumulative', points: total, maxPerIdea: int(meta, 'max_points') ?? total, allowChange: true };
      break;
    }
    default:
      return refuse('replay.vote_type', { voteType: election.voteType });
  }
  const ballots = election.votes.filter((v) => v.projects.length > 0).map((v) => (v.points === undefined ? { projects: v.projects } : { projects: v.projects, points: v.points }));
  const maxCost = Math.max(1, ...projects.map((p) => p.cost));
  const t = (d: number) => startAt + d * DAY;
  const en = (s: string) => ({ en: s });
  const envelope: Envelope = { id: 'town', name: en('Budget'), area: null, amount: budget };
  const unit = meta.get('unit') ?? meta.get('description') ?? 'Pabulib election';
  const campaign: Campaign = {
    id: `replay-${(meta.get('instance') ?? 'pb').replace(/[^a-zA-Z0-9-]/g, '-').slice(0, 40)}`,
    name: en(unit.slice(0, 120)),
    defaultLocale: 'en',
    locales: ['en'],
    timeZone: 'UTC',
    population: Math.max(election.votes.length, 1),
    currency: /^[A-Z]{3}$/.test(meta.get('currency') ?? '') ? (meta.get('currency') as string) : 'EUR',
    currencyMinorUnits: 100,
    envelopes: [envelope],
    ideaCost: { min: 0, max: Math.max(maxCost, budget) },
    categories: [{ id: 'pb', name: en('Project') }],
    areas: [{ id: 'all', name: en('Everywhere'), postcodes: [] }],
    ageBands: [{ id: 'all', min: 0, max: null }],
    eligibility: { minimumAge: 0, areas: null, verification: 'none' },
    phases: {
      submission: { start: t(0), end: t(1) },
      review: { start: t(1), end: t(2) },
      voting: { start: t(2), end: t(3) },
      tallying: { start: t(3), end: t(4) },
      announced: { start: t(4), end: null },
    },
    ballot: ballotRule,
    tally,
    reviewCriteria: [{ id: 'other', label: en('Other') }],
    articles: [],
    schedules: { residentUpdate: '0 9 * * 1', mayorDigest: '0 8 * * 5', reminders: [] },
    digestRecipients: [],
    slack: { committee: 'C0', announcements: 'C0' },
    staff: [{ slackUserId: 'U-REPLAY', name: 'Replay', role: 'admin' }],
    privacy: { version: 'replay', url: en('https://pabulib.org') },
  };
  return done({ campaign, projects, ballots, emptyBallots: election.votes.length - ballots.length, rule: ruleName });
}

/** Money in minor units as a Pabulib decimal ("." separator, no trailing zeros). */
function decimal(minor: number, minorUnits: number): string {
  return Rational.of(BigInt(minor), BigInt(minorUnits)).toDecimal();
}

/**
 * One envelope of a counted campaign as a Pabulib election. Projects are the finalists
 * (`project_id` = idea number); voters get ids 1..n in voter-key order, which carries no
 * information about who they are.
 */
export function electionFromCampaign(campaign: Campaign, envelope: Envelope, finalists: readonly Idea[], ballots: readonly StoredBallot[], result: EnvelopeResult | null): PabulibElection {
  const byId = new Map(finalists.map((f) => [f.id, f]));
  const voteType = campaign.ballot.kind === 'single' ? 'choose-1' : campaign.ballot.kind === 'cumulative' ? 'cumulative' : 'approval';
  const rule = campaign.tally.method === 'greedy'
    ? campaign.tally.threshold > 0 ? 'greedy-threshold' : campaign.tally.variant === 'no-skip' ? 'greedy-no-skip' : 'greedy'
    : `equalshares${campaign.tally.completion === 'none' ? '' : `/${campaign.tally.completion}`}${campaign.tally.comparison ? '-comparison' : ''}`;
  const votes = new Map<string, number>();
  const scores = new Map<string, number>();
  for (const b of ballots) for (const c of b.choices) {
    votes.set(c.ideaId, (votes.get(c.ideaId) ?? 0) + 1);
    scores.set(c.ideaId, (scores.get(c.ideaId) ?? 0) + c.points);
  }
  const funded = new Set((result?.rows ?? []).filter((r) => r.funded).map((r) => r.ideaId));
  const sorted = [...finalists].sort((a, b) => a.number - b.number);
  const meta = new Map<string, string>([
    ['description', `Pnyx campaign ${campaign.id}, envelope ${envelope.id}`],
    ['country', ''],
    ['unit', campaign.name[campaign.defaultLocale] ?? campaign.id],
    ['instance', campaign.id],
    ['num_projects', String(sorted.length)],
    ['num_votes', String(ballots.length)],
    ['budget', decimal(envelope.amount, campaign.currencyMinorUnits)],
    ['vote_type', voteType],
    ['rule', rule],
    ['date_begin', new Date(campaign.phases.voting.start).toISOString().slice(0, 10)],
    ['date_end', new Date(campaign.phases.voting.end ?? campaign.phases.voting.start).toISOString().slice(0, 10)],
    ['currency', campaign.currency],
    ['language', campaign.defaultLocale],
  ]);
  if (campaign.ballot.kind === 'approval') {
    meta.set('min_length', String(campaign.ballot.minChoices));
    meta.set('max_length', String(campaign.ballot.maxChoices));
  }
  if (campaign.ballot.kind === 'cumulative') {
    meta.set('max_sum_points', String(campaign.ballot.points));
    meta.set('max_points', String(campaign.ballot.maxPerIdea));
  }
  if (campaign.tally.method === 'greedy' && campaign.tally.threshold > 0) meta.set('min_project_score_threshold', String(campaign.tally.threshold));
  const cumulative = voteType === 'cumulative';
  const projectColumns = cumulative ? ['project_id', 'cost', 'votes', 'score', 'name', 'selected'] : ['project_id', 'cost', 'votes', 'name', 'selected'];
  const projects = sorted.map((f) => {
    const id = String(f.number);
    const cost = Rational.of(BigInt(f.cost ?? 0), BigInt(campaign.currencyMinorUnits));
    const values = [id, cost.toDecimal(), String(votes.get(f.id) ?? 0), ...(cumulative ? [String(scores.get(f.id) ?? 0)] : []), f.title, funded.has(f.id) ? '1' : '0'];
    return { id, cost, values };
  });
  const ordered = [...ballots].sort((a, b) => (a.voterKey < b.voterKey ? -1 : a.voterKey > b.voterKey ? 1 : 0));
  const voteColumns = cumulative ? ['voter_id', 'vote', 'points'] : ['voter_id', 'vote'];
  const pbVotes = ordered.map((b, i) => {
    const choices = b.choices.filter((c) => byId.has(c.ideaId)).map((c) => ({ id: String(byId.get(c.ideaId)!.number), points: c.points }));
    if (cumulative) choices.sort((x, y) => y.points - x.points);
    const ids = choices.map((c) => c.id);
    const values = [String(i + 1), ids.join(','), ...(cumulative ? [choices.map((c) => String(c.points)).join(',')] : [])];
    return { voterId: String(i + 1), projects: ids, ...(cumulative ? { points: choices.map((c) => c.points) } : {}), values };
  });
  return { meta, budget: Rational.of(BigInt(envelope.amount), BigInt(campaign.currencyMinorUnits)), voteType, projectColumns, projects, voteColumns, votes: pbVotes };
}
