/**
 * Races of the ballot box, across two handles on the same data (`stores` and `reopen()`).
 * Part of `describeBallotBoxContract`; registered inside its `describe`.
 */
import { expect, it } from 'vitest';
import type { BallotBox, CastOutcome } from '../../core/ports/ballot-box.ts';
import type { StoresFixture } from './stores-fixture.ts';
import { CLOSES_AT, castRequest, range, side, sideCount } from './contract-helpers.ts';

export function describeBallotRaces(open: () => Promise<StoresFixture>): void {
  it('race: 20 concurrent casts for one voter across two handles get versions 1..20, counted once', async () => {
    const { stores, reopen } = await open();
    const other = await reopen();
    const boxes: BallotBox[] = [stores.ballots, other.ballots];
    const ids = range(1, 20).map((i) => `rq-${i}`);
    const outs = await Promise.all(
      ids.map((id, i) =>
        (boxes[i % 2] as BallotBox).cast(castRequest('vk-1', id, { choices: [{ ideaId: `idea_${i}`, points: 1 }], receipt: `R-${id}` }), side(id)),
      ),
    );
    const recorded = outs.map((o) => {
      expect(o.status).toBe('recorded');
      return o.status === 'recorded' ? o.ballot : null;
    });
    const versions = recorded.map((b) => b?.version).sort((a, b) => (a ?? 0) - (b ?? 0));
    expect(versions).toEqual(range(1, 20));
    expect(outs.filter((o) => o.status === 'recorded' && !o.replaced)).toHaveLength(1);
    const last = recorded.find((b) => b?.version === 20);
    const stored = await other.ballots.get('vk-1', 'town');
    expect(stored).toEqual(last);
    expect(await stores.ballots.get('vk-1', 'town')).toEqual(last);
    expect(await stores.ballots.countByEnvelope()).toEqual({ 'env-town': 1 });
    expect(await stores.ballots.countVoters()).toBe(1);
    expect(await stores.ballots.list('env-town')).toHaveLength(1);
    for (const id of ids) expect(await sideCount(stores, id)).toEqual([1, 1]);

    // The same 20 requests re-sent concurrently (a redelivery storm): no new version.
    const resent = await Promise.all(ids.map((id, i) => (boxes[(i + 1) % 2] as BallotBox).cast(castRequest('vk-1', id), side(`re-${id}`))));
    for (const [i, o] of resent.entries()) {
      expect(o.status).toBe('duplicate');
      expect(o.status === 'duplicate' && o.ballot).toEqual(recorded[i]);
    }
    expect(await stores.ballots.get('vk-1', 'town')).toEqual(last);
    for (const id of ids) expect(await sideCount(stores, `re-${id}`)).toEqual([0, 0]);
  });

  it('race: concurrent casts of one voter flipping `assisted`, across two handles, leave the count of the last ballot', async () => {
    // Catches a count moved from a stale view of the ballot it replaces (two casts both
    // seeing the same previous version): it would drift away from 0 or 1.
    const { stores, reopen } = await open();
    const other = await reopen();
    const boxes: BallotBox[] = [stores.ballots, other.ballots];
    for (const round of range(1, 3)) {
      const outs = await Promise.all(
        range(1, 16).map((i) => (boxes[i % 2] as BallotBox).cast(castRequest('vk-1', `rq-${round}-${i}`, { assisted: (i + round) % 3 === 0 }), {})),
      );
      expect(outs.every((o) => o.status === 'recorded')).toBe(true);
      const last = await stores.ballots.get('vk-1', 'town');
      expect(last?.version).toBe(16 * round);
      expect(await other.ballots.countAssisted()).toBe(last?.assisted === true ? 1 : 0);
      // Re-sent concurrently: duplicates, the count unchanged.
      await Promise.all(range(1, 16).map((i) => (boxes[(i + 1) % 2] as BallotBox).cast(castRequest('vk-1', `rq-${round}-${i}`, { assisted: true }), {})));
      expect(await stores.ballots.countAssisted()).toBe(last?.assisted === true ? 1 : 0);
    }
  });

  it('race: concurrent replacements moving one ballot between envelopes leave it counted once, in its last envelope', async () => {
    // Catches a replacement that takes the ballot out of the wrong envelope (a stale guess of
    // where it was): it would stay listed, and counted, in two envelopes.
    const { stores, reopen } = await open();
    const other = await reopen();
    const envelopes = ['env-north', 'env-south', 'env-east'];
    const outs = await Promise.all(
      range(1, 24).map((i) =>
        (i % 2 ? stores : other).ballots.cast(castRequest('vk-mover', `mv-${i}`, { slot: 'area', envelopeId: envelopes[i % 3]! }), side(`mv-${i}`)),
      ),
    );
    expect(outs.map((o) => (o.status === 'recorded' ? o.ballot.version : 0)).sort((a, b) => a - b)).toEqual(range(1, 24));
    const last = await stores.ballots.get('vk-mover', 'area');
    expect(last?.version).toBe(24);
    expect(await stores.ballots.countByEnvelope()).toEqual({ [last!.envelopeId]: 1 });
    for (const e of envelopes) expect((await other.ballots.list(e)).map((b) => b.version)).toEqual(e === last!.envelopeId ? [24] : []);
    expect(await stores.ballots.countVoters()).toBe(1);
    for (const i of range(1, 24)) expect(await sideCount(stores, `mv-${i}`)).toEqual([1, 1]);
  });

  it('race: one requestId sent concurrently through two handles is recorded once', async () => {
    const { stores, reopen } = await open();
    const other = await reopen();
    const outs = await Promise.all(range(1, 10).map((i) => (i % 2 ? stores : other).ballots.cast(castRequest('vk-1', 'rq-same'), side(`same-${i}`))));
    expect(outs.filter((o) => o.status === 'recorded')).toHaveLength(1);
    expect(outs.filter((o) => o.status === 'duplicate')).toHaveLength(9);
    const winner = outs.find((o) => o.status === 'recorded');
    for (const o of outs) if (o.status === 'duplicate') expect(o.ballot).toEqual(winner?.status === 'recorded' && winner.ballot);
    expect((await stores.ballots.get('vk-1', 'town'))?.version).toBe(1);
    const landed = await Promise.all(range(1, 10).map((i) => sideCount(stores, `same-${i}`)));
    expect(landed.filter(([a, o]) => a === 1 && o === 1)).toHaveLength(1);
    expect(landed.filter(([a, o]) => a === 0 && o === 0)).toHaveLength(9);
  });

  it('race: concurrent first casts without replacement leave exactly one ballot', async () => {
    const { stores, reopen } = await open();
    const other = await reopen();
    const outs = await Promise.all(
      range(1, 10).map((i) => (i % 2 ? stores : other).ballots.cast(castRequest('vk-1', `rq-${i}`, { allowReplace: false }), side(`nr-${i}`))),
    );
    const recorded = outs.filter((o): o is Extract<CastOutcome, { status: 'recorded' }> => o.status === 'recorded');
    expect(recorded).toHaveLength(1);
    expect(outs.filter((o) => o.status === 'exists')).toHaveLength(9);
    for (const o of outs) if (o.status === 'exists') expect(o.ballot).toEqual(recorded[0]?.ballot);
    expect(await stores.ballots.get('vk-1', 'town')).toEqual(recorded[0]?.ballot);
    const landed = await Promise.all(range(1, 10).map((i) => sideCount(stores, `nr-${i}`)));
    expect(landed.filter(([a]) => a === 1)).toHaveLength(1);
  });

  it('race: a vote one millisecond after close is refused while one just before is recorded', async () => {
    const { stores, reopen } = await open();
    const other = await reopen();
    await stores.ballots.cast(castRequest('vk-2', 'rq-0'), {});
    const [before, after, replaceAfter] = await Promise.all([
      stores.ballots.cast(castRequest('vk-1', 'rq-1', { at: CLOSES_AT - 1 }), side('before')),
      other.ballots.cast(castRequest('vk-3', 'rq-2', { at: CLOSES_AT + 1 }), side('after')),
      other.ballots.cast(castRequest('vk-2', 'rq-3', { at: CLOSES_AT + 1, choices: [{ ideaId: 'idea_z', points: 1 }] }), side('replace-after')),
    ]);
    expect(before?.status).toBe('recorded');
    expect(after).toEqual({ status: 'closed' });
    expect(replaceAfter).toEqual({ status: 'closed' });
    expect(await stores.ballots.get('vk-3', 'town')).toBeNull();
    expect((await stores.ballots.get('vk-2', 'town'))?.version).toBe(1);
    expect(await stores.ballots.countByEnvelope()).toEqual({ 'env-town': 2 });
    expect(await sideCount(stores, 'before')).toEqual([1, 1]);
    expect(await sideCount(stores, 'after')).toEqual([0, 0]);
    expect(await sideCount(stores, 'replace-after')).toEqual([0, 0]);
  });

  it('race: many voters casting at once through two handles are all counted', async () => {
    const { stores, reopen } = await open();
    const other = await reopen();
    const outs = await Promise.all(range(1, 30).map((i) => (i % 2 ? stores : other).ballots.cast(castRequest(`vk-${String(i).padStart(2, '0')}`, `rq-${i}`), {})));
    expect(outs.every((o) => o.status === 'recorded' && o.ballot.version === 1)).toBe(true);
    expect(await stores.ballots.countByEnvelope()).toEqual({ 'env-town': 30 });
    expect(await other.ballots.countVoters()).toBe(30);
    expect((await stores.ballots.list('env-town')).map((b) => b.voterKey)).toEqual(range(1, 30).map((i) => `vk-${String(i).padStart(2, '0')}`));
  });
}
