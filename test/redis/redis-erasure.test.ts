/**
 * "Forget me" in the Redis layout (SPEC §2.4): once a resident's outbox messages and message
 * references are erased, no key and no value under the prefix holds their id — the indexes
 * (`ob:by-resident`, `mref:owned`, `ob:keys`) and counters included.
 */
import { afterEach, expect, it } from 'vitest';
import { T0, messageRef, outboxDraft } from '../contracts/contract-helpers.ts';
import { adminClient, describeWithRedis, keyContents as contents, keysUnder } from '../support/redis.ts';
import { makeRedisStores } from './redis-fixture.ts';

const make = makeRedisStores();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

describeWithRedis('Redis store: erasing a resident’s deliveries', () => {
  it('leaves no key or value holding the resident id', async () => {
    const f = await make();
    cleanups.push(() => f.cleanup());
    const { stores, prefix } = f;
    const gone = 'tg:58213907';
    const to = (key: string, residentId: string) => outboxDraft(key, { recipient: { kind: 'resident', residentId }, group: 'bc:1', params: {} });
    // Keys name no resident: the outbox erases what is addressed to them, not keys others chose.
    await stores.outbox.enqueue([to('notify:n1:a', gone), to('notify:n1:b', gone), to('notify:other', 'tg:2'), outboxDraft('card:i1', { after: 'notify:n1:a' })]);
    const [first] = await stores.outbox.claim(T0, 1, 60_000);
    await stores.outbox.ack(first?.seq ?? -1, first?.token ?? '', { ref: messageRef(`builder:${gone}:town`, { owner: gone, platform: 'telegram', chat: '58213907' }) });
    await stores.messageRefs.put(messageRef(`builder:${gone}:area`, { owner: gone }));
    await stores.messageRefs.put(messageRef('builder:tg:2:town', { owner: 'tg:2' }));

    expect(await stores.outbox.eraseRecipient(gone)).toBe(2);
    expect(await stores.messageRefs.eraseOwner(gone)).toBe(2);

    const admin = adminClient();
    await admin.connect();
    try {
      for (const key of await keysUnder(admin, prefix)) {
        expect(key).not.toContain('58213907');
        for (const v of await contents(admin, key)) expect(v, key).not.toContain('58213907');
      }
    } finally {
      admin.disconnect();
    }
    expect(await stores.outbox.groupCounts('bc:1')).toEqual({ pending: 1, sent: 0, failed: 0, skipped: 0 });
  });
});
