/**
 * Contract of `AuditLog` (core/ports/audit-log.ts), run unchanged by every backend.
 *
 * Readings chosen here: `list(afterSeq, limit)` with `limit` 0 gives []; an `append([])`
 * returns [] and writes nothing. Hashes must equal `auditHash` of core/audit/audit-chain.ts
 * (checked with `verifyChain`), so data round-trips as JSON with the same canonical text.
 */
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, auditHash, verifyChain } from '../../core/audit/audit-chain.ts';
import type { AuditEntry, AuditLog } from '../../core/ports/audit-log.ts';
import type { MakeStores } from './stores-fixture.ts';
import { T0, auditDraft, fixtures, range, resident } from './contract-helpers.ts';

export function describeAuditLogContract(label: string, make: MakeStores): void {
  describe(`AuditLog contract [${label}]`, () => {
    const open = fixtures(make);

    it('starts empty', async () => {
      const { stores } = await open();
      expect(await stores.audit.list(0, 100)).toEqual([]);
    });

    it('links the first entries from the genesis hash, seq 1, 2, …', async () => {
      const { stores } = await open();
      const drafts = [auditDraft('a'), auditDraft('b', { actor: 'staff:U1', action: 'idea.moderated', assisted: true, at: T0 + 5 })];
      const out = await stores.audit.append(drafts);
      expect(out.map((e) => e.seq)).toEqual([1, 2]);
      expect(out[0]?.prevHash).toBe(GENESIS_HASH);
      expect(out[1]?.prevHash).toBe(out[0]?.hash);
      expect(out[0]?.hash).toBe(auditHash(GENESIS_HASH, 1, drafts[0]!));
      expect(out[1]).toMatchObject({ ...drafts[1], seq: 2 });
      expect(await stores.audit.list(0, 100)).toEqual(out);
    });

    it('continues the chain across appends, and the chain verifies', async () => {
      const { stores } = await open();
      const first = await stores.audit.append([auditDraft('a')]);
      const second = await stores.audit.append([auditDraft('b'), auditDraft('c')]);
      expect(second[0]?.seq).toBe(2);
      expect(second[0]?.prevHash).toBe(first[0]?.hash);
      const all = await stores.audit.list(0, 100);
      expect(all.map((e) => e.seq)).toEqual([1, 2, 3]);
      expect(verifyChain(all)).toBeNull();
    });

    it('round-trips data exactly (nested, arrays, null, booleans, unicode)', async () => {
      const { stores } = await open();
      const data = { z: 1, a: { nested: [1, 'two', null, true, { k: 'v' }] }, text: 'Ça coûte 12 € — ok 👍', none: null, neg: -3.5 };
      const [entry] = await stores.audit.append([auditDraft('data', { data })]);
      const [listed] = await stores.audit.list(0, 1);
      expect(entry?.data).toEqual(data);
      expect(listed?.data).toEqual(data);
      expect(verifyChain([listed as AuditEntry])).toBeNull();
    });

    it('returns [] and writes nothing for an empty append', async () => {
      const { stores } = await open();
      await stores.audit.append([auditDraft('a')]);
      expect(await stores.audit.append([])).toEqual([]);
      const [next] = await stores.audit.append([auditDraft('b')]);
      expect(next?.seq).toBe(2);
    });

    it('pages with list(afterSeq, limit)', async () => {
      const { stores } = await open();
      await stores.audit.append(range(1, 7).map((i) => auditDraft(`e${i}`)));
      expect((await stores.audit.list(0, 3)).map((e) => e.seq)).toEqual([1, 2, 3]);
      expect((await stores.audit.list(3, 3)).map((e) => e.seq)).toEqual([4, 5, 6]);
      expect((await stores.audit.list(6, 3)).map((e) => e.seq)).toEqual([7]);
      expect(await stores.audit.list(7, 3)).toEqual([]);
      expect(await stores.audit.list(0, 0)).toEqual([]);
    });

    it('puts side records of other ports on the same chain', async () => {
      const { stores } = await open();
      await stores.audit.append([auditDraft('direct-1')]);
      expect(await stores.residents.save(resident('tg:1'), null, { audit: [auditDraft('side-1'), auditDraft('side-2')] })).toBe('saved');
      await stores.audit.append([auditDraft('direct-2')]);
      const all = await stores.audit.list(0, 100);
      expect(all.map((e) => e.subject)).toEqual(['test:direct-1', 'test:side-1', 'test:side-2', 'test:direct-2']);
      expect(verifyChain(all)).toBeNull();
    });

    it('race: 50 concurrent appends from two handles never fork the chain', async () => {
      const { stores, reopen } = await open();
      const other = await reopen();
      const logs: AuditLog[] = [stores.audit, other.audit];
      const outs = await Promise.all(range(1, 50).map((i) => (logs[i % 2] as AuditLog).append([auditDraft(`c${i}`)])));
      const all = await other.audit.list(0, 1000);
      expect(all.map((e) => e.seq)).toEqual(range(1, 50));
      expect(verifyChain(all)).toBeNull();
      expect(new Set(all.map((e) => e.subject)).size).toBe(50);
      for (const [entry] of outs) expect(all[(entry?.seq ?? 0) - 1]).toEqual(entry);
    });

    it('race: concurrent multi-entry appends and side records stay contiguous and linked', async () => {
      const { stores, reopen } = await open();
      const other = await reopen();
      const jobs = range(1, 20).map(async (i) => {
        const s = i % 2 ? stores : other;
        if (i % 3 === 0) {
          await s.residents.save(resident(`tg:${i}`), null, { audit: [auditDraft(`r${i}-a`), auditDraft(`r${i}-b`)] });
          return null;
        }
        return s.audit.append([auditDraft(`m${i}-a`), auditDraft(`m${i}-b`), auditDraft(`m${i}-c`)]);
      });
      const outs = await Promise.all(jobs);
      const all = await stores.audit.list(0, 1000);
      expect(verifyChain(all)).toBeNull();
      expect(all).toHaveLength(6 * 2 + 14 * 3);
      for (const out of outs) {
        if (out === null) continue;
        const seqs = out.map((e) => e.seq);
        expect(seqs).toEqual([seqs[0], (seqs[0] ?? 0) + 1, (seqs[0] ?? 0) + 2]);
      }
      for (const i of range(1, 20).filter((n) => n % 3 === 0)) {
        const a = all.findIndex((e) => e.subject === `test:r${i}-a`);
        expect(all[a + 1]?.subject).toBe(`test:r${i}-b`);
      }
    });
  });
}
