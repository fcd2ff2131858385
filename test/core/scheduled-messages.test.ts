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
import { SCHEDULED_MESSAGES, flattenParams, occurrenceKey, scheduledMessage, scheduledParams, sentAt } from '../../core/phases/scheduled-messages.ts';
import { harness, TEST_SECRET } from '../support/engine-harness.ts';
import { SequentialIds } from '../support/sequential-ids.ts';
import { DAY, HOUR, T, testCampaign } from '../support/test-campaign.ts';

const windows = testCampaign().phases;
const digest = scheduledMessage('digest');
const update = scheduledMessage('update');
const open = (phase: (typeof PHASES)[number]): PhaseStatus => ({ kind: 'open', phase, closesAt: null, held: null });

describe('scheduled messages policy', () => {
  it('residents get the update from submission to the end of voting; the mayor the digest from submission until a week after the results', () => {
    const sent = (m: typeof digest, at: number) => PHASES.filter((p) => sentAt(m, open(p), windows, at));
    expect(sent(update, T.announced + DAY)).toEqual(['submission', 'review', 'voting']);
    expect(sent(digest, T.announced + DAY)).toEqual(['submission', 'review', 'voting', 'tallying', 'announced']);
    expect(sentAt(digest, open('announced'), windows, T.announced + 7 * DAY - 1)).toBe(true);
    expect(sentAt(digest, open('announced'), windows, T.announced + 7 * DAY)).toBe(false);
    expect(SCHEDULED_MESSAGES.map((m) => [m.kind, m.schedule, m.recipient, m.template])).toEqual([
      ['digest', 'mayorDigest', { kind: 'digest' }, 'digest.weekly'],
      ['update', 'residentUpdate', { kind: 'subscribers', area: null }, 'update.weekly'],
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
});

describe('engine.enqueueScheduled', () => {
  it('records each due occurrence once — re-runs and a second instance add nothing — and reports those outside the campaign', async () => {
    const h = harness();
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
      enqueued: [occurrenceKey('digest', inSubmission), occurrenceKey('update', inSubmission)],
      outOfPhase: [occurrenceKey('digest', beforeOpening), occurrenceKey('update', beforeOpening)],
    };
    const reports = await Promise.all([h.engine.enqueueScheduled(due), other.enqueueScheduled(due)]);
    expect(reports).toEqual([expected, expected]);
    expect(await h.engine.enqueueScheduled(due)).toEqual(expected);
    const messages = (await h.stores.outbox.list(0, 100)).filter((m) => /^(digest|update):/.test(m.key));
    expect(messages.map((m) => m.key).sort()).toEqual([...expected.enqueued].sort());
    const updateMessage = messages.find((m) => m.key === occurrenceKey('update', inSubmission));
    expect(updateMessage).toMatchObject({ recipient: { kind: 'subscribers', area: null }, template: 'update.weekly', notBefore: inSubmission, params: { schedule: 'update', registered: 1, phase: 'submission' } });
    expect(await h.engine.enqueueScheduled([])).toEqual({ enqueued: [], outOfPhase: [] });
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
