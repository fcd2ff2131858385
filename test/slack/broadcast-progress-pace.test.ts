/**
 * The progress message of every broadcast, end to end with the committee sender on the Web
 * API stand-in and the engine's fake clock: edits throttled (not one per message sent), the
 * pace and time left, a phase announcement and a scheduler's broadcast getting their message
 * too, and the final summary — duration, failures by reason — written once even with two
 * instances and a restart.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ErrorCode } from '@slack/web-api';
import { BroadcastProgressReporter, measurePace } from '../../adapters/slack/broadcast-progress.ts';
import { CommitteeDispatcher } from '../../adapters/slack/committee-dispatcher.ts';
import { SLACK_LOCALES, SLACK_LOCALES_DIR } from '../../adapters/slack/i18n.ts';
import { failureReasons, progressRefKey } from '../../adapters/slack/notices/broadcast-notices.ts';
import { formatDuration } from '../../adapters/slack/notices/progress-view.ts';
import type { ClaimedMessage } from '../../core/ports/outbox.ts';
import { startCommittee } from '../support/slack/committee-harness.ts';
import type { CommitteeHarness } from '../support/slack/committee-harness.ts';

let c: CommitteeHarness | null = null;
afterEach(async () => {
  await c?.stop();
  c = null;
});

const CHANNEL = 'C-COMMITTEE';
/** Intl puts narrow no-break spaces between a number and its unit; the tests read plain spaces. */
const plain = (s: string) => s.replace(/[\u202f\u00a0]/gu, ' ');

async function residents(h: CommitteeHarness, n: number, from = 8000): Promise<void> {
  for (let i = 0; i < n; i++) await h.h.register(from + i);
}

async function announce(h: CommitteeHarness, text: string): Promise<string> {
  const r = await h.h.engine.announce('U-ADMIN', { fr: text, en: text }, { kind: 'all' });
  if (!r.ok) throw new Error(r.code);
  expect((await h.h.engine.fanOutBroadcast(r.value.id, 100)).ok).toBe(true);
  return r.value.id;
}

/** The committee sender, unpaced (the stand-in here has no posting limit). */
function sender(h: CommitteeHarness): CommitteeDispatcher {
  return new CommitteeDispatcher({ services: h.committee.services, postIntervalMs: 0, batch: 20 });
}

async function drain(d: CommitteeDispatcher): Promise<number> {
  let total = 0;
  for (let n = await d.drainOnce(); n > 0; n = await d.drainOnce()) total += n;
  return total;
}

/** The residents' messages, claimed as the Telegram dispatcher would. */
async function claimResidents(h: CommitteeHarness, n = 100): Promise<ClaimedMessage[]> {
  return [...(await h.h.stores.outbox.claim(h.h.clock.now(), n, 3_600_000, { recipientKinds: ['resident'] }))];
}

async function settle(h: CommitteeHarness, ms: readonly ClaimedMessage[], fail?: string): Promise<void> {
  for (const m of ms) expect(fail === undefined ? await h.h.stores.outbox.ack(m.seq, m.token) : await h.h.stores.outbox.fail(m.seq, m.token, fail)).toBe('ok');
}

async function progressMessage(h: CommitteeHarness, id: string) {
  const ref = await h.h.stores.messageRefs.get(progressRefKey(id));
  return ref === null ? undefined : h.slack.message(ref.chat, ref.messageId);
}

const updates = (h: CommitteeHarness) => h.slack.calls.filter((k) => k.method === 'chat.update').length;
const topLevel = (h: CommitteeHarness) => h.slack.messages(CHANNEL).filter((m) => m.threadTs === null && m.ephemeralTo === null);

describe('the progress message while a broadcast runs', () => {
  it('is edited at most once per interval however many messages go, with the pace and the time left', async () => {
    c = await startCommittee({ features: [] });
    await residents(c, 10);
    const id = await announce(c, 'Conseil communal');
    await drain(sender(c));
    const reporter = new BroadcastProgressReporter(c.committee.services, { minIntervalMs: 5000 });
    const batch = await claimResidents(c);
    expect(batch).toHaveLength(10);

    await settle(c, batch.slice(0, 2));
    expect(await reporter.tick()).toBe(1);
    // Messages keep going out every second; ticks every second edit nothing inside the interval.
    for (let i = 2; i < 6; i++) {
      c.h.clock.advance(1000);
      await settle(c, [batch[i]!]);
      expect(await reporter.tick()).toBe(0);
    }
    expect(updates(c)).toBe(1);
    c.h.clock.advance(1000);
    expect(await reporter.tick()).toBe(1);
    // 4 more settled over the last 5 s: 0.8 messages/s, 4 left → about 5 s.
    const text = plain((await progressMessage(c, id))!.text);
    expect(text).toContain('6 envoyés, 0 échecs, 4 restants');
    expect(text).toContain('48 messages/min');
    expect(text).toContain('encore environ 5 s');
    expect(updates(c)).toBe(2);
  });

  it('says when sending stalls, and measures the pace since the start after a restart', async () => {
    c = await startCommittee({ features: [] });
    await residents(c, 4);
    const id = await announce(c, 'Fête');
    await drain(sender(c));
    const batch = await claimResidents(c);
    c.h.clock.advance(10_000);
    await settle(c, batch.slice(0, 2));
    // A fresh reporter (a restart) has one sample: 2 settled in the 10 s since the start.
    const fresh = new BroadcastProgressReporter(c.committee.services, { minIntervalMs: 1000, rateWindowMs: 30_000 });
    expect(await fresh.tick()).toBe(1);
    expect((await progressMessage(c, id))!.text).toContain('12 messages/min');
    for (let i = 0; i < 4; i++) {
      c.h.clock.advance(10_000);
      await fresh.tick();
    }
    expect((await progressMessage(c, id))!.blocks!.map((b) => JSON.stringify(b)).join()).toContain('Aucun message parti');
  });

  it('stops editing for Slack’s Retry-After when an edit is rate limited', async () => {
    c = await startCommittee({ features: [] });
    await residents(c, 3);
    const id = await announce(c, 'Travaux');
    await drain(sender(c));
    const real = c.committee.services.client;
    let refused = 0;
    // What the app's client throws for a 429 (it rejects rate-limited calls instead of waiting).
    const chat = new Proxy(real.chat, {
      get(target, prop) {
        if (prop !== 'update') return Reflect.get(target, prop, target) as unknown;
        return async (args: Parameters<typeof real.chat.update>[0]) => {
          if (refused++ === 0) throw Object.assign(new Error('A rate limit was exceeded'), { code: ErrorCode.RateLimitedError, retryAfter: 30 });
          return target.update(args);
        };
      },
    });
    const client = new Proxy(real, { get: (target, prop) => (prop === 'chat' ? chat : (Reflect.get(target, prop, target) as unknown)) });
    const reporter = new BroadcastProgressReporter({ ...c.committee.services, client }, { minIntervalMs: 0 });
    const batch = await claimResidents(c);
    await settle(c, batch.slice(0, 1));
    expect(await reporter.tick()).toBe(0);
    expect(refused).toBe(1);
    c.h.clock.advance(20_000);
    await settle(c, batch.slice(1, 2));
    // Inside the 30 s: not even tried.
    expect(await reporter.tick()).toBe(0);
    expect(refused).toBe(1);
    c.h.clock.advance(10_000);
    expect(await reporter.tick()).toBe(1);
    expect((await progressMessage(c, id))!.text).toContain('2 envoyés, 0 échecs, 1 restants');
  });

  it('has the time left once the total is known, the pace once measured', () => {
    expect(measurePace([], 0, 60_000)).toEqual({ perSecond: null, stalled: false });
    expect(measurePace([{ at: 500, settled: 3 }], 0, 60_000).perSecond).toBeNull();
    expect(measurePace([{ at: 4000, settled: 8 }], 0, 60_000).perSecond).toBe(2);
    expect(measurePace([{ at: 0, settled: 0 }, { at: 10_000, settled: 25 }], 0, 60_000)).toEqual({ perSecond: 2.5, stalled: false });
    expect(measurePace([{ at: 0, settled: 5 }, { at: 60_000, settled: 5 }], 0, 60_000)).toEqual({ perSecond: 0, stalled: true });
    expect(plain(formatDuration(65_000, 'fr'))).toBe('1 min 5 s');
    expect(plain(formatDuration(3_600_000 * 2 + 60_000 * 7 + 5000, 'en'))).toBe('2 hr 7 min');
    expect(plain(formatDuration(0, 'en'))).toBe('0 sec');
  });
});

describe('a progress message for every broadcast', () => {
  it('gets one for a phase announcement in the announcements channel, then its summary in place', async () => {
    c = await startCommittee({ features: [] });
    await residents(c, 3);
    expect((await c.h.engine.advancePhase('U-ADMIN', 'submission', 'Assez d’idées')).ok).toBe(true);
    // The announcements of the phases entered (submission at the start, then review), newest first.
    const all = await c.h.engine.listBroadcasts(null, 10);
    expect(all.map((x) => x.content.kind === 'template' && x.content.template)).toEqual(['announce.phase.review', 'announce.phase.submission']);
    const b = all[0]!;
    for (const x of all) await c.h.engine.fanOutBroadcast(x.id, 100);
    const d = sender(c);
    await drain(d);
    // The engine queued no start notice for them: the reporter does.
    expect(await progressMessage(c, b.id)).toBeUndefined();
    const reporter = new BroadcastProgressReporter(c.committee.services);
    await reporter.tick();
    await drain(d);
    const posted = (await progressMessage(c, b.id))!;
    expect(posted.text).toContain('0 envoyés, 0 échecs, 3 restants');
    expect(JSON.stringify(posted.blocks)).toContain('Examen des idées');

    await settle(c, await claimResidents(c));
    await reporter.tick();
    await drain(d);
    const done = (await progressMessage(c, b.id))!;
    expect(done.ts).toBe(posted.ts);
    expect(done.text).toContain('3 messages envoyés sur 3');
    // One message per broadcast, each closed in place.
    const progress = topLevel(c).filter((m) => m.text.includes('📣'));
    expect(progress).toHaveLength(2);
    for (const m of progress) expect(m.text).toContain('Annonce envoyée');
  });

  it('gets one for a broadcast the scheduler started, and one only for a staff announcement', async () => {
    c = await startCommittee({ features: [] });
    await residents(c, 2);
    const now = c.h.clock.now();
    expect(await c.h.stores.broadcasts.create({ id: 'bc_weekly1', by: 'system:scheduler', content: { kind: 'template', template: 'announce.phase.submission', params: { phase: 'submission', at: now } }, audience: { kind: 'all' }, startedAt: now }, {})).toBe('saved');
    await c.h.engine.fanOutBroadcast('bc_weekly1', 100);
    const staff = await announce(c, 'Une annonce du comité');
    const reporter = new BroadcastProgressReporter(c.committee.services);
    await reporter.tick();
    await reporter.tick();
    await drain(sender(c));
    expect((await progressMessage(c, 'bc_weekly1'))!.text).toContain('2 restants');
    expect((await progressMessage(c, staff))!.text).toContain('2 restants');
    expect(topLevel(c)).toHaveLength(2);
    const starts = (await c.h.stores.outbox.list(0, 100)).filter((m) => m.template === 'committee.broadcast_started');
    expect(starts.map((m) => m.params['broadcast']).sort()).toEqual(['bc_weekly1', staff].sort());
  });

  it('is not posted at all when the broadcast is done before its start notice goes: the summary is the one message', async () => {
    c = await startCommittee({ features: [] });
    await residents(c, 1);
    const id = await announce(c, 'Vite fait');
    await settle(c, await claimResidents(c));
    expect(await c.h.engine.broadcastProgress(id)).toMatchObject({ ok: true, value: { status: 'done' } });
    await drain(sender(c));
    expect(topLevel(c)).toHaveLength(1);
    expect(topLevel(c)[0]!.text).toContain('1 messages envoyés sur 1');
  });
});

describe('the final summary', () => {
  it('shows how long it took and the failures by reason, written once with two instances and a restart', async () => {
    c = await startCommittee({ features: [] });
    await residents(c, 6);
    const id = await announce(c, 'Résultats');
    // Two instances: each its own sender and reporter, on the same stores.
    const [d1, d2] = [sender(c), sender(c)];
    const [r1, r2] = [new BroadcastProgressReporter(c.committee.services, { minIntervalMs: 0 }), new BroadcastProgressReporter(c.committee.services, { minIntervalMs: 0 })];
    await Promise.all([drain(d1), drain(d2)]);
    const batch = await claimResidents(c);
    await settle(c, batch.slice(0, 2));
    // Another campaign message in between the broadcast's, given up too: not one of its failures.
    await c.h.stores.outbox.enqueue([{ key: 'other', recipient: { kind: 'resident', residentId: 'res_other' }, template: 'notify.idea_eligible', params: {}, notBefore: 0 }]);
    await settle(c, await claimResidents(c), 'no such resident');
    c.h.clock.advance(125_000);
    await settle(c, batch.slice(2, 5), 'telegram 403: blocked by the user');
    await settle(c, batch.slice(5), 'telegram 400: chat not found');
    await Promise.all([r1.tick(), r2.tick()]);
    await Promise.all([drain(d1), drain(d2)]);
    // A restarted instance looks again: nothing more.
    const r3 = new BroadcastProgressReporter(c.committee.services, { minIntervalMs: 0 });
    expect(await r3.tick()).toBe(0);
    await drain(sender(c));

    expect((await c.h.stores.outbox.list(0, 200)).filter((m) => m.template === 'committee.broadcast_done')).toHaveLength(1);
    expect(topLevel(c).filter((m) => m.text.includes('📣'))).toHaveLength(1);
    const summary = (await progressMessage(c, id))!;
    const shown = plain(`${summary.text}\n${JSON.stringify(summary.blocks)}`);
    expect(shown).toContain('2 messages envoyés sur 6, 4 échecs');
    expect(shown).toContain('Durée : 2 min 5 s');
    // 6 settled over the 125 s it took.
    expect(shown).toContain('Moyenne 2,9 messages/min');
    expect(shown).toContain('Échecs par motif');
    expect(shown).toContain('telegram 403: blocked by the user : 3');
    expect(shown).toContain('telegram 400: chat not found : 1');
    expect(shown).not.toContain('no such resident');
    c.slack.expectNoViolations();
  });

  it('reads the failures within a bound, and says they are unknown past it', async () => {
    c = await startCommittee({ features: [] });
    const { outbox } = c.h.stores;
    const failOne = async (key: string, group: string | undefined, reason: string) => {
      await outbox.enqueue([{ key, recipient: { kind: 'resident', residentId: `r_${key}` }, template: 'broadcast.message', params: {}, notBefore: 0, ...(group === undefined ? {} : { group }) }]);
      const [m] = await outbox.claim(c!.h.clock.now(), 1, 60_000, { recipientKinds: ['resident'] });
      await outbox.fail(m!.seq, m!.token, reason);
    };
    await failOne('a1', 'bc_a', 'telegram 403: blocked by the user');
    for (let i = 0; i < 1200; i++) await outbox.enqueue([{ key: `noise${i}`, recipient: { kind: 'committee' }, template: 'x', params: {}, notBefore: 1e15 }]);
    await failOne('a2', 'bc_a', 'telegram 403: blocked by the user');
    await failOne('b1', 'bc_b', 'no such resident');
    const last = (await outbox.list(0, 5000)).at(-1)!.seq + 1;
    // bc_a: two messages, 1,200 others between them: past a bound of three times its size.
    expect(await failureReasons(c.committee.services, 'bc_a', last, 2, 2)).toBeNull();
    expect(await failureReasons(c.committee.services, 'bc_a', last, 2, 800)).toEqual([{ reason: 'telegram 403: blocked by the user', count: 2 }]);
    expect(await failureReasons(c.committee.services, 'bc_b', last, 1, 1)).toEqual([{ reason: 'no such resident', count: 1 }]);
  });
});

describe('the progress texts', () => {
  it('have the same keys in all five languages', () => {
    const keys = (locale: string) =>
      readFileSync(path.join(SLACK_LOCALES_DIR, locale, 'progress.ftl'), 'utf8')
        .split('\n')
        .filter((l) => /^[a-z]/u.test(l))
        .map((l) => l.split(' = ')[0])
        .sort();
    const en = keys('en');
    expect(en.length).toBeGreaterThan(5);
    for (const locale of SLACK_LOCALES) expect(keys(locale)).toEqual(en);
  });
});
