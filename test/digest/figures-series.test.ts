/** The weekly series behind the digest's "over time" chart. */
import { describe, expect, it } from 'vitest';
import { testCampaign } from '../support/test-campaign.ts';
import { participationFigures, SERIES_WEEKS, WEEK_MS } from '../../core/figures/participation-figures.ts';

const now = 100 * WEEK_MS;
const done = (registeredAt: number) => ({ step: 'done' as const, registeredAt, assistedBy: null, ageBand: null, area: null });

describe('registrationsByWeek', () => {
  it('counts registrations per week, oldest first, this week last; ignores the future and older weeks', () => {
    const residents = [
      done(now - 1), done(now - WEEK_MS), done(now - WEEK_MS - 1), done(now - 3 * WEEK_MS + 5),
      done(now - SERIES_WEEKS * WEEK_MS - 1), done(now + 10),
    ];
    const f = participationFigures(testCampaign(), {
      residents, ideas: [], ballotsByEnvelope: {}, voters: 0, assistedBallots: 0,
      status: { kind: 'open', phase: 'voting', closesAt: null, held: null }, nextPhase: null,
    }, now);
    expect(f.registrationsByWeek).toEqual([0, 0, 0, 0, 0, 1, 2, 1]);
    expect(f.registrationsByWeek).toHaveLength(SERIES_WEEKS);
    expect(f.ideasByWeek).toEqual(new Array(SERIES_WEEKS).fill(0));
  });
});
