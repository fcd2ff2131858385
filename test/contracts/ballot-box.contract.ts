/**
 * Contract of `BallotBox` (core/ports/ballot-box.ts), run unchanged by every backend.
 *
 * Readings of the port chosen here (report them to the owner of core/ports):
 * - Request ids are one namespace per voter key and slot (the port says so): the same id
 *   under another voter or in the other slot is another request.
 * - A `requestId` already recorded answers `duplicate` with the ballot *that request stored*
 *   (its version, receipt, requestId) — even after a later replacement and even when the
 *   re-send arrives after the close: "returns the first answer and changes nothing". A refused
 *   request (`closed`, `exists`) records nothing, so its id is not remembered.
 * - Checks run duplicate → closed → exists → record.
 * - The store sorts `choices` by idea id (StoredBallot documents them sorted).
 * - A replacement may change the envelope of a slot (the voter moved area): the ballot then
 *   counts in the new envelope only.
 * - `list` orders by voter key, then slot.
 */
import { describe, expect, it } from 'vitest';
import type { CastOutcome } from '../../core/ports/ballot-box.ts';
import type { MakeStores } from './stores-fixture.ts';
import { CLOSES_AT, castRequest, expectSide, fixtures, range, side, sideCount } from './contract-helpers.ts';
import { describeBallotRaces } from './ballot-box-races.contract.ts';

export function describeBallotBoxContract(label: string, make: MakeStores): void {
  describe(`BallotBox contract [${label}]`, () => {
    const open = fixtures(make);

    it('phaseVersion: a cast judged on an outdated phase state is refused `stale` and stores nothing', async () => {
      const { stores } = await open();
      const { initialPhaseState } = await import('../../core/phases/phase-machine.ts');
      const { testCampaign } = await import('../support/test-campaign.ts');
      // No phase state stored yet: version 0.
      expect(await stores.ballots.cast(castRequest('vk-p', 'rq-p0', { phaseVersion: 1 }), side('stale-0'))).toEqual({ status: 'stale' });
      expect((await stores.ballots.cast(castRequest('vk-p', 'rq-p1', { phaseVersion: 0 }), {})).status).toBe('recorded');
      expect(await stores.campaign.savePhaseState(initialPhaseState(testCampaign()), null, {})).toBe('saved');
      expect(await stores.ballots.cast(castRequest('vk-p', 'rq-p2', { phaseVersion: 0 }), side('stale-1'))).toEqual({ status: 'stale' });
      expect((await stores.ballots.get('vk-p', 'town'))?.version).toBe(1);
      expect(await sideCount(stores, 'stale-0')).toEqual([0, 0]);
      expect(await sideCount(stores, 'stale-1')).toEqual([0, 0]);
      expect((await stores.ballots.cast(castRequest('vk-p', 'rq-p3', { phaseVersion: 1 }), {})).status).toBe('recorded');
      // A stale request's id is not remembered; no check when the version is not given.
      expect((await stores.ballots.cast(castRequest('vk-p', 'rq-p2'), {})).status).toBe('recorded');
      expect((await stores.ballots.get('vk-p', 'town'))?.version).toBe(3);
    });

    it('records a first cast as version 1 with every field, choices sorted by idea id', async () => {
      const { stores } = await open();
      const req = castRequest('vk-1', 'rq-1', {
        choices: [
          { ideaId: 'idea_c', points: 2 },
          { ideaId: 'idea_a', points: 3 },
        ],
        assisted: true,
      });
      const out = await stores.ballots.cast(req, side('c1'));
      const expected = {
        voterKey: 'vk-1',
        slot: 'town',
        envelopeId: 'env-town',
        choices: [
          { ideaId: 'idea_a', points: 3 },
          { ideaId: 'idea_c', points: 2 },
        ],
        version: 1,
        receipt: 'R-rq-1',
        castAt: req.at,
        assisted: true,
        requestId: 'rq-1',
      };
      expect(out).toEqual({ status: 'recorded', ballot: expected, replaced: false });
      expect(await stores.ballots.get('vk-1', 'town')).toEqual(expected);
      await expectSide(stores, 'c1', true);
    });

    it('returns null for a voter or slot without a ballot', async () => {
      const { stores } = await open();
      await stores.ballots.cast(castRequest('vk-1', 'rq-1'), {});
      expect(await stores.ballots.get('vk-2', 'town')).toBeNull();
      expect(await stores.ballots.get('vk-1', 'area')).toBeNull();
    });

    it('replaces a ballot as version 2, counted once', async () => {
      const { stores } = await open();
      await stores.ballots.cast(castRequest('vk-1', 'rq-1'), {});
      const out = await stores.ballots.cast(castRequest('vk-1', 'rq-2', { choices: [{ ideaId: 'idea_z', points: 1 }], at: CLOSES_AT - 10 }), side('r2'));
      expect(out.status).toBe('recorded');
      if (out.status !== 'recorded') return;
      expect(out.replaced).toBe(true);
      expect(out.ballot.version).toBe(2);
      expect(await stores.ballots.get('vk-1', 'town')).toEqual(out.ballot);
      expect((await stores.ballots.get('vk-1', 'town'))?.choices).toEqual([{ ideaId: 'idea_z', points: 1 }]);
      expect(await stores.ballots.countByEnvelope()).toEqual({ 'env-town': 1 });
      expect(await stores.ballots.countVoters()).toBe(1);
      await expectSide(stores, 'r2', true);
    });

    it('answers exists when replacing is not allowed, storing nothing', async () => {
      const { stores } = await open();
      const first = await stores.ballots.cast(castRequest('vk-1', 'rq-1'), {});
      const out = await stores.ballots.cast(castRequest('vk-1', 'rq-2', { allowReplace: false, choices: [{ ideaId: 'idea_z', points: 1 }] }), side('x'));
      expect(first.status).toBe('recorded');
      if (first.status !== 'recorded') return;
      expect(out).toEqual({ status: 'exists', ballot: first.ballot });
      expect(await stores.ballots.get('vk-1', 'town')).toEqual(first.ballot);
      await expectSide(stores, 'x', false);
    });

    it('records a first cast even when replacing is not allowed', async () => {
      const { stores } = await open();
      const out = await stores.ballots.cast(castRequest('vk-1', 'rq-1', { allowReplace: false }), {});
      expect(out.status).toBe('recorded');
    });

    it('accepts a cast one millisecond before close', async () => {
      const { stores } = await open();
      const out = await stores.ballots.cast(castRequest('vk-1', 'rq-1', { at: CLOSES_AT - 1 }), side('before'));
      expect(out.status).toBe('recorded');
      await expectSide(stores, 'before', true);
    });

    it('refuses a cast at the closing instant and one millisecond after, storing nothing', async () => {
      const { stores } = await open();
      expect(await stores.ballots.cast(castRequest('vk-1', 'rq-1', { at: CLOSES_AT }), side('at'))).toEqual({ status: 'closed' });
      expect(await stores.ballots.cast(castRequest('vk-1', 'rq-2', { at: CLOSES_AT + 1 }), side('after'))).toEqual({ status: 'closed' });
      expect(await stores.ballots.get('vk-1', 'town')).toBeNull();
      expect(await stores.ballots.countByEnvelope()).toEqual({});
      expect(await stores.ballots.countVoters()).toBe(0);
      await expectSide(stores, 'at', false);
      await expectSide(stores, 'after', false);
    });

    it('refuses a replacement one millisecond after close, keeping the ballot', async () => {
      const { stores } = await open();
      const first = await stores.ballots.cast(castRequest('vk-1', 'rq-1'), {});
      const late = await stores.ballots.cast(castRequest('vk-1', 'rq-2', { at: CLOSES_AT + 1, choices: [{ ideaId: 'idea_z', points: 1 }] }), side('late'));
      expect(late).toEqual({ status: 'closed' });
      expect(first.status).toBe('recorded');
      if (first.status !== 'recorded') return;
      expect(await stores.ballots.get('vk-1', 'town')).toEqual(first.ballot);
      await expectSide(stores, 'late', false);
    });

    it('answers duplicate for a re-sent requestId: same ballot, no version bump, no side records', async () => {
      const { stores } = await open();
      const first = await stores.ballots.cast(castRequest('vk-1', 'rq-1'), side('first'));
      const again = await stores.ballots.cast(castRequest('vk-1', 'rq-1', { choices: [{ ideaId: 'idea_z', points: 1 }] }), side('again'));
      expect(first.status).toBe('recorded');
      if (first.status !== 'recorded') return;
      expect(again).toEqual({ status: 'duplicate', ballot: first.ballot });
      expect(await stores.ballots.get('vk-1', 'town')).toEqual(first.ballot);
      await expectSide(stores, 'first', true);
      await expectSide(stores, 'again', false);
    });

    it('answers duplicate with the ballot that request stored, even after a later replacement', async () => {
      const { stores } = await open();
      const first = await stores.ballots.cast(castRequest('vk-1', 'rq-1'), {});
      const second = await stores.ballots.cast(castRequest('vk-1', 'rq-2', { choices: [{ ideaId: 'idea_z', points: 1 }] }), {});
      const resent = await stores.ballots.cast(castRequest('vk-1', 'rq-1'), side('resent'));
      expect(first.status === 'recorded' && second.status === 'recorded').toBe(true);
      if (first.status !== 'recorded' || second.status !== 'recorded') return;
      expect(resent).toEqual({ status: 'duplicate', ballot: first.ballot });
      expect(await stores.ballots.get('vk-1', 'town')).toEqual(second.ballot);
      expect((await stores.ballots.get('vk-1', 'town'))?.version).toBe(2);
      await expectSide(stores, 'resent', false);
    });

    it('answers duplicate for a request recorded before close and re-sent after it', async () => {
      const { stores } = await open();
      const first = await stores.ballots.cast(castRequest('vk-1', 'rq-1', { at: CLOSES_AT - 1 }), {});
      const resent = await stores.ballots.cast(castRequest('vk-1', 'rq-1', { at: CLOSES_AT + 1 }), {});
      expect(first.status).toBe('recorded');
      if (first.status !== 'recorded') return;
      expect(resent).toEqual({ status: 'duplicate', ballot: first.ballot });
    });

    it('keeps request ids per voter key and slot: one id reused by two voters and in both slots records three ballots', async () => {
      const { stores } = await open();
      const a = await stores.ballots.cast(castRequest('vk-1', 'tg:777'), side('a'));
      const b = await stores.ballots.cast(castRequest('vk-2', 'tg:777', { choices: [{ ideaId: 'idea_z', points: 1 }] }), side('b'));
      const area = await stores.ballots.cast(castRequest('vk-1', 'tg:777', { slot: 'area', envelopeId: 'env-north' }), side('area'));
      expect([a.status, b.status, area.status]).toEqual(['recorded', 'recorded', 'recorded']);
      expect(b.status === 'recorded' && b.ballot).toMatchObject({ voterKey: 'vk-2', version: 1, choices: [{ ideaId: 'idea_z', points: 1 }] });
      expect(await stores.ballots.countByEnvelope()).toEqual({ 'env-town': 2, 'env-north': 1 });
      for (const tag of ['a', 'b', 'area']) await expectSide(stores, tag, true);
      // Within one voter and slot it is still a re-send, each answered with its own ballot.
      const again = await stores.ballots.cast(castRequest('vk-2', 'tg:777'), side('again'));
      expect(again).toEqual({ status: 'duplicate', ballot: b.status === 'recorded' ? b.ballot : null });
      expect((await stores.ballots.cast(castRequest('vk-1', 'tg:777', { slot: 'area', envelopeId: 'env-north' }), {})).status).toBe('duplicate');
      await expectSide(stores, 'again', false);
    });

    it('a request id recorded for another voter does not make a replacement a duplicate', async () => {
      const { stores } = await open();
      await stores.ballots.cast(castRequest('vk-1', 'rq-1'), {});
      await stores.ballots.cast(castRequest('vk-2', 'rq-0'), {});
      const replaced = await stores.ballots.cast(castRequest('vk-2', 'rq-1', { choices: [{ ideaId: 'idea_z', points: 1 }] }), {});
      expect(replaced.status === 'recorded' && [replaced.ballot.version, replaced.replaced]).toEqual([2, true]);
    });

    it('does not remember the requestId of a refused cast', async () => {
      const { stores } = await open();
      expect((await stores.ballots.cast(castRequest('vk-1', 'rq-1', { at: CLOSES_AT }), {})).status).toBe('closed');
      expect((await stores.ballots.cast(castRequest('vk-1', 'rq-1', { at: CLOSES_AT - 5 }), {})).status).toBe('recorded');
    });

    it('keeps one ballot per voter and slot: town and area are independent', async () => {
      const { stores } = await open();
      await stores.ballots.cast(castRequest('vk-1', 'rq-1', { slot: 'town', envelopeId: 'env-town' }), {});
      const area = await stores.ballots.cast(castRequest('vk-1', 'rq-2', { slot: 'area', envelopeId: 'env-north' }), {});
      await stores.ballots.cast(castRequest('vk-2', 'rq-3', { slot: 'area', envelopeId: 'env-north' }), {});
      expect(area.status === 'recorded' && area.ballot.version).toBe(1);
      expect(area.status === 'recorded' && area.replaced).toBe(false);
      expect(await stores.ballots.countByEnvelope()).toEqual({ 'env-town': 1, 'env-north': 2 });
      expect(await stores.ballots.countVoters()).toBe(2);
      expect((await stores.ballots.get('vk-1', 'area'))?.envelopeId).toBe('env-north');
    });

    it('moves a slot ballot to its new envelope when replaced there (moving area)', async () => {
      const { stores } = await open();
      await stores.ballots.cast(castRequest('vk-1', 'rq-1', { slot: 'area', envelopeId: 'env-north' }), {});
      const moved = await stores.ballots.cast(castRequest('vk-1', 'rq-2', { slot: 'area', envelopeId: 'env-south' }), {});
      expect(moved.status === 'recorded' && moved.ballot.version).toBe(2);
      expect(await stores.ballots.countByEnvelope()).toEqual({ 'env-south': 1 });
      expect(await stores.ballots.list('env-north')).toEqual([]);
      expect((await stores.ballots.list('env-south')).map((b) => b.voterKey)).toEqual(['vk-1']);
    });

    it('lists the current ballots of one envelope ordered by voter key', async () => {
      const { stores } = await open();
      for (const [i, vk] of ['vk-c', 'vk-a', 'vk-d', 'vk-b'].entries()) {
        await stores.ballots.cast(castRequest(vk, `rq-${i}`, { envelopeId: vk === 'vk-d' ? 'env-other' : 'env-town' }), {});
      }
      await stores.ballots.cast(castRequest('vk-a', 'rq-a2', { choices: [{ ideaId: 'idea_q', points: 1 }] }), {});
      const listed = await stores.ballots.list('env-town');
      expect(listed.map((b) => b.voterKey)).toEqual(['vk-a', 'vk-b', 'vk-c']);
      expect(listed[0]?.version).toBe(2);
      expect(listed[0]?.choices).toEqual([{ ideaId: 'idea_q', points: 1 }]);
      expect(await stores.ballots.list('env-none')).toEqual([]);
      expect(await stores.ballots.countByEnvelope()).toEqual({ 'env-town': 3, 'env-other': 1 });
      expect(await stores.ballots.countVoters()).toBe(4);
    });

    it('counts nothing in an empty box', async () => {
      const { stores } = await open();
      expect(await stores.ballots.countByEnvelope()).toEqual({});
      expect(await stores.ballots.countVoters()).toBe(0);
      expect(await stores.ballots.countAssisted()).toBe(0);
      expect(await stores.ballots.list('env-town')).toEqual([]);
    });

    it('countAssisted: counts current assisted ballots, moved by replacements that change `assisted`, never by re-sends or refusals', async () => {
      const { stores } = await open();
      const count = () => stores.ballots.countAssisted();
      const cast = async (voterKey: string, requestId: string, over: Parameters<typeof castRequest>[2] = {}) => (await stores.ballots.cast(castRequest(voterKey, requestId, over), {})).status;
      expect(await cast('vk-1', 'rq-1', { assisted: true })).toBe('recorded');
      expect(await count()).toBe(1);
      // A re-send of the assisted request, even as an unassisted one, changes nothing.
      expect(await cast('vk-1', 'rq-1', { assisted: true })).toBe('duplicate');
      expect(await cast('vk-1', 'rq-1', { assisted: false })).toBe('duplicate');
      expect(await count()).toBe(1);
      // Ballots are counted, not voters: the same voter's assisted area ballot counts too.
      expect(await cast('vk-1', 'rq-2', { assisted: true, slot: 'area', envelopeId: 'env-north' })).toBe('recorded');
      expect(await cast('vk-2', 'rq-1')).toBe('recorded');
      expect(await count()).toBe(2);
      // The resident replaces the ambassador's ballot with their own: it no longer counts.
      expect(await cast('vk-1', 'rq-3', { assisted: false })).toBe('recorded');
      expect(await count()).toBe(1);
      expect(await cast('vk-1', 'rq-4', { assisted: false })).toBe('recorded');
      expect(await count()).toBe(1);
      // Assisted again, then an assisted replacement of an assisted ballot: counted once.
      expect(await cast('vk-1', 'rq-5', { assisted: true })).toBe('recorded');
      expect(await cast('vk-1', 'rq-6', { assisted: true })).toBe('recorded');
      expect(await count()).toBe(2);
      // An unassisted ballot replaced by an assisted one, moving envelope on the way.
      expect(await cast('vk-2', 'rq-2', { assisted: true, slot: 'town', envelopeId: 'env-south' })).toBe('recorded');
      expect(await count()).toBe(3);
      // Refused casts count nothing.
      expect(await cast('vk-3', 'rq-1', { assisted: true, at: CLOSES_AT })).toBe('closed');
      expect(await cast('vk-2', 'rq-3', { assisted: false, allowReplace: false })).toBe('exists');
      expect(await cast('vk-4', 'rq-1', { assisted: true, phaseVersion: 5 })).toBe('stale');
      expect(await count()).toBe(3);
      // The count is the assisted ballots among those listed.
      const listed = [...(await stores.ballots.list('env-town')), ...(await stores.ballots.list('env-north')), ...(await stores.ballots.list('env-south'))];
      expect(listed.filter((b) => b.assisted)).toHaveLength(3);
    });

    it('is not changed by mutating a request or a returned ballot', async () => {
      const { stores } = await open();
      const choices = [{ ideaId: 'idea_a', points: 1 }];
      const req = { ...castRequest('vk-1', 'rq-1'), choices };
      await stores.ballots.cast(req, {});
      choices[0] = { ideaId: 'idea_hacked', points: 9 };
      const got = await stores.ballots.get('vk-1', 'town');
      try {
        (got?.choices as unknown as { ideaId: string }[])[0] = { ideaId: 'idea_hacked' };
      } catch {
        // frozen values may throw; either way the store must be unchanged
      }
      expect((await stores.ballots.get('vk-1', 'town'))?.choices).toEqual([{ ideaId: 'idea_a', points: 1 }]);
    });

    it('writes the side records of every recorded cast once', async () => {
      const { stores } = await open();
      const outs: CastOutcome[] = [];
      for (const i of range(1, 3)) outs.push(await stores.ballots.cast(castRequest('vk-1', `rq-${i}`), side(`cast-${i}`)));
      expect(outs.map((o) => o.status)).toEqual(['recorded', 'recorded', 'recorded']);
      for (const i of range(1, 3)) expect(await sideCount(stores, `cast-${i}`)).toEqual([1, 1]);
    });

    describeBallotRaces(open);
  });
}
