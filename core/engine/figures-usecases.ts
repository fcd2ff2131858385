import type { ParticipationFigures } from '../figures/participation-figures.ts';
import { participationFigures } from '../figures/participation-figures.ts';
import type { ResidentFacts } from '../figures/participation-figures.ts';
import { nextPhase, windowOf } from '../phases/phase-machine.ts';
import type { Resident } from '../residents/resident.ts';
import type { EngineDeps } from './engine-deps.ts';
import { currentStatus } from './phase-usecases.ts';

async function* allResidents(deps: EngineDeps): AsyncGenerator<Resident> {
  let after: string | null = null;
  for (;;) {
    const page = await deps.stores.residents.list(after, 1000);
    for (const r of page) yield r;
    if (page.length < 1000) return;
    after = page[page.length - 1]?.id ?? null;
  }
}

/** The digest figures now (SPEC §2.5). Reads residents page by page. */
export async function digestFigures(deps: EngineDeps): Promise<ParticipationFigures> {
  const now = deps.clock.now();
  // Only what the figures need is kept: a capital's digest reads hundreds of thousands.
  const residents: ResidentFacts[] = [];
  for await (const r of allResidents(deps)) residents.push({ step: r.step, registeredAt: r.registeredAt, assistedBy: r.assistedBy, ageBand: r.ageBand, area: r.area });
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
