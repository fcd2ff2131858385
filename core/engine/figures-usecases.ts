/**
 * Participation figures (SPEC §2.5). Two readings of the same figures:
 *
 * - `digestFigures` — exact now, reading every resident page by page: for the mayor's digest,
 *   the weekly update, exports and the CLI.
 * - `committeeFigures` — what the committee's App Home and `/pnyx status` show, drawn at every
 *   publication. Everything the committee itself changes (ideas and their states, the backlog,
 *   finalists, the phase and its days left) and the ballot counts are read fresh each time,
 *   so a decision, a finalist toggle or a phase move shows on the very next Home. Only the
 *   residents' part (registrations, by age band and area) is reused for
 *   {@link RESIDENT_FACTS_TTL_MS}: it is the one part that reads every resident, no committee
 *   action changes it (residents register and erase themselves, in Telegram), and a
 *   registration showing up to a minute late on a staff screen is not something anyone acts on.
 *   Concurrent publications share one read. What is kept is only the facts the figures need
 *   (no id, no name, no Telegram id), in memory, per store.
 */
import type { ParticipationFigures } from '../figures/participation-figures.ts';
import { participationFigures } from '../figures/participation-figures.ts';
import type { ResidentFacts } from '../figures/participation-figures.ts';
import { nextPhase, windowOf } from '../phases/phase-machine.ts';
import type { Resident } from '../residents/resident.ts';
import type { EngineDeps } from './engine-deps.ts';
import { currentStatus } from './phase-usecases.ts';

/** How long the committee's figures reuse the residents' facts (ms). */
export const RESIDENT_FACTS_TTL_MS = 60_000;

async function* allResidents(deps: EngineDeps): AsyncGenerator<Resident> {
  let after: string | null = null;
  for (;;) {
    const page = await deps.stores.residents.list(after, 1000);
    for (const r of page) yield r;
    if (page.length < 1000) return;
    after = page[page.length - 1]?.id ?? null;
  }
}

/** What the figures read of every resident (only what they need: a capital's digest reads hundreds of thousands). */
async function residentFacts(deps: EngineDeps): Promise<ResidentFacts[]> {
  const residents: ResidentFacts[] = [];
  for await (const r of allResidents(deps)) residents.push({ step: r.step, registeredAt: r.registeredAt, assistedBy: r.assistedBy, ageBand: r.ageBand, area: r.area });
  return residents;
}

async function figuresWith(deps: EngineDeps, residents: readonly ResidentFacts[], now: number): Promise<ParticipationFigures> {
  const [ideas, ballotsByEnvelope, voters, assistedBallots, { status, state }] = await Promise.all([
    deps.stores.ideas.list(),
    deps.stores.ballots.countByEnvelope(),
    deps.stores.ballots.countVoters(),
    deps.stores.ballots.countAssisted(),
    currentStatus(deps, now),
  ]);
  const upcoming = status.kind === 'between' ? status.next : status.kind === 'held' ? status.next : nextPhase(status.phase);
  const at = upcoming === null ? null : windowOf(state, upcoming).start;
  return participationFigures(deps.campaign, { residents, ideas, ballotsByEnvelope, voters, assistedBallots, status, nextPhase: upcoming === null || at === null || !Number.isFinite(at) ? null : { phase: upcoming, at } }, now);
}

/** The digest figures now (SPEC §2.5), exact. Reads residents page by page. */
export async function digestFigures(deps: EngineDeps): Promise<ParticipationFigures> {
  const now = deps.clock.now();
  return figuresWith(deps, await residentFacts(deps), now);
}

/** The residents' facts read for the committee's figures, per resident store. */
const kept = new WeakMap<object, { readonly at: number; readonly facts: Promise<ResidentFacts[]> }>();

/** The figures as the committee's screens show them (see the module comment). */
export async function committeeFigures(deps: EngineDeps): Promise<ParticipationFigures> {
  const now = deps.clock.now();
  const store = deps.stores.residents;
  let entry = kept.get(store);
  if (entry === undefined || now - entry.at >= RESIDENT_FACTS_TTL_MS || now < entry.at) {
    const facts = residentFacts(deps);
    entry = { at: now, facts };
    kept.set(store, entry);
    // A failed read is not kept: the next publication reads again.
    const mine = entry;
    facts.catch(() => {
      if (kept.get(store) === mine) kept.delete(store);
    });
  }
  return figuresWith(deps, await entry.facts, now);
}
