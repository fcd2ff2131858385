/**
 * Casts started in the same turn share calls of the cast script (redis-ballot-box.ts,
 * CAST_BATCH per call). Each keeps its own outcome exactly as if cast alone: versions in
 * order for one voter, request ids answered `duplicate`, refusals storing nothing, a ballot
 * moved between envelopes counted once, distinct voters counted once — and side records
 * never travel in a shared call.
 */
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterEach, expect, it } from 'vitest';
import { redisKeys } from '../../adapters/redis/keys.ts';
import { CAST_BATCH, RedisBallotBox } from '../../adapters/redis/redis-ballot-box.ts';
import { RedisContext } from '../../adapters/redis/redis-context.ts';
import type { ScriptName } from '../../adapters/redis/scripts.ts';
import type { SideRecords } from '../../core/ports/side-records.ts';
import { CLOSES_AT, castRequest, range } from '../contracts/contract-helpers.ts';
import { deletePrefix, describeWithRedis, redisUrl, uniquePrefix } from '../support/redis.ts';

/** A context counting the write-script calls and the casts each carried. */
class CountingContext extends RedisContext {
  readonly calls: number[] = [];
  /** `calls.length` at each `sendNow`. */
  readonly sentNow: number[] = [];
  override sendNow(): void {
    this.sentNow.push(this.calls.length);
    super.sendNow();
  }
  override write(op: string, name: ScriptName, side: SideRecords, ownKeys: readonly string[], ownArgs: readonly (string | number)[], marker = true): Promise<unknown> {
    if (name === 'ballot-cast') this.calls.push(Number(ownArgs[0]));
    return super.write(op, name, side, ownKeys, ownArgs, marker);
  }
}

const opened: { redis: Redis; prefix: string }[] = [];
afterEach(async () => {
  for (const o of opened.splice(0)) {
    o.redis.disconnect();
    await deletePrefix(o.prefix);
  }
});

function open(): { box: RedisBallotBox; ctx: CountingContext } {
  const prefix = uniquePrefix('batch');
  const redis = new Redis(redisUrl);
  opened.push({ redis, prefix });
  const ctx = new CountingContext(redis, redisKeys(prefix), { url: redisUrl, logger: pino({ level: 'silent' }), doneTtlMs: 60_000, checkScriptKeys: true });
  return { box: new RedisBallotBox(ctx), ctx };
}

describeWithRedis('Redis BallotBox: casts of one turn share script calls', () => {
  it('a turn of mixed casts: one call, each outcome as if cast alone', async () => {
    const { box, ctx } = open();
    // Before the turn: a ballot in the north envelope, one that may not be replaced later.
    expect((await box.cast(castRequest('vk-move', 'rq-m1', { slot: 'area', envelopeId: 'env-north' }), {})).status).toBe('recorded');
    expect((await box.cast(castRequest('vk-keep', 'rq-k1'), {})).status).toBe('recorded');
    ctx.calls.length = 0;
    const outs = await Promise.all([
      box.cast(castRequest('vk-a', 'rq-a1'), {}), // first town ballot of a new voter
      box.cast(castRequest('vk-a', 'rq-a2', { slot: 'area', envelopeId: 'env-north' }), {}), // and their area ballot: still one voter
      box.cast(castRequest('vk-b', 'rq-b1'), {}),
      box.cast(castRequest('vk-b', 'rq-b2', { choices: [{ ideaId: 'idea_z', points: 1 }] }), {}), // version 2 in the same call
      box.cast(castRequest('vk-b', 'rq-b1'), {}), // re-sent in the same call: duplicate of version 1
      box.cast(castRequest('vk-move', 'rq-m2', { slot: 'area', envelopeId: 'env-south' }), {}), // moved area: needs a second call
      box.cast(castRequest('vk-keep', 'rq-k2', { allowReplace: false }), {}),
      box.cast(castRequest('vk-late', 'rq-l1', { at: CLOSES_AT }), {}),
      box.cast(castRequest('vk-stale', 'rq-s1', { phaseVersion: 7 }), {}),
    ]);
    expect(outs.map((o) => o.status)).toEqual(['recorded', 'recorded', 'recorded', 'recorded', 'duplicate', 'recorded', 'exists', 'closed', 'stale']);
    const version = (i: number): number | null => {
      const o = outs[i]!;
      return o.status === 'recorded' || o.status === 'duplicate' || o.status === 'exists' ? o.ballot.version : null;
    };
    expect([0, 1, 2, 3, 4, 5, 6].map(version)).toEqual([1, 1, 1, 2, 1, 2, 1]);
    expect(outs[4]).toMatchObject({ ballot: { requestId: 'rq-b1', receipt: 'R-rq-b1' } });
    expect(outs[5]).toMatchObject({ replaced: true, ballot: { envelopeId: 'env-south' } });
    // The nine casts went in one call; the moved ballot then alone, naming the old envelope.
    expect(ctx.calls).toEqual([9, 1]);
    expect(await box.countVoters()).toBe(4);
    expect(await box.countByEnvelope()).toEqual({ 'env-town': 3, 'env-north': 1, 'env-south': 1 });
    expect((await box.list('env-north')).map((b) => b.voterKey)).toEqual(['vk-a']);
    expect((await box.list('env-south')).map((b) => b.voterKey)).toEqual(['vk-move']);
    expect((await box.list('env-town')).map((b) => [b.voterKey, b.version])).toEqual([
      ['vk-a', 1],
      ['vk-b', 2],
      ['vk-keep', 1],
    ]);
    expect(await box.get('vk-late', 'town')).toBeNull();
    expect(await box.get('vk-stale', 'town')).toBeNull();
  });

  it(`splits a large turn in calls of ${CAST_BATCH} and counts every ballot once`, async () => {
    const { box, ctx } = open();
    const n = 2 * CAST_BATCH + 10;
    const outs = await Promise.all(range(0, n - 1).map((i) => box.cast(castRequest(`vk-${i % (n - 20)}`, `rq-${i}`), {})));
    expect(ctx.calls).toEqual([CAST_BATCH, CAST_BATCH, 10]);
    expect(outs.filter((o) => o.status === 'recorded' && !o.replaced)).toHaveLength(n - 20);
    expect(outs.filter((o) => o.status === 'recorded' && o.replaced)).toHaveLength(20);
    expect(await box.countVoters()).toBe(n - 20);
    expect(await box.countByEnvelope()).toEqual({ 'env-town': n - 20 });
    // A re-sent turn answers duplicate for every cast and changes nothing.
    const again = await Promise.all(range(0, n - 1).map((i) => box.cast(castRequest(`vk-${i % (n - 20)}`, `rq-${i}`), {})));
    expect(again.every((o) => o.status === 'duplicate')).toBe(true);
    expect(await box.countVoters()).toBe(n - 20);
    expect(await box.countByEnvelope()).toEqual({ 'env-town': n - 20 });
  });

  it('a full batch is sent as soon as it fills, and written at once; the rest at the end of the turn', async () => {
    const { box, ctx } = open();
    const n = CAST_BATCH + 3;
    const pending: Promise<unknown>[] = [];
    for (const i of range(0, CAST_BATCH - 1)) pending.push(box.cast(castRequest(`vk-${i}`, `rq-${i}`), {}));
    // Still in the turn that cast them: the full batch is on its way, written past the coalescing.
    expect(ctx.calls).toEqual([CAST_BATCH]);
    expect(ctx.sentNow).toEqual([1]);
    for (const i of range(CAST_BATCH, n - 1)) pending.push(box.cast(castRequest(`vk-${i}`, `rq-${i}`), {}));
    expect(ctx.calls).toEqual([CAST_BATCH]);
    const outs = await Promise.all(pending);
    expect(ctx.calls).toEqual([CAST_BATCH, 3]);
    expect(ctx.sentNow).toEqual([1, 2]);
    expect(outs.every((o) => (o as { status: string }).status === 'recorded')).toBe(true);
    expect(await box.countVoters()).toBe(n);
  });

  it('a cast with side records goes in a call of its own', async () => {
    const { box, ctx } = open();
    const side: SideRecords = { audit: [{ at: 1, actor: 'system:engine', action: 'ballot.assisted', subject: 'envelope:env-town', data: {}, assisted: true }] };
    const outs = await Promise.all([box.cast(castRequest('vk-1', 'rq-1'), {}), box.cast(castRequest('vk-2', 'rq-2'), side), box.cast(castRequest('vk-3', 'rq-3'), {})]);
    expect(outs.map((o) => o.status)).toEqual(['recorded', 'recorded', 'recorded']);
    expect([...ctx.calls].sort()).toEqual([1, 2]);
  });
});
