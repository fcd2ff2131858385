/**
 * Participation figures for the mayor's digest and the weekly update (SPEC §2.5), as a pure
 * function of a snapshot. Week-over-week deltas compare [now−7d, now) with [now−14d, now−7d).
 */
import type { Campaign } from '../campaign/campaign.ts';
import type { Idea, IdeaState } from '../ideas/idea.ts';
import { AWAITING_REVIEW } from '../ideas/idea.ts';
import type { Resident } from '../residents/resident.ts';
import type { PhaseStatus } from '../phases/phase-machine.ts';

export const WEEK_MS = 7 * 24 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

/** A count this week with last week's for comparison. */
export interface WeeklyCount {
  readonly thisWeek: number;
  readonly lastWeek: number;
  /** thisWeek − lastWeek. */
  readonly delta: number;
}

export interface ParticipationFigures {
  readonly at: number;
  readonly population: number;
  /** Residents who completed registration. */
  readonly registered: number;
  /** registered / population × 100, one decimal. */
  readonly registeredPercent: number;
  readonly newRegistrations: WeeklyCount;
  readonly byAgeBand: Readonly<Record<string, number>>;
  readonly byArea: Readonly<Record<string, number>>;
  /** Registered with an ambassador's help. */
  readonly assistedRegistrations: number;
  readonly ideasByCategory: Readonly<Record<string, number>>;
  readonly ideasByState: Readonly<Partial<Record<IdeaState, number>>>;
  readonly newIdeas: WeeklyCount;
  /**
   * Registrations and ideas per week over the last SERIES_WEEKS weeks, oldest first (index
   * SERIES_WEEKS−1 is [now−7d, now)) — the digest's "over time" chart. Ballots carry no time
   * in the snapshot (only counts per envelope), so votes are not charted over time.
   */
  readonly registrationsByWeek: readonly number[];
  readonly ideasByWeek: readonly number[];
  readonly assistedIdeas: number;
  /** Ideas awaiting a committee decision. */
  readonly backlog: number;
  /** Wait of the oldest idea in the backlog, in ms (0 when empty). */
  readonly oldestWaitMs: number;
  readonly ballotsByEnvelope: Readonly<Record<string, number>>;
  readonly voters: number;
  /**
   * Current ballots cast with an ambassador's help (assisted ballots that count, confirmed
   * by the resident's one-time code; SPEC §2.4). A ballot the resident later replaced with
   * their own counts no more.
   */
  readonly assistedBallots: number;
  /** voters / registered × 100, one decimal (0 when nobody registered). */
  readonly turnoutPercent: number;
  readonly phase: string | null;
  /** Next milestone: the phase that opens next and when. */
  readonly nextMilestone: { readonly phase: string; readonly at: number } | null;
  /** Whole days until the current phase closes (rounded up); null when open-ended. */
  readonly daysLeft: number | null;
}

/** What the figures are computed from. */
/** What the figures read of a resident. */
export type ResidentFacts = Pick<Resident, 'step' | 'registeredAt' | 'assistedBy' | 'ageBand' | 'area'>;

export interface FiguresSnapshot {
  readonly residents: Iterable<ResidentFacts>;
  readonly ideas: readonly Idea[];
  readonly ballotsByEnvelope: Readonly<Record<string, number>>;
  readonly voters: number;
  /** BallotBox.countAssisted. */
  readonly assistedBallots: number;
  readonly status: PhaseStatus;
  /** Start of the phase after the current one, if known. */
  readonly nextPhase: { readonly phase: string; readonly at: number } | null;
}

function percent(part: number, whole: number): number {
  return whole <= 0 ? 0 : Math.round((part / whole) * 1000) / 10;
}

function weekly(times: readonly number[], now: number): WeeklyCount {
  let thisWeek = 0;
  let lastWeek = 0;
  for (const t of times) {
    if (t >= now - WEEK_MS && t < now) thisWeek++;
    else if (t >= now - 2 * WEEK_MS && t < now - WEEK_MS) lastWeek++;
  }
  return { thisWeek, lastWeek, delta: thisWeek - lastWeek };
}

/** Weeks in the digest's time series. */
export const SERIES_WEEKS = 8;

function series(times: readonly number[], now: number): number[] {
  const out = new Array<number>(SERIES_WEEKS).fill(0);
  for (const t of times) {
    if (t >= now) continue;
    const ago = Math.floor((now - t) / WEEK_MS);
    const i = SERIES_WEEKS - 1 - ago;
    if (i >= 0) out[i] = (out[i] ?? 0) + 1;
  }
  return out;
}

function bump(map: Record<string, number>, key: string): void {
  map[key] = (map[key] ?? 0) + 1;
}

/** Computes the figures at `now`. */
export function participationFigures(campaign: Campaign, snap: FiguresSnapshot, now: number): ParticipationFigures {
  let registered = 0;
  let assisted = 0;
  const regTimes: number[] = [];
  const byAgeBand: Record<string, number> = Object.fromEntries(campaign.ageBands.map((b) => [b.id, 0]));
  const byArea: Record<string, number> = Object.fromEntries(campaign.areas.map((a) => [a.id, 0]));
  for (const r of snap.residents) {
    if (r.step !== 'done' || r.registeredAt === null || r.registeredAt > now) continue;
    registered++;
    regTimes.push(r.registeredAt);
    if (r.assistedBy !== null) assisted++;
    if (r.ageBand !== null) bump(byAgeBand, r.ageBand);
    if (r.area !== null) bump(byArea, r.area);
  }
  const ideasByCategory: Record<string, number> = Object.fromEntries(campaign.categories.map((c) => [c.id, 0]));
  const ideasByState: Partial<Record<IdeaState, number>> = {};
  let backlog = 0;
  let oldest = now;
  let assistedIdeas = 0;
  const ideaTimes: number[] = [];
  for (const idea of snap.ideas) {
    bump(ideasByCategory, idea.category);
    ideasByState[idea.state] = (ideasByState[idea.state] ?? 0) + 1;
    if (idea.submittedAt !== null) ideaTimes.push(idea.submittedAt);
    if (idea.assistedBy !== null) assistedIdeas++;
    if (AWAITING_REVIEW.includes(idea.state)) {
      backlog++;
      oldest = Math.min(oldest, idea.updatedAt);
    }
  }
  const closesAt = snap.status.kind === 'open' ? snap.status.closesAt : null;
  return {
    at: now,
    population: campaign.population,
    registered,
    registeredPercent: percent(registered, campaign.population),
    newRegistrations: weekly(regTimes, now),
    byAgeBand,
    byArea,
    assistedRegistrations: assisted,
    ideasByCategory,
    ideasByState,
    newIdeas: weekly(ideaTimes, now),
    registrationsByWeek: series(regTimes, now),
    ideasByWeek: series(ideaTimes, now),
    assistedIdeas,
    backlog,
    oldestWaitMs: backlog === 0 ? 0 : now - oldest,
    ballotsByEnvelope: snap.ballotsByEnvelope,
    voters: snap.voters,
    assistedBallots: snap.assistedBallots,
    turnoutPercent: percent(snap.voters, registered),
    phase: snap.status.kind === 'between' ? null : snap.status.phase,
    nextMilestone: snap.nextPhase,
    daysLeft: closesAt === null ? null : Math.max(0, Math.ceil((closesAt - now) / DAY_MS)),
  };
}
