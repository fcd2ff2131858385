/**
 * Contract of `Outbox` predecessors (`after`, core/ports/outbox.ts), run by every backend: a
 * message is not handed out while its predecessor is pending, and is never stuck behind one
 * that will not be sent.
 */
import { describe, expect, it } from 'vitest';
import type { Stores } from '../../core/ports/stores.ts';
import type { ClaimedMessage } from '../../core/ports/outbox.ts';
import type { MakeStores } from './stores-fixture.ts';
import { T0, fixtures, messageRef, outboxDraft, range, resident } from './contract-helpers.ts';

const LEASE = 60_000;

async function claimKeys(stores: Stores, now: number, limit = 100): Promise<string[]> {
  return (await stores.outbox.claim(now, limit, LEASE)).map((m) => m.key);
}

function byKey(claimed: readonly ClaimedMessage[], key: string): ClaimedMessage {
  const m = claimed.find((c) => c.key === key);
  if (m === undefined) throw new Error(`${key} was not claimed`);
  return m;
}

export function describeOutboxOrderContract(label: string, make: MakeStores): void {
  describe(`Outbox predecessors contract [${label}]`, () => {
    const open = fixtures(make);

    it('holds a successor until its predecessor is acked, then hands it out; the ack ref is readable by then', async () => {
      const { stores, reopen } = await open();
      const other = await reopen();
      await stores.outbox.enqueue([outboxDraft('card:i1'), outboxDraft('card:i1:v2', { after: 'card:i1' }), outboxDraft('free')]);
      const first = await stores.outbox.claim(T0, 10, LEASE);
      expect(first.map((m) => m.key)).toEqual(['card:i1', 'free']);
      await stores.outbox.ack(byKey(first, 'free').seq, byKey(first, 'free').token);
      // Still held while the card is in flight, and after its lease ran out (the card comes back first).
      expect(await claimKeys(other, T0 + 1)).toEqual([]);
      const again = await other.outbox.claim(T0 + LEASE, 10, LEASE);
      expect(again.map((m) => m.key)).toEqual(['card:i1']);
      const card = byKey(again, 'card:i1');
      expect(await other.outbox.ack(card.seq, card.token, { ref: messageRef('card:i1') })).toBe('ok');
      const next = await stores.outbox.claim(T0 + LEASE, 10, LEASE);
      expect(next.map((m) => m.key)).toEqual(['card:i1:v2']);
      expect(await stores.messageRefs.get('card:i1')).toEqual(messageRef('card:i1'));
    });

    it('a held message at the head does not use up the claim limit', async () => {
      const { stores } = await open();
      await stores.outbox.enqueue([
        outboxDraft('p', { notBefore: T0 + 1_000 }),
        ...range(1, 5).map((i) => outboxDraft(`s${i}`, { after: 'p' })),
        outboxDraft('q1'),
        outboxDraft('q2'),
      ]);
      expect(await claimKeys(stores, T0, 2)).toEqual(['q1', 'q2']);
      expect(await claimKeys(stores, T0 + 1_000, 2)).toEqual(['p']);
    });

    it('follows a chain one link at a time, and a retried predecessor keeps holding', async () => {
      const { stores } = await open();
      await stores.outbox.enqueue([outboxDraft('a'), outboxDraft('b', { after: 'a' }), outboxDraft('c', { after: 'b' })]);
      const [a] = await stores.outbox.claim(T0, 10, LEASE);
      expect(a?.key).toBe('a');
      expect(await stores.outbox.retry(a?.seq ?? -1, a?.token ?? '', T0 + 10, '429')).toBe('ok');
      expect(await claimKeys(stores, T0 + 5)).toEqual([]);
      const [a2] = await stores.outbox.claim(T0 + 10, 10, LEASE);
      expect(a2?.key).toBe('a');
      await stores.outbox.ack(a2?.seq ?? -1, a2?.token ?? '');
      const [b] = await stores.outbox.claim(T0 + 10, 10, LEASE);
      expect(b?.key).toBe('b');
      expect(await claimKeys(stores, T0 + 10 + LEASE)).toEqual(['b']);
    });

    it('a released successor still waits for its own notBefore', async () => {
      const { stores } = await open();
      await stores.outbox.enqueue([outboxDraft('p'), outboxDraft('s', { after: 'p', notBefore: T0 + 500 })]);
      const [p] = await stores.outbox.claim(T0, 10, LEASE);
      await stores.outbox.ack(p?.seq ?? -1, p?.token ?? '');
      expect(await claimKeys(stores, T0 + 499)).toEqual([]);
      expect(await claimKeys(stores, T0 + 500)).toEqual(['s']);
    });

    it('a failed predecessor releases its successor (it is never stuck)', async () => {
      const { stores } = await open();
      await stores.outbox.enqueue([outboxDraft('p'), outboxDraft('s', { after: 'p' })]);
      const [p] = await stores.outbox.claim(T0, 10, LEASE);
      expect(await stores.outbox.fail(p?.seq ?? -1, p?.token ?? '', 'channel_not_found')).toBe('ok');
      expect(await claimKeys(stores, T0)).toEqual(['s']);
      expect(await stores.messageRefs.get('p')).toBeNull();
    });

    it('a predecessor never enqueued, or enqueued after its successor, holds nothing', async () => {
      const { stores } = await open();
      await stores.outbox.enqueue([outboxDraft('s1', { after: 'never' }), outboxDraft('s2', { after: 'later' }), outboxDraft('self', { after: 'self' })]);
      await stores.outbox.enqueue([outboxDraft('later')]);
      expect(await claimKeys(stores, T0)).toEqual(['s1', 's2', 'self', 'later']);
    });

    it('a predecessor already sent or failed holds nothing; one pending from side records does', async () => {
      const { stores } = await open();
      await stores.outbox.enqueue([outboxDraft('sent'), outboxDraft('failed')]);
      const claimed = await stores.outbox.claim(T0, 10, LEASE);
      await stores.outbox.ack(byKey(claimed, 'sent').seq, byKey(claimed, 'sent').token);
      await stores.outbox.fail(byKey(claimed, 'failed').seq, byKey(claimed, 'failed').token, 'x');
      await stores.residents.save(resident('tg:1'), null, {
        outbox: [outboxDraft('side-p'), outboxDraft('side-s', { after: 'side-p' }), outboxDraft('a', { after: 'sent' }), outboxDraft('b', { after: 'failed' })],
      });
      expect(await claimKeys(stores, T0)).toEqual(['side-p', 'a', 'b']);
    });

    it('an erased predecessor releases its successor', async () => {
      const { stores } = await open();
      await stores.outbox.enqueue([
        outboxDraft('builder:tg:1', { recipient: { kind: 'resident', residentId: 'tg:1' } }),
        outboxDraft('card:i1', { after: 'builder:tg:1' }),
      ]);
      expect(await claimKeys(stores, T0, 1)).toEqual(['builder:tg:1']);
      expect(await stores.outbox.eraseRecipient('tg:1')).toBe(1);
      expect(await claimKeys(stores, T0)).toEqual(['card:i1']);
    });

    it('race: successors released by concurrent acks through two handles are each handed out once', async () => {
      const { stores, reopen } = await open();
      const other = await reopen();
      await stores.outbox.enqueue(range(1, 10).flatMap((i) => [outboxDraft(`p${i}`), outboxDraft(`s${i}`, { after: `p${i}` })]));
      const ps = await stores.outbox.claim(T0, 100, LEASE);
      expect(ps.map((m) => m.key)).toEqual(range(1, 10).map((i) => `p${i}`));
      const outcomes = await Promise.all(
        ps.flatMap((m, i) => [(i % 2 ? stores : other).outbox.ack(m.seq, m.token), (i % 2 ? other : stores).outbox.claim(T0, 3, LEASE)]),
      );
      expect(outcomes.filter((o) => o === 'ok')).toHaveLength(10);
      const early = outcomes.flatMap((o) => (Array.isArray(o) ? o.map((m: ClaimedMessage) => m.key) : []));
      const rest = await claimKeys(stores, T0);
      const all = [...early, ...rest];
      expect(all.sort()).toEqual(range(1, 10).map((i) => `s${i}`).sort());
    });
  });
}
