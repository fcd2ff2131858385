/**
 * Fan-out survives crashes and competing workers, on the real stores (SQLite file, Redis):
 * 2,000 residents (some unsubscribed or still registering, two areas), pages of 100. A worker
 * is dropped mid-way and another resumes on a fresh handle; two workers race on two handles.
 * Every resident of the audience ends with exactly one message, nobody else with any, and
 * the record's counts say so.
 */
import { describe, expect, it } from 'vitest';
import { VoterKeys } from '../../core/ballots/voter-keys.ts';
import { createEngine } from '../../core/engine/campaign-engine.ts';
import type { CampaignEngine } from '../../core/engine/campaign-engine.ts';
import type { BroadcastAudience } from '../../core/broadcasts/broadcast.ts';
import type { BroadcastOutcome } from '../../core/ports/broadcast-store.ts';
import type { Resident } from '../../core/residents/resident.ts';
import type { Stores } from '../../core/ports/stores.ts';
import { resident } from '../contracts/contract-helpers.ts';
import { fixtures } from '../contracts/contract-helpers.ts';
import type { MakeStores } from '../contracts/stores-fixture.ts';
import { TEST_SECRET } from '../support/engine-harness.ts';
import { FixedClock } from '../support/fixed-clock.ts';
import { SequentialIds } from '../support/sequential-ids.ts';
import { describeWithRedis } from '../support/redis.ts';
import { testCampaign } from '../support/test-campaign.ts';
import { makeSqliteFixture } from '../sqlite/sqlite-fixture.ts';
import { makeRedisStores } from '../redis/redis-fixture.ts';

const N = 2000;
const PAGE = 100;
const campaign = testCampaign();

/** The population: every 7th unsubscribed, every 11th still registering, areas alternating. */
function population(): Resident[] {
  return Array.from({ length: N }, (_, i) =>
    resident(`tg:${500_000 + i * 37}`, {
      telegramId: 500_000 + i * 37,
      area: i % 2 ? 'north' : 'centre',
      subscribed: i % 7 !== 3,
      ...(i % 11 === 5 ? { step: 'area' as const, registeredAt: null } : {}),
    }),
  );
}

function audienceOf(all: readonly Resident[], audience: BroadcastAudience): string[] {
  return all.filter((r) => r.subscribed && r.step === 'done' && (audience.kind === 'all' || r.area === audience.area)).map((r) => r.id);
}

/** `stores` whose broadcast store counts the conflicts it answers (to see a race did happen). */
function counting(stores: Stores, conflicts: { n: number }): Stores {
  const b = stores.broadcasts;
  const fanOutPage = async (...args: Parameters<typeof b.fanOutPage>): Promise<BroadcastOutcome> => {
    const out = await b.fanOutPage(...args);
    if (out === 'conflict') conflicts.n++;
    return out;
  };
  return { ...stores, broadcasts: { create: b.create.bind(b), get: b.get.bind(b), list: b.list.bind(b), finish: b.finish.bind(b), fanOutPage } };
}

function engineOn(stores: Stores, clock: FixedClock, seed: number): CampaignEngine {
  return createEngine({ campaign, stores, clock, ids: new SequentialIds(seed), keys: new VoterKeys(TEST_SECRET) });
}

async function fanOut(engine: CampaignEngine, id: string, maxPages = Infinity): Promise<number> {
  for (let pages = 1; pages <= maxPages; pages++) {
    const step = await engine.fanOutBroadcast(id, PAGE);
    if (!step.ok) throw new Error(step.code);
    if (step.value.done) return pages;
  }
  return maxPages;
}

/** Exactly one message per audience member, none for anyone else, and the record agrees. */
async function expectDelivered(stores: Stores, id: string, expected: readonly string[]): Promise<void> {
  const keys = (await stores.outbox.list(0, 1_000_000)).filter((m) => m.key.startsWith(`${id}:`) || m.group === id).map((m) => m.key);
  expect(keys.length).toBe(expected.length);
  expect([...keys].sort()).toEqual(expected.map((r) => `${id}:${r}`).sort());
  expect(await stores.broadcasts.get(id)).toMatchObject({ status: 'sending', queued: expected.length, total: expected.length });
  expect(await stores.outbox.groupCounts(id)).toEqual({ pending: expected.length, sent: 0, failed: 0, skipped: 0 });
}

function describeResume(label: string, make: MakeStores): void {
  describe(`broadcast fan-out resumes [${label}]`, () => {
    const open = fixtures(make);

    async function seeded() {
      const f = await open();
      const all = population();
      for (let i = 0; i < all.length; i += 200) {
        const outs = await Promise.all(all.slice(i, i + 200).map((r) => f.stores.residents.save(r, null, {})));
        expect(outs.every((o) => o === 'saved')).toBe(true);
      }
      return { f, all, clock: new FixedClock(campaign.phases.submission.start + 1000) };
    }

    it('a worker dropped between pages is resumed by another on a fresh handle, without a duplicate or a gap', { timeout: 60_000 }, async () => {
      const { f, all, clock } = await seeded();
      const first = engineOn(f.stores, clock, 1);
      const everyone = await first.announce('U-ADMIN', { fr: 'Bonjour à tous', en: 'Hello all' }, { kind: 'all' });
      const north = await first.announce('U-ADMIN', { fr: 'Bonjour le nord', en: 'Hello north' }, { kind: 'area', area: 'north' });
      if (!everyone.ok || !north.ok) throw new Error('announce refused');
      expect(await fanOut(first, everyone.value.id, 7)).toBe(7);
      expect(await fanOut(first, north.value.id, 3)).toBe(3);
      expect(await f.stores.broadcasts.get(everyone.value.id)).toMatchObject({ status: 'fanning_out', queued: 7 * PAGE });
      // The crash: this worker and its connection are gone.
      await f.stores.close();
      const stores = await f.reopen();
      const second = engineOn(stores, clock, 2);
      expect(await second.broadcastsToFanOut()).toEqual([everyone.value.id, north.value.id]);
      const expectedAll = audienceOf(all, { kind: 'all' });
      expect(await fanOut(second, everyone.value.id)).toBe(Math.floor(expectedAll.length / PAGE) - 7 + 1);
      await fanOut(second, north.value.id);
      await expectDelivered(stores, everyone.value.id, expectedAll);
      await expectDelivered(stores, north.value.id, audienceOf(all, { kind: 'area', area: 'north' }));
      expect(await second.broadcastsToFanOut()).toEqual([]);
    });

    it('two workers on two handles racing through the same broadcasts never repeat or skip a page', { timeout: 60_000 }, async () => {
      const { f, all, clock } = await seeded();
      const conflicts = { n: 0 };
      const a = engineOn(counting(f.stores, conflicts), clock, 1);
      const b = engineOn(counting(await f.reopen(), conflicts), clock, 2);
      const everyone = await a.announce('U-ADMIN', { fr: 'Bonjour', en: 'Hello' }, { kind: 'all' });
      const centre = await b.announce('U-ADMIN', { fr: 'Bonjour le centre', en: 'Hello centre' }, { kind: 'area', area: 'centre' });
      if (!everyone.ok || !centre.ok) throw new Error('announce refused');
      await Promise.all([fanOut(a, everyone.value.id), fanOut(b, everyone.value.id), fanOut(a, centre.value.id), fanOut(b, centre.value.id)]);
      expect(conflicts.n).toBeGreaterThan(0);
      await expectDelivered(f.stores, everyone.value.id, audienceOf(all, { kind: 'all' }));
      await expectDelivered(f.stores, centre.value.id, audienceOf(all, { kind: 'area', area: 'centre' }));
    });
  });
}

describeResume('sqlite', makeSqliteFixture);
describeWithRedis('Redis stores: broadcast fan-out', () => {
  describeResume('redis', makeRedisStores());
});
