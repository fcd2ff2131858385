/**
 * Prepares a campaign in its voting phase on the given stores, for the ballot benchmarks:
 * `residents` registered residents (written straight to the store — registration is not what
 * is measured) and a few finalists chosen through the engine. Returns the engine and ids.
 */
import type { Campaign } from '../../core/campaign/campaign.ts';
import { createEngine } from '../../core/engine/campaign-engine.ts';
import type { CampaignEngine } from '../../core/engine/campaign-engine.ts';
import { VoterKeys } from '../../core/ballots/voter-keys.ts';
import type { Stores } from '../../core/ports/stores.ts';
import type { Resident } from '../../core/residents/resident.ts';
import type { Clock } from '../../core/ports/clock.ts';
import { CryptoIds } from '../../adapters/system/index.ts';

const DAY = 86_400_000;
export const BENCH_T0 = Date.UTC(2026, 3, 1);

/** A campaign whose voting window is open for 30 days from BENCH_T0 + 20 days. */
export function benchCampaign(): Campaign {
  const t = (d: number) => BENCH_T0 + d * DAY;
  const fr = (s: string) => ({ fr: s });
  return {
    id: 'bench',
    name: fr('Bench'),
    defaultLocale: 'fr',
    locales: ['fr'],
    timeZone: 'Europe/Brussels',
    population: 1_000_000,
    currency: 'EUR',
    currencyMinorUnits: 100,
    envelopes: [{ id: 'town', name: fr('Commune'), area: null, amount: 100_000_000 }],
    ideaCost: { min: 100_000, max: 10_000_000 },
    categories: [{ id: 'c', name: fr('Catégorie') }],
    areas: [{ id: 'a', name: fr('Zone'), postcodes: [] }],
    ageBands: [{ id: '18+', min: 18, max: null }],
    eligibility: { minimumAge: 18, areas: null, verification: 'none' },
    phases: {
      submission: { start: t(0), end: t(10) },
      review: { start: t(10), end: t(20) },
      voting: { start: t(20), end: t(50) },
      tallying: { start: t(50), end: t(60) },
      announced: { start: t(60), end: null },
    },
    ballot: { kind: 'approval', minChoices: 1, maxChoices: 3, allowChange: true },
    tally: { method: 'greedy', variant: 'skip', threshold: 0, tieBreak: 'lexico' },
    reviewCriteria: [{ id: 'r', label: fr('Critère') }],
    articles: [],
    schedules: { residentUpdate: '0 9 * * 1', mayorDigest: '0 8 * * 5', reminders: [] },
    digestRecipients: [],
    slack: { committee: 'C1', announcements: 'C1' },
    staff: [{ slackUserId: 'U-ADMIN', name: 'Admin', role: 'admin' }],
    privacy: { version: '1', url: fr('https://example.org') },
  };
}

class BenchClock implements Clock {
  current = BENCH_T0 + 1000;
  now(): number {
    return this.current;
  }
}

export interface VotingCampaign {
  readonly engine: CampaignEngine;
  readonly residentIds: readonly string[];
  readonly finalistIds: readonly string[];
  readonly clock: { current: number };
}

export function benchResident(i: number, now: number): Resident {
  return {
    id: `tg:${1_000_000 + i}`,
    telegramId: 1_000_000 + i,
    displayName: null,
    locale: 'fr',
    consent: { version: '1', at: now },
    ageBand: '18+',
    area: 'a',
    verified: null,
    role: 'resident',
    subscribed: true,
    step: 'done',
    assistedBy: null,
    createdAt: now,
    registeredAt: now,
    version: 0,
  };
}

/** Registers residents and finalists and moves the clock into voting. */
export async function prepareVotingCampaign(stores: Stores, residents: number, finalists = 12): Promise<VotingCampaign> {
  const campaign = benchCampaign();
  const clock = new BenchClock();
  const engine = createEngine({ campaign, stores, clock, ids: new CryptoIds(), keys: new VoterKeys('bench-secret-0123456789') });
  const ids: string[] = [];
  const batch: Promise<unknown>[] = [];
  for (let i = 0; i < residents; i++) {
    const r = benchResident(i, clock.current);
    ids.push(r.id);
    batch.push(stores.residents.save(r, null, {}));
    if (batch.length >= 256) await Promise.all(batch.splice(0));
  }
  await Promise.all(batch);
  const author = ids[0]!;
  const finalistIds: string[] = [];
  for (let i = 0; i < finalists; i++) {
    const idea = await engine.submitIdea(author, { title: `Bench idea number ${i}`, description: 'A description long enough for the rules.', category: 'c', area: null, cost: 1_000_000 + i * 10_000 });
    if (!idea.ok) throw new Error(`bench setup: ${idea.code}`);
    const m = await engine.moderateIdea('U-ADMIN', idea.value.id, 1, { outcome: 'eligible', comment: null });
    if (!m.ok) throw new Error(`bench setup: ${m.code}`);
    finalistIds.push(idea.value.id);
  }
  clock.current = campaign.phases.review.start + 1000;
  for (const id of finalistIds) {
    const f = await engine.selectFinalist('U-ADMIN', id, true);
    if (!f.ok) throw new Error(`bench setup: ${f.code}`);
  }
  clock.current = campaign.phases.voting.start + 1000;
  await engine.tick();
  return { engine, residentIds: ids, finalistIds, clock };
}
