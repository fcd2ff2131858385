/**
 * Several bot instances at once on one Redis prefix (SPEC §3): four child processes, each
 * with its own connection and its own engine over the same campaign and PNYX_SECRET, cast,
 * replace and re-send ballots for 2,000 residents — every resident's casts spread over
 * different processes, some request ids re-sent from another process. Afterwards the store
 * must hold exactly the last acknowledged ballot of each resident, with versions 1..k and no
 * gap, one ballot per resident, and a tally over exactly those ballots. Then two instances
 * race for the scheduler lease: one leads, and one digest is enqueued for one occurrence. Last,
 * four instances begin the same inbound updates: each is handled by exactly one of them.
 */
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openRedisStores } from '../../adapters/redis/index.ts';
import type { RedisStores } from '../../adapters/redis/index.ts';
import { SeededIds } from '../../adapters/system/index.ts';
import { VoterKeys } from '../../core/ballots/voter-keys.ts';
import { createEngine } from '../../core/engine/campaign-engine.ts';
import type { CampaignEngine } from '../../core/engine/campaign-engine.ts';
import { benchCampaign, prepareVotingCampaign } from '../../bench/support/voting-campaign.ts';
import { deletePrefix, describeWithRedis, redisUrl, uniquePrefix } from '../support/redis.ts';
import { INSTANCE_SECRET } from './instance-protocol.ts';
import type { CastAck, InstanceResult, InstanceTask, PlannedCast } from './instance-protocol.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const WORKER = path.join(here, 'instance-worker.ts');
const PROCESSES = 4;
const RESIDENTS = 2000;
const FINALISTS = 12;
const campaign = benchCampaign();
/** Inside the voting window. */
const VOTING_AT = campaign.phases.voting.start + 3_600_000;
/** Friday 1 May 2026, 08:00:30 in Brussels: 30 s after an occurrence of `0 8 * * 5`, still voting. */
const DIGEST_AT = Date.UTC(2026, 4, 1, 6, 0, 30);

/** Forks one instance per task, releases them together, returns their results in task order. */
async function runInstances(tasks: readonly InstanceTask[], between?: (children: readonly ChildProcess[]) => Promise<void>): Promise<InstanceResult[]> {
  const children = tasks.map(() => fork(WORKER, [], { cwd: root, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
  const next = (c: ChildProcess, type: string): Promise<Record<string, unknown>> =>
    new Promise((resolve, reject) => {
      const onMessage = (m: { type?: string; message?: string }): void => {
        if (m.type === 'error') reject(new Error(`instance failed: ${m.message}`));
        if (m.type === type) resolve(m as Record<string, unknown>);
      };
      c.on('message', onMessage);
      c.once('exit', (code) => reject(new Error(`instance exited before ${type} (${code})`)));
    });
  try {
    const ready = children.map((c) => next(c, 'ready'));
    children.forEach((c, i) => c.send({ type: 'task', task: tasks[i] }));
    await Promise.all(ready);
    const done = children.map((c) => next(c, 'done'));
    for (const c of children) c.send({ type: 'go' });
    await between?.(children);
    return (await Promise.all(done)).map((m) => m['result'] as InstanceResult);
  } finally {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill();
  }
}

/** The plan: resident i gets 1–4 distinct casts, cast j from process (i + j) mod 4, and re-sends from another process. */
function plan(residentIds: readonly string[], finalists: readonly string[]): { perProcess: PlannedCast[][]; distinct: Map<string, PlannedCast[]>; resends: number } {
  const perProcess: PlannedCast[][] = Array.from({ length: PROCESSES }, () => []);
  const distinct = new Map<string, PlannedCast[]>();
  let resends = 0;
  residentIds.forEach((residentId, i) => {
    const k = 1 + (i % 4);
    const casts: PlannedCast[] = [];
    for (let j = 0; j < k; j++) {
      const a = finalists[(i + j) % finalists.length]!;
      const b = finalists[(i * 7 + j * 5 + 1) % finalists.length]!;
      const choices = j % 3 === 2 || a === b ? [a] : [a, b];
      const cast = { residentId, requestId: `req-${i}-${j}`, choices };
      casts.push(cast);
      perProcess[(i + j) % PROCESSES]!.push(cast);
    }
    distinct.set(residentId, casts);
    // Re-sends of the same request from a different process (a redelivered update landing elsewhere).
    if (i % 3 === 0) {
      perProcess[(i + k) % PROCESSES]!.push(casts[k - 1]!);
      resends++;
    }
    if (i % 5 === 0) {
      perProcess[(i + 2) % PROCESSES]!.push(casts[0]!);
      resends++;
    }
  });
  // Each process works through its list in its own shuffled order, so a resident's casts
  // reach the store in an order nobody planned.
  perProcess.forEach((list, p) => {
    let seed = 17 + p;
    for (let i = list.length - 1; i > 0; i--) {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      const j = seed % (i + 1);
      [list[i], list[j]] = [list[j]!, list[i]!];
    }
  });
  return { perProcess, distinct, resends };
}

const sameList = (a: readonly string[] | undefined, b: readonly string[] | undefined): boolean => JSON.stringify([...(a ?? [])].sort()) === JSON.stringify([...(b ?? [])].sort());

describeWithRedis('four instances on one Redis prefix', () => {
  const prefix = uniquePrefix('multi');
  let stores: RedisStores;
  let residentIds: readonly string[] = [];
  let finalistIds: readonly string[] = [];
  let engine: CampaignEngine;

  beforeAll(async () => {
    stores = await openRedisStores({ url: redisUrl, prefix });
    const prepared = await prepareVotingCampaign(stores, RESIDENTS, FINALISTS);
    residentIds = prepared.residentIds;
    finalistIds = prepared.finalistIds;
    // The parent's engine: same campaign and secret as the instances (it stores the secret check first).
    engine = createEngine({ campaign, stores, clock: { now: () => VOTING_AT }, ids: new SeededIds(1), keys: new VoterKeys(INSTANCE_SECRET) });
    expect(await engine.start()).toEqual({ ok: true, value: 'initialized' });
  }, 60_000);

  afterAll(async () => {
    await stores?.close();
    await deletePrefix(prefix);
  });

  it(`${PROCESSES} processes cast, replace and re-send for ${RESIDENTS} residents: exactly the last acknowledged ballots count`, async () => {
    const { perProcess, distinct, resends } = plan(residentIds, finalistIds);
    const results = await runInstances(
      perProcess.map((casts, worker): InstanceTask => ({ kind: 'casts', url: redisUrl, prefix, worker, at: VOTING_AT, casts, concurrency: 24 })),
    );
    expect(results.map((r) => r.secret)).toEqual(results.map(() => 'match'));
    const acks = results.flatMap((r) => (r.kind === 'casts' ? r.acks : []));
    const planned = perProcess.reduce((n, l) => n + l.length, 0);
    expect(acks).toHaveLength(planned);
    expect(acks.filter((a) => !a.ok)).toEqual([]);

    const byResident = new Map<string, CastAck[]>();
    for (const a of acks) byResident.set(a.residentId, [...(byResident.get(a.residentId) ?? []), a]);
    const keys = new VoterKeys(INSTANCE_SECRET);
    let interleaved = 0;
    let duplicates = 0;
    let multiProcess = 0;
    const lastChoices = new Map<string, readonly string[]>();
    for (const residentId of residentIds) {
      const mine = byResident.get(residentId) ?? [];
      const recorded = mine.filter((a) => a.duplicate === false);
      const wanted = distinct.get(residentId) ?? [];
      // Every distinct request was recorded exactly once, with versions exactly 1..k.
      expect(recorded.map((a) => a.requestId).sort()).toEqual(wanted.map((c) => c.requestId).sort());
      expect(recorded.map((a) => a.version).sort((x, y) => x! - y!)).toEqual(wanted.map((_, i) => i + 1));
      for (const a of recorded) expect(sameList(a.choices, wanted.find((c) => c.requestId === a.requestId)?.choices)).toBe(true);
      // A re-send answers with what its first send stored.
      for (const d of mine.filter((a) => a.duplicate === true)) {
        duplicates++;
        const first = recorded.find((a) => a.requestId === d.requestId);
        expect({ version: d.version, receipt: d.receipt, choices: d.choices }).toEqual({ version: first?.version, receipt: first?.receipt, choices: first?.choices });
      }
      const last = recorded.reduce((m, a) => (a.version! > m.version! ? a : m));
      const stored = await stores.ballots.get(keys.ballotKey(residentId), 'town');
      expect({ version: stored?.version, requestId: stored?.requestId, receipt: stored?.receipt, choices: stored?.choices.map((c) => c.ideaId) }).toEqual({
        version: last.version,
        requestId: last.requestId,
        receipt: last.receipt,
        choices: last.choices,
      });
      expect(await stores.ballots.get(keys.ballotKey(residentId), 'area')).toBeNull();
      lastChoices.set(residentId, last.choices ?? []);
      const order = [...recorded].sort((x, y) => x.version! - y.version!).map((a) => a.requestId);
      if (order.join() !== wanted.map((c) => c.requestId).join()) interleaved++;
      if (new Set(recorded.map((a) => a.worker)).size > 1) multiProcess++;
    }
    expect(duplicates).toBe(resends);
    // The race was real: many residents' casts were stored by several processes, out of plan order.
    expect(multiProcess).toBeGreaterThan(1400);
    expect(interleaved).toBeGreaterThan(100);

    const voted = residentIds.filter((id) => byResident.has(id)).length;
    expect(voted).toBe(RESIDENTS);
    expect(await stores.ballots.countByEnvelope()).toEqual({ town: voted });
    expect(await stores.ballots.countVoters()).toBe(voted);
    const listed = await stores.ballots.list('town');
    expect(new Set(listed.map((b) => b.voterKey)).size).toBe(listed.length);
    expect(listed).toHaveLength(voted);

    const tally = await engine.computeResults();
    if (!tally.ok) throw new Error(`tally refused: ${tally.code}`);
    const town = tally.value.envelopes.find((e) => e.envelopeId === 'town');
    expect(town?.ballots).toBe(voted);
    const expected = new Map<string, number>();
    for (const choices of lastChoices.values()) for (const id of choices) expected.set(id, (expected.get(id) ?? 0) + 1);
    expect(Object.fromEntries(town?.rows.map((r) => [r.ideaId, r.voters]) ?? [])).toEqual(Object.fromEntries(finalistIds.map((id) => [id, expected.get(id) ?? 0])));
    expect(town?.rows.every((r) => r.score === r.voters)).toBe(true);
    process.stdout.write(`multi-instance: ${planned} cast requests (${resends} re-sends) from ${PROCESSES} processes; ${RESIDENTS} residents, ${interleaved} stored out of plan order\n`);
  }, 60_000);

  it('two instances race for the scheduler lease: one leads, one digest and one update per occurrence', async () => {
    const tasks = [0, 1].map((worker): InstanceTask => ({ kind: 'scheduler', url: redisUrl, prefix, worker, at: DIGEST_AT, leaseTtlMs: 10_000, runMs: 1500 }));
    const results = await runInstances(tasks, async (children) => {
      // Once both have stopped contending, let them act as leaders at the same time.
      await Promise.all(children.map((c) => new Promise<void>((resolve) => c.on('message', (m: { type?: string }) => m.type === 'overlap-ready' && resolve()))));
      for (const c of children) c.send({ type: 'overlap' });
    });
    const scheduler = results.flatMap((r) => (r.kind === 'scheduler' ? [r] : []));
    expect(scheduler.map((r) => r.leaderships).sort()).toEqual([0, 1]);
    // Both overlapping "leaders" enqueued the same keys; the outbox kept one of each.
    for (const r of scheduler) expect(r.overlap).toMatchObject({ enqueued: ['digest:2026-05-01T06:00:00.000Z:slack:U0MAYOR'], broadcasts: ['bc_upd-20260427t0700z'] });
    const outbox = await stores.outbox.list(0, 100_000);
    const digests = outbox.filter((m) => m.key.startsWith('digest:'));
    expect(digests.map((m) => m.key)).toEqual(['digest:2026-05-01T06:00:00.000Z:slack:U0MAYOR']);
    const updates = (await stores.broadcasts.list(null, 100)).filter((b) => b.id.startsWith('bc_upd-'));
    expect(updates.map((b) => b.id)).toEqual(['bc_upd-20260427t0700z']);
    expect(digests[0]).toMatchObject({ recipient: { kind: 'slackUser', userId: 'U0MAYOR' }, template: 'digest.weekly' });
    expect(digests[0]?.params).toMatchObject({ registered: RESIDENTS, voters: RESIDENTS, 'ballotsByEnvelope.town': RESIDENTS, phase: 'voting' });
  }, 60_000);

  it(`${PROCESSES} instances receive the same inbound updates: each is handled once, an expired lease taken over once`, async () => {
    const LEASE = 60_000;
    const fresh = Array.from({ length: 400 }, (_, i) => `tg:${10_000 + i}`);
    // Leases of an instance that crashed mid-update, expired at VOTING_AT.
    const crashed = Array.from({ length: 100 }, (_, i) => `tg:${20_000 + i}`);
    for (const key of crashed) expect((await stores.processed.begin(key, VOTING_AT - 2 * LEASE, LEASE)).status).toBe('new');
    const keys = [...fresh, ...crashed];
    const results = await runInstances(
      Array.from({ length: PROCESSES }, (_, worker): InstanceTask => {
        // Each instance meets the updates in its own order (rotated), as redeliveries land.
        const order = [...keys.slice((worker * keys.length) / PROCESSES), ...keys.slice(0, (worker * keys.length) / PROCESSES)];
        return { kind: 'updates', url: redisUrl, prefix, worker, at: VOTING_AT, keys: order, leaseMs: LEASE, concurrency: 8 };
      }),
    );
    const answers = results.flatMap((r) => (r.kind === 'updates' ? [r.answers] : []));
    expect(answers).toHaveLength(PROCESSES);
    for (const key of keys) {
      const got = answers.map((a) => a[key]);
      expect(got.filter((g) => g === 'new'), key).toHaveLength(1);
      expect(got.filter((g) => g !== 'new' && g !== 'in_progress' && g !== 'done'), key).toEqual([]);
      expect((await stores.processed.begin(key, VOTING_AT + 1, LEASE)).status, key).toBe('done');
    }
  }, 60_000);
});
