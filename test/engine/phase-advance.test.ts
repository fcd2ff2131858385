/**
 * `advancePhase` names the phase the admin expects to leave: once the campaign has moved on
 * (another admin, the scheduler), the same confirmation moves nothing and says why.
 */
import { describe, expect, it } from 'vitest';
import { harness } from '../support/engine-harness.ts';
import { T, testCampaign } from '../support/test-campaign.ts';

describe('advancePhase with the phase the admin expects to leave', () => {
  it('moves once: a second confirmation of the same move is refused as phase.moved, naming both phases', async () => {
    const h = harness(testCampaign(), undefined, T.submission + 1000);
    expect(await h.engine.advancePhase('U-ADMIN', 'submission', 'enough ideas')).toMatchObject({ ok: true, value: { state: { phase: 'review' } } });
    const again = await h.engine.advancePhase('U-ADMIN', 'submission', 'enough ideas');
    expect(again).toEqual({ ok: false, code: 'phase.moved', params: { from: 'submission', phase: 'review' } });
    const { state } = await h.engine.status();
    expect(state.phase).toBe('review');
    expect(state.transitions.filter((t) => t.reason === 'enough ideas')).toHaveLength(1);
    expect((await h.stores.audit.list(0, 100)).filter((e) => e.action === 'phase.entered' && e.actor === 'staff:U-ADMIN')).toHaveLength(1);
  });

  it('two admins confirming at once: one move, the other refused', async () => {
    const h = harness(testCampaign(), undefined, T.submission + 1000);
    const both = await Promise.all([h.engine.advancePhase('U-ADMIN', 'submission', 'first'), h.engine.advancePhase('U-ADMIN', 'submission', 'second')]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(both.filter((r) => !r.ok)).toEqual([{ ok: false, code: 'phase.moved', params: { from: 'submission', phase: 'review' } }]);
    expect((await h.engine.status()).state.transitions.filter((t) => t.by === 'staff:U-ADMIN')).toHaveLength(1);
  });

  it('is refused when the clock moved the campaign on before the confirmation (the scheduler’s move)', async () => {
    const h = harness(testCampaign(), undefined, T.submission + 1000);
    h.clock.set(T.review + 1000);
    expect(await h.engine.advancePhase('U-ADMIN', 'submission', 'late click')).toMatchObject({ ok: false, code: 'phase.moved', params: { from: 'submission', phase: 'review' } });
    expect((await h.engine.status()).state.transitions.filter((t) => t.by === 'staff:U-ADMIN')).toEqual([]);
  });
});
