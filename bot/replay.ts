/**
 * Replays a Pabulib election through the engine: the election becomes a campaign, its
 * projects finalist ideas, its voters registered residents whose ballots are cast with
 * `castBallot` — the same path a Telegram vote takes — and the count is the engine's.
 */
import { createEngine } from '../core/engine/campaign-engine.ts';
import type { CampaignEngine } from '../core/engine/campaign-engine.ts';
import { VoterKeys } from '../core/ballots/voter-keys.ts';
import type { Stores } from '../core/ports/stores.ts';
import type { StoredResults } from '../core/ballots/results.ts';
import type { ReplayPlan } from '../adapters/pabulib/index.ts';
import { SeededIds, SteppingClock } from '../adapters/system/index.ts';

/** What a replay produced. */
export interface ReplayOutcome {
  readonly engine: CampaignEngine;
  readonly results: StoredResults;
  /** Funded Pabulib project ids, in selection order. */
  readonly selected: readonly string[];
  readonly cast: number;
  /** Ballots the campaign's ballot rule refused (e.g. longer than max_length), by refusal code. */
  readonly refused: Readonly<Record<string, number>>;
}

const DESCRIPTION = 'Imported from a Pabulib election for a replay of its count.';

export async function replayThroughEngine(plan: ReplayPlan, stores: Stores, secret: string): Promise<ReplayOutcome> {
  const { campaign } = plan;
  const clock = new SteppingClock(campaign.phases.submission.start + 1000);
  const engine = createEngine({ campaign, stores, clock, ids: new SeededIds('replay'), keys: new VoterKeys(secret) });
  const started = await engine.start();
  if (!started.ok) throw new Error('PNYX_SECRET does not match this store');
  const now = clock.now();
  const residentId = (i: number) => `pb:${i}`;
  const save = async (i: number) => {
    const outcome = await stores.residents.save(
      { id: residentId(i), telegramId: null, displayName: null, locale: 'en', consent: { version: campaign.privacy.version, at: now }, ageBand: 'all', area: 'all', verified: null, role: 'resident', subscribed: false, step: 'done', assistedBy: null, createdAt: now, registeredAt: now, version: 0 },
      null,
      {},
    );
    if (outcome !== 'saved') throw new Error(`replay: resident ${i} exists already (use an empty store)`);
  };
  const author = plan.ballots.length;
  await save(author);
  for (let i = 0; i < plan.ballots.length; i += 500) await Promise.all(Array.from({ length: Math.min(500, plan.ballots.length - i) }, (_, k) => save(i + k)));
  const ideaOf = new Map<string, string>();
  const pbOf = new Map<string, string>();
  for (const p of plan.projects) {
    const title = `#${p.pbId} ${p.title}`.slice(0, 80).padEnd(5, '.');
    const idea = await engine.submitIdea(residentId(author), { title, description: DESCRIPTION, category: 'pb', area: null, cost: p.cost });
    if (!idea.ok) throw new Error(`replay: project ${p.pbId} refused (${idea.code})`);
    const m = await engine.moderateIdea('U-REPLAY', idea.value.id, idea.value.version, { outcome: 'eligible', comment: null });
    if (!m.ok) throw new Error(`replay: project ${p.pbId} not made eligible (${m.code})`);
    ideaOf.set(p.pbId, idea.value.id);
    pbOf.set(idea.value.id, p.pbId);
  }
  clock.set(campaign.phases.review.start + 1000);
  for (const id of ideaOf.values()) {
    const f = await engine.selectFinalist('U-REPLAY', id, true);
    if (!f.ok) throw new Error(`replay: finalist refused (${f.code})`);
  }
  clock.set(campaign.phases.voting.start + 1000);
  await engine.tick();
  let cast = 0;
  const refused: Record<string, number> = {};
  for (let i = 0; i < plan.ballots.length; i++) {
    const b = plan.ballots[i]!;
    const choices = b.projects.map((pb, k) => ({ ideaId: ideaOf.get(pb) ?? `unknown:${pb}`, ...(b.points ? { points: b.points[k] ?? 0 } : {}) }));
    const r = await engine.castBallot(residentId(i), 'town', choices, `pb-${i}`);
    if (r.ok) cast++;
    else refused[r.code] = (refused[r.code] ?? 0) + 1;
  }
  clock.set(campaign.phases.tallying.start + 1000);
  await engine.tick();
  const results = await engine.runTally('system:replay');
  if (!results.ok) throw new Error(`replay: count refused (${results.code}${results.params.tied ? `: ${String(results.params.tied)}` : ''})`);
  const rows = results.value.envelopes[0]?.rows ?? [];
  const selected = rows.filter((r) => r.funded).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0)).map((r) => pbOf.get(r.ideaId) ?? r.ideaId);
  return { engine, results: results.value, selected, cast, refused };
}
