/**
 * "Forget me" through the engine on the memory stores: every field and every revision of the
 * author's ideas in several states, the other records that outlive a resident (audit log,
 * others' ideas, one-time codes), and the ballot that stays counted once.
 */
import { describe, expect, it } from 'vitest';
import { harness } from '../support/engine-harness.ts';
import type { Harness } from '../support/engine-harness.ts';
import { T, testCampaign } from '../support/test-campaign.ts';
import { residentByCode } from '../../core/engine/resident-usecases.ts';
import { ambassadorRef, residentRef } from '../../core/engine/actor-refs.ts';
import { ERASED_AUTHOR } from '../../core/ideas/idea-rules.ts';
import type { Idea } from '../../core/ideas/idea.ts';
import { verifyChain } from '../../core/audit/audit-chain.ts';

const must = <V>(o: { ok: true; value: V } | { ok: false; code: string }): V => {
  if (!o.ok) throw new Error(`refused: ${o.code}`);
  return o.value;
};

const input = (title: string) => ({ title, description: `A description long enough for ${title}, with details.`, category: 'mobility', area: null, cost: 500_000 });

/** Every string anywhere in a value (keys included), for "names nobody" checks. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'number') return [String(value)];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => [k, ...strings(v)]);
}

/** An author (Telegram 4242) with ideas in every state the issue names, plus an ambassador's and a neighbour's. */
async function authorWithIdeas(h: Harness) {
  const author = await h.register(4242);
  const neighbour = await h.register(77);
  const amb = await h.register(50);
  must(await h.engine.setRole('U-ADMIN', amb, 'ambassador'));
  const submitted = await h.submit(author, 'Benches along the river');
  // Moderated (changes requested), resubmitted, rewrite proposed and accepted, then eligible.
  const rewritten = await h.submit(author, 'A square for the market');
  must(await h.engine.moderateIdea('U-MOD1', rewritten.id, 1, { outcome: 'changes_requested', comment: 'Say where exactly.' }));
  must(await h.engine.resubmitIdea(author, rewritten.id, input('A market square by the church')));
  must(await h.engine.proposeRewrite('U-MOD2', rewritten.id, 'Market square by the church', 'A weekly market square next to the church, with water and power points.', 'Shorter title.'));
  must(await h.engine.answerRewrite(author, rewritten.id, true));
  must(await h.engine.estimateCost('U-MOD1', rewritten.id, 700_000));
  const eligibleVersion = (await h.stores.ideas.get(rewritten.id))!.version;
  must(await h.engine.moderateIdea('U-MOD1', rewritten.id, eligibleVersion, { outcome: 'eligible', comment: 'Good.' }));
  // Merged into the neighbour's idea.
  const target = await h.submit(neighbour, 'Bike lanes to the school');
  const merged = await h.submit(author, 'Cycle path to the school');
  must(await h.engine.moderateIdea('U-MOD1', merged.id, 1, { outcome: 'merged', into: target.id, comment: 'Same idea.' }));
  // Submitted by the ambassador for the author, with a rewrite still waiting for the author.
  const assisted = must(await h.engine.submitIdea(author, input('Lights on the footpath'), amb));
  must(await h.engine.proposeRewrite('U-MOD2', assisted.id, 'Footpath lights', 'Solar lights along the footpath from the station to the church.', null));
  must(await h.engine.supportIdea(author, target.id, true));
  return { author, neighbour, amb, ids: { submitted: submitted.id, rewritten: rewritten.id, merged: merged.id, assisted: assisted.id, target: target.id } };
}

describe('forget me', () => {
  it('keeps every idea anonymised: each field and every revision checked, in several states', async () => {
    const h = harness();
    const { author, amb, ids } = await authorWithIdeas(h);
    const ref = residentRef(h.deps, author);
    const before = new Map<string, Idea>();
    for (const idea of await h.stores.ideas.list()) before.set(idea.id, idea);
    expect([...before.values()].map((i) => [i.id, i.state])).toEqual([
      [ids.submitted, 'submitted'],
      [ids.rewritten, 'eligible'],
      [ids.target, 'submitted'],
      [ids.merged, 'merged'],
      [ids.assisted, 'submitted'],
    ]);
    // Before erasure the author's revisions name them by pseudonym only, never by id.
    expect(before.get(ids.rewritten)!.revisions.map((r) => [r.reason, r.by])).toEqual([
      ['created', ref],
      ['resubmitted', ref],
      ['rewrite_accepted', ref],
      ['cost_estimated', 'staff:U-MOD1'],
    ]);
    expect(before.get(ids.assisted)).toMatchObject({ assistedBy: ambassadorRef(h.deps, amb), revisions: [{ by: ambassadorRef(h.deps, amb) }] });
    expect(before.get(ids.assisted)!.rewrite).not.toBeNull();

    h.clock.advance(60_000);
    const at = h.clock.now();
    expect(await h.engine.forgetMe(author)).toEqual({ ok: true, value: { anonymisedIdeas: 4 } });

    for (const [id, was] of before) {
      const now = await h.stores.ideas.get(id);
      if (id === ids.target) {
        // The neighbour's idea is not theirs to change (the merge gave it nothing of the author).
        expect(now).toEqual(was);
        continue;
      }
      // Every field: only the author link, their revisions' refs, a pending rewrite, the time and version move.
      expect(now).toEqual({
        ...was,
        authorId: null,
        rewrite: null,
        revisions: was.revisions.map((r) => (r.by === ref ? { ...r, by: ERASED_AUTHOR } : r)),
        updatedAt: at,
        version: was.version + 1,
      });
      expect(strings(now)).not.toContain(author);
      expect(strings(now).some((s) => s.includes(ref) || s.includes('4242') || s.includes('Resident 4242'))).toBe(false);
    }
    // What stays is the campaign's: the content, the staff's decisions and edits, the ambassador's pseudonym.
    expect((await h.stores.ideas.get(ids.rewritten))!).toMatchObject({
      title: 'Market square by the church',
      state: 'eligible',
      decision: { outcome: 'eligible', by: 'staff:U-MOD1' },
      revisions: [{ by: ERASED_AUTHOR }, { by: ERASED_AUTHOR }, { by: ERASED_AUTHOR, reason: 'rewrite_accepted' }, { by: 'staff:U-MOD1' }],
    });
    expect((await h.stores.ideas.get(ids.merged))!).toMatchObject({ state: 'merged', mergedInto: ids.target });
    expect((await h.stores.ideas.get(ids.assisted))!).toMatchObject({ assistedBy: ambassadorRef(h.deps, amb), revisions: [{ by: ambassadorRef(h.deps, amb) }] });
    expect(await h.stores.ideas.list({ authorId: author })).toEqual([]);
    // The author's support stays counted (under its keyed hash).
    expect(await h.stores.ideas.supportCount(ids.target)).toBe(1);
    expect(await h.stores.residents.get(author)).toBeNull();
  });

  it('leaves nothing in the audit log that names a resident or ambassador in clear, and the chain verifies', async () => {
    const h = harness();
    const { author, amb } = await authorWithIdeas(h);
    const codes = must(await h.engine.issueCodes('cli', 1));
    must(await h.engine.registerAssisted(amb, { code: codes[0]!, locale: 'fr', ageBand: '65+', area: 'north', displayName: 'Paper Person' }));
    must(await h.engine.forgetMe(author));
    must(await h.engine.forgetMe(amb));
    const audit = await h.stores.audit.list(0, 1000);
    expect(verifyChain(audit)).toBeNull();
    const text = JSON.stringify(audit);
    expect(text).not.toMatch(/tg:|code:r|4242|Resident \d|Paper Person/);
    const erased = audit.filter((e) => e.action === 'resident.erased');
    expect(erased.map((e) => [e.actor, e.subject])).toEqual([
      [residentRef(h.deps, author), residentRef(h.deps, author)],
      [residentRef(h.deps, amb), residentRef(h.deps, amb)],
    ]);
    // Someone an ambassador registered keeps only the ambassador's pseudonym.
    const [helped] = (await h.stores.residents.list(null, 100)).filter((r) => r.id.startsWith('code:'));
    expect(helped?.assistedBy).toBe(ambassadorRef(h.deps, amb));
  });

  it('a code the resident used stays used, forgets them, and the erased resident needs a new one', async () => {
    const base = testCampaign();
    const hc = harness({ ...base, eligibility: { ...base.eligibility, verification: 'code' } });
    const r = await hc.register(31);
    const [code, fresh] = must(await hc.engine.issueCodes('cli', 2));
    must(await hc.engine.verifyByCode(r, code!));
    must(await hc.engine.forgetMe(r));
    expect(await hc.stores.residents.getCode(code!)).toMatchObject({ residentId: null, usedAt: expect.any(Number) });
    expect(await residentByCode(hc.deps, code!)).toMatchObject({ ok: false, code: 'resident.unknown' });
    const again = await hc.register(31);
    expect(await hc.engine.verifyByCode(again, code!)).toMatchObject({ ok: false, code: 'code.used' });
    expect(await hc.engine.verifyByCode(again, fresh!)).toMatchObject({ ok: true, value: { step: 'done' } });
  });

  it('an erased resident cannot keep voting on an "eligible" answer this process remembered', async () => {
    const h = harness();
    const voter = await h.register(5);
    const author = await h.register(6);
    const ideas = [await h.submit(author, 'Trees on the square'), await h.submit(author, 'Water fountain')];
    for (const i of ideas) must(await h.engine.moderateIdea('U-MOD1', i.id, 1, { outcome: 'eligible', comment: null }));
    h.clock.set(T.review + 1);
    for (const i of ideas) must(await h.engine.selectFinalist('U-ADMIN', i.id, true));
    h.clock.set(T.voting + 1);
    must(await h.engine.castBallot(voter, 'town', [{ ideaId: ideas[0]!.id }], 'r1'));
    must(await h.engine.forgetMe(voter));
    expect(await h.engine.castBallot(voter, 'town', [{ ideaId: ideas[1]!.id }], 'r2')).toMatchObject({ ok: false, code: 'registration.incomplete' });
    expect(await h.stores.ballots.countVoters()).toBe(1);
  });

  it('is re-runnable and names the erasure once', async () => {
    const h = harness();
    const r = await h.register(8);
    await h.submit(r, 'Bike racks at the station');
    expect(await h.engine.forgetMe(r)).toEqual({ ok: true, value: { anonymisedIdeas: 1 } });
    expect(await h.engine.forgetMe(r)).toEqual({ ok: true, value: { anonymisedIdeas: 0 } });
    expect((await h.stores.audit.list(0, 100)).filter((e) => e.action === 'resident.erased')).toHaveLength(1);
  });
});
