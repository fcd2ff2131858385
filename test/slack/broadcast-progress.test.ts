/**
 * A broadcast's progress message: posted by the `committee.broadcast_started` notice, kept
 * current in place by `BroadcastProgressReporter.tick()`, closed by `committee.broadcast_done`
 * — against the Web API stand-in, with the outbox settling messages as a sender would.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { BroadcastProgressReporter } from '../../adapters/slack/broadcast-progress.ts';
import { BROADCAST_NOTICES, progressRefKey } from '../../adapters/slack/notices/broadcast-notices.ts';
import type { ClaimedMessage } from '../../core/ports/outbox.ts';
import { startCommittee } from '../support/slack/committee-harness.ts';
import type { CommitteeHarness } from '../support/slack/committee-harness.ts';

let c: CommitteeHarness | null = null;
afterEach(async () => {
  await c?.stop();
  c = null;
});

async function announce(h: CommitteeHarness, text: string): Promise<string> {
  const r = await h.h.engine.announce('U-ADMIN', { fr: text, en: text }, { kind: 'all' });
  if (!r.ok) throw new Error(r.code);
  return r.value.id;
}

/** Delivers the queued committee notices as the committee sender does. */
async function deliverNotices(h: CommitteeHarness): Promise<readonly ClaimedMessage[]> {
  const { outbox } = h.h.stores;
  const claimed = await outbox.claim(h.h.clock.now(), 50, 60_000, { recipientKinds: ['committee'] });
  for (const m of claimed) expect(await outbox.ack(m.seq, m.token, await BROADCAST_NOTICES[m.template]!(h.committee.services, m))).toBe('ok');
  return claimed;
}

/** Claims the residents' messages of the broadcasts fanned out so far. */
async function residentMessages(h: CommitteeHarness): Promise<readonly ClaimedMessage[]> {
  return h.h.stores.outbox.claim(h.h.clock.now(), 100, 600_000, { recipientKinds: ['resident'] });
}

async function messageOf(h: CommitteeHarness, broadcast: string) {
  const ref = await h.h.stores.messageRefs.get(progressRefKey(broadcast));
  return ref === null ? undefined : h.slack.message(ref.chat, ref.messageId);
}

describe('the broadcast progress message', () => {
  it('is skipped until its start notice has posted it, then edited in place', async () => {
    c = await startCommittee();
    for (const id of [5001, 5002]) await c.h.register(id);
    const id = await announce(c, 'Conseil communal jeudi');
    expect((await c.h.engine.fanOutBroadcast(id, 100)).ok).toBe(true);
    const reporter = new BroadcastProgressReporter(c.committee.services);
    expect(await reporter.tick()).toBe(0);
    expect(c.slack.calls.filter((k) => k.method.startsWith('chat.'))).toEqual([]);

    await deliverNotices(c);
    const posted = (await messageOf(c, id))!;
    expect(posted.text).toContain('0 envoyés, 0 échecs, 2 restants');
    const [first] = await residentMessages(c);
    await c.h.stores.outbox.ack(first!.seq, first!.token);
    expect(await reporter.tick()).toBe(1);
    expect((await messageOf(c, id))!.ts).toBe(posted.ts);
    expect((await messageOf(c, id))!.text).toContain('1 envoyés, 0 échecs, 1 restants');
  });

  it('is edited at most once per interval, and only when its figures changed', async () => {
    c = await startCommittee();
    for (const id of [5101, 5102, 5103]) await c.h.register(id);
    const id = await announce(c, 'Fête de quartier');
    await c.h.engine.fanOutBroadcast(id, 100);
    await deliverNotices(c);
    const reporter = new BroadcastProgressReporter(c.committee.services, { minIntervalMs: 4000 });
    const batch = await residentMessages(c);
    await c.h.stores.outbox.ack(batch[0]!.seq, batch[0]!.token);
    expect(await reporter.tick()).toBe(1);
    await c.h.stores.outbox.ack(batch[1]!.seq, batch[1]!.token);
    c.h.clock.advance(3999);
    expect(await reporter.tick()).toBe(0);
    expect((await messageOf(c, id))!.text).toContain('1 envoyés');
    c.h.clock.advance(1);
    expect(await reporter.tick()).toBe(1);
    expect((await messageOf(c, id))!.text).toContain('2 envoyés');
    // Nothing changed (and not long enough to call it stalled): no edit.
    c.h.clock.advance(20_000);
    expect(await reporter.tick()).toBe(0);
    expect((await messageOf(c, id))!.edits).toBe(2);
  });

  it('keeps the other messages current when Slack refuses to edit one', async () => {
    c = await startCommittee();
    const first = await c.h.register(5201);
    await c.h.register(5202);
    const kept = await announce(c, 'Première annonce');
    c.h.clock.advance(1000);
    // The newer one is looked at first (broadcasts are listed newest first).
    const gone = await announce(c, 'Seconde annonce');
    for (const b of [gone, kept]) await c.h.engine.fanOutBroadcast(b, 100);
    await deliverNotices(c);
    const goneRef = (await c.h.stores.messageRefs.get(progressRefKey(gone)))!;
    await c.committee.services.client.chat.delete({ channel: goneRef.chat, ts: goneRef.messageId });
    // One message of each goes out: both still running.
    for (const m of await residentMessages(c)) if (m.recipient.kind === 'resident' && m.recipient.residentId === first) await c.h.stores.outbox.ack(m.seq, m.token);
    const reporter = new BroadcastProgressReporter(c.committee.services);
    expect(await reporter.tick()).toBe(1);
    expect((await messageOf(c, kept))!.text).toContain('1 envoyés, 0 échecs, 1 restants');
    expect(c.slack.violations.filter((v) => !v.includes('message_not_found'))).toEqual([]);
    // The stand-in records Slack's refusal as a violation; here it is the point of the test.
    c.slack.violations.length = 0;
  });

  it('gets its final summary from the done notice, posted afresh when the message is gone', async () => {
    c = await startCommittee();
    await c.h.register(5301);
    const id = await announce(c, 'Résultats bientôt');
    await c.h.engine.fanOutBroadcast(id, 100);
    await deliverNotices(c);
    const first = (await c.h.stores.messageRefs.get(progressRefKey(id)))!;
    await c.committee.services.client.chat.delete({ channel: first.chat, ts: first.messageId });
    const [m] = await residentMessages(c);
    await c.h.stores.outbox.fail(m!.seq, m!.token, 'blocked');
    // Whoever looks first settles the broadcast; its done notice then closes the message.
    expect((await c.h.engine.broadcastProgress(id)).ok).toBe(true);
    expect((await deliverNotices(c)).map((x) => x.template)).toEqual(['committee.broadcast_done']);
    const ref = (await c.h.stores.messageRefs.get(progressRefKey(id)))!;
    expect(ref.messageId).not.toBe(first.messageId);
    const summary = c.slack.message(ref.chat, ref.messageId)!;
    expect(summary.text).toContain('0 messages envoyés sur 1, 1 échecs');
    expect(summary.blocks).not.toBeNull();
    c.slack.violations.length = 0;
  });

  it('counts skipped messages (settled without a send) as settled: the broadcast finishes and its summary says how many', async () => {
    c = await startCommittee();
    for (const id of [5401, 5402]) await c.h.register(id);
    const id = await announce(c, 'Rappel');
    await c.h.engine.fanOutBroadcast(id, 100);
    await deliverNotices(c);
    const [sent, skipped] = await residentMessages(c);
    await c.h.stores.outbox.ack(sent!.seq, sent!.token);
    await c.h.stores.outbox.ack(skipped!.seq, skipped!.token, { skipped: 'already voted' });
    expect(await c.h.engine.broadcastProgress(id)).toMatchObject({ ok: true, value: { status: 'done', sent: 1, failed: 0, skipped: 1, left: 0 } });
    expect((await deliverNotices(c)).map((x) => x.template)).toEqual(['committee.broadcast_done']);
    const summary = (await messageOf(c, id))!;
    expect(JSON.stringify(summary.blocks)).toContain('1 non envoyés : plus utiles au moment de l’envoi');
    expect(summary.text).toContain('1 messages envoyés sur 2, 0 échecs');
  });

  it('shows nothing for a notice naming no broadcast', async () => {
    c = await startCommittee();
    await c.h.stores.outbox.enqueue([{ key: 'broadcast:nope:started', recipient: { kind: 'committee' }, template: 'committee.broadcast_started', params: { broadcast: 'bc_nope', by: 'staff:U-ADMIN', area: null }, notBefore: 0 }]);
    await deliverNotices(c);
    expect(c.slack.calls.filter((k) => k.method.startsWith('chat.'))).toEqual([]);
    expect(await c.h.stores.messageRefs.get(progressRefKey('bc_nope'))).toBeNull();
  });
});
