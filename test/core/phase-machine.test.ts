import { describe, expect, it } from 'vitest';
import { initialPhaseState, phaseStatus, step, nextPhase, currentPhase } from '../../core/phases/phase-machine.ts';
import type { PhaseState } from '../../core/phases/phase-state.ts';
import { testCampaign, T, DAY, HOUR } from '../support/test-campaign.ts';

const campaign = testCampaign();
const ok = { finalists: 3, tallied: true };
const noFinalists = { finalists: 1, tallied: false };

function ticked(state: PhaseState, now: number, facts = ok): PhaseState {
  const r = step(state, { type: 'tick' }, now, facts);
  if (!r.ok) throw new Error(r.code);
  return r.value.state;
}

describe('phase machine: status judged against the clock', () => {
  const s0 = initialPhaseState(campaign);

  it('is in draft before submission opens', () => {
    expect(phaseStatus(s0, T.submission - 1, ok)).toMatchObject({ kind: 'open', phase: 'draft', closesAt: T.submission });
  });

  it('windows are half-open: the start instant is inside, the end instant outside', () => {
    expect(phaseStatus(s0, T.submission, ok)).toMatchObject({ kind: 'open', phase: 'submission' });
    expect(phaseStatus(s0, T.review - 1, ok)).toMatchObject({ kind: 'open', phase: 'submission' });
    expect(phaseStatus(s0, T.review, ok)).toMatchObject({ kind: 'open', phase: 'review' });
  });

  it('between review (ends 31 May) and voting (opens 1 June) the campaign is between phases with the next date', () => {
    const s = phaseStatus(s0, T.reviewEnd + HOUR, ok);
    expect(s).toEqual({ kind: 'between', after: 'review', next: 'voting', opensAt: T.voting, held: null });
    expect(currentPhase(s)).toBeNull();
  });

  it('a vote one millisecond after close is judged closed even though no job recorded it', () => {
    const inVoting = ticked(s0, T.voting + 1);
    expect(inVoting.phase).toBe('voting');
    expect(phaseStatus(inVoting, T.votingEnd - 1, ok)).toMatchObject({ kind: 'open', phase: 'voting' });
    expect(phaseStatus(inVoting, T.votingEnd + 1, ok)).toMatchObject({ kind: 'open', phase: 'tallying' });
  });

  it('walks every phase to archived when announced has an end', () => {
    const c = testCampaign({ phases: { ...campaign.phases, announced: { start: T.announced, end: T.announced + 30 * DAY } } });
    const s = ticked(initialPhaseState(c), T.announced + 31 * DAY);
    expect(s.phase).toBe('archived');
    expect(s.transitions.map((t) => t.to)).toEqual(['submission', 'review', 'voting', 'tallying', 'announced', 'archived']);
  });
});

describe('phase machine: tick records transitions with their window start', () => {
  it('records one transition per phase, dated at the window start, by the scheduler', () => {
    const r = step(initialPhaseState(campaign), { type: 'tick' }, T.review + 5 * HOUR, ok);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.state.phase).toBe('review');
    expect(r.value.state.transitions).toEqual([
      { from: 'draft', to: 'submission', at: T.submission, by: 'system:scheduler', reason: 'schedule' },
      { from: 'submission', to: 'review', at: T.review, by: 'system:scheduler', reason: 'schedule' },
    ]);
    expect(r.value.effects.map((e) => e.type)).toEqual(['phase.entered', 'phase.entered']);
  });

  it('is idempotent: a second tick at the same instant changes nothing', () => {
    const s = ticked(initialPhaseState(campaign), T.review + 1);
    const r = step(s, { type: 'tick' }, T.review + 1, ok);
    expect(r.ok && r.value.effects).toEqual([]);
    expect(r.ok && r.value.state).toBe(s);
  });
});

describe('phase machine: guards', () => {
  it('voting does not open with fewer than two finalists: held in review, staff alerted once', () => {
    const s = ticked(initialPhaseState(campaign), T.reviewEnd - 1, noFinalists);
    const r = step(s, { type: 'tick' }, T.voting + 1, noFinalists);
    if (!r.ok) throw new Error(r.code);
    expect(r.value.state.phase).toBe('review');
    expect(r.value.state.hold).toMatchObject({ target: 'voting', code: 'phase.guard.finalists' });
    expect(r.value.effects).toEqual([{ type: 'phase.held', target: 'voting', code: 'phase.guard.finalists', at: T.voting }]);
    expect(phaseStatus(r.value.state, T.voting + 2, noFinalists)).toMatchObject({ kind: 'held', phase: 'review', next: 'voting' });
    const again = step(r.value.state, { type: 'tick' }, T.voting + DAY, noFinalists);
    expect(again.ok && again.value.effects).toEqual([]);
  });

  it('once held, only a staff move opens voting, even after finalists are picked', () => {
    const held = ticked(ticked(initialPhaseState(campaign), T.reviewEnd - 1, noFinalists), T.voting + 1, noFinalists);
    expect(ticked(held, T.voting + 2 * HOUR, ok).phase).toBe('review');
    const moved = step(held, { type: 'advance', by: 'staff:U-ADMIN', reason: 'finalists picked' }, T.voting + 3 * HOUR, ok);
    if (!moved.ok) throw new Error(moved.code);
    expect(moved.value.state.phase).toBe('voting');
    expect(moved.value.state.hold).toBeNull();
    expect(moved.value.state.windows.voting).toEqual({ start: T.voting + 3 * HOUR, end: T.votingEnd });
  });

  it('a staff move into voting is refused with fewer than two finalists', () => {
    const s = ticked(initialPhaseState(campaign), T.review + 1);
    const r = step(s, { type: 'advance', by: 'staff:U-ADMIN', reason: 'early' }, T.review + 2, noFinalists);
    expect(r).toMatchObject({ ok: false, code: 'phase.guard.finalists' });
  });

  it('announcing needs results; a move to announced without them is refused', () => {
    const s = ticked(initialPhaseState(campaign), T.votingEnd + 1);
    expect(s.phase).toBe('tallying');
    const r = step(s, { type: 'advance', by: 'staff:U-ADMIN', reason: 'done' }, T.votingEnd + 2, { finalists: 3, tallied: false });
    expect(r).toMatchObject({ ok: false, code: 'phase.guard.not_tallied' });
    const held = ticked(s, T.announced + 1, { finalists: 3, tallied: false });
    expect(held.hold).toMatchObject({ target: 'announced', code: 'phase.guard.not_tallied' });
  });
});

describe('phase machine: staff moves and extensions', () => {
  it('moving early ends the current window now and opens the next now, recording who and why', () => {
    const s = ticked(initialPhaseState(campaign), T.submission + 1);
    const now = T.review - 2 * DAY;
    const r = step(s, { type: 'advance', by: 'staff:U-ADMIN', reason: 'enough ideas' }, now, ok);
    if (!r.ok) throw new Error(r.code);
    expect(r.value.state.phase).toBe('review');
    expect(r.value.state.windows.submission.end).toBe(now);
    expect(r.value.state.windows.review.start).toBe(now);
    expect(r.value.state.transitions.at(-1)).toEqual({ from: 'submission', to: 'review', at: now, by: 'staff:U-ADMIN', reason: 'enough ideas' });
    expect(phaseStatus(r.value.state, now, ok)).toMatchObject({ kind: 'open', phase: 'review' });
  });

  it('moving from a "between" gap opens the next phase early', () => {
    const s = ticked(initialPhaseState(campaign), T.reviewEnd + HOUR);
    const r = step(s, { type: 'advance', by: 'staff:U-ADMIN', reason: 'go' }, T.reviewEnd + 2 * HOUR, ok);
    expect(r.ok && r.value.state.phase).toBe('voting');
  });

  it('extending voting keeps it open past the old end and shifts tallying', () => {
    const s = ticked(initialPhaseState(campaign), T.voting + 1);
    const until = T.votingEnd + 3 * DAY;
    const r = step(s, { type: 'extend', until, by: 'staff:U-ADMIN', reason: 'storm' }, T.votingEnd - DAY, ok);
    if (!r.ok) throw new Error(r.code);
    expect(r.value.state.windows.voting.end).toBe(until);
    expect(r.value.state.windows.tallying.start).toBe(until);
    expect(phaseStatus(r.value.state, T.votingEnd + DAY, ok)).toMatchObject({ kind: 'open', phase: 'voting' });
    expect(r.value.state.transitions.at(-1)?.reason).toBe('extended: storm');
  });

  it('refuses an extension that is not later, or that swallows the next window', () => {
    const s = ticked(initialPhaseState(campaign), T.voting + 1);
    expect(step(s, { type: 'extend', until: T.votingEnd - DAY, by: 'x', reason: 'r' }, T.voting + 2, ok)).toMatchObject({ ok: false, code: 'phase.extend_not_later' });
    expect(step(s, { type: 'extend', until: T.announced + DAY, by: 'x', reason: 'r' }, T.voting + 2, ok)).toMatchObject({ ok: false, code: 'phase.extend_overlaps' });
  });

  it('refuses an extension between phases and a move past archived', () => {
    const between = ticked(initialPhaseState(campaign), T.reviewEnd + HOUR);
    expect(step(between, { type: 'extend', until: T.voting + DAY, by: 'x', reason: 'r' }, T.reviewEnd + HOUR, ok)).toMatchObject({ ok: false, code: 'phase.extend_not_open' });
    const c = testCampaign({ phases: { ...campaign.phases, announced: { start: T.announced, end: T.announced + DAY } } });
    const archived = ticked(initialPhaseState(c), T.announced + 2 * DAY);
    expect(step(archived, { type: 'advance', by: 'x', reason: 'r' }, T.announced + 3 * DAY, ok)).toMatchObject({ ok: false, code: 'phase.no_next' });
  });

  it('archives an open-ended announced phase on a staff move', () => {
    const s = ticked(initialPhaseState(campaign), T.announced + 1);
    const r = step(s, { type: 'advance', by: 'staff:U-ADMIN', reason: 'closing' }, T.announced + DAY, ok);
    expect(r.ok && r.value.state.phase).toBe('archived');
    expect(nextPhase('archived')).toBeNull();
  });
});
