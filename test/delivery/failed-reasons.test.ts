/**
 * `Outbox.failedByReason` on every store: failed messages counted by their reason, most
 * frequent first, kept with `fail` and with "forget me" (eraseRecipient), never counting
 * retried or sent ones — the figures `/readyz` shows as parked messages.
 */
import { describe, expect, it } from 'vitest';
import type { Stores } from '../../core/ports/stores.ts';
import type { OutboxDraft } from '../../core/ports/side-records.ts';
import { createMemoryStores } from '../support/memory/memory-stores.ts';
import { makeSqliteFixture } from '../sqlite/sqlite-fixture.ts';
import { makeRedisStores } from '../redis/redis-fixture.ts';
import { describeWithRedis } from '../support/redis.ts';

const draft = (key: string, residentId: string): OutboxDraft => ({ key, recipient: { kind: 'resident', residentId }, template: 'update.weekly', params: {}, notBefore: 0 });

async function scenario(stores: Stores): Promise<void> {
  const o = stores.outbox;
  await o.enqueue([draft('a', 'r1'), draft('b', 'r2'), draft('c', 'r2'), draft('d', 'r3'), draft('e', 'r4'), draft('f', 'r5')]);
  expect(await o.failedByReason(10)).toEqual([]);
  const claimed = await o.claim(1, 10, 60_000);
  const by = new Map(claimed.map((m) => [m.key, m]));
  const settle = async (key: string, how: 'fail502' | 'fail403' | 'retry' | 'ack') => {
    const m = by.get(key)!;
    if (how === 'ack') return o.ack(m.seq, m.token);
    if (how === 'retry') return o.retry(m.seq, m.token, 2, 'telegram 502');
    return o.fail(m.seq, m.token, how === 'fail502' ? 'telegram 502' : 'telegram 403: blocked by the user');
  };
  expect(await settle('a', 'fail502')).toBe('ok');
  expect(await settle('b', 'fail502')).toBe('ok');
  expect(await settle('c', 'fail403')).toBe('ok');
  expect(await settle('d', 'retry')).toBe('ok');
  expect(await settle('e', 'ack')).toBe('ok');
  // A repeated fail (a re-sent call) counts once.
  expect(await settle('a', 'fail502')).toBe('ok');
  expect(await o.failedByReason(10)).toEqual([
    { reason: 'telegram 502', count: 2 },
    { reason: 'telegram 403: blocked by the user', count: 1 },
  ]);
  expect(await o.failedByReason(1)).toEqual([{ reason: 'telegram 502', count: 2 }]);
  // "Forget me" of r2 removes one 502 and the 403.
  expect(await o.eraseRecipient('r2')).toBe(2);
  expect(await o.failedByReason(10)).toEqual([{ reason: 'telegram 502', count: 1 }]);
  expect((await o.counts()).failed).toBe(1);
}

describe('failed messages by reason', () => {
  it('memory', async () => scenario(createMemoryStores()));
  it('sqlite', async () => {
    const f = await makeSqliteFixture();
    try {
      await scenario(f.stores);
    } finally {
      await f.cleanup();
    }
  });
});

describeWithRedis('failed messages by reason (Redis)', () => {
  it('redis (scripts key-checked)', async () => {
    const f = await makeRedisStores()();
    try {
      await scenario(f.stores);
    } finally {
      await f.cleanup();
    }
  });
});
