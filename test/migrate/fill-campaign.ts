/**
 * A campaign store filled through the real engine with every kind of record a dump carries —
 * so a migration test can check each section survives — and the checks of "the target behaves
 * like the source" run through the engine again on the target.
 */
import { expect } from 'vitest';
import { verifyChain } from '../../core/audit/audit-chain.ts';
import { VoterKeys } from '../../core/ballots/voter-keys.ts';
import type { Campaign } from '../../core/campaign/campaign.ts';
import { createEngine } from '../../core/engine/campaign-engine.ts';
import type { Stores } from '../../core/ports/stores.ts';
import { harness, TEST_SECRET } from '../support/engine-harness.ts';
import { SequentialIds } from '../support/sequential-ids.ts';
import { DAY, T, testCampaign } from '../support/test-campaign.ts';

const both = (fr: string, en: string) => ({ fr, en });

/** The test campaign with a town envelope and a `north` area envelope (both ballot slots). */
export function migrationCampaign(id = 'testville'): Campaign {
  return testCampaign({
    id,
    envelopes: [
      { id: 'town', name: both('Commune', 'Town'), area: null, amount: 2_000_000 },
      { id: 'north', name: both('Nord', 'North'), area: 'north', amount: 1_000_000 },
    ],
  });
}

/** What the filled store holds that the behaviour checks need. */
export interface FilledCampaign {
  /** Instant the engine stood at when filling ended (voting open). */
  readonly now: number;
  /** voters[0] cast three versions in `town`; voters[1] cast with request id `v-1`. */
  readonly voters: readonly string[];
  readonly finalists: { readonly town: readonly string[]; readonly north: readonly string[] };
  /** A one-time code already used by voters[3]. */
  readonly usedCode: string;
  /** An inbound update finished at `now` (done for 7 days). */
  readonly doneUpdate: string;
  /** An inbound update begun at `now` under a one-hour lease, never finished. */
  readonly leasedUpdate: string;
}

const must = <T>(o: { ok: true; value: T } | { ok: false; code: string }): T => {
  if (!o.ok) throw new Error(`refused: ${o.code}`);
  return o.value;
};

/**
 * Fills `stores` through the engine: residents (one erased, one verified by code), ideas in
 * several states with supports, finalists in two envelopes, ballots in both slots with
 * replacements, outbox messages in every status, audit entries, codes, processed updates, a
 * results record and the PNYX_SECRET check value.
 */
export async function fillCampaign(stores: Stores, campaign = migrationCampaign()): Promise<FilledCampaign> {
  const h = harness(campaign, stores);
  expect(await h.engine.start()).toMatchObject({ ok: true, value: 'initialized' });
  const author = await h.register(1);
  const voters: string[] = [];
  for (let i = 0; i < 8; i++) voters.push(await h.register(100 + i, i % 2 ? 'north' : 'centre'));
  const codes = must(await h.engine.issueCodes('staff:U-ADMIN', 3));
  // The test campaign needs no verification, so the engine would refuse verifyByCode: claim in the store.
  expect(await stores.residents.claimCode(codes[0]!, voters[3]!, h.clock.now(), {})).toMatchObject({ status: 'claimed' });

  const town = [];
  for (const [title, cost] of [['Bike racks at the station', 800_000], ['Benches in the park', 300_000], ['Trees along the river', 1_000_000]] as const) {
    town.push(await h.submit(author, title, cost));
  }
  const north = [await h.submit(voters[1]!, 'A playground in the north', 400_000, 'north'), await h.submit(voters[3]!, 'A north bus shelter', 200_000, 'north')];
  const rejected = await h.submit(voters[5]!, 'A casino on the square', 900_000);
  for (const v of voters.slice(0, 5)) must(await h.engine.supportIdea(v, town[0]!.id, true));
  must(await h.engine.supportIdea(voters[3]!, north[0]!.id, true));
  must(await h.engine.supportIdea(voters[2]!, town[1]!.id, true));
  must(await h.engine.supportIdea(voters[2]!, town[1]!.id, false));
  for (const idea of [...town, ...north]) must(await h.engine.moderateIdea('U-MOD1', idea.id, 1, { outcome: 'eligible', comment: null }));
  must(await h.engine.moderateIdea('U-MOD2', rejected.id, 1, { outcome: 'rejected', criterion: 'competence', comment: 'Not a municipal matter.' }));

  h.clock.set(T.review + 1);
  for (const idea of [...town, ...north]) must(await h.engine.selectFinalist('U-ADMIN', idea.id, true));
  h.clock.set(T.voting + 1);
  await h.engine.tick();
  for (let i = 0; i < 3; i++) must(await h.engine.castBallot(voters[0]!, 'town', [{ ideaId: town[i]!.id }], `replace-${i}`));
  for (let i = 1; i < voters.length; i++) must(await h.engine.castBallot(voters[i]!, 'town', [{ ideaId: town[i % 3]!.id }], `v-${i}`));
  for (const i of [1, 3, 5]) must(await h.engine.castBallot(voters[i]!, 'area', [{ ideaId: north[i % 2]!.id }], `a-${i}`));
  must(await h.engine.castBallot(voters[5]!, 'area', [{ ideaId: north[0]!.id }], 'a-5-again'));
  must(await h.engine.forgetMe(voters[6]!));

  const now = h.clock.now();
  await stores.outbox.enqueue([
    { key: 'test:a', recipient: { kind: 'committee' }, template: 'card.notice', params: { text: 'a' }, notBefore: now },
    { key: 'test:b', recipient: { kind: 'digest' }, template: 'card.notice', params: { text: 'b' }, notBefore: now + DAY },
    { key: 'test:c', recipient: { kind: 'subscribers', area: 'north' }, template: 'notify.update', params: { n: 3 }, notBefore: now },
  ]);
  const claimed = await stores.outbox.claim(now, 3, 60_000);
  expect(claimed.length).toBe(3);
  await stores.outbox.ack(claimed[0]!.seq);
  await stores.outbox.retry(claimed[1]!.seq, now + 3_600_000, 'HTTP 429 from the messenger');
  await stores.outbox.fail(claimed[2]!.seq, 'blocked by the user');
  await stores.audit.append([{ at: now, actor: 'system:cli', action: 'test.note', subject: 'campaign:testville', data: { nested: { b: 2, a: [1, 'x'] } }, assisted: false }]);
  expect(await stores.processed.begin('tg:900001', now, 60_000)).toMatchObject({ status: 'new' });
  await stores.processed.finish('tg:900001', now, 7 * DAY);
  expect(await stores.processed.begin('tg:900002', now, 3_600_000)).toMatchObject({ status: 'new' });
  // Done long ago: its memory has run out by the engine's clock, yet it is still stored.
  await stores.processed.finish('slack:Ev42', now - 8 * DAY, 7 * DAY);
  await stores.campaign.saveResults({ computedAt: now, method: 'greedy', tieBreak: 'lexico', envelopes: [] }, {});
  return { now, voters, finalists: { town: town.map((i) => i.id), north: north.map((i) => i.id) }, usedCode: codes[0]!, doneUpdate: 'tg:900001', leasedUpdate: 'tg:900002' };
}

/**
 * Runs the engine on a migrated store and checks it answers as the source did: the secret
 * still matches (and another one does not), the audit chain verifies and continues, a re-sent
 * cast is still a duplicate, a new cast gets the next version, numbers and seqs continue,
 * de-duplication indexes (outbox keys, inbound update states, used codes) survived.
 */
export async function expectBehavesLikeSource(stores: Stores, filled: FilledCampaign, campaign = migrationCampaign()): Promise<void> {
  const h = harness(campaign, stores);
  h.clock.set(filled.now + 1000);
  expect(await h.engine.start()).toMatchObject({ ok: true, value: 'match' });
  const other = createEngine({ campaign, stores, clock: h.clock, ids: new SequentialIds(1), keys: new VoterKeys(`${TEST_SECRET}-other`) });
  expect(await other.start()).toMatchObject({ ok: false, code: 'secret.mismatch' });

  const audit = await stores.audit.list(0, 100_000);
  expect(audit.length).toBeGreaterThan(10);
  expect(verifyChain(audit)).toBeNull();

  const [v0, v1, v5] = [filled.voters[0]!, filled.voters[1]!, filled.voters[5]!];
  expect(await h.engine.castBallot(v1, 'town', [{ ideaId: filled.finalists.town[2]! }], 'v-1')).toMatchObject({
    ok: true,
    value: { duplicate: true, ballot: { version: 1, choices: [{ ideaId: filled.finalists.town[1]! }] } },
  });
  expect(await h.engine.castBallot(v0, 'town', [{ ideaId: filled.finalists.town[0]! }], 'replace-1')).toMatchObject({
    ok: true,
    value: { duplicate: true, ballot: { version: 2 } },
  });
  expect(await h.engine.castBallot(v0, 'town', [{ ideaId: filled.finalists.town[1]! }], 'after-migration')).toMatchObject({
    ok: true,
    value: { duplicate: false, replaced: true, ballot: { version: 4 } },
  });
  expect(await h.engine.castBallot(v5, 'area', [{ ideaId: filled.finalists.north[1]! }], 'a-5-after')).toMatchObject({ ok: true, value: { ballot: { version: 3 } } });
  expect(await stores.ballots.countByEnvelope()).toEqual({ town: 8, north: 3 });
  expect(await stores.ballots.countVoters()).toBe(8);
  // Forget me keeps the ballot (counted once, under the pseudonymous key only).
  expect((await h.engine.myBallots(filled.voters[6]!)).length).toBe(1);

  const ideas = await stores.ideas.list();
  expect(await stores.ideas.nextNumber()).toBe(ideas.length + 1);
  expect(await stores.ideas.countByState()).toEqual({ finalist: 5, rejected: 1 });
  expect(await stores.ideas.supportCount(filled.finalists.town[0]!)).toBe(5);

  const [appended] = await stores.audit.append([{ at: filled.now, actor: 'system:test', action: 'test.after', subject: 'campaign:testville', data: {}, assisted: false }]);
  expect(appended).toMatchObject({ seq: audit.length + 1, prevHash: audit.at(-1)!.hash });
  expect(verifyChain(await stores.audit.list(0, 100_000))).toBeNull();

  const before = await stores.outbox.list(0, 100_000);
  await stores.outbox.enqueue([
    { key: 'test:a', recipient: { kind: 'committee' }, template: 'card.notice', params: {}, notBefore: filled.now },
    { key: 'test:new', recipient: { kind: 'committee' }, template: 'card.notice', params: {}, notBefore: filled.now },
  ]);
  const after = await stores.outbox.list(0, 100_000);
  expect(after.length).toBe(before.length + 1);
  // Seqs only grow (SQLite's AUTOINCREMENT may skip one for an ignored duplicate key).
  expect(after.at(-1)?.key).toBe('test:new');
  expect(after.at(-1)!.seq).toBeGreaterThan(before.at(-1)!.seq);
  expect(await stores.outbox.counts()).toMatchObject({ sent: 1, failed: 1 });

  expect(await stores.processed.begin(filled.doneUpdate, filled.now + 1000, 60_000)).toMatchObject({ status: 'done', until: filled.now + 7 * DAY });
  expect(await stores.processed.begin(filled.leasedUpdate, filled.now + 1000, 60_000)).toMatchObject({ status: 'in_progress', until: filled.now + 3_600_000 });
  expect(await stores.processed.begin(filled.leasedUpdate, filled.now + 3_600_001, 60_000)).toMatchObject({ status: 'new' });
  expect(await stores.processed.begin('slack:Ev42', filled.now + 1000, 60_000)).toMatchObject({ status: 'new' });
  expect(await stores.residents.claimCode(filled.usedCode, filled.voters[0]!, filled.now, {})).toMatchObject({ status: 'used', residentId: filled.voters[3] });
  expect(await stores.residents.get(filled.voters[6]!)).toBeNull();
  expect((await stores.campaign.loadResults())?.method).toBe('greedy');
}
