/**
 * The plan of a simulated campaign, drawn from the seed before anything runs: who the
 * synthetic residents are (age band, area, language, when they register, whether an
 * ambassador helps them, whether they vote), which ideas they submit, what the committee
 * will decide, and who supports what. The runner then plays it on the engine.
 */
import type { Campaign, Envelope } from '../../core/campaign/campaign.ts';
import type { SeededRandom } from '../../adapters/system/index.ts';
import type { IdeaText } from './synthetic-content.ts';
import { ideaText } from './synthetic-content.ts';

/** One minute in ms. */
export const MINUTE = 60_000;
/** One hour in ms. */
export const HOUR = 60 * MINUTE;
/** One day in ms (the simulation ignores daylight-saving days). */
export const DAY = 24 * HOUR;

/** A synthetic resident. `id` and `code` are filled in when the runner registers them. */
export interface SimResident {
  readonly index: number;
  /** Telegram user id; null for a resident registered by an ambassador (no Telegram). */
  readonly telegramId: number | null;
  readonly locale: string;
  readonly ageBand: string;
  readonly area: string;
  readonly registerAt: number;
  readonly ambassador: boolean;
  /** The ambassador who registers (and may vote with) this resident. */
  readonly helper: SimResident | null;
  /** When they vote (null: they do not). */
  readonly voteAt: number | null;
  /** When they change their vote (null: they do not). */
  readonly replaceAt: number | null;
  id: string | null;
  code: string | null;
}

/** What the committee will do with an idea. */
export type PlannedOutcome = 'eligible' | 'changes' | 'rejected' | 'merged' | 'withdrawn';

/** A synthetic idea. `id` is filled in once submitted. */
export interface SimIdea {
  readonly key: number;
  readonly author: SimResident;
  /** Submitted by the author's ambassador on their behalf. */
  readonly assisted: boolean;
  readonly envelope: Envelope;
  readonly area: string | null;
  readonly category: string;
  readonly text: IdeaText;
  /** Minor units; null = "don't know" (staff estimate it). */
  readonly cost: number | null;
  /** The cost staff will estimate when the author did not know. */
  readonly estimate: number;
  /** How much residents like it (supports and votes follow it). */
  readonly appeal: number;
  readonly submitAt: number;
  readonly outcome: PlannedOutcome;
  readonly moderateAt: number;
  readonly moderator: string;
  readonly criterion: string | null;
  readonly rewrite: 'accept' | 'decline' | null;
  id: string | null;
}

/** A planned support. */
export interface SimSupport {
  readonly resident: SimResident;
  readonly idea: SimIdea;
  readonly at: number;
}

/** The whole plan. */
export interface SimulationPlan {
  readonly residents: readonly SimResident[];
  readonly ambassadors: readonly SimResident[];
  readonly ideas: readonly SimIdea[];
  readonly supports: readonly SimSupport[];
  /** Slack id of the admin who gives roles and issues codes (null: no admin configured). */
  readonly admin: string | null;
  /** Staff ids, in configuration order. */
  readonly staff: readonly string[];
  /** When the committee selects finalists. */
  readonly finalistsAt: number;
  readonly tallyAt: number;
  /** Setup (codes, ambassadors) happens from here, before submission opens. */
  readonly setupAt: number;
  /** The instant of the closing digest. */
  readonly endAt: number;
}

function between(rng: SeededRandom, from: number, to: number): number {
  return to <= from ? from : from + Math.floor(rng.next() * (to - from));
}

/** Weights with a seeded wobble, so each seed has its own mix of areas and ages. */
function wobble(rng: SeededRandom, base: readonly number[]): number[] {
  return base.map((w) => w * (0.7 + rng.next() * 0.6));
}

/** Ideas for `residents`: about 45 per 800 (the Bertrix seed), at least 5 per envelope. */
export function ideaCount(campaign: Campaign, residents: number): number {
  return Math.max(Math.round((45 * residents) / 800), 5 * campaign.envelopes.length, 6);
}

/** Draws the plan of a campaign with `count` residents. */
export function planSimulation(campaign: Campaign, count: number, rng: SeededRandom): SimulationPlan {
  const ph = campaign.phases;
  const subEnd = ph.submission.end ?? ph.review.start;
  const voteEnd = ph.voting.end ?? ph.tallying.start;
  const setupAt = ph.submission.start - DAY;
  const lateRegistrationEnd = ph.voting.start + Math.floor((voteEnd - ph.voting.start) / 2);

  const bands = campaign.ageBands.filter((b) => b.max === null || b.max >= campaign.eligibility.minimumAge);
  const bandWeights = wobble(rng, bands.map((_, i) => 1 + Math.min(i, bands.length - 1 - i) + (i === 0 ? -0.4 : 0)));
  const areas = campaign.areas.filter((a) => campaign.eligibility.areas === null || campaign.eligibility.areas.includes(a.id));
  const areaWeights = wobble(rng, areas.map((_, i) => (i === 0 ? 3 : 1)));
  const others = campaign.locales.filter((l) => l !== campaign.defaultLocale);

  const staff = campaign.staff.map((s) => s.slackUserId);
  const admin = campaign.staff.find((s) => s.role === 'admin')?.slackUserId ?? null;
  const ambassadorCount = admin === null ? 0 : Math.max(2, Math.round(count / 200));
  const assistedCount = ambassadorCount === 0 ? 0 : Math.max(2, Math.round(count * 0.03));
  const turnout = 0.52 + rng.next() * 0.16;

  const residents: SimResident[] = [];
  const ambassadors: SimResident[] = [];
  for (let i = 0; i < count; i++) {
    const ambassador = i < ambassadorCount;
    const assisted = !ambassador && i >= count - assistedCount;
    let registerAt: number;
    if (ambassador) registerAt = setupAt + i * MINUTE;
    else if (rng.chance(0.8)) registerAt = between(rng, ph.submission.start + HOUR, subEnd - DAY);
    else registerAt = between(rng, subEnd, lateRegistrationEnd);
    const votes = rng.chance(assisted ? 0.5 : turnout);
    const voteFrom = Math.max(registerAt, ph.voting.start) + HOUR;
    const voteAt = votes && voteFrom < voteEnd - 3 * HOUR ? between(rng, voteFrom, voteEnd - 3 * HOUR) : null;
    const replaceAt = voteAt !== null && !assisted && campaign.ballot.allowChange && rng.chance(0.06) ? between(rng, voteAt + HOUR, voteEnd - HOUR) : null;
    const r: SimResident = {
      index: i,
      telegramId: assisted ? null : 910_000_000 + i,
      locale: others.length > 0 && rng.chance(0.3) ? rng.pick(others) : campaign.defaultLocale,
      ageBand: bands[rng.weighted(bandWeights)]?.id ?? '',
      area: areas[rng.weighted(areaWeights)]?.id ?? '',
      registerAt,
      ambassador,
      helper: assisted ? (ambassadors[i % ambassadors.length] ?? null) : null,
      voteAt,
      replaceAt,
      id: null,
      code: null,
    };
    residents.push(r);
    if (ambassador) ambassadors.push(r);
  }

  const ideas = planIdeas(campaign, residents, rng, { subEnd, reviewStart: ph.review.start, staff });
  const supports = planSupports(residents, ideas, rng, subEnd);
  const reviewEnd = ph.review.end ?? ph.voting.start;
  return {
    residents,
    ambassadors,
    ideas,
    supports,
    admin,
    staff,
    finalistsAt: Math.min(ph.review.start + 3 * DAY, ph.review.start + Math.floor((reviewEnd - ph.review.start) / 2)),
    tallyAt: ph.tallying.start + 2 * HOUR,
    setupAt,
    endAt: ph.announced.start + HOUR,
  };
}

function planIdeas(campaign: Campaign, residents: readonly SimResident[], rng: SeededRandom, at: { subEnd: number; reviewStart: number; staff: readonly string[] }): SimIdea[] {
  const n = ideaCount(campaign, residents.length);
  const early = (r: SimResident) => r.registerAt < at.subEnd - 2 * DAY;
  const authors = residents.filter((r) => r.telegramId !== null && early(r));
  const assistedAuthors = residents.filter((r) => r.helper !== null && early(r));
  if (authors.length === 0) return [];
  const hasAreaEnvelopes = campaign.envelopes.some((e) => e.area !== null);
  const step = 50 * campaign.currencyMinorUnits;
  const ideas: SimIdea[] = [];
  for (let key = 0; key < n; key++) {
    const envelope = key < 5 * campaign.envelopes.length ? (campaign.envelopes[key % campaign.envelopes.length] as Envelope) : (campaign.envelopes[rng.weighted(campaign.envelopes.map((e) => e.amount))] as Envelope);
    const assisted = assistedAuthors.length > 0 && rng.chance(0.07);
    const author = assisted ? rng.pick(assistedAuthors) : rng.pick(authors);
    const area = envelope.area ?? (hasAreaEnvelopes ? null : rng.chance(0.75) ? author.area : null);
    const place = campaign.areas.find((a) => a.id === (area ?? author.area)) ?? campaign.areas[0];
    const placeName = place === undefined ? campaign.id : (place.name[author.locale] ?? place.name[campaign.defaultLocale] ?? place.id);
    const category = rng.pick(campaign.categories).id;
    const max = Math.min(campaign.ideaCost.max, envelope.amount);
    const min = Math.min(campaign.ideaCost.min, max);
    const raw = min + (max - min) * Math.pow(rng.next(), 2.2);
    const cost = Math.min(max, Math.max(min, Math.round(raw / step) * step));
    const dontKnow = rng.chance(0.1);
    const submitAt = between(rng, Math.max(author.registerAt, campaign.phases.submission.start) + HOUR, at.subEnd - DAY);
    const roll = rng.next();
    let outcome: PlannedOutcome = 'eligible';
    if (roll < 0.03) outcome = 'withdrawn';
    else if (roll < 0.15) outcome = 'rejected';
    else if (roll < 0.22 && key >= 2) outcome = 'merged';
    else if (roll < 0.34 && submitAt < at.subEnd - 8 * DAY) outcome = 'changes';
    const moderateAt = Math.min(submitAt + 6 * HOUR + Math.floor(rng.next() * 3 * DAY), at.reviewStart + DAY);
    ideas.push({
      key,
      author,
      assisted,
      envelope,
      area,
      category,
      text: ideaText(rng, author.locale, category, placeName),
      cost: dontKnow ? null : cost,
      estimate: cost,
      appeal: 0.3 + 2 * Math.pow(rng.next(), 3),
      submitAt,
      outcome,
      moderateAt,
      moderator: at.staff[key % Math.max(1, at.staff.length)] ?? '',
      criterion: outcome === 'rejected' && campaign.reviewCriteria.length > 0 ? rng.pick(campaign.reviewCriteria).id : null,
      rewrite: outcome === 'eligible' && !assisted && rng.chance(0.18) ? (rng.chance(0.7) ? 'accept' : 'decline') : null,
      id: null,
    });
  }
  return ideas;
}

function planSupports(residents: readonly SimResident[], ideas: readonly SimIdea[], rng: SeededRandom, subEnd: number): SimSupport[] {
  const out: SimSupport[] = [];
  const open = ideas.filter((i) => i.submitAt < subEnd - 2 * HOUR);
  for (const r of residents) {
    if (r.telegramId === null || r.registerAt >= subEnd - DAY) continue;
    const n = rng.weighted([0.3, 0.3, 0.2, 0.12, 0.08]);
    const pool = open.filter((i) => i.author !== r);
    for (let k = 0; k < n && pool.length > 0; k++) {
      const idx = rng.weighted(pool.map((i) => i.appeal));
      const idea = pool[idx] as SimIdea;
      pool.splice(idx, 1);
      const from = Math.max(r.registerAt, idea.submitAt) + HOUR;
      // The bot offers no support button once an idea is withdrawn, rejected or merged.
      const until = idea.outcome === 'withdrawn' ? idea.submitAt + 2 * HOUR : idea.outcome === 'rejected' || idea.outcome === 'merged' ? Math.min(idea.moderateAt, subEnd - MINUTE) : subEnd - MINUTE;
      if (from >= until) continue;
      out.push({ resident: r, idea, at: between(rng, from, until) });
    }
  }
  return out;
}
