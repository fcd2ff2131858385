/**
 * The committee sender: claims the committee's outbox messages only, honours Slack's
 * Retry-After instead of losing a message, gives up permanent failures with a reason of a
 * known kind, and tells the committee — without spamming it — when deliveries fail. Phase
 * notices and the alert of a phase held by its guard arrive in the channel.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ErrorCode } from '@slack/web-api';
import { CommitteeDispatcher, classifySlackFailure } from '../../adapters/slack/committee-dispatcher.ts';
import { PostingPace } from '../../adapters/slack/posting-pace.ts';
import { UndeliverableNotice } from '../../adapters/slack/notices/notice-handler.ts';
import type { NoticeHandlers } from '../../adapters/slack/notices/notice-handler.ts';
import type { OutboxMessage } from '../../core/ports/outbox.ts';
import { pino } from 'pino';
import { createCommitteeApp } from '../../adapters/slack/committee-app.ts';
import type { CommitteeApp } from '../../adapters/slack/committee-app.ts';
import { harness } from '../support/engine-harness.ts';
import type { Harness } from '../support/engine-harness.ts';
import { createMemoryStores } from '../support/memory/memory-stores.ts';
import { SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, startCommittee } from '../support/slack/committee-harness.ts';
import type { CommitteeHarness } from '../support/slack/committee-harness.ts';
import { SlackStandIn } from '../support/slack/web-api-stand-in.ts';
import { T, testCampaign } from '../support/test-campaign.ts';

let c: CommitteeHarness | null = null;
afterEach(async () => {
  await c?.stop();
  c = null;
});

async function drain(d: CommitteeDispatcher): Promise<number> {
  let total = 0;
  for (let n = await d.drainOnce(); n > 0; n = await d.drainOnce()) total += n;
  return total;
}

async function committeeMessages(h: CommitteeHarness): Promise<OutboxMessage[]> {
  return (await h.h.stores.outbox.list(0, 500)).filter((m) => m.recipient.kind === 'committee');
}

function channelTexts(h: CommitteeHarness): string[] {
  return h.slack.messages('C-COMMITTEE').filter((m) => m.threadTs === null).map((m) => `${m.text}\n${JSON.stringify(m.blocks)}`);
}

/** Gives up one resident message, as the residents' dispatcher does for a blocked bot. */
async function failResidentMessage(h: CommitteeHarness, key: string, reason = 'telegram 502'): Promise<void> {
  const outbox = h.h.stores.outbox;
  await outbox.enqueue([{ key, recipient: { kind: 'resident', residentId: 'res_x' }, template: 'notify.idea_eligible', params: {}, notBefore: h.h.clock.now() }]);
  const [m] = await outbox.claim(h.h.clock.now(), 1, 60_000, { recipientKinds: ['resident'] });
  expect(m?.key).toBe(key);
  expect(await outbox.fail(m!.seq, m!.token, reason)).toBe('ok');
}

describe('the committee sender', () => {
  it('claims only the committee’s messages', async () => {
    c = await startCommittee({ features: [] });
    const author = await c.h.register(1001);
    await c.h.submit(author, 'Bike racks at the station');
    await drain(new CommitteeDispatcher({ services: c.committee.services }));
    const all = await c.h.stores.outbox.list(0, 50);
    expect(all.filter((m) => m.recipient.kind === 'committee').map((m) => m.status)).toEqual(['sent']);
    // The author's notice is the Telegram dispatcher's: untouched, not even attempted.
    expect(all.filter((m) => m.recipient.kind === 'resident').map((m) => [m.status, m.attempts])).toEqual([['pending', 0]]);
  });

  it('runs while it leads and stops when its leadership ends', async () => {
    c = await startCommittee({ features: [] });
    const author = await c.h.register(1001);
    await c.h.submit(author, 'Bike racks at the station');
    const leadership = new AbortController();
    const running = new CommitteeDispatcher({ services: c.committee.services, idleMs: 10 }).run(leadership.signal);
    await c.slack.waitFor(() => c!.slack.messages('C-COMMITTEE').length > 0, 'the card');
    leadership.abort();
    await running;
    // Stopped: a later message stays pending.
    await c.h.submit(author, 'Benches in the park');
    expect((await committeeMessages(c)).map((m) => m.status)).toEqual(['sent', 'pending']);
  });

  it('retries a rate-limited post after Retry-After instead of losing it', async () => {
    // Slack allows about one post per channel per second; the stand-in enforces it here.
    const l = await startLimited();
    try {
      const author = await l.h.register(1001);
      await l.h.submit(author, 'Bike racks at the station');
      await l.h.submit(author, 'Benches in the park');
      // Pacing off, so the second post is refused (the pace's own test: committee-pacing.test.ts).
      const d = new CommitteeDispatcher({ services: l.committee.services, postIntervalMs: 0 });
      const messages = async (): Promise<OutboxMessage[]> => (await l.h.stores.outbox.list(0, 50)).filter((m) => m.recipient.kind === 'committee');

      expect(await d.drainOnce()).toBe(2);
      expect(l.slack.rateLimited).toHaveLength(1);
      const [first, second] = await messages();
      expect(first!.status).toBe('sent');
      expect(second).toMatchObject({ status: 'pending', attempts: 1, lastError: 'slack 429: rate limited', notBefore: l.h.clock.now() + 1000 });
      // Not due before Retry-After has passed: nothing is claimed, nothing posted.
      expect(await d.drainOnce()).toBe(0);

      l.h.clock.advance(1000);
      // The stand-in measures Retry-After in real time (a post inside it is a violation).
      await new Promise((r) => setTimeout(r, 1100));
      expect(await d.drainOnce()).toBe(1);
      expect((await messages()).map((m) => m.status)).toEqual(['sent', 'sent']);
      expect(l.slack.messages('C-COMMITTEE').filter((m) => m.threadTs === null)).toHaveLength(2);
    } finally {
      await l.slack.stop();
    }
    l.slack.expectNoViolations();
  });

  it('gives up a template without a handler and alerts the committee', async () => {
    c = await startCommittee({ features: [] });
    await c.h.stores.outbox.enqueue([{ key: 'odd:1', recipient: { kind: 'committee' }, template: 'committee.unheard_of', params: {}, notBefore: c.h.clock.now() }]);
    await drain(new CommitteeDispatcher({ services: c.committee.services }));
    expect(await committeeMessages(c)).toMatchObject([{ status: 'failed', lastError: 'no_handler' }]);
    const alerts = channelTexts(c).filter((t) => t.includes("n'a pas pu être remis"));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toContain('committee.unheard_of');
  });

  it('gives up permanent Slack errors with a known reason, and retries transient ones with backoff', async () => {
    c = await startCommittee({ features: [] });
    const platform = (error: string): Error => Object.assign(new Error(`An API error occurred: ${error}`), { code: ErrorCode.PlatformError, data: { ok: false, error } });
    const thrown: Record<string, Error> = {
      'x.gone': platform('channel_not_found'),
      'x.auth': platform('invalid_auth'),
      'x.odd': platform('some_new_error with <resident words>'),
      'x.busy': platform('internal_error'),
      'x.net': Object.assign(new Error('A request error occurred: socket hang up'), { code: ErrorCode.RequestError }),
      'x.ours': new Error('boom'),
    };
    const handlers: NoticeHandlers = Object.fromEntries(
      Object.entries(thrown).map(([template, e]) => [
        template,
        async () => {
          throw e;
        },
      ]),
    );
    const now = c.h.clock.now();
    await c.h.stores.outbox.enqueue(Object.keys(thrown).map((template) => ({ key: template, recipient: { kind: 'committee' as const }, template, params: {}, notBefore: now })));
    await drain(new CommitteeDispatcher({ services: c.committee.services, handlers, batch: 10, backoffMs: 2_000 }));

    const byKey = Object.fromEntries((await committeeMessages(c)).map((m) => [m.key, m]));
    expect(byKey['x.gone']).toMatchObject({ status: 'failed', lastError: 'slack channel_not_found' });
    expect(byKey['x.auth']).toMatchObject({ status: 'failed', lastError: 'slack invalid_auth' });
    expect(byKey['x.odd']).toMatchObject({ status: 'failed', lastError: 'slack platform error' });
    expect(byKey['x.busy']).toMatchObject({ status: 'pending', lastError: 'slack internal_error', notBefore: now + 2_000 });
    expect(byKey['x.net']).toMatchObject({ status: 'pending', lastError: 'network error', notBefore: now + 2_000 });
    expect(byKey['x.ours']).toMatchObject({ status: 'pending', lastError: 'send failed', notBefore: now + 2_000 });
    // Three given up, one alert: at most one per interval.
    expect(channelTexts(c).filter((t) => t.includes('pas pu être remis'))).toHaveLength(1);

    // The second attempt waits twice as long.
    c.h.clock.advance(2_000);
    await drain(new CommitteeDispatcher({ services: c.committee.services, handlers, batch: 10, backoffMs: 2_000 }));
    expect((await committeeMessages(c)).find((m) => m.key === 'x.net')).toMatchObject({ attempts: 2, notBefore: now + 2_000 + 4_000 });
  });

  it('classifies what Slack and the handlers throw', () => {
    expect(classifySlackFailure(Object.assign(new Error('rate limited'), { code: ErrorCode.RateLimitedError, retryAfter: 7 }))).toEqual({ action: 'retry_after', ms: 7000, reason: 'slack 429: rate limited' });
    expect(classifySlackFailure(Object.assign(new Error('x'), { code: ErrorCode.HTTPError, statusCode: 503 }))).toMatchObject({ action: 'retry' });
    expect(classifySlackFailure(Object.assign(new Error('x'), { code: ErrorCode.HTTPError, statusCode: 404 }))).toEqual({ action: 'fail', reason: 'slack http 404' });
    expect(classifySlackFailure(Object.assign(new Error('x'), { code: ErrorCode.PlatformError, data: { error: 'account_inactive' } }))).toEqual({ action: 'fail', reason: 'slack account_inactive' });
    expect(classifySlackFailure(Object.assign(new Error('x'), { code: ErrorCode.PlatformError, data: { error: 'not_in_channel' } }))).toEqual({ action: 'fail', reason: 'slack not_in_channel' });
    expect(classifySlackFailure(new UndeliverableNotice('the idea is unknown'))).toEqual({ action: 'fail', reason: 'the idea is unknown' });
  });

  it('alerts the committee when failed deliveries grow, at most once per interval', async () => {
    c = await startCommittee({ features: [] });
    const d = new CommitteeDispatcher({ services: c.committee.services, alertIntervalMs: 600_000 });
    const alerts = (): string[] => channelTexts(c!).filter((t) => t.includes('pas pu être remis'));
    expect(await d.alertFailures()).toBe(false);

    await failResidentMessage(c, 'r1');
    expect(await d.alertFailures()).toBe(true);
    expect(alerts()).toHaveLength(1);
    expect(alerts()[0]).toContain('1 message');
    // No growth: no alert.
    expect(await d.alertFailures()).toBe(false);

    await failResidentMessage(c, 'r2');
    await failResidentMessage(c, 'r3');
    // Grown, but inside the interval: no alert yet…
    c.h.clock.advance(300_000);
    expect(await d.alertFailures()).toBe(false);
    // …then one, with the growth since the last one.
    c.h.clock.advance(300_000);
    expect(await d.alertFailures()).toBe(true);
    expect(alerts()).toHaveLength(2);
    expect(alerts()[1]).toContain('3 messages');
    expect(alerts()[1]).toContain('2 nouveaux depuis la dernière alerte');
  });

  it('an alert waiting for the channel’s pace is posted even when its timer fires before the pace’s clock says the channel is free', async () => {
    c = await startCommittee({ features: [] });
    // A pace whose clock runs 1 % slow against the timers: a sleep of the wait it gives ends
    // a little before the channel is free by its clock (as a Node timer may, on the loop's cached time).
    const t0 = performance.now();
    const pace = new PostingPace({ intervalMs: 300, now: () => t0 + (performance.now() - t0) * 0.99 });
    const d = new CommitteeDispatcher({ services: c.committee.services, alertIntervalMs: 600_000, pace });
    const alerts = (): string[] => channelTexts(c!).filter((t) => t.includes('pas pu être remis'));
    await failResidentMessage(c, 'r1');
    expect(await d.alertFailures()).toBe(true);
    await failResidentMessage(c, 'r2');
    c.h.clock.advance(600_000);
    // The channel took a post just now: this alert waits about 300 ms for it, then posts.
    expect(await d.alertFailures()).toBe(true);
    expect(alerts()).toHaveLength(2);
  });

  it('does not alert for residents who blocked the bot or left Telegram: nothing for the committee to do', async () => {
    c = await startCommittee({ features: [] });
    const d = new CommitteeDispatcher({ services: c.committee.services, alertIntervalMs: 600_000 });
    const alerts = (): string[] => channelTexts(c!).filter((t) => t.includes('pas pu être remis'));
    await failResidentMessage(c, 'b1', 'telegram 403: blocked by the user');
    await failResidentMessage(c, 'b2', 'telegram 403: user is deactivated');
    expect(await d.alertFailures()).toBe(false);
    expect(alerts()).toEqual([]);
    // A failure someone should look at is alerted, counted without the residents' own.
    await failResidentMessage(c, 'p1', 'telegram 400: chat not found');
    expect(await d.alertFailures()).toBe(true);
    expect(alerts()).toHaveLength(1);
    expect(alerts()[0]).toContain('1 message');
  });

  it('alerts the committee when a phase is held by its guard, saying what to do', async () => {
    c = await startCommittee({ features: [] });
    // Voting's window opens with no finalist: the campaign stays in review.
    c.h.clock.set(T.voting + 60_000);
    await c.h.engine.tick();
    await drain(new CommitteeDispatcher({ services: c.committee.services }));

    const texts = channelTexts(c);
    const alert = texts.find((t) => t.includes("Le vote n'a pas pu s'ouvrir"));
    expect(alert).toBeDefined();
    expect(alert).toContain("il n'y a aucun finaliste");
    expect(alert).toContain('au moins deux finalistes');
    expect(alert).toContain('/pnyx phase');
    expect((await committeeMessages(c)).map((m) => [m.template, m.status])).toEqual([['committee.phase_held', 'sent']]);
  });

  it('tells the channel a staff member moved the phase, with their reason escaped', async () => {
    c = await startCommittee({ features: [] });
    const moved = await c.h.engine.advancePhase('U-ADMIN', 'submission', 'Enough ideas <!here>');
    expect(moved.ok).toBe(true);
    await drain(new CommitteeDispatcher({ services: c.committee.services }));
    const notice = channelTexts(c).find((t) => t.includes('La campagne est en phase examen'));
    expect(notice).toBeDefined();
    expect(notice).toContain('Changement fait par Anne Admin. Motif : Enough ideas &lt;!here&gt;');
    expect(notice).not.toContain('<!here>');
  });
});

/**
 * The committee app on a stand-in with Slack's per-channel posting limit switched on (the
 * shared harness starts its stand-in without it); no HTTP server: only the sender is driven.
 */
async function startLimited(): Promise<{ slack: SlackStandIn; h: Harness; committee: CommitteeApp }> {
  const campaign = testCampaign();
  const stores = createMemoryStores();
  const h = harness(campaign, stores);
  const slack = await SlackStandIn.start({ botToken: SLACK_BOT_TOKEN, channels: [campaign.slack.committee], users: campaign.staff.map((s) => s.slackUserId), postPerChannelPerSecond: 1, retryAfterSeconds: 1 });
  const committee = createCommitteeApp({ engine: h.engine, stores, token: SLACK_BOT_TOKEN, signingSecret: SLACK_SIGNING_SECRET, apiUrl: slack.apiUrl, clock: h.clock, logger: pino({ level: 'silent' }), retries: 0 }, []);
  await committee.init();
  return { slack, h, committee };
}
