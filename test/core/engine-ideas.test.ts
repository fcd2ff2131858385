import { describe, expect, it } from 'vitest';
import { harness } from '../support/engine-harness.ts';
import { T, DAY } from '../support/test-campaign.ts';
import { WITHDRAWABLE, validateIdeaInput } from '../../core/ideas/idea-rules.ts';
import { IDEA_STATES } from '../../core/ideas/idea.ts';
import { testCampaign } from '../support/test-campaign.ts';

const input = (over: Record<string, unknown> = {}) => ({
  title: 'Bike racks at the station',
  description: 'Twenty covered bike racks next to the station entrance.',
  category: 'mobility',
  area: null,
  cost: 800_000,
  ...over,
});

describe('idea content validation', () => {
  const c = testCampaign();
  it.each([
    [{ title: 'x'.repeat(81) }, 'idea.title_too_long'],
    [{ title: 'abc' }, 'idea.title_too_short'],
    [{ description: 'short' }, 'idea.description_too_short'],
    [{ description: 'y'.repeat(1001) }, 'idea.description_too_long'],
    [{ category: 'space' }, 'idea.unknown_category'],
    [{ area: 'mars' }, 'idea.unknown_area'],
    [{ cost: 10 }, 'idea.cost_out_of_bounds'],
    [{ cost: 3_000_000 }, 'idea.cost_out_of_bounds'],
    [{ cost: 1.5 }, 'idea.cost_invalid'],
    [{ title: 'Bad\u0007title here' }, 'idea.bad_characters'],
    [{ location: { lat: 100, lon: 0 } }, 'idea.location_invalid'],
  ])('refuses %o with %s', (over, code) => {
    expect(validateIdeaInput(c, input(over) as never)).toMatchObject({ ok: false, code });
  });
  it('accepts 80 characters, "don\'t know" cost, and trims', () => {
    const r = validateIdeaInput(c, input({ title: `  ${'é'.repeat(80)}  `, cost: null }) as never);
    expect(r.ok && r.value.title).toBe('é'.repeat(80));
    expect(r.ok && r.value.cost).toBeNull();
  });
});

describe('idea lifecycle through the engine', () => {
  it('submission → moderation card and author notice in the outbox, audit entry', async () => {
    const h = harness();
    const author = await h.register(1);
    const idea = await h.submit(author, 'Bike racks at the station');
    expect(idea).toMatchObject({ state: 'submitted', number: 1, version: 1, authorId: author });
    const out = await h.stores.outbox.list(0, 10);
    expect(out.map((m) => m.template).sort()).toEqual(['card.moderation', 'notify.idea_submitted']);
    const audit = await h.stores.audit.list(0, 10);
    expect(audit.map((a) => a.action)).toEqual(['idea.submitted']);
  });

  it('refuses submission outside the submission phase with the reason and nothing stored', async () => {
    const h = harness();
    const author = await h.register(1);
    h.clock.set(T.review + 1);
    const r = await h.engine.submitIdea(author, input());
    expect(r).toMatchObject({ ok: false, code: 'submission.closed' });
    expect(await h.stores.ideas.list()).toEqual([]);
    const early = harness(undefined, undefined, T.submission - DAY);
    const r2 = await early.engine.submitIdea('tg:9', input());
    expect(r2).toMatchObject({ ok: false, code: 'submission.not_yet', params: { opensAt: T.submission } });
  });

  it('refuses an unregistered resident', async () => {
    const h = harness();
    const r = await h.engine.openResident(5, 'X', 'fr');
    expect(await h.engine.submitIdea(r.id, input())).toMatchObject({ ok: false, code: 'registration.incomplete' });
  });

  it('changes requested ⇄ resubmitted → eligible → finalist → winner', async () => {
    const h = harness();
    const author = await h.register(1);
    const other = await h.register(2);
    const a = await h.submit(author, 'Bike racks at the station');
    const b = await h.submit(other, 'Benches in the park');
    const c = await h.submit(other, 'Trees along the river');
    let r = await h.engine.moderateIdea('U-MOD1', a.id, 1, { outcome: 'changes_requested', comment: 'Where exactly?' });
    expect(r).toMatchObject({ ok: true, value: { state: 'changes_requested' } });
    r = await h.engine.resubmitIdea(author, a.id, input({ description: 'Twenty covered racks at the north entrance of the station.' }));
    expect(r).toMatchObject({ ok: true, value: { state: 'resubmitted', version: 3 } });
    expect((await h.engine.moderateIdea('U-MOD1', a.id, 3, { outcome: 'eligible', comment: null })).ok).toBe(true);
    expect((await h.engine.moderateIdea('U-MOD2', b.id, 1, { outcome: 'eligible', comment: null })).ok).toBe(true);
    expect((await h.engine.moderateIdea('U-MOD2', c.id, 1, { outcome: 'rejected', criterion: 'competence', comment: 'Regional road' })).ok).toBe(true);
    expect(await h.engine.moderateIdea('U-MOD2', c.id, 2, { outcome: 'eligible', comment: null })).toMatchObject({ ok: false, code: 'moderation.not_awaiting' });
    expect(await h.engine.selectFinalist('U-ADMIN', a.id, true)).toMatchObject({ ok: false, code: 'finalists.not_yet' });
    h.clock.set(T.review + 1);
    expect((await h.engine.selectFinalist('U-ADMIN', a.id, true)).ok).toBe(true);
    expect((await h.engine.selectFinalist('U-ADMIN', b.id, true)).ok).toBe(true);
    const author1 = (await h.stores.outbox.list(0, 100)).filter((m) => m.recipient.kind === 'resident' && m.recipient.residentId === author).map((m) => m.template);
    expect(author1).toEqual(['notify.idea_submitted', 'notify.idea_changes_requested', 'notify.idea_eligible']);
    const full = await h.stores.ideas.get(a.id);
    expect(full?.revisions.map((x) => x.reason)).toEqual(['created', 'resubmitted']);
  });

  it('two moderators deciding one idea at once: the first wins, the second is told who', async () => {
    const h = harness();
    const author = await h.register(1);
    const idea = await h.submit(author, 'Bike racks at the station');
    const [x, y] = await Promise.all([
      h.engine.moderateIdea('U-MOD1', idea.id, 1, { outcome: 'eligible', comment: null }),
      h.engine.moderateIdea('U-MOD2', idea.id, 1, { outcome: 'rejected', criterion: 'competence', comment: null }),
    ]);
    const oks = [x, y].filter((o) => o.ok);
    expect(oks).toHaveLength(1);
    const loser = [x, y].find((o) => !o.ok);
    expect(loser).toMatchObject({ ok: false, code: 'moderation.already_decided' });
    const audit = (await h.stores.audit.list(0, 50)).filter((e) => e.action === 'idea.moderated');
    expect(audit).toHaveLength(1);
  });

  it('only configured staff moderate; rejection needs a configured criterion; changes need a comment', async () => {
    const h = harness();
    const idea = await h.submit(await h.register(1), 'Bike racks at the station');
    expect(await h.engine.moderateIdea('U-STRANGER', idea.id, 1, { outcome: 'eligible', comment: null })).toMatchObject({ ok: false, code: 'staff.not_staff' });
    expect(await h.engine.moderateIdea('U-MOD1', idea.id, 1, { outcome: 'rejected', criterion: 'nope', comment: null })).toMatchObject({ ok: false, code: 'moderation.unknown_criterion' });
    expect(await h.engine.moderateIdea('U-MOD1', idea.id, 1, { outcome: 'changes_requested', comment: '  ' })).toMatchObject({ ok: false, code: 'moderation.comment_required' });
  });

  it("committeeIdeaVersion: the idea's current version for staff, null for an unknown idea, refused to others", async () => {
    const h = harness();
    const idea = await h.submit(await h.register(1), 'Bike racks at the station');
    expect(await h.engine.committeeIdeaVersion('U-MOD1', idea.id)).toEqual({ ok: true, value: idea.version });
    expect((await h.engine.moderateIdea('U-MOD1', idea.id, idea.version, { outcome: 'eligible', comment: null })).ok).toBe(true);
    expect(await h.engine.committeeIdeaVersion('U-MOD1', idea.id)).toEqual({ ok: true, value: idea.version + 1 });
    expect(await h.engine.committeeIdeaVersion('U-MOD1', 'no-such-idea')).toEqual({ ok: true, value: null });
    expect(await h.engine.committeeIdeaVersion('U-STRANGER', idea.id)).toMatchObject({ ok: false, code: 'staff.not_staff' });
  });

  it('"don\'t know" cost: not eligible until staff estimate it', async () => {
    const h = harness();
    const idea = await h.submit(await h.register(1), 'Bike racks at the station', null);
    expect(await h.engine.moderateIdea('U-MOD1', idea.id, 1, { outcome: 'eligible', comment: null })).toMatchObject({ ok: false, code: 'moderation.cost_unknown' });
    const est = await h.engine.estimateCost('U-MOD1', idea.id, 700_000);
    expect(est).toMatchObject({ ok: true, value: { cost: 700_000, costEstimatedByStaff: true, version: 2 } });
    expect((await h.engine.moderateIdea('U-MOD1', idea.id, 2, { outcome: 'eligible', comment: null })).ok).toBe(true);
  });

  it('staff rewrite: author accepts (new revision) or declines (unchanged)', async () => {
    const h = harness();
    const author = await h.register(1);
    const idea = await h.submit(author, 'bike racks pls');
    const p = await h.engine.proposeRewrite('U-MOD1', idea.id, 'Covered bike racks at the station', 'Twenty covered bike racks at the north entrance of the station.', 'Clearer title');
    expect(p).toMatchObject({ ok: true, value: { rewrite: { title: 'Covered bike racks at the station' } } });
    expect(await h.engine.answerRewrite('tg:999', idea.id, true)).toMatchObject({ ok: false, code: 'idea.not_author' });
    const a = await h.engine.answerRewrite(author, idea.id, true);
    expect(a).toMatchObject({ ok: true, value: { title: 'Covered bike racks at the station', rewrite: null } });
    expect(a.ok && a.value.revisions.map((r) => r.reason)).toEqual(['created', 'rewrite_accepted']);
    await h.engine.proposeRewrite('U-MOD1', idea.id, 'Another title entirely', 'Another description that is long enough to pass.', null);
    const d = await h.engine.answerRewrite(author, idea.id, false);
    expect(d).toMatchObject({ ok: true, value: { title: 'Covered bike racks at the station', rewrite: null } });
    expect(await h.engine.answerRewrite(author, idea.id, true)).toMatchObject({ ok: false, code: 'idea.no_rewrite' });
  });

  it('withdraw before review ends; not after', async () => {
    const h = harness();
    const author = await h.register(1);
    const a = await h.submit(author, 'Bike racks at the station');
    const b = await h.submit(author, 'Benches in the park');
    expect(await h.engine.withdrawIdea('tg:2', a.id)).toMatchObject({ ok: false, code: 'idea.not_author' });
    expect(await h.engine.withdrawIdea(author, a.id)).toMatchObject({ ok: true, value: { state: 'withdrawn' } });
    // After review's window, between phases (no finalists, so voting cannot have opened either).
    h.clock.set(T.reviewEnd + 1);
    expect(await h.engine.withdrawIdea(author, b.id)).toMatchObject({ ok: false, code: 'withdrawal.closed' });
  });

  it('supports: once per resident, not on own idea, only during submission; merge counts a supporter of both once', async () => {
    const h = harness();
    const author = await h.register(1);
    const fans = [await h.register(2), await h.register(3), await h.register(4)];
    const a = await h.submit(author, 'Bike racks at the station');
    const b = await h.submit(author, 'Bicycle parking near station');
    expect(await h.engine.supportIdea(author, a.id, true)).toMatchObject({ ok: false, code: 'support.own_idea' });
    for (const f of fans) expect(await h.engine.supportIdea(f, a.id, true)).toMatchObject({ ok: true });
    expect(await h.engine.supportIdea(fans[0]!, a.id, true)).toMatchObject({ ok: true, value: { count: 3 } });
    await h.engine.supportIdea(fans[0]!, b.id, true);
    await h.engine.supportIdea(fans[1]!, b.id, true);
    const m = await h.engine.moderateIdea('U-MOD1', b.id, 1, { outcome: 'merged', into: a.id, comment: 'Same idea' });
    expect(m).toMatchObject({ ok: true, value: { state: 'merged', mergedInto: a.id } });
    expect(await h.stores.ideas.supportCount(a.id)).toBe(3);
    expect(await h.engine.supportIdea(fans[2]!, b.id, true)).toMatchObject({ ok: false, code: 'support.not_supportable' });
    h.clock.set(T.review + 1);
    expect(await h.engine.supportIdea(fans[2]!, a.id, false)).toMatchObject({ ok: false, code: 'support.closed' });
  });
});

describe('idea lifecycle states', () => {
  it('start at submitted: a draft lives in the wizard\'s chat state, never as a stored idea', async () => {
    expect(IDEA_STATES).toEqual(['submitted', 'changes_requested', 'resubmitted', 'eligible', 'rejected', 'merged', 'withdrawn', 'finalist', 'winner', 'not_funded']);
    expect(WITHDRAWABLE).toEqual(['submitted', 'changes_requested', 'resubmitted', 'eligible']);
    const h = harness();
    const author = await h.register(1);
    expect(await h.engine.submitIdea(author, input())).toMatchObject({ ok: true, value: { state: 'submitted', version: 1 } });
    expect(await h.stores.ideas.countByState()).toEqual({ submitted: 1 });
  });
});
