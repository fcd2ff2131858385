/**
 * Focused behaviour of the SQLite store beyond the shared contract suites: the secret check
 * across handles and restarts, all-or-nothing side records (including a failure in the middle
 * of a transaction), ballot history and request ids per voter and slot, the audit's stored text.
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStores, sqliteFileFor } from '../../adapters/sqlite/index.ts';
import { canonicalJson, verifyChain } from '../../core/audit/audit-chain.ts';
import type { CastRequest } from '../../core/ports/ballot-box.ts';
import type { SideRecords } from '../../core/ports/side-records.ts';
import type { Stores } from '../../core/ports/stores.ts';
import { idea, resident } from '../contracts/contract-helpers.ts';
import { makeTempDir } from './sqlite-fixture.ts';

const T = Date.UTC(2026, 5, 10);

function req(voterKey: string, requestId: string, over: Partial<CastRequest> = {}): CastRequest {
  return { voterKey, slot: 'town', envelopeId: 'env', choices: [{ ideaId: 'i1', points: 1 }], requestId, receipt: `R-${requestId}`, at: T, closesAt: T + 1000, allowReplace: true, assisted: false, ...over };
}

function side(tag: string): SideRecords {
  return {
    audit: [{ at: T, actor: 'system:t', action: 'test', subject: tag, data: { tag }, assisted: false }],
    outbox: [{ key: `k:${tag}`, recipient: { kind: 'committee' }, template: 't', params: {}, notBefore: T }],
  };
}

/** Side records whose audit data cannot be serialised: the transaction throws after the change. */
const POISON: SideRecords = { audit: [{ at: T, actor: 'system:t', action: 'test', subject: 'poison', data: { n: 1n }, assisted: false }] };

async function sideTotals(s: Stores): Promise<[number, number]> {
  return [(await s.audit.list(0, 1e6)).length, (await s.outbox.list(0, 1e6)).length];
}

describe('SQLite store', () => {
  let dir = '';
  let file = '';
  const handles: Stores[] = [];
  const open = (): Stores => {
    const s = openSqliteStores({ file });
    handles.push(s);
    return s;
  };
  afterEach(async () => {
    for (const h of handles.splice(0)) await h.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const fresh = (): Stores => {
    dir = makeTempDir();
    file = sqliteFileFor(dir, 'c');
    return open();
  };

  describe('secret check', () => {
    it('initialises once, then answers match or mismatch, across handles and restarts', async () => {
      const a = fresh();
      const b = open();
      expect(await a.campaign.checkSecret('hmac-1')).toBe('initialized');
      expect(await b.campaign.checkSecret('hmac-1')).toBe('match');
      expect(await b.campaign.checkSecret('hmac-2')).toBe('mismatch');
      await a.close();
      expect(await open().campaign.checkSecret('hmac-2')).toBe('mismatch');
      expect(await open().campaign.checkSecret('hmac-1')).toBe('match');
    });

    it('keeps the first value: a mismatch does not overwrite it', async () => {
      const s = fresh();
      await s.campaign.checkSecret('first');
      await s.campaign.checkSecret('second');
      expect(await s.campaign.checkSecret('first')).toBe('match');
    });
  });

  describe('side records are all or nothing', () => {
    it('writes nothing for any refused change', async () => {
      const s = fresh();
      await s.ideas.save(idea('idea_a', 1), null, {});
      await s.ideas.save(idea('idea_b', 2), null, {});
      await s.residents.save(resident('tg:1'), null, {});
      await s.residents.addCodes([{ code: 'USED0001', residentId: null, issuedBy: 'staff:U1', issuedAt: T, usedAt: null }]);
      await s.residents.claimCode('USED0001', 'tg:1', T, {});
      await s.ballots.cast(req('vk-1', 'rq-1'), {});
      const phase = { phase: 'draft' as const, windows: {} as never, hold: null, transitions: [] };
      await s.campaign.savePhaseState(phase, null, {});

      const refused = [
        await s.ideas.save(idea('idea_a', 1), 7, side('idea')),
        await s.ideas.save(idea('idea_a', 1), null, side('idea-new')),
        await s.ideas.merge(idea('idea_a', 1, { state: 'merged' }), 1, idea('idea_b', 2), 9, side('merge')),
        await s.residents.save(resident('tg:1'), 3, side('res')),
        await s.residents.erase('tg:1', 4, side('erase')),
        (await s.residents.claimCode('NOPE0000', 'tg:2', T, side('unknown'))).status,
        (await s.residents.claimCode('USED0001', 'tg:2', T, side('used'))).status,
        await s.campaign.savePhaseState(phase, null, side('phase-null')),
        await s.campaign.savePhaseState(phase, 5, side('phase')),
        (await s.ballots.cast(req('vk-2', 'rq-2', { at: T + 1000 }), side('closed'))).status,
        (await s.ballots.cast(req('vk-1', 'rq-3', { allowReplace: false }), side('exists'))).status,
        (await s.ballots.cast(req('vk-1', 'rq-1'), side('dup'))).status,
      ];
      expect(refused).toEqual(['conflict', 'conflict', 'conflict', 'conflict', 'conflict', 'unknown', 'used', 'conflict', 'conflict', 'closed', 'exists', 'duplicate']);
      expect(await sideTotals(s)).toEqual([0, 0]);
      // The refused merge did not half-apply: idea_a keeps its state and version.
      expect(await s.ideas.get('idea_a')).toMatchObject({ state: 'submitted', version: 1 });
    });

    it('rolls the change back when writing its side records fails', async () => {
      const s = fresh();
      await expect(s.ballots.cast(req('vk-1', 'rq-1'), { ...POISON, outbox: side('x').outbox })).rejects.toThrow(TypeError);
      expect(await s.ballots.get('vk-1', 'town')).toBeNull();
      await expect(s.ideas.save(idea('idea_a', 1), null, POISON)).rejects.toThrow(TypeError);
      expect(await s.ideas.get('idea_a')).toBeNull();
      await expect(s.residents.save(resident('tg:1'), null, POISON)).rejects.toThrow(TypeError);
      expect(await s.residents.get('tg:1')).toBeNull();
      expect(await sideTotals(s)).toEqual([0, 0]);
      // The request id of the failed cast is not remembered.
      expect((await s.ballots.cast(req('vk-1', 'rq-1'), side('ok'))).status).toBe('recorded');
      expect(await sideTotals(s)).toEqual([1, 1]);
    });

    it('links side-record audit entries of every port into one chain', async () => {
      const s = fresh();
      await s.residents.save(resident('tg:1'), null, side('a'));
      await s.ideas.save(idea('idea_a', 1), null, side('b'));
      await s.ballots.cast(req('vk-1', 'rq-1'), side('c'));
      await s.campaign.saveResults({ computedAt: T, method: 'greedy', tieBreak: 'cost', envelopes: [] }, side('d'));
      const all = await s.audit.list(0, 100);
      expect(all.map((e) => e.subject)).toEqual(['a', 'b', 'c', 'd']);
      expect(verifyChain(all)).toBeNull();
    });
  });

  describe('ballots', () => {
    it('numbers versions per voter and slot and keeps every version for duplicates', async () => {
      const s = fresh();
      const outs = [];
      for (let i = 1; i <= 5; i++) outs.push(await s.ballots.cast(req('vk-1', `rq-${i}`, { choices: [{ ideaId: `i${i}`, points: 1 }] }), {}));
      expect(outs.map((o) => o.status === 'recorded' && o.ballot.version)).toEqual([1, 2, 3, 4, 5]);
      const third = await s.ballots.cast(req('vk-1', 'rq-3'), {});
      expect(third.status === 'duplicate' && third.ballot).toMatchObject({ version: 3, choices: [{ ideaId: 'i3', points: 1 }], receipt: 'R-rq-3' });
      expect((await s.ballots.get('vk-1', 'town'))?.version).toBe(5);
    });

    it('scopes request ids to a voter and slot: one update may cast town and area ballots', async () => {
      const s = fresh();
      const town = await s.ballots.cast(req('vk-1', 'tg:77', { slot: 'town', envelopeId: 'env-town' }), {});
      const area = await s.ballots.cast(req('vk-1', 'tg:77', { slot: 'area', envelopeId: 'env-north' }), {});
      expect([town.status, area.status]).toEqual(['recorded', 'recorded']);
      expect(await s.ballots.countByEnvelope()).toEqual({ 'env-town': 1, 'env-north': 1 });
      expect(await s.ballots.countVoters()).toBe(1);
    });

    it('judges the close by the request instant: at >= closesAt is refused', async () => {
      const s = fresh();
      expect((await s.ballots.cast(req('vk-1', 'a', { at: T + 999 }), {})).status).toBe('recorded');
      expect((await s.ballots.cast(req('vk-2', 'b', { at: T + 1000 }), {})).status).toBe('closed');
      expect((await s.ballots.cast(req('vk-1', 'c', { at: T + 1000 }), {})).status).toBe('closed');
      expect((await s.ballots.get('vk-1', 'town'))?.version).toBe(1);
    });

    it('stores no resident id with a ballot', async () => {
      const s = fresh();
      await s.residents.save(resident('tg:4242'), null, {});
      await s.ballots.cast(req('vk-opaque', 'rq-1'), {});
      const db = new Database(file, { readonly: true });
      try {
        const rows = JSON.stringify([db.prepare('SELECT * FROM ballots').all(), db.prepare('SELECT * FROM ballot_versions').all()]);
        expect(rows).toContain('vk-opaque');
        expect(rows).not.toContain('4242');
      } finally {
        db.close();
      }
    });
  });

  describe('audit storage', () => {
    it('stores data as the canonical JSON text that was hashed', async () => {
      const s = fresh();
      const data = { z: [3, { b: 1, a: 2 }], a: 'é' };
      await s.audit.append([{ at: T, actor: 'staff:U1', action: 'x', subject: 'y', data, assisted: true }]);
      const db = new Database(file, { readonly: true });
      try {
        const row = db.prepare('SELECT seq, prev_hash, hash, assisted, data FROM audit_log').get() as { data: string; assisted: number; seq: number };
        expect(row.data).toBe(canonicalJson(data));
        expect(row).toMatchObject({ seq: 1, assisted: 1 });
      } finally {
        db.close();
      }
      expect(verifyChain(await open().audit.list(0, 10))).toBeNull();
    });

    it('detects an entry edited in the file', async () => {
      const s = fresh();
      await s.audit.append([1, 2, 3].map((i) => ({ at: T, actor: 'a', action: 'b', subject: `s${i}`, data: { i }, assisted: false })));
      const db = new Database(file);
      db.prepare("UPDATE audit_log SET data = '{\"i\":9}' WHERE seq = 2").run();
      db.close();
      expect(verifyChain(await s.audit.list(0, 10))).toEqual({ seq: 2, problem: 'hash_mismatch' });
    });
  });

  describe('ideas', () => {
    it('hands out idea numbers once, across handles and restarts', async () => {
      const a = fresh();
      const b = open();
      const got = [await a.ideas.nextNumber(), await b.ideas.nextNumber(), await a.ideas.nextNumber()];
      await a.close();
      got.push(await open().ideas.nextNumber());
      expect(got).toEqual([1, 2, 3, 4]);
    });

    it('deletes the supports of an idea row removed from the file (foreign key)', async () => {
      const s = fresh();
      await s.ideas.save(idea('idea_a', 1), null, {});
      expect(await s.ideas.addSupport('idea_a', 'sk-1', T, ['submitted'])).toBe('added');
      const db = new Database(file);
      db.pragma('foreign_keys = ON');
      db.prepare("DELETE FROM ideas WHERE id = 'idea_a'").run();
      expect(db.prepare('SELECT COUNT(*) AS n FROM idea_supports').get()).toEqual({ n: 0 });
      db.close();
    });
  });
});
