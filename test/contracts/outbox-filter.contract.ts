/**
 * Contract of `claim` with a recipient filter (`only`, core/ports/outbox.ts), run by every
 * backend: a filtered claim hands out only the listed kinds, in seq order, with the usual
 * leases, tokens and predecessor holds, and leaves the other messages untouched (no attempt,
 * no lease) for the claim that lists their kind.
 */
import { describe, expect, it } from 'vitest';
import type { ClaimFilter, ClaimedMessage, OutboxMessage } from '../../core/ports/outbox.ts';
import type { Recipient } from '../../core/ports/side-records.ts';
import type { Stores } from '../../core/ports/stores.ts';
import type { MakeStores } from './stores-fixture.ts';
import { T0, fixtures, outboxDraft, range } from './contract-helpers.ts';

const LEASE = 60_000;
const RESIDENTS: ClaimFilter = { recipientKinds: ['resident'] };
const COMMITTEE: ClaimFilter = { recipientKinds: ['committee'] };

const toResident = (id: string): Recipient => ({ kind: 'resident', residentId: id });

async function claimKeys(stores: Stores, now: number, only?: ClaimFilter, limit = 100): Promise<string[]> {
  return (await stores.outbox.claim(now, limit, LEASE, only)).map((m) => m.key);
}

async function byKey(stores: Stores): Promise<Map<string, OutboxMessage>> {
  return new Map((await stores.outbox.list(0, 10_000)).map((m) => [m.key, m]));
}

function find(claimed: readonly ClaimedMessage[], key: string): ClaimedMessage {
  const m = claimed.find((c) => c.key === key);
  if (m === undefined) throw new Error(`${key} was not claimed`);
  return m;
}

export function describeOutboxFilterContract(label: string, make: MakeStores): void {
  describe(`Outbox recipient filter contract [${label}]`, () => {
    const open = fixtures(make);

    it('hands a resident-only claim only residents’ messages; the committee’s keep attempts 0 and go to a committee claim', async () => {
      const { stores } = await open();
      await stores.outbox.enqueue([
        outboxDraft('c1'),
        outboxDraft('r1', { recipient: toResident('res_a') }),
        outboxDraft('c2'),
        outboxDraft('d1', { recipient: { kind: 'telegramChat', chatId: -1001 } }),
        outboxDraft('r2', { recipient: toResident('res_b') }),
        outboxDraft('s1', { recipient: { kind: 'slackUser', userId: 'U0DIGEST' } }),
      ]);
      const residents = await stores.outbox.claim(T0, 10, LEASE, RESIDENTS);
      expect(residents.map((m) => m.key)).toEqual(['r1', 'r2']);
      expect(residents.map((m) => m.attempts)).toEqual([1, 1]);
      let rows = await byKey(stores);
      for (const k of ['c1', 'c2', 'd1', 's1']) expect([k, rows.get(k)!.status, rows.get(k)!.attempts]).toEqual([k, 'pending', 0]);
      // Nothing else for residents, however often they ask.
      expect(await claimKeys(stores, T0 + 1, RESIDENTS)).toEqual([]);
      expect(await claimKeys(stores, T0 + 2, RESIDENTS)).toEqual([]);
      rows = await byKey(stores);
      expect(rows.get('c1')!.attempts).toBe(0);

      const committee = await stores.outbox.claim(T0 + 3, 10, LEASE, COMMITTEE);
      expect(committee.map((m) => [m.key, m.attempts])).toEqual([['c1', 1], ['c2', 1]]);
      for (const m of committee) expect(await stores.outbox.ack(m.seq, m.token)).toBe('ok');
      expect(await claimKeys(stores, T0 + 3)).toEqual(['d1', 's1']);
    });

    it('counts the limit among the listed kinds only, in seq order, and merges several listed kinds by seq', async () => {
      const { stores } = await open();
      await stores.outbox.enqueue([
        ...range(1, 4).map((i) => outboxDraft(`c${i}`)),
        outboxDraft('d1', { recipient: { kind: 'telegramChat', chatId: -1001 } }),
        outboxDraft('r1', { recipient: toResident('res_a') }),
        outboxDraft('c5'),
        outboxDraft('d2', { recipient: { kind: 'telegramChat', chatId: -1001 } }),
        outboxDraft('r2', { recipient: toResident('res_a') }),
        outboxDraft('r3', { recipient: toResident('res_b') }),
      ]);
      expect(await claimKeys(stores, T0, RESIDENTS, 2)).toEqual(['r1', 'r2']);
      expect(await claimKeys(stores, T0, { recipientKinds: ['telegramChat', 'committee'] }, 6)).toEqual(['c1', 'c2', 'c3', 'c4', 'd1', 'c5']);
      expect(await claimKeys(stores, T0, { recipientKinds: ['committee', 'telegramChat', 'resident'] })).toEqual(['d2', 'r3']);
    });

    it('hands out nothing and touches nothing for an empty list of kinds', async () => {
      const { stores } = await open();
      await stores.outbox.enqueue([outboxDraft('c1'), outboxDraft('r1', { recipient: toResident('res_a') })]);
      expect(await claimKeys(stores, T0, { recipientKinds: [] })).toEqual([]);
      expect([...(await byKey(stores)).values()].map((m) => m.attempts)).toEqual([0, 0]);
      expect(await claimKeys(stores, T0)).toEqual(['c1', 'r1']);
    });

    it('without a filter hands out every kind in seq order, as before', async () => {
      const { stores } = await open();
      await stores.outbox.enqueue([
        outboxDraft('r1', { recipient: toResident('res_a') }),
        outboxDraft('c1'),
        outboxDraft('s1', { recipient: { kind: 'telegramChat', chatId: 4242 } }),
        outboxDraft('d1', { recipient: { kind: 'telegramChat', chatId: -1001 } }),
        outboxDraft('r2', { recipient: toResident('res_b'), notBefore: T0 + 5 }),
      ]);
      expect(await claimKeys(stores, T0, undefined, 3)).toEqual(['r1', 'c1', 's1']);
      expect(await claimKeys(stores, T0 + 5)).toEqual(['d1', 'r2']);
    });

    it('does not starve the residents behind a backlog of the committee’s messages', async () => {
      const { stores } = await open();
      await stores.outbox.enqueue([...range(1, 300).map((i) => outboxDraft(`c${i}`)), outboxDraft('r1', { recipient: toResident('res_a') })]);
      expect(await claimKeys(stores, T0, RESIDENTS, 1)).toEqual(['r1']);
      expect((await byKey(stores)).get('c300')!.attempts).toBe(0);
    });

    it('keeps leases and tokens under the filter: no re-hand-out during the lease, a new token after it', async () => {
      const { stores } = await open();
      await stores.outbox.enqueue([outboxDraft('c1'), outboxDraft('r1', { recipient: toResident('res_a') })]);
      const [first] = await stores.outbox.claim(T0, 10, LEASE, RESIDENTS);
      expect(first!.key).toBe('r1');
      expect(await claimKeys(stores, T0 + LEASE - 1, RESIDENTS)).toEqual([]);
      // A committee claim neither takes nor disturbs the resident's leased message.
      expect(await claimKeys(stores, T0 + 1, COMMITTEE)).toEqual(['c1']);
      const [again] = await stores.outbox.claim(T0 + LEASE, 10, LEASE, RESIDENTS);
      expect([again!.key, again!.attempts]).toEqual(['r1', 2]);
      expect(again!.token).not.toBe(first!.token);
      expect(await stores.outbox.ack(first!.seq, first!.token)).toBe('lost');
      expect(await stores.outbox.ack(again!.seq, again!.token)).toBe('ok');
      expect(await claimKeys(stores, T0 + 3 * LEASE, RESIDENTS)).toEqual([]);
    });

    it('gives a lease that ran out back to the filtered claim only, and an extended one to nobody', async () => {
      const { stores } = await open();
      await stores.outbox.enqueue([outboxDraft('r1', { recipient: toResident('res_a') }), outboxDraft('r2', { recipient: toResident('res_a') }), outboxDraft('c1')]);
      const first = await stores.outbox.claim(T0, 10, LEASE, RESIDENTS);
      expect(first.map((m) => m.key)).toEqual(['r1', 'r2']);
      // Both leases ran out; a committee claim passes by without taking them.
      expect(await claimKeys(stores, T0 + LEASE, COMMITTEE)).toEqual(['c1']);
      const r1 = find(first, 'r1');
      expect(await stores.outbox.extend(r1.seq, r1.token, T0 + LEASE, LEASE)).toBe('ok');
      expect(await claimKeys(stores, T0 + LEASE, RESIDENTS)).toEqual(['r2']);
      expect(await stores.outbox.ack(r1.seq, r1.token)).toBe('ok');
      expect(await claimKeys(stores, T0 + 3 * LEASE, RESIDENTS)).toEqual(['r2']);
    });

    it('brings a retried message back to the filtered claim at its notBefore, and never hands out a settled one', async () => {
      const { stores } = await open();
      await stores.outbox.enqueue([outboxDraft('r1', { recipient: toResident('res_a') }), outboxDraft('r2', { recipient: toResident('res_b') }), outboxDraft('c1')]);
      const first = await stores.outbox.claim(T0, 10, LEASE, RESIDENTS);
      expect(await stores.outbox.retry(find(first, 'r1').seq, find(first, 'r1').token, T0 + 1_000, 'HTTP 429')).toBe('ok');
      expect(await stores.outbox.fail(find(first, 'r2').seq, find(first, 'r2').token, 'blocked')).toBe('ok');
      expect(await claimKeys(stores, T0 + 999, RESIDENTS)).toEqual([]);
      expect(await claimKeys(stores, T0 + 1_000, COMMITTEE)).toEqual(['c1']);
      const [back] = await stores.outbox.claim(T0 + 1_000, 10, LEASE, RESIDENTS);
      expect([back!.key, back!.attempts, back!.lastError]).toEqual(['r1', 2, 'HTTP 429']);
      expect(await claimKeys(stores, T0 + 5 * LEASE, RESIDENTS)).toEqual(['r1']);
    });

    it('holds a resident’s message behind a pending predecessor of another kind, released when the committee’s claim acks it', async () => {
      const { stores } = await open();
      await stores.outbox.enqueue([
        outboxDraft('card'),
        outboxDraft('notice', { recipient: toResident('res_a'), after: 'card' }),
        outboxDraft('r-free', { recipient: toResident('res_b') }),
        outboxDraft('r-chain', { recipient: toResident('res_b'), after: 'r-free' }),
      ]);
      expect(await claimKeys(stores, T0, RESIDENTS, 1)).toEqual(['r-free']);
      // The card is pending (never claimed): the notice waits; r-chain waits for r-free.
      expect(await claimKeys(stores, T0 + 1, RESIDENTS)).toEqual([]);
      const [card] = await stores.outbox.claim(T0 + 1, 10, LEASE, COMMITTEE);
      expect(card!.key).toBe('card');
      expect(await claimKeys(stores, T0 + 2, RESIDENTS)).toEqual([]);
      expect(await stores.outbox.ack(card!.seq, card!.token)).toBe('ok');
      expect(await claimKeys(stores, T0 + 2, RESIDENTS)).toEqual(['notice']);
      expect((await byKey(stores)).get('r-chain')!.attempts).toBe(0);
    });

    it('releases a successor of another kind when its predecessor is erased or given up', async () => {
      const { stores } = await open();
      await stores.outbox.enqueue([
        outboxDraft('r1', { recipient: toResident('res_gone') }),
        outboxDraft('c-after-r1', { after: 'r1' }),
        outboxDraft('c0'),
        outboxDraft('r-after-c0', { recipient: toResident('res_a'), after: 'c0' }),
      ]);
      expect(await claimKeys(stores, T0, COMMITTEE)).toEqual(['c0']);
      expect(await stores.outbox.eraseRecipient('res_gone')).toBe(1);
      expect(await claimKeys(stores, T0 + 1, COMMITTEE)).toEqual(['c-after-r1']);
      const [c0] = await stores.outbox.claim(T0 + LEASE, 10, LEASE, COMMITTEE);
      expect(c0!.key).toBe('c0');
      expect(await stores.outbox.fail(c0!.seq, c0!.token, 'channel_not_found')).toBe('ok');
      expect(await claimKeys(stores, T0 + LEASE, RESIDENTS)).toEqual(['r-after-c0']);
    });

    it('does not hand out an erased resident’s message whose lease ran out', async () => {
      const { stores } = await open();
      await stores.outbox.enqueue([outboxDraft('r1', { recipient: toResident('res_gone') }), outboxDraft('r2', { recipient: toResident('res_a') })]);
      expect(await claimKeys(stores, T0, RESIDENTS)).toEqual(['r1', 'r2']);
      // The leases ran out and a claim of another kind passed by meanwhile.
      expect(await claimKeys(stores, T0 + LEASE, COMMITTEE)).toEqual([]);
      expect(await stores.outbox.eraseRecipient('res_gone')).toBe(1);
      expect(await claimKeys(stores, T0 + LEASE, RESIDENTS)).toEqual(['r2']);
    });

    it('moves the group counters of the claimed kind only', async () => {
      const { stores } = await open();
      await stores.outbox.enqueue([
        outboxDraft('c1', { group: 'g' }),
        outboxDraft('r1', { recipient: toResident('res_a'), group: 'g' }),
        outboxDraft('r2', { recipient: toResident('res_b'), group: 'g' }),
      ]);
      const claimed = await stores.outbox.claim(T0, 10, LEASE, RESIDENTS);
      expect(await stores.outbox.ack(find(claimed, 'r1').seq, find(claimed, 'r1').token)).toBe('ok');
      expect(await stores.outbox.fail(find(claimed, 'r2').seq, find(claimed, 'r2').token, 'blocked')).toBe('ok');
      expect(await stores.outbox.groupCounts('g')).toEqual({ pending: 1, sent: 1, failed: 1, skipped: 0 });
      expect(await stores.outbox.counts()).toEqual({ pending: 1, sent: 1, failed: 1 });
    });

    it('never hands one message out twice to concurrent filtered claims', async () => {
      const { stores, reopen } = await open();
      const other = await reopen();
      await stores.outbox.enqueue(range(1, 40).map((i) => outboxDraft(`m${i}`, i % 2 === 0 ? { recipient: toResident(`res_${i}`) } : {})));
      const rounds = await Promise.all([
        stores.outbox.claim(T0, 7, LEASE, RESIDENTS),
        other.outbox.claim(T0, 7, LEASE, RESIDENTS),
        stores.outbox.claim(T0, 7, LEASE, RESIDENTS),
        other.outbox.claim(T0, 7, LEASE, COMMITTEE),
      ]);
      const residents = rounds.slice(0, 3).flat().map((m) => m.key);
      expect(new Set(residents).size).toBe(residents.length);
      expect(residents.sort()).toEqual(range(1, 40).filter((i) => i % 2 === 0).map((i) => `m${i}`).sort());
      expect(rounds[3]!.map((m) => m.key)).toEqual(['m1', 'm3', 'm5', 'm7', 'm9', 'm11', 'm13']);
    });
  });
}
