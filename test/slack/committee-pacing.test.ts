/**
 * The committee sender keeps Slack's posting pace (about one post per channel per second —
 * here scaled ten times: 100 ms, on a stand-in enforcing one post per 100 ms window), lets other
 * channels' messages go while one channel is busy, honours a long `Retry-After` by putting the
 * message back in the outbox (never sleeping in the client), and delivers the weekly digest by
 * Slack DM under the same pace.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CommitteeDispatcher } from '../../adapters/slack/committee-dispatcher.ts';
import type { NoticeHandlers } from '../../adapters/slack/notices/notice-handler.ts';
import { COMMITTEE_NOTICES } from '../../adapters/slack/notices/index.ts';
import type { OutboxDraft } from '../../core/ports/side-records.ts';
import type { OutboxMessage } from '../../core/ports/outbox.ts';
import { flattenParams } from '../../core/phases/scheduled-messages.ts';
import { startCommittee } from '../support/slack/committee-harness.ts';
import type { CommitteeHarness } from '../support/slack/committee-harness.ts';
import { testCampaign } from '../support/test-campaign.ts';

/** One stand-in second, real ms. */
const SECOND = 100;
const COMMITTEE = 'C-COMMITTEE';
const ANNOUNCEMENTS = 'C-ANNOUNCE';

let c: CommitteeHarness | null = null;
afterEach(async () => {
  await c?.stop();
  c = null;
});

/** Handlers posting what their params say, one post (`x.post`) or a post and a reply in its thread (`x.thread`). */
const handlers: NoticeHandlers = {
  'x.post': async (s, m) => {
    await s.client.chat.postMessage({ channel: String(m.params['channel']), text: String(m.params['text']) });
    return {};
  },
  // Takes `delayMs` (reading, rendering) before its one post.
  'x.slow': async (s, m) => {
    await new Promise((r) => setTimeout(r, Number(m.params['delayMs'])));
    await s.client.chat.postMessage({ channel: String(m.params['channel']), text: String(m.params['text']) });
    return {};
  },
  'x.thread': async (s, m) => {
    const root = await s.client.chat.postMessage({ channel: String(m.params['channel']), text: String(m.params['text']) });
    await s.client.chat.postMessage({ channel: String(m.params['channel']), thread_ts: root.ts!, text: `${String(m.params['text'])} (reply)` });
    return {};
  },
};

function post(h: CommitteeHarness, key: string, channel: string, template = 'x.post'): OutboxDraft {
  return { key, recipient: { kind: 'committee' }, template, params: { channel, text: key }, notBefore: h.h.clock.now() };
}

async function drainAll(d: CommitteeDispatcher): Promise<number> {
  let total = 0;
  for (let n = await d.drainOnce(); n > 0; n = await d.drainOnce()) total += n;
  return total;
}

function gaps(times: readonly number[]): number[] {
  return times.slice(1).map((t, i) => t - times[i]!);
}

async function statuses(h: CommitteeHarness): Promise<Record<string, OutboxMessage['status']>> {
  return Object.fromEntries((await h.h.stores.outbox.list(0, 500)).map((m) => [m.key, m.status]));
}

const limits = { postPerChannelPerSecond: 1, secondMs: SECOND, retryAfterSeconds: 1 } as const;
/** The test campaign with an announcements channel of its own. */
const campaign = () => ({ ...testCampaign(), slack: { committee: COMMITTEE, announcements: ANNOUNCEMENTS } });

describe('the committee sender’s posting pace', () => {
  it('keeps one channel’s order when its pace runs out while a later message of it is being prepared', async () => {
    c = await startCommittee({ campaign: campaign(), features: [], limits });
    const slow = (key: string, channel: string, delayMs: number): OutboxDraft => ({ ...post(c!, key, channel, 'x.slow'), params: { channel, text: key, delayMs } });
    // c1 posts; s1 (another channel) takes most of the interval; c2 then finds the committee
    // channel busy for a few ms more; c3 is prepared meanwhile and would find it free by then.
    await c.h.stores.outbox.enqueue([post(c, 'c1', COMMITTEE), slow('s1', ANNOUNCEMENTS, SECOND - 5), post(c, 'c2', COMMITTEE), slow('c3', COMMITTEE, 30)]);
    const d = new CommitteeDispatcher({ services: c.committee.services, handlers, batch: 10, postIntervalMs: SECOND + 5 });
    expect(await drainAll(d)).toBe(4);
    expect(c.slack.messages(COMMITTEE).map((m) => m.text)).toEqual(['c1', 'c2', 'c3']);
    for (const gap of gaps(c.slack.postTimes(COMMITTEE))) expect(gap).toBeGreaterThanOrEqual(SECOND);
    c.slack.expectNoViolations();
  });

  it('posts one message per channel per interval, and other channels go meanwhile', async () => {
    c = await startCommittee({ campaign: campaign(), features: [], limits });
    await c.h.stores.outbox.enqueue([...['c1', 'c2', 'c3', 'c4'].map((k) => post(c!, k, COMMITTEE)), post(c, 'a1', ANNOUNCEMENTS), post(c, 'a2', ANNOUNCEMENTS)]);
    const d = new CommitteeDispatcher({ services: c.committee.services, handlers, batch: 10, postIntervalMs: SECOND + 5 });
    expect(await drainAll(d)).toBe(6);
    expect(c.slack.rateLimitedCount).toBe(0);
    expect(Object.values(await statuses(c))).toEqual(Array(6).fill('sent'));
    // One channel's order is kept, its posts an interval apart…
    expect(c.slack.messages(COMMITTEE).map((m) => m.text)).toEqual(['c1', 'c2', 'c3', 'c4']);
    for (const gap of gaps(c.slack.postTimes(COMMITTEE))) expect(gap).toBeGreaterThanOrEqual(SECOND);
    // …while the announcements channel did not wait for the committee channel's turn.
    const announced = c.slack.postTimes(ANNOUNCEMENTS);
    expect(c.slack.messages(ANNOUNCEMENTS).map((m) => m.text)).toEqual(['a1', 'a2']);
    expect(announced[0]!).toBeLessThan(c.slack.postTimes(COMMITTEE)[1]!);
    c.slack.expectNoViolations();
  });

  it('is what keeps Slack from refusing: without it the same round is rate limited', async () => {
    c = await startCommittee({ campaign: campaign(), features: [], limits });
    await c.h.stores.outbox.enqueue(['c1', 'c2', 'c3'].map((k) => post(c!, k, COMMITTEE)));
    await drainAll(new CommitteeDispatcher({ services: c.committee.services, handlers, batch: 10, postIntervalMs: 0 }));
    expect(c.slack.rateLimitedCount).toBeGreaterThan(0);
    // Refused, not lost: back in the outbox for Retry-After.
    expect(Object.values(await statuses(c))).toContain('pending');
  });

  it('waits for its channel between two posts of one delivery instead of posting twice', async () => {
    c = await startCommittee({ campaign: campaign(), features: [], limits });
    await c.h.stores.outbox.enqueue([post(c, 't1', COMMITTEE, 'x.thread'), post(c, 't2', COMMITTEE, 'x.thread')]);
    expect(await drainAll(new CommitteeDispatcher({ services: c.committee.services, handlers, batch: 10, postIntervalMs: SECOND + 5 }))).toBe(2);
    expect(c.slack.messages(COMMITTEE).map((m) => m.text)).toEqual(['t1', 't1 (reply)', 't2', 't2 (reply)']);
    for (const gap of gaps(c.slack.postTimes(COMMITTEE))) expect(gap).toBeGreaterThanOrEqual(SECOND);
    expect(c.slack.rateLimitedCount).toBe(0);
    c.slack.expectNoViolations();
  });

  it('puts a message back for a long Retry-After at once, and the other channels’ messages still go', async () => {
    // Slack says "wait 30 s" (3 s of the stand-in's scaled time); the client must not sleep it.
    c = await startCommittee({ campaign: campaign(), features: [], limits: { ...limits, retryAfterSeconds: 30 } });
    // Someone else posted to the committee channel a moment ago (a feature answering a click).
    await c.committee.services.client.chat.postMessage({ channel: COMMITTEE, text: 'a feature’s post' });
    await c.h.stores.outbox.enqueue([post(c, 'c1', COMMITTEE), post(c, 'c2', COMMITTEE), post(c, 'a1', ANNOUNCEMENTS)]);
    const started = Date.now();
    expect(await drainAll(new CommitteeDispatcher({ services: c.committee.services, handlers, batch: 10, postIntervalMs: SECOND + 5 }))).toBe(3);
    expect(Date.now() - started).toBeLessThan(2_000);
    const all = Object.fromEntries((await c.h.stores.outbox.list(0, 50)).map((m) => [m.key, m]));
    const now = c.h.clock.now();
    expect(all['c1']).toMatchObject({ status: 'pending', lastError: 'slack 429: rate limited', notBefore: now + 30_000 });
    // c2 never reached Slack: the channel is known to be closed for 30 s.
    expect(all['c2']).toMatchObject({ status: 'pending', notBefore: now + 30_000 });
    expect(all['a1']!.status).toBe('sent');
    expect(c.slack.rateLimitedCount).toBe(1);
    c.slack.expectNoViolations();
  });
});

describe('the weekly digest by Slack DM', () => {
  const figures = flattenParams({ at: 0, registered: 42, population: 100, newRegistrations: { thisWeek: 7, lastWeek: 3 }, registrationsByWeek: [1, 2, 7], ideasByWeek: [0, 1, 1] });
  const digest = (h: CommitteeHarness, key: string, userId: string): OutboxDraft => ({ key, recipient: { kind: 'slackUser', userId }, template: 'digest.weekly', params: figures, notBefore: h.h.clock.now() });

  it('is claimed by the committee sender and uploaded into each recipient’s DM, paced per DM', async () => {
    c = await startCommittee({ features: [], limits, users: ['U-MAYOR'] });
    // Two weeks' digests to the mayor and one to an admin, plus a resident's message that is not ours.
    await c.h.stores.outbox.enqueue([
      digest(c, 'digest:w1:U-MAYOR', 'U-MAYOR'),
      digest(c, 'digest:w2:U-MAYOR', 'U-MAYOR'),
      digest(c, 'digest:w1:U-ADMIN', 'U-ADMIN'),
      { key: 'r1', recipient: { kind: 'resident', residentId: 'res_1' }, template: 'notify.idea_eligible', params: {}, notBefore: c.h.clock.now() },
    ]);
    const d = new CommitteeDispatcher({ services: c.committee.services, handlers: COMMITTEE_NOTICES, batch: 10, postIntervalMs: SECOND + 5 });
    expect(await drainAll(d)).toBe(3);
    const all = Object.fromEntries((await c.h.stores.outbox.list(0, 50)).map((m) => [m.key, m]));
    expect(['digest:w1:U-MAYOR', 'digest:w2:U-MAYOR', 'digest:w1:U-ADMIN'].map((k) => all[k]!.status)).toEqual(['sent', 'sent', 'sent']);
    expect(all['r1']).toMatchObject({ status: 'pending', attempts: 0 });

    // The stand-in names a DM by the user's id: the chart with its text alternative, twice for the mayor.
    const mayor = c.slack.messages('U-MAYOR');
    expect(mayor).toHaveLength(2);
    expect(mayor[0]!.text).toMatch(/42 \/ 100/u);
    expect(c.slack.messages('U-ADMIN')).toHaveLength(1);
    const completions = c.slack.calls.filter((k) => k.method === 'files.completeUploadExternal');
    expect(completions.map((k) => k.args['channel_id']).sort()).toEqual(['U-ADMIN', 'U-MAYOR', 'U-MAYOR']);
    for (const k of completions) expect(c.slack.file((k.args['files'] as Array<{ id: string }>)[0]!.id)?.completed).toBe(true);
    // One DM's shares an interval apart (another DM's may go in between).
    for (const gap of gaps(c.slack.postTimes('U-MAYOR'))) expect(gap).toBeGreaterThanOrEqual(SECOND);
    expect(c.slack.rateLimitedCount).toBe(0);
    c.slack.expectNoViolations();
  });
});
