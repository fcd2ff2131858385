/**
 * Contract of `Outbox` group counters (`group`, `groupCounts`) and of `eraseRecipient`, run by
 * every backend. The invariant checked throughout: a group's counters equal what a scan of the
 * outbox finds for that group.
 */
import { describe, expect, it } from 'vitest';
import type { OutboxGroupCounts } from '../../core/ports/outbox.ts';
import { groupOutcome } from '../../core/ports/outbox.ts';
import type { Stores } from '../../core/ports/stores.ts';
import type { MakeStores } from './stores-fixture.ts';
import { T0, fixtures, messageRef, outboxDraft, range, resident } from './contract-helpers.ts';

const LEASE = 60_000;
const ZERO = { pending: 0, sent: 0, failed: 0, skipped: 0 };

/** What a scan of the outbox finds for `group` (the reference the counters must match). */
async function scanGroup(stores: Stores, group: string): Promise<OutboxGroupCounts> {
  const c = { pending: 0, sent: 0, failed: 0, skipped: 0 };
  for (const m of await stores.outbox.list(0, 100_000)) if (m.group === group) c[groupOutcome(m)] += 1;
  return c;
}

function toResident(key: string, residentId: string, group?: string) {
  return outboxDraft(key, { recipient: { kind: 'resident', residentId }, ...(group === undefined ? {} : { group }) });
}

export function describeOutboxGroupsContract(label: string, make: MakeStores): void {
  describe(`Outbox groups and erasure contract [${label}]`, () => {
    const open = fixtures(make);

    it('counts pending / sent / failed per group through enqueue, ack and fail; de-dup, repeats and lost settles count once', async () => {
      const { stores } = await open();
      expect(await stores.outbox.groupCounts('bc:1')).toEqual(ZERO);
      await stores.outbox.enqueue([
        outboxDraft('a', { group: 'bc:1' }),
        outboxDraft('b', { group: 'bc:1' }),
        outboxDraft('c', { group: 'bc:1' }),
        outboxDraft('d', { group: 'bc:2' }),
        outboxDraft('e'),
        outboxDraft('a', { group: 'bc:2' }),
      ]);
      await stores.residents.save(resident('tg:1'), null, { outbox: [outboxDraft('f', { group: 'bc:1' }), outboxDraft('b', { group: 'bc:1' })] });
      expect(await stores.outbox.groupCounts('bc:1')).toEqual({ pending: 4, sent: 0, failed: 0, skipped: 0 });
      const [a, b, c] = await stores.outbox.claim(T0, 3, LEASE);
      expect(await stores.outbox.ack(a?.seq ?? -1, a?.token ?? '')).toBe('ok');
      expect(await stores.outbox.ack(a?.seq ?? -1, a?.token ?? '')).toBe('ok');
      expect(await stores.outbox.fail(b?.seq ?? -1, b?.token ?? '', 'blocked')).toBe('ok');
      expect(await stores.outbox.fail(b?.seq ?? -1, a?.token ?? '', 'blocked')).toBe('lost');
      expect(await stores.outbox.retry(c?.seq ?? -1, c?.token ?? '', T0 + 1, '429')).toBe('ok');
      expect(await stores.outbox.groupCounts('bc:1')).toEqual({ pending: 2, sent: 1, failed: 1, skipped: 0 });
      expect(await stores.outbox.groupCounts('bc:2')).toEqual({ pending: 1, sent: 0, failed: 0, skipped: 0 });
      expect(await stores.outbox.groupCounts('bc:3')).toEqual(ZERO);
      for (const g of ['bc:1', 'bc:2']) expect(await stores.outbox.groupCounts(g)).toEqual(await scanGroup(stores, g));
      expect(await stores.outbox.counts()).toEqual({ pending: 4, sent: 1, failed: 1 });
    });

    it('race: concurrent settles through two handles keep the counters equal to a scan', async () => {
      const { stores, reopen } = await open();
      const other = await reopen();
      await stores.outbox.enqueue(range(1, 40).map((i) => outboxDraft(`m${i}`, { group: i % 4 === 0 ? 'bc:b' : 'bc:a' })));
      const batches = await Promise.all(range(1, 8).map((i) => (i % 2 ? stores : other).outbox.claim(T0, 5, LEASE)));
      const claimed = batches.flat();
      expect(claimed).toHaveLength(40);
      const settles = claimed.flatMap((m, i) => {
        const [mine, theirs] = i % 2 ? [stores, other] : [other, stores];
        if (i % 3 === 0) return [mine.outbox.ack(m.seq, m.token), theirs.outbox.ack(m.seq, m.token), theirs.outbox.fail(m.seq, m.token, 'x')];
        if (i % 3 === 1) return [mine.outbox.fail(m.seq, m.token, 'x'), theirs.outbox.ack(m.seq, 'foreign-token-00000000')];
        return [mine.outbox.retry(m.seq, m.token, T0 + 5, '429'), theirs.outbox.extend(m.seq, m.token, T0, LEASE)];
      });
      await Promise.all(settles);
      for (const g of ['bc:a', 'bc:b']) expect(await other.outbox.groupCounts(g)).toEqual(await scanGroup(stores, g));
      const a = await stores.outbox.groupCounts('bc:a');
      const b = await stores.outbox.groupCounts('bc:b');
      expect(a.pending + a.sent + a.failed).toBe(30);
      expect(b.pending + b.sent + b.failed).toBe(10);
      expect(await stores.outbox.counts()).toEqual({ pending: a.pending + b.pending, sent: a.sent + b.sent, failed: a.failed + b.failed });
    });

    it('an ack with `skipped` settles the message like a sent one, noted, counted under skipped; a repeat counts once; erasure uncounts it', async () => {
      const { stores } = await open();
      await stores.outbox.enqueue([toResident('a', 'tg:1', 'bc:1'), toResident('b', 'tg:2', 'bc:1'), toResident('c', 'tg:1', 'bc:1'), { ...toResident('after-a', 'tg:3', 'bc:1'), after: 'a' }]);
      const [a, b, c] = await stores.outbox.claim(T0, 3, LEASE);
      expect(await stores.outbox.ack(a?.seq ?? -1, a?.token ?? '', { skipped: 'already voted' })).toBe('ok');
      expect(await stores.outbox.ack(a?.seq ?? -1, a?.token ?? '', { skipped: 'already voted' })).toBe('ok');
      expect(await stores.outbox.ack(b?.seq ?? -1, b?.token ?? '')).toBe('ok');
      expect(await stores.outbox.ack(c?.seq ?? -1, c?.token ?? '', { skipped: 'voting closed' })).toBe('ok');
      expect(await stores.outbox.groupCounts('bc:1')).toEqual({ pending: 1, sent: 1, failed: 0, skipped: 2 });
      expect(await stores.outbox.groupCounts('bc:1')).toEqual(await scanGroup(stores, 'bc:1'));
      const listed = await stores.outbox.list(0, 10);
      expect(listed.map((m) => [m.key, m.status, m.lastError])).toEqual([
        ['a', 'sent', 'skipped: already voted'],
        ['b', 'sent', null],
        ['c', 'sent', 'skipped: voting closed'],
        ['after-a', 'pending', null],
      ]);
      // Settled: its successor is released, and it is no failure.
      expect((await stores.outbox.claim(T0, 10, LEASE)).map((m) => m.key)).toEqual(['after-a']);
      expect(await stores.outbox.failedByReason(10)).toEqual([]);
      expect(await stores.outbox.counts()).toEqual({ pending: 1, sent: 3, failed: 0 });
      expect(await stores.outbox.eraseRecipient('tg:1')).toBe(2);
      expect(await stores.outbox.groupCounts('bc:1')).toEqual({ pending: 1, sent: 1, failed: 0, skipped: 0 });
      expect(await stores.outbox.groupCounts('bc:1')).toEqual(await scanGroup(stores, 'bc:1'));
    });

    it('eraseRecipient removes every message to that resident, whatever its status, and nothing else', async () => {
      const { stores } = await open();
      await stores.outbox.enqueue([
        toResident('r1:sent', 'tg:1', 'bc:1'),
        toResident('r1:failed', 'tg:1', 'bc:1'),
        toResident('r1:claimed', 'tg:1', 'bc:1'),
        toResident('r2:pending', 'tg:2', 'bc:1'),
        toResident('r1:pending', 'tg:1', 'bc:1'),
        toResident('r1:own', 'tg:1'),
        toResident('r11', 'tg:11', 'bc:1'),
        outboxDraft('committee', { group: 'bc:1', params: { about: 'tg:1' } }),
      ]);
      const [sent, failed, inFlight] = await stores.outbox.claim(T0, 3, LEASE);
      await stores.outbox.ack(sent?.seq ?? -1, sent?.token ?? '');
      await stores.outbox.fail(failed?.seq ?? -1, failed?.token ?? '', 'x');
      expect(await stores.outbox.eraseRecipient('tg:1')).toBe(5);
      const left = await stores.outbox.list(0, 100);
      expect(left.map((m) => m.key)).toEqual(['r2:pending', 'r11', 'committee']);
      expect(await stores.outbox.groupCounts('bc:1')).toEqual({ pending: 3, sent: 0, failed: 0, skipped: 0 });
      expect(await stores.outbox.groupCounts('bc:1')).toEqual(await scanGroup(stores, 'bc:1'));
      expect(await stores.outbox.counts()).toEqual({ pending: 3, sent: 0, failed: 0 });
      // The in-flight claim is lost (its ack stores nothing), nothing of tg:1 is handed out.
      expect(await stores.outbox.ack(inFlight?.seq ?? -1, inFlight?.token ?? '', { ref: messageRef('x', { owner: 'tg:1' }) })).toBe('lost');
      expect(await stores.messageRefs.get('x')).toBeNull();
      expect((await stores.outbox.claim(T0 + 10 * LEASE, 100, LEASE)).map((m) => m.key)).toEqual(['r2:pending', 'r11', 'committee']);
      expect(await stores.outbox.eraseRecipient('tg:1')).toBe(0);
      expect(await stores.outbox.eraseRecipient('tg:nobody')).toBe(0);
    });

    it('an erased message leaves no key behind: the same key may be enqueued again as a new message', async () => {
      const { stores } = await open();
      await stores.outbox.enqueue([toResident('notify:tg:1:welcome', 'tg:1')]);
      const [before] = await stores.outbox.list(0, 10);
      await stores.outbox.eraseRecipient('tg:1');
      await stores.outbox.enqueue([toResident('notify:tg:1:welcome', 'tg:1')]);
      const [after] = await stores.outbox.list(0, 10);
      expect(after?.key).toBe('notify:tg:1:welcome');
      expect(after?.seq).toBeGreaterThan(before?.seq ?? Infinity);
    });

    it('race: erasure concurrent with claims and acks through two handles keeps counters equal to a scan', async () => {
      const { stores, reopen } = await open();
      const other = await reopen();
      await stores.outbox.enqueue(range(1, 30).map((i) => toResident(`m${i}`, `tg:${i % 3}`, 'bc:x')));
      const claimed = await stores.outbox.claim(T0, 30, LEASE);
      await Promise.all([
        ...claimed.map((m, i) => (i % 2 ? stores : other).outbox.ack(m.seq, m.token)),
        other.outbox.eraseRecipient('tg:1'),
        stores.outbox.eraseRecipient('tg:2'),
      ]);
      const left = await stores.outbox.list(0, 100);
      expect(left.every((m) => m.recipient.kind === 'resident' && m.recipient.residentId === 'tg:0')).toBe(true);
      expect(left).toHaveLength(10);
      expect(await stores.outbox.groupCounts('bc:x')).toEqual({ pending: 0, sent: 10, failed: 0, skipped: 0 });
      expect(await stores.outbox.groupCounts('bc:x')).toEqual(await scanGroup(stores, 'bc:x'));
    });
  });
}
