/**
 * The scheduled messages' policy (core/phases/scheduled-messages.ts) and the engine's
 * `enqueueScheduled` / `nextPhaseBoundary`, which the scheduler calls instead of reaching into
 * the stores.
 */
import { describe, expect, it } from 'vitest';
import { VoterKeys } from '../../core/ballots/voter-keys.ts';
import { PHASES } from '../../core/campaign/campaign.ts';
import { createEngine } from '../../core/engine/campaign-engine.ts';
import type { PhaseStatus } from '../../core/phases/phase-machine.ts';
import { SCHEDULED_MESSAGES, digestKey, digestRecipientRef, flattenParams, occurrenceKey, reminderBroadcastId, scheduledMessage, scheduledParams, sentAt, updateBroadcastId, weekChanges } from '../../core/phases/scheduled-messages.ts';
import type { Campaign } from '../../core/campaign/campaign.ts';
import { harness, TEST_SECRET } from '../support/engine-harness.ts';
import { SequentialIds } from '../support/sequential-ids.ts';
import { DAY, HOUR, T, testCampaign } from '../support/test-campaign.ts';

const windows = testCampaign().phases;
const digest = scheduledMessage('digest');
const update = scheduledMessage('update');
/** The test campaign with a Telegram chat (listed twice) and a Slack user as digest recipients. */
function withRecipients(): Campaign {
  return testCampaign({
    digestRecipients: [
      { channel: 'telegram', chatId: -100123, name: 'Council group' },
      { channel: 'slack', userId: 'U0MAYOR', name: 'Mayor' },
      { channel: 'telegram', chatId: -100123, name: 'Council group again' },
    ],
  });
}
const open = (phase: (typeof PHASES)[number]): PhaseStatus => ({ kind: 'open', phase, closesAt: null, held: null });

describe('scheduled messages policy', () => {
  it('residents get the update from submission to the end of voting; the mayor the digest from submission until a week after the results', () => {
    const sent = (m: typeof digest, at: number) => PHASES.filter((p) => sentAt(m, open(p), windows, at));
    expect(sent(update, T.announced + DAY)).toEqual(['submission', 'review', 'voting']);
    expect(sent(digest, T.announced + DAY)).toEqual(['submission', 'review', 'voting', 'tallying', 'announced']);
    expect(sentAt(digest, open('announced'), windows, T.announced + 7 * DAY - 1)).toBe(true);
    expect(sentAt(digest, open('announced'), windows, T.announced + 7 * DAY)).toBe(false);
    expect(SCHEDULED_MESSAGES.map((m) => [m.kind, m.schedule, m.delivery, m.template])).toEqual([
      ['digest', 'mayorDigest', 'digestRecipients', 'digest.weekly'],
      ['update', 'residentUpdate', 'broadcast', 'update.weekly'],
    ]);
  });

  it('between phases or held counts as the phase last entered', () => {
    const betweenReviewAndVoting = { kind: 'between', after: 'review', next: 'voting', opensAt: T.voting, held: null } as const;
    expect(sentAt(update, betweenReviewAndVoting, windows, T.reviewEnd + HOUR)).toBe(true);
    const betweenVotingAndTallying = { kind: 'between', after: 'voting', next: 'tallying', opensAt: T.votingEnd + DAY, held: null } as const;
    expect(sentAt(update, betweenVotingAndTallying, windows, T.votingEnd + HOUR)).toBe(true);
    const heldInReview = { kind: 'held', phase: 'review', next: 'voting', code: 'phase.guard.finalists', held: 'review' } as const;
    expect(sentAt(update, heldInReview, windows, T.voting + DAY)).toBe(true);
    const heldInTallying = { kind: 'held', phase: 'tallying', next: 'announced', code: 'phase.guard.results', held: 'tallying' } as const;
    expect([sentAt(update, heldInTallying, windows, T.announced + DAY), sentAt(digest, heldInTallying, windows, T.announced + DAY)]).toEqual([false, true]);
  });

  it('keys an occurrence by kind and ISO instant, and flattens the figures into plain params', () => {
    expect(occurrenceKey('digest', Date.UTC(2026, 5, 5, 6, 0))).toBe('digest:2026-06-05T06:00:00.000Z');
    expect(flattenParams({ a: 1, b: { c: 'x', d: [true, null] }, e: Number.NaN, f: undefined })).toEqual({ a: 1, 'b.c': 'x', 'b.d.0': true, 'b.d.1': null, e: null, f: null });
    expect(scheduledParams({ registered: 3 }, 'update', 0)).toEqual({ registered: 3, schedule: 'update', occurrence: '1970-01-01T00:00:00.000Z' });
    expect(() => scheduledMessage('weekly' as never)).toThrow(/unknown scheduled message/);
  });

  it('keys a digest by the recipient\'s address, and derives broadcast ids of at most 32 characters from the instant', () => {
    const at = Date.UTC(2026, 5, 5, 6, 0);
    expect(digestKey(at, { channel: 'telegram', chatId: -100123, name: 'Council group' })).toBe('digest:2026-06-05T06:00:00.000Z:telegram:-100123');
    expect(digestKey(at, { channel: 'slack', userId: 'U0MAYOR', name: 'Mayor' })).toBe('digest:2026-06-05T06:00:00.000Z:slack:U0MAYOR');
    expect(digestRecipientRef({ channel: 'slack', userId: 'U0MAYOR', name: 'renamed' })).toBe('slack:U0MAYOR');
    expect(updateBroadcastId(Date.UTC(2026, 5, 1, 7, 0))).toBe('bc_upd-20260601t0700z');
    expect(updateBroadcastId(Date.UTC(2026, 5, 1, 7, 0, 30))).toBe('bc_upd-20260601t070030z');
    expect(reminderBroadcastId(Date.UTC(2026, 5, 30, 22, 0), 3 * DAY)).toBe('bc_rem-20260630t2200z-4320m');
    expect(reminderBroadcastId(Date.UTC(2026, 5, 30, 22, 0), 365 * DAY).length).toBeLessThanOrEqual(32);
  });

  it('sums up the week before an update: ideas found eligible, new finalists (listed by number), the phase entered', () => {
    const at = T.voting + 2 * DAY;
    const idea = (number: number, state: 'eligible' | 'finalist', updatedAt: number, decidedAt: number) => ({ number, title: `Idea ${number}`, state, updatedAt, decision: { outcome: 'eligible' as const, by: 'staff:U1', at: decidedAt, criterion: null, comment: null } });
    const ideas = [idea(7, 'finalist', at - DAY, at - 20 * DAY), idea(3, 'finalist', at - 2 * DAY, at - 3 * DAY), idea(9, 'finalist', at - 8 * DAY, at - 9 * DAY), idea(4, 'eligible', at - 8 * DAY, at - HOUR), idea(5, 'eligible', at, at)];
    expect(weekChanges(ideas, windows, at)).toEqual({
      'week.eligible': 2,
      'week.finalists': 2,
      'week.phase': 'voting',
      'newFinalists.0.number': '3',
      'newFinalists.0.title': 'Idea 3',
      'newFinalists.1.number': '7',
      'newFinalists.1.title': 'Idea 7',
    });
    expect(weekChanges([], windows, T.voting + 8 * DAY)).toEqual({ 'week.eligible': 0, 'week.finalists': 0, 'week.phase': null });
  });
});

describe('engine.enqueueScheduled', () => {
  it('records each due occurrence once — re-runs and a second instance add nothing — and reports those outside the campaign', async () => {
    const h = harness(withRecipients());
    await h.register(1);
    const other = createEngine({ campaign: h.campaign, stores: h.stores, clock: h.clock, ids: new SequentialIds(900), keys: new VoterKeys(TEST_SECRET) });
    const inSubmission = T.submission + 3 * DAY;
    const beforeOpening = T.submission - DAY;
    const due = [
      { kind: 'digest', at: inSubmission },
      { kind: 'update', at: inSubmission },
      { kind: 'digest', at: beforeOpening },
      { kind: 'update', at: beforeOpening },
    ] as const;
    const expected = {
      enqueued: [`${occurrenceKey('digest', inSubmission)}:telegram:-100123`, `${occurrenceKey('digest', inSubmission)}:slack:U0MAYOR`],
      broadcasts: [updateBroadcastId(inSubmission)],
      outOfPhase: [occurrenceKey('digest', beforeOpening), occurrenceKey('update', beforeOpening)],
    };
    const reports = await Promise.all([h.engine.enqueueScheduled(due), other.enqueueScheduled(due)]);
    expect(reports).toEqual([expected, expected]);
    expect(await h.engine.enqueueScheduled(due)).toEqual(expected);
    const messages = (await h.stores.outbox.list(0, 100)).filter((m) => /^(digest|update):/.test(m.key));
    // One per configured recipient (the chat listed twice gets one), none for the occurrence before opening.
    expect(messages.map((m) => [m.key, m.recipient])).toEqual([
      [expected.enqueued[0], { kind: 'telegramChat', chatId: -100123 }],
      [expected.enqueued[1], { kind: 'slackUser', userId: 'U0MAYOR' }],
    ]);
    for (const m of messages) expect(m).toMatchObject({ template: 'digest.weekly', notBefore: inSubmission, params: { schedule: 'digest', registered: 1, phase: 'submission', 'newRegistrations.lastWeek': 0 } });
    const [update, ...others] = await h.engine.listBroadcasts(null, 10);
    expect(others.map((b) => b.id)).not.toContain(update!.id);
    expect((await h.engine.listBroadcasts(null, 10)).filter((b) => b.id === updateBroadcastId(inSubmission))).toHaveLength(1);
    expect(update).toMatchObject({ id: updateBroadcastId(inSubmission), by: 'system:scheduler', audience: { kind: 'all' }, status: 'fanning_out', content: { kind: 'template', template: 'update.weekly', params: { schedule: 'update', registered: 1, phase: 'submission', 'week.finalists': 0, 'week.phase': 'submission' } } });
    const audit = (await h.stores.audit.list(0, 100)).filter((e) => e.subject === `broadcast:${update!.id}`);
    expect(audit.map((e) => [e.actor, e.action])).toEqual([['system:scheduler', 'broadcast.started']]);
    expect(await h.engine.enqueueScheduled([])).toEqual({ enqueued: [], broadcasts: [], outOfPhase: [] });
  });

  it('tells the next recorded phase boundary, following staff extensions', async () => {
    const h = harness();
    expect(await h.engine.nextPhaseBoundary(T.submission)).toBe(T.review);
    expect(await h.engine.nextPhaseBoundary(T.voting - 1)).toBe(T.voting);
    expect(await h.engine.nextPhaseBoundary(T.announced)).toBeNull();
    expect((await h.engine.extendPhase('U-ADMIN', T.review + DAY, 'more ideas')).ok).toBe(true);
    expect(await h.engine.nextPhaseBoundary(T.submission + HOUR)).toBe(T.review + DAY);
  });

  it('hands out no dependencies', () => {
    expect(Object.keys(harness().engine)).not.toContain('deps');
  });
});
