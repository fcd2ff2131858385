/**
 * Plays a simulation plan on the engine, in time order, on a stepping clock: registration
 * (some assisted by ambassadors with one-time codes), submissions, supports, moderation
 * (eligible, changes requested then resubmitted, rejected with a criterion, merged), staff
 * rewrites and cost estimates, finalist selection, phase moves (`tick` at each window),
 * ballots (some replaced, some assisted), the tally and the announcement. Every action goes
 * through the engine's use cases, exactly as the messengers will call them.
 */
import type { Campaign } from '../../core/campaign/campaign.ts';
import type { CampaignEngine } from '../../core/engine/campaign-engine.ts';
import type { Outcome } from '../../core/domain/domain-error.ts';
import type { StoredResults } from '../../core/ballots/results.ts';
import type { ParticipationFigures } from '../../core/figures/participation-figures.ts';
import type { Idea } from '../../core/ideas/idea.ts';
import type { ModerationDecision } from '../../core/ideas/idea-rules.ts';
import type { SeededRandom, SteppingClock } from '../../adapters/system/index.ts';
import { chooseBallot, likings } from './choose-ballot.ts';
import type { SimIdea, SimResident, SimulationPlan } from './plan.ts';
import { DAY, HOUR } from './plan.ts';
import { resubmittedText, rewriteText } from './synthetic-content.ts';

/** What happened, counted as it ran. */
export interface SimulationReport {
  registrations: number;
  assistedRegistrations: number;
  ambassadors: number;
  codesIssued: number;
  ideas: number;
  assistedIdeas: number;
  supports: number;
  withdrawn: number;
  costsEstimated: number;
  moderation: Record<'eligible' | 'changes_requested' | 'resubmitted' | 'rejected' | 'merged', number>;
  rewrites: { proposed: number; accepted: number; declined: number };
  finalists: number;
  ballots: { cast: number; assisted: number; replaced: number };
  /** Refused actions by `action → code` (expected ones too, e.g. a support on a rejected idea). */
  refusals: Map<string, number>;
  results: StoredResults | null;
  figures: ParticipationFigures | null;
}

interface SimEvent {
  readonly at: number;
  readonly seq: number;
  readonly run: () => Promise<void>;
}

const MERGEABLE = new Set(['submitted', 'resubmitted', 'eligible', 'changes_requested']);

/** Runs `plan` on `engine`; `rng` draws the voters' and the committee's choices as they happen. */
export async function runSimulation(campaign: Campaign, engine: CampaignEngine, clock: SteppingClock, plan: SimulationPlan, rng: SeededRandom): Promise<SimulationReport> {
  const report: SimulationReport = {
    registrations: 0,
    assistedRegistrations: 0,
    ambassadors: 0,
    codesIssued: 0,
    ideas: 0,
    assistedIdeas: 0,
    supports: 0,
    withdrawn: 0,
    costsEstimated: 0,
    moderation: { eligible: 0, changes_requested: 0, resubmitted: 0, rejected: 0, merged: 0 },
    rewrites: { proposed: 0, accepted: 0, declined: 0 },
    finalists: 0,
    ballots: { cast: 0, assisted: 0, replaced: 0 },
    refusals: new Map(),
    results: null,
    figures: null,
  };
  const events: SimEvent[] = [];
  const at = (when: number, run: () => Promise<void>) => events.push({ at: when, seq: events.length, run });
  function ok<T>(o: Outcome<T>, action: string): T | null {
    if (o.ok) return o.value;
    const key = `${action} → ${o.code}`;
    report.refusals.set(key, (report.refusals.get(key) ?? 0) + 1);
    return null;
  }
  const appeal = new Map<string, number>();
  const admin = plan.admin;

  // Setup: the town issues one-time codes, the ambassadors register and get their role.
  const needsCodes = plan.residents.filter((r) => r.helper !== null || (campaign.eligibility.verification === 'code' && r.telegramId !== null));
  at(plan.setupAt, async () => {
    for (let i = 0; i < needsCodes.length; i += 10_000) {
      const codes = ok(await engine.issueCodes(admin === null ? 'system:cli' : `staff:${admin}`, Math.min(10_000, needsCodes.length - i)), 'issue codes') ?? [];
      codes.forEach((code, k) => {
        (needsCodes[i + k] as SimResident).code = code;
      });
      report.codesIssued += codes.length;
    }
  });
  for (const r of plan.residents) at(r.registerAt, () => (r.helper === null ? register(r) : registerAssisted(r)));
  if (admin !== null) {
    at(plan.setupAt + HOUR, async () => {
      for (const a of plan.ambassadors) if (a.id !== null && ok(await engine.setRole(admin, a.id, 'ambassador'), 'give ambassador role') !== null) report.ambassadors++;
    });
  }

  async function register(r: SimResident): Promise<void> {
    const opened = await engine.openResident(r.telegramId as number, `Resident ${r.index}`, r.locale);
    for (const answer of [
      { step: 'language', locale: r.locale },
      { step: 'consent', accepted: true },
      { step: 'age', band: r.ageBand },
      { step: 'area', area: r.area },
    ] as const) {
      if (ok(await engine.answerRegistration(opened.id, answer), `registration (${answer.step})`) === null) return;
    }
    const mode = campaign.eligibility.verification;
    // One phone verifies one account: each simulated resident has a number of their own.
    if (mode === 'phone' && ok(await engine.verifyByPhone(opened.id, `+32${r.telegramId as number}`), 'verification (phone)') === null) return;
    if (mode === 'code' && ok(await engine.verifyByCode(opened.id, r.code ?? ''), 'verification (code)') === null) return;
    r.id = opened.id;
    report.registrations++;
  }

  async function registerAssisted(r: SimResident): Promise<void> {
    const helper = r.helper as SimResident;
    if (helper.id === null) return;
    const done = ok(await engine.registerAssisted(helper.id, { code: r.code ?? '', locale: r.locale, ageBand: r.ageBand, area: r.area, displayName: `Resident ${r.index}` }), 'assisted registration');
    if (done === null) return;
    r.id = done.id;
    report.registrations++;
    report.assistedRegistrations++;
  }

  // Ideas: submission, supports, withdrawals, estimates, rewrites, moderation.
  for (const idea of plan.ideas) scheduleIdea(idea);
  for (const s of plan.supports) {
    at(s.at, async () => {
      if (s.resident.id === null || s.idea.id === null) return;
      if (ok(await engine.supportIdea(s.resident.id, s.idea.id, true), 'support') !== null) report.supports++;
    });
  }

  function scheduleIdea(idea: SimIdea): void {
    at(idea.submitAt, async () => {
      const author = idea.author;
      if (author.id === null) return;
      const input = { title: idea.text.title, description: idea.text.description, category: idea.category, area: idea.area, cost: idea.cost };
      const done = ok(await engine.submitIdea(author.id, input, idea.assisted ? (author.helper?.id ?? null) : null), 'submit idea');
      if (done === null) return;
      idea.id = done.id;
      appeal.set(done.id, idea.appeal);
      report.ideas++;
      if (idea.assisted) report.assistedIdeas++;
    });
    if (idea.outcome === 'withdrawn') {
      at(idea.submitAt + 2 * HOUR, async () => {
        if (idea.id !== null && idea.author.id !== null && ok(await engine.withdrawIdea(idea.author.id, idea.id), 'withdraw idea') !== null) report.withdrawn++;
      });
      return;
    }
    if (idea.cost === null && (idea.outcome === 'eligible' || idea.outcome === 'changes')) {
      at(idea.moderateAt - HOUR, async () => {
        if (idea.id !== null && ok(await engine.estimateCost(idea.moderator, idea.id, idea.estimate), 'estimate cost') !== null) report.costsEstimated++;
      });
    }
    if (idea.rewrite !== null) {
      const better = rewriteText(idea.author.locale, idea.text);
      at(idea.moderateAt - 4 * HOUR, async () => {
        if (idea.id === null) return;
        if (ok(await engine.proposeRewrite(idea.moderator, idea.id, better.title, better.description, 'A clearer card gets more support.'), 'propose rewrite') !== null) report.rewrites.proposed++;
      });
      at(idea.moderateAt - 2 * HOUR, async () => {
        if (idea.id === null || idea.author.id === null) return;
        const accept = idea.rewrite === 'accept';
        if (ok(await engine.answerRewrite(idea.author.id, idea.id, accept), 'answer rewrite') !== null) report.rewrites[accept ? 'accepted' : 'declined']++;
      });
    }
    at(idea.moderateAt, () => moderateFirst(idea));
    if (idea.outcome === 'changes') {
      const resubmitAt = idea.moderateAt + DAY + Math.floor(rng.fork(`resubmit:${idea.key}`).next() * 2 * DAY);
      at(resubmitAt, async () => {
        if (idea.id === null || idea.author.id === null) return;
        const card = await engine.ideaCard(idea.id);
        if (!card.ok || card.value.idea.state !== 'changes_requested') return;
        const cur = card.value.idea;
        const text = resubmittedText(idea.author.locale, { title: cur.title, description: cur.description });
        if (ok(await engine.resubmitIdea(idea.author.id, idea.id, { ...text, category: cur.category, area: cur.area, cost: cur.cost }), 'resubmit idea') !== null) report.moderation.resubmitted++;
      });
      at(resubmitAt + DAY, () => decide(idea, { outcome: 'eligible', comment: 'Thank you for the changes.' }));
    }
  }

  async function moderateFirst(idea: SimIdea): Promise<void> {
    switch (idea.outcome) {
      case 'eligible':
        return decide(idea, { outcome: 'eligible', comment: null });
      case 'changes':
        return decide(idea, { outcome: 'changes_requested', comment: 'Please say where exactly, and detail the cost.' });
      case 'rejected':
        return decide(idea, idea.criterion === null ? { outcome: 'eligible', comment: null } : { outcome: 'rejected', criterion: idea.criterion, comment: 'It does not meet this review criterion.' });
      case 'merged': {
        const into = await mergeTarget(idea);
        return decide(idea, into === null ? { outcome: 'eligible', comment: null } : { outcome: 'merged', into, comment: 'Very close to an earlier idea; merged so supports add up.' });
      }
      case 'withdrawn':
        return;
    }
  }

  /** An earlier idea of the same envelope still open to a merge, preferably of the same category. */
  async function mergeTarget(idea: SimIdea): Promise<string | null> {
    const open: SimIdea[] = [];
    for (const other of plan.ideas) {
      if (other.key >= idea.key || other.id === null || other.envelope.id !== idea.envelope.id) continue;
      const card = await engine.ideaCard(other.id);
      if (card.ok && MERGEABLE.has(card.value.idea.state)) open.push(other);
    }
    return (open.find((o) => o.category === idea.category) ?? open[0])?.id ?? null;
  }

  async function decide(idea: SimIdea, decision: ModerationDecision): Promise<void> {
    if (idea.id === null) return;
    const card = await engine.ideaCard(idea.id);
    if (!card.ok) return;
    if (ok(await engine.moderateIdea(idea.moderator, idea.id, card.value.idea.version, decision), `moderate (${decision.outcome})`) !== null) report.moderation[decision.outcome]++;
  }

  // Review: the committee picks the most supported eligible ideas of each envelope.
  at(plan.finalistsAt, async () => {
    const by = admin ?? plan.staff[0] ?? '';
    for (const envelope of campaign.envelopes) {
      const eligible: Array<{ idea: Idea; supports: number }> = [];
      for (const i of plan.ideas) {
        if (i.id === null || i.envelope.id !== envelope.id) continue;
        const card = await engine.ideaCard(i.id);
        if (card.ok && card.value.idea.state === 'eligible') eligible.push(card.value);
      }
      eligible.sort((a, b) => b.supports - a.supports || a.idea.number - b.idea.number);
      const take = Math.min(eligible.length, Math.max(2, Math.min(10, Math.ceil(eligible.length * 0.6))));
      for (const { idea } of eligible.slice(0, take)) if (ok(await engine.selectFinalist(by, idea.id, true), 'select finalist') !== null) report.finalists++;
    }
  });

  // Voting: every planned voter fills in each ballot they have; a few change their mind.
  for (const r of plan.residents) {
    if (r.voteAt !== null) at(r.voteAt, () => vote(r, 1));
    if (r.replaceAt !== null) at(r.replaceAt, () => vote(r, 2));
  }

  async function vote(r: SimResident, attempt: number): Promise<void> {
    if (r.id === null) return;
    const options = ok(await engine.ballotOptions(r.id), 'ballot options');
    if (options === null) return;
    const voter = rng.fork(`vote:${r.index}:${attempt}`);
    for (const option of options) {
      const finalists = option.finalists.filter((f) => f.state === 'finalist');
      const choices = chooseBallot(voter, campaign.ballot, option.envelope, likings(voter, finalists, (id) => appeal.get(id) ?? 1, r.area));
      if (choices === null) continue;
      const requestId = `sim:${r.index}:${option.slot}:${attempt}`;
      const helper = r.helper;
      const cast =
        helper !== null && helper.id !== null && r.code !== null
          ? ok(await engine.castAssistedBallot(helper.id, r.code, option.slot, choices, requestId), 'assisted ballot')
          : ok(await engine.castBallot(r.id, option.slot, choices, requestId), 'ballot');
      if (cast === null) continue;
      if (cast.replaced) report.ballots.replaced++;
      else report.ballots.cast++;
      if (cast.ballot.assisted) report.ballots.assisted++;
    }
  }

  // Phase moves: the scheduler's tick at each window's start.
  for (const p of ['submission', 'review', 'voting', 'tallying', 'announced'] as const) at(campaign.phases[p].start, async () => void (await engine.tick()));
  at(plan.tallyAt, async () => {
    report.results = ok(await engine.runTally(admin === null ? 'system:cli' : `staff:${admin}`), 'tally');
  });
  at(plan.endAt, async () => {
    await engine.tick();
    report.figures = await engine.digestFigures();
  });

  events.sort((a, b) => a.at - b.at || a.seq - b.seq);
  for (const e of events) {
    clock.set(Math.max(clock.now(), e.at));
    await e.run();
  }
  return report;
}
