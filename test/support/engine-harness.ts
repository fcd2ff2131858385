/** An engine over in-memory stores with a fixed clock and sequential ids, plus helpers. */
import type { Campaign } from '../../core/campaign/campaign.ts';
import { createEngine } from '../../core/engine/campaign-engine.ts';
import type { CampaignEngine } from '../../core/engine/campaign-engine.ts';
import type { EngineDeps } from '../../core/engine/engine-deps.ts';
import { VoterKeys } from '../../core/ballots/voter-keys.ts';
import type { Stores } from '../../core/ports/stores.ts';
import type { Idea } from '../../core/ideas/idea.ts';
import { createMemoryStores } from './memory/memory-stores.ts';
import { FixedClock } from './fixed-clock.ts';
import { SequentialIds } from './sequential-ids.ts';
import { testCampaign } from './test-campaign.ts';

export const TEST_SECRET = 'test-secret-0123456789abcdef';

export interface Harness {
  readonly engine: CampaignEngine;
  /** What the engine was built from (the engine no longer hands out its deps). */
  readonly deps: EngineDeps;
  readonly clock: FixedClock;
  readonly stores: Stores;
  readonly campaign: Campaign;
  /** Registers a Telegram resident through every step; returns their resident id. */
  register(telegramId: number, area?: string, band?: string): Promise<string>;
  /** Submits an idea and returns it (throws on refusal). */
  submit(authorId: string, title: string, cost?: number | null, area?: string | null): Promise<Idea>;
}

export function harness(campaign: Campaign = testCampaign(), stores: Stores = createMemoryStores(), start = campaign.phases.submission.start + 1000): Harness {
  const clock = new FixedClock(start);
  const deps: EngineDeps = { campaign, stores, clock, ids: new SequentialIds(1), keys: new VoterKeys(TEST_SECRET) };
  const engine = createEngine(deps);
  const must = <T>(o: { ok: true; value: T } | { ok: false; code: string }): T => {
    if (!o.ok) throw new Error(`refused: ${o.code}`);
    return o.value;
  };
  return {
    engine,
    deps,
    clock,
    stores,
    campaign,
    async register(telegramId, area = 'centre', band = '35-64') {
      const r = await engine.openResident(telegramId, `Resident ${telegramId}`, 'fr');
      must(await engine.answerRegistration(r.id, { step: 'language', locale: 'fr' }));
      must(await engine.answerRegistration(r.id, { step: 'consent', accepted: true }));
      must(await engine.answerRegistration(r.id, { step: 'age', band }));
      must(await engine.answerRegistration(r.id, { step: 'area', area }));
      return r.id;
    },
    async submit(authorId, title, cost = 500_000, area = null) {
      return must(
        await engine.submitIdea(authorId, {
          title,
          description: `A description long enough for ${title}, with details.`,
          category: 'mobility',
          area,
          cost,
        }),
      );
    },
  };
}
