/**
 * Contract of `Outbox` (core/ports/outbox.ts), run unchanged by every backend.
 *
 * Readings chosen here (report to the owner of core/ports):
 * - `attempts` counts claims: every hand-out by `claim` is one delivery attempt (a crashed
 *   worker's expired lease counts too); `retry` and `fail` do not add one.
 * - A claimed message stays `pending` (there is no `claimed` status); its lease is the half-open
 *   span [now, now + leaseMs); the suite tests one millisecond on either side of its end.
 * - `retry` ends the lease: the message is due again at its new `notBefore`, even if that is
 *   before the old lease would have expired.
 * - Within one `enqueue` (or one side-record batch) the first draft of a key wins.
 * - `claim` hands out in seq order among the due messages, whatever their `notBefore`.
 * - Settles take no clock: a token is lost only once the message was claimed again (or settled
 *   another way), so a late ack before any re-claim still counts.
 */
import { describe, expect, it } from 'vitest';
import type { MakeStores } from './stores-fixture.ts';
import { T0, fixtures, messageRef, outboxDraft, range, resident } from './contract-helpers.ts';

const LEASE = 60_000;

export function describeOutboxContract(label: string, make: MakeStores): void {
  describe(`Outbox contract [${label}]`, () => {
    const open = fixtures(make);

    it('starts empty', async () => {
      const { stores } = await open();
      expect(await stores.outbox.list(0, 100)).toEqual([]);
      expect(await stores.outbox.counts()).toEqual({ pending: 0, sent: 0, failed: 0 });
      expect(await stores.outbox.claim(T0, 10, LEASE)).toEqual([]);
    });

    it('enqueues drafts as pending messages with increasing seq and every field', async () => {
      const { stores } = await open();
      const drafts = [
        outboxDraft('k1', { recipient: { kind: 'resident', residentId: 'tg:1' }, params: { title: 'Bänk', n: 3, ok: false, none: null } }),
        outboxDraft('k2', { recipient: { kind: 'slackUser', userId: 'U0DIGEST' }, notBefore: T0 + 5 }),
        outboxDraft('k3', { recipient: { kind: 'telegramChat', chatId: 4242 }, template: 'card.moderation' }),
        outboxDraft('k4', { recipient: { kind: 'telegramChat', chatId: -1001 } }),
        outboxDraft('k5', { after: 'k-unknown', group: 'broadcast:b1' }),
      ];
      await stores.outbox.enqueue(drafts);
      const listed = await stores.outbox.list(0, 100);
      expect(listed.map((m) => m.key)).toEqual(['k1', 'k2', 'k3', 'k4', 'k5']);
      expect(listed.every((m) => !('token' in m))).toBe(true);
      for (const [i, m] of listed.entries()) {
        expect(m).toEqual({ ...drafts[i], seq: m.seq, status: 'pending', attempts: 0, lastError: null });
        if (i > 0) expect(m.seq).toBeGreaterThan(listed[i - 1]?.seq ?? Infinity);
      }
      expect(await stores.outbox.counts()).toEqual({ pending: 5, sent: 0, failed: 0 });
    });

    it('ignores a draft whose key exists, across calls, within one call and from side records', async () => {
      const { stores } = await open();
      await stores.outbox.enqueue([outboxDraft('k1', { template: 'first' }), outboxDraft('k1', { template: 'second' })]);
      await stores.outbox.enqueue([outboxDraft('k1', { template: 'third' }), outboxDraft('k2')]);
      await stores.residents.save(resident('tg:1'), null, { outbox: [outboxDraft('k2', { template: 'side' }), outboxDraft('k3')] });
      await stores.outbox.enqueue([outboxDraft('k3', { template: 'late' })]);
      const listed = await stores.outbox.list(0, 100);
      expect(listed.map((m) => [m.key, m.template])).toEqual([
        ['k1', 'first'],
        ['k2', 'notify.test'],
        ['k3', 'notify.test'],
      ]);
    });

    it('keeps a key de-duplicated after the message was sent or failed', async () => {
      const { stores } = await open();
      await stores.outbox.enqueue([outboxDraft('k1'), outboxDraft('k2')]);
      const [m1, m2] = await stores.outbox.claim(T0, 10, LEASE);
      expect(await stores.outbox.ack(m1?.seq ?? -1, m1?.token ?? '')).toBe('ok');
      expect(await stores.outbox.fail(m2?.seq ?? -1, m2?.token ?? '', 'blocked')).toBe('ok');
      await stores.outbox.enqueue([outboxDraft('k1'), outboxDraft('k2')]);
      expect(await stores.outbox.list(0, 100)).toHaveLength(2);
      expect(await stores.outbox.counts()).toEqual({ pending: 0, sent: 1, failed: 1 });
    });

    it('claims due messages only (notBefore <= now), in seq order, at most limit', async () => {
      const { stores } = await open();
      await stores.outbox.enqueue([
        outboxDraft('late', { notBefore: T0 + 100 }),
        outboxDraft('now', { notBefore: T0 }),
        outboxDraft('past', { notBefore: T0 - 100 }),
        outboxDraft('also-now', { notBefore: T0 }),
        outboxDraft('future', { notBefore: T0 + 10_000 }),
      ]);
      expect((await stores.outbox.claim(T0, 2, LEASE)).map((m) => m.key)).toEqual(['now', 'past']);
      expect((await stores.outbox.claim(T0, 10, LEASE)).map((m) => m.key)).toEqual(['also-now']);
      expect((await stores.outbox.claim(T0 + 100, 10, LEASE)).map((m) => m.key)).toEqual(['late']);
    });

    it('does not hand out a leased message again until the lease expires', async () => {
      const { stores, reopen } = await open();
      const other = await reopen();
      await stores.outbox.enqueue([outboxDraft('k1')]);
      const [first] = await stores.outbox.claim(T0, 10, LEASE);
      expect(first).toMatchObject({ key: 'k1', status: 'pending', attempts: 1 });
      expect(first?.token).toMatch(/^.{16,}$/);
      expect(await other.outbox.claim(T0 + 1, 10, LEASE)).toEqual([]);
      expect(await stores.outbox.claim(T0 + LEASE - 1, 10, LEASE)).toEqual([]);
      const again = await other.outbox.claim(T0 + LEASE + 1, 10, LEASE);
      expect(again.map((m) => [m.key, m.seq, m.attempts])).toEqual([['k1', first?.seq, 2]]);
      expect(again[0]?.token).not.toBe(first?.token);
      expect(await stores.outbox.counts()).toEqual({ pending: 1, sent: 0, failed: 0 });
    });

    it('says when a claim follows one whose lease ran out unsettled (it may have been sent), not after a retry or an extend', async () => {
      const { stores, reopen } = await open();
      const other = await reopen();
      await stores.outbox.enqueue([outboxDraft('k1'), outboxDraft('k2')]);
      const first = await stores.outbox.claim(T0, 10, LEASE);
      expect(first.map((m) => [m.key, m.claimRanOut])).toEqual([['k1', false], ['k2', false]]);
      // k1 retried (settled), k2 extended then left to run out (its worker died).
      expect(await stores.outbox.retry(first[0]!.seq, first[0]!.token, T0 + LEASE, 'telegram 502')).toBe('ok');
      expect(await stores.outbox.extend(first[1]!.seq, first[1]!.token, T0 + 10, LEASE)).toBe('ok');
      const second = await other.outbox.claim(T0 + LEASE + 10, 10, LEASE);
      expect(second.map((m) => [m.key, m.attempts, m.claimRanOut])).toEqual([['k1', 2, false], ['k2', 2, true]]);
      // Settled this time: the next claim of k2 (after a retry) is no resend.
      expect(await other.outbox.retry(second[1]!.seq, second[1]!.token, T0 + LEASE + 20, 'telegram 502')).toBe('ok');
      // k1 runs out again, after a retry had settled its first claim: a resend again.
      const third = await stores.outbox.claim(T0 + 3 * LEASE, 10, LEASE);
      expect(third.map((m) => [m.key, m.attempts, m.claimRanOut])).toEqual([['k1', 3, true], ['k2', 3, false]]);
    });

    it('acks a message as sent, idempotently; it is never handed out again', async () => {
      const { stores } = await open();
      await stores.outbox.enqueue([outboxDraft('k1'), outboxDraft('k2')]);
      const [m1] = await stores.outbox.claim(T0, 1, LEASE);
      expect(await stores.outbox.ack(m1?.seq ?? -1, m1?.token ?? '')).toBe('ok');
      expect(await stores.outbox.ack(m1?.seq ?? -1, m1?.token ?? '')).toBe('ok');
      const [listed] = await stores.outbox.list(0, 1);
      expect(listed).toMatchObject({ key: 'k1', status: 'sent', attempts: 1 });
      expect(await stores.outbox.counts()).toEqual({ pending: 1, sent: 1, failed: 0 });
      expect((await stores.outbox.claim(T0 + 10 * LEASE, 10, LEASE)).map((m) => m.key)).toEqual(['k2']);
    });

    it('puts a message back for a retry at notBefore, recording the error', async () => {
      const { stores } = await open();
      await stores.outbox.enqueue([outboxDraft('k1')]);
      const [m1] = await stores.outbox.claim(T0, 1, LEASE);
      const seq = m1?.seq ?? -1;
      expect(await stores.outbox.retry(seq, m1?.token ?? '', T0 + 10, '429 too many requests')).toBe('ok');
      const [listed] = await stores.outbox.list(0, 1);
      expect(listed).toMatchObject({ status: 'pending', notBefore: T0 + 10, lastError: '429 too many requests', attempts: 1 });
      expect(await stores.outbox.claim(T0 + 9, 10, LEASE)).toEqual([]);
      const again = await stores.outbox.claim(T0 + 10, 10, LEASE);
      expect(again.map((m) => [m.seq, m.attempts])).toEqual([[seq, 2]]);
    });

    it('gives up on a failed message: never handed out again', async () => {
      const { stores } = await open();
      await stores.outbox.enqueue([outboxDraft('k1')]);
      const [m1] = await stores.outbox.claim(T0, 1, LEASE);
      expect(await stores.outbox.fail(m1?.seq ?? -1, m1?.token ?? '', '403 bot was blocked')).toBe('ok');
      const [listed] = await stores.outbox.list(0, 1);
      expect(listed).toMatchObject({ status: 'failed', lastError: '403 bot was blocked' });
      expect(await stores.outbox.claim(T0 + 10 * LEASE, 10, LEASE)).toEqual([]);
      expect(await stores.outbox.counts()).toEqual({ pending: 0, sent: 0, failed: 1 });
    });

    it('lists by seq with afterSeq and limit', async () => {
      const { stores } = await open();
      await stores.outbox.enqueue(range(1, 5).map((i) => outboxDraft(`k${i}`)));
      const all = await stores.outbox.list(0, 100);
      expect((await stores.outbox.list(0, 2)).map((m) => m.key)).toEqual(['k1', 'k2']);
      expect((await stores.outbox.list(all[1]?.seq ?? 0, 2)).map((m) => m.key)).toEqual(['k3', 'k4']);
      expect(await stores.outbox.list(all[4]?.seq ?? 0, 2)).toEqual([]);
    });

    it('hands out a fresh token per message and per claim', async () => {
      const { stores } = await open();
      await stores.outbox.enqueue(range(1, 3).map((i) => outboxDraft(`k${i}`)));
      const first = await stores.outbox.claim(T0, 10, LEASE);
      const second = await stores.outbox.claim(T0 + LEASE, 10, LEASE);
      const tokens = [...first, ...second].map((m) => m.token);
      expect(tokens).toHaveLength(6);
      expect(new Set(tokens).size).toBe(6);
    });

    it('a foreign token settles nothing: ack, retry, fail and extend are lost and change nothing', async () => {
      const { stores, reopen } = await open();
      const other = await reopen();
      await stores.outbox.enqueue([outboxDraft('k1'), outboxDraft('k2')]);
      const [m1, m2] = await stores.outbox.claim(T0, 10, LEASE);
      const seq = m1?.seq ?? -1;
      const before = await stores.outbox.list(0, 10);
      for (const token of [m2?.token ?? '', 'forged-token-0000000000', '']) {
        expect(await other.outbox.ack(seq, token, { ref: messageRef('card:x') })).toBe('lost');
        expect(await other.outbox.retry(seq, token, T0 + 1, 'x')).toBe('lost');
        expect(await other.outbox.fail(seq, token, 'x')).toBe('lost');
        expect(await other.outbox.extend(seq, token, T0 + LEASE - 1, 10 * LEASE)).toBe('lost');
      }
      expect(await stores.outbox.ack(999_999, m1?.token ?? '')).toBe('lost');
      expect(await stores.outbox.list(0, 10)).toEqual(before);
      expect(await stores.messageRefs.get('card:x')).toBeNull();
      // The lease was not extended and the claim still holds until it ends.
      expect(await stores.outbox.claim(T0 + LEASE - 1, 10, LEASE)).toEqual([]);
      expect((await stores.outbox.claim(T0 + LEASE, 10, LEASE)).map((m) => m.key)).toEqual(['k1', 'k2']);
    });

    it('an expired token is lost once another worker re-claimed the message; the new claim settles', async () => {
      const { stores, reopen } = await open();
      const other = await reopen();
      await stores.outbox.enqueue([outboxDraft('k1')]);
      const [old] = await stores.outbox.claim(T0, 1, LEASE);
      const [fresh] = await other.outbox.claim(T0 + LEASE, 1, LEASE);
      expect(fresh?.seq).toBe(old?.seq);
      const seq = old?.seq ?? -1;
      expect(await stores.outbox.ack(seq, old?.token ?? '', { ref: messageRef('card:late') })).toBe('lost');
      expect(await stores.outbox.retry(seq, old?.token ?? '', T0, 'late')).toBe('lost');
      expect(await stores.outbox.fail(seq, old?.token ?? '', 'late')).toBe('lost');
      expect(await stores.outbox.extend(seq, old?.token ?? '', T0 + LEASE, LEASE)).toBe('lost');
      expect(await stores.messageRefs.get('card:late')).toBeNull();
      expect((await stores.outbox.list(0, 1))[0]).toMatchObject({ status: 'pending', attempts: 2, lastError: null });
      expect(await other.outbox.ack(seq, fresh?.token ?? '')).toBe('ok');
      expect(await stores.outbox.counts()).toEqual({ pending: 0, sent: 1, failed: 0 });
    });

    it('a late settle before anyone re-claimed still takes effect (nobody else holds the message)', async () => {
      const { stores } = await open();
      // Claimed in 1970: by any wall clock its lease ran out long ago; only a re-claim loses it.
      await stores.outbox.enqueue([outboxDraft('k1', { notBefore: 0 }), outboxDraft('k2', { notBefore: 0 })]);
      const [m1, m2] = await stores.outbox.claim(1_000, 2, LEASE);
      expect(await stores.outbox.extend(m2?.seq ?? -1, m2?.token ?? '', 1_000 + 2 * LEASE, LEASE)).toBe('ok');
      expect(await stores.outbox.ack(m1?.seq ?? -1, m1?.token ?? '')).toBe('ok');
      expect(await stores.outbox.claim(1_000 + 3 * LEASE - 1, 10, LEASE)).toEqual([]);
      expect(await stores.outbox.counts()).toEqual({ pending: 1, sent: 1, failed: 0 });
    });

    it('extend keeps a claim past its first lease, renewably; the token stays the same', async () => {
      const { stores, reopen } = await open();
      const other = await reopen();
      await stores.outbox.enqueue([outboxDraft('k1')]);
      const [m1] = await stores.outbox.claim(T0, 1, LEASE);
      const seq = m1?.seq ?? -1;
      const token = m1?.token ?? '';
      expect(await stores.outbox.extend(seq, token, T0 + LEASE - 1, LEASE)).toBe('ok');
      expect(await other.outbox.claim(T0 + LEASE + 1, 10, LEASE)).toEqual([]);
      expect(await stores.outbox.extend(seq, token, T0 + 2 * LEASE - 1, LEASE)).toBe('ok');
      expect(await other.outbox.claim(T0 + 3 * LEASE - 2, 10, LEASE)).toEqual([]);
      expect((await stores.outbox.list(0, 1))[0]?.attempts).toBe(1);
      expect(await stores.outbox.ack(seq, token)).toBe('ok');
      expect(await stores.outbox.extend(seq, token, T0 + 3 * LEASE, LEASE)).toBe('lost');
      expect(await other.outbox.claim(T0 + 10 * LEASE, 10, LEASE)).toEqual([]);
    });

    it('a settle repeated with its token answers ok and changes nothing; another settle with it is lost', async () => {
      const { stores } = await open();
      await stores.outbox.enqueue([outboxDraft('k1'), outboxDraft('k2'), outboxDraft('k3')]);
      const [a, r, f] = await stores.outbox.claim(T0, 3, LEASE);
      expect(await stores.outbox.ack(a?.seq ?? -1, a?.token ?? '')).toBe('ok');
      expect(await stores.outbox.retry(r?.seq ?? -1, r?.token ?? '', T0 + 5, 'first')).toBe('ok');
      expect(await stores.outbox.fail(f?.seq ?? -1, f?.token ?? '', 'first')).toBe('ok');
      const after = await stores.outbox.list(0, 10);
      expect(await stores.outbox.ack(a?.seq ?? -1, a?.token ?? '')).toBe('ok');
      expect(await stores.outbox.retry(r?.seq ?? -1, r?.token ?? '', T0 + 5, 'first')).toBe('ok');
      expect(await stores.outbox.fail(f?.seq ?? -1, f?.token ?? '', 'first')).toBe('ok');
      expect(await stores.outbox.fail(a?.seq ?? -1, a?.token ?? '', 'second')).toBe('lost');
      expect(await stores.outbox.ack(r?.seq ?? -1, r?.token ?? '')).toBe('lost');
      expect(await stores.outbox.extend(r?.seq ?? -1, r?.token ?? '', T0, LEASE)).toBe('lost');
      expect(await stores.outbox.retry(f?.seq ?? -1, f?.token ?? '', T0, 'second')).toBe('lost');
      expect(await stores.outbox.list(0, 10)).toEqual(after);
      expect(await stores.outbox.counts()).toEqual({ pending: 1, sent: 1, failed: 1 });
      expect((await stores.outbox.claim(T0 + 5, 10, LEASE)).map((m) => m.key)).toEqual(['k2']);
    });

    it('an ack stores its delivery reference atomically: visible by key and by message; a lost ack stores none', async () => {
      const { stores, reopen } = await open();
      const other = await reopen();
      await stores.outbox.enqueue([outboxDraft('card:idea_1'), outboxDraft('card:idea_2')]);
      const [c1, c2] = await stores.outbox.claim(T0, 2, LEASE);
      const ref = messageRef('card:idea_1', { chat: 'C-MOD', messageId: '1711111111.000100' });
      expect(await stores.outbox.ack(c1?.seq ?? -1, c1?.token ?? '', { ref })).toBe('ok');
      expect(await other.messageRefs.get('card:idea_1')).toEqual(ref);
      expect(await other.messageRefs.findByMessage('slack', 'C-MOD', '1711111111.000100')).toEqual(ref);
      expect(await stores.outbox.ack(c2?.seq ?? -1, c1?.token ?? '', { ref: messageRef('card:idea_2') })).toBe('lost');
      expect(await other.messageRefs.get('card:idea_2')).toBeNull();
      expect((await stores.outbox.list(0, 10)).map((m) => m.status)).toEqual(['sent', 'pending']);
    });

    it('keeps a message group and counts a group by status (side records included)', async () => {
      const { stores } = await open();
      await stores.outbox.enqueue([outboxDraft('g1', { group: 'bc_1' }), outboxDraft('g2', { group: 'bc_1' }), outboxDraft('g3', { group: 'bc_10' }), outboxDraft('none')]);
      await stores.residents.save(resident('tg:1'), null, { outbox: [outboxDraft('g4', { group: 'bc_1' })] });
      const listed = await stores.outbox.list(0, 100);
      expect(listed.map((m) => m.group ?? null)).toEqual(['bc_1', 'bc_1', 'bc_10', null, 'bc_1']);
      expect('group' in listed[3]!).toBe(false);
      const claimed = await stores.outbox.claim(T0, 10, LEASE);
      expect(await stores.outbox.ack(claimed[0]!.seq, claimed[0]!.token)).toBe('ok');
      expect(await stores.outbox.fail(claimed[1]!.seq, claimed[1]!.token, 'blocked')).toBe('ok');
      expect(await stores.outbox.groupCounts('bc_1')).toEqual({ pending: 1, sent: 1, failed: 1, skipped: 0 });
      expect(await stores.outbox.groupCounts('bc_10')).toEqual({ pending: 1, sent: 0, failed: 0, skipped: 0 });
      expect(await stores.outbox.groupCounts('bc_404')).toEqual({ pending: 0, sent: 0, failed: 0, skipped: 0 });
    });

    it('race: concurrent claims through two handles never hand one message out twice', async () => {
      const { stores, reopen } = await open();
      const other = await reopen();
      await stores.outbox.enqueue(range(1, 20).map((i) => outboxDraft(`k${i}`)));
      const batches = await Promise.all(range(1, 10).map((i) => (i % 2 ? stores : other).outbox.claim(T0, 3, LEASE)));
      const keys = batches.flat().map((m) => m.key);
      expect(keys).toHaveLength(20);
      expect(new Set(keys).size).toBe(20);
      for (const b of batches) expect(b.map((m) => m.seq)).toEqual([...b.map((m) => m.seq)].sort((x, y) => x - y));
    });

    it('race: one key enqueued concurrently through two handles is stored once', async () => {
      const { stores, reopen } = await open();
      const other = await reopen();
      await Promise.all(range(1, 10).map((i) => (i % 2 ? stores : other).outbox.enqueue([outboxDraft('same', { template: `t${i}` }), outboxDraft(`own-${i}`)])));
      const listed = await stores.outbox.list(0, 100);
      expect(listed.filter((m) => m.key === 'same')).toHaveLength(1);
      expect(listed).toHaveLength(11);
      expect(new Set(listed.map((m) => m.seq)).size).toBe(11);
    });
  });
}
