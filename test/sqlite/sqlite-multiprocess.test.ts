/**
 * The ports' races with several *processes* on one database file: each worker is a child
 * process (`node --import tsx race-worker.ts`) with its own better-sqlite3 connection. All
 * workers open the file, wait at a barrier, then race. busy_timeout + BEGIN IMMEDIATE must
 * make every outcome exact: no lost or doubled ballot, no forked chain, one winner per claim.
 */
import { fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, openSqliteStores, sqliteFileFor } from '../../adapters/sqlite/index.ts';
import { verifyChain } from '../../core/audit/audit-chain.ts';
import type { Idea } from '../../core/ideas/idea.ts';
import type { AuditEntry } from '../../core/ports/audit-log.ts';
import type { Stores } from '../../core/ports/stores.ts';
import { makeTempDir } from './sqlite-fixture.ts';
import type { RaceResult, RaceTask } from './race-worker.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const WORKER = path.join(here, 'race-worker.ts');
const N = 6;

/** Forks one worker per task, releases them together, returns their answers in task order. */
async function race(tasks: readonly RaceTask[]): Promise<RaceResult[]> {
  const children = tasks.map((t) => fork(WORKER, [JSON.stringify(t)], { cwd: root, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
  const ready = children.map(
    (c) =>
      new Promise<void>((resolve, reject) => {
        c.once('error', reject);
        c.once('exit', (code) => reject(new Error(`worker exited early (${code})`)));
        c.on('message', (m: { type?: string }) => m.type === 'ready' && resolve());
      }),
  );
  const done = children.map(
    (c) =>
      new Promise<RaceResult>((resolve, reject) => {
        c.on('message', (m: { type?: string; result?: RaceResult; message?: string }) => {
          if (m.type === 'done') resolve(m.result ?? {});
          if (m.type === 'error') reject(new Error(`worker failed: ${m.message}`));
        });
      }),
  );
  // Round barrier (casts with roundBarrier): release round r+1 once every worker reported round r.
  const reported = new Map<number, number>();
  for (const c of children) {
    c.on('message', (m: { type?: string; round?: number }) => {
      if (m.type !== 'round' || m.round === undefined) return;
      const n = (reported.get(m.round) ?? 0) + 1;
      reported.set(m.round, n);
      if (n === children.length) for (const o of children) o.send(`next:${m.round}`);
    });
  }
  try {
    await Promise.all(ready);
    for (const c of children) c.send('go');
    const results = await Promise.all(done);
    // busy_timeout alone absorbed the contention: no step needed the fallback retry.
    expect(results.map((r) => r['busyRetries']?.[0])).toEqual(results.map(() => 0));
    return results;
  } finally {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill();
  }
}

async function allAudit(stores: Stores): Promise<AuditEntry[]> {
  return [...(await stores.audit.list(0, 1_000_000))];
}

function idea(id: string, n: number): Idea {
  return {
    id, number: n, state: 'submitted', title: `Idea ${n}`, description: 'A bench under the old lime tree, facing the square.',
    category: 'green', area: null, cost: 1000, photo: null, location: null, authorId: 'tg:1', authorLocale: 'fr', assistedBy: null,
    costEstimatedByStaff: false, decision: null, mergedInto: null, rewrite: null, revisions: [], createdAt: 0, submittedAt: 0, updatedAt: 0, version: 1,
  };
}

describe('SQLite store across processes', () => {
  let dir = '';
  let file = '';
  let stores: Stores | null = null;
  const openHere = (): Stores => (stores = openSqliteStores({ file }));

  afterEach(async () => {
    await stores?.close();
    stores = null;
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const setup = (): void => {
    dir = makeTempDir();
    file = sqliteFileFor(dir, 'race');
  };
  const tasks = (t: Omit<RaceTask, 'file' | 'worker'>): RaceTask[] => Array.from({ length: N }, (_, worker) => ({ ...t, file, worker }));

  it(`casts for the same voter keys from ${N} processes get each version exactly once`, async () => {
    setup();
    const voters = ['vk-a', 'vk-b', 'vk-c', 'vk-d'];
    const rounds = 15;
    const results = await race(tasks({ kind: 'casts', keys: voters, rounds, roundBarrier: true }));
    const s = openHere();
    const total = N * rounds;
    for (const vk of voters) {
      const versions = results.flatMap((r) => r[vk] ?? []);
      expect(versions.filter((v) => typeof v !== 'number')).toEqual([]);
      expect([...versions].sort((a, b) => (a as number) - (b as number))).toEqual(Array.from({ length: total }, (_, i) => i + 1));
      expect((await s.ballots.get(vk, 'town'))?.version).toBe(total);
    }
    // The race really interleaved: every round is raced by all workers at once (round barrier),
    // so round r holds versions N·r+1..N·r+N and at most one worker can run on without a gap.
    for (let r = 0; r < rounds; r++) {
      const inRound = results.map((res) => (res['vk-a'] ?? [])[r] as number).sort((a, b) => a - b);
      expect(inRound).toEqual(Array.from({ length: N }, (_, i) => N * r + i + 1));
    }
    const runs = results.map((r) => (r['vk-a'] ?? []) as number[]);
    expect(runs.some((v) => v.some((x, i) => i > 0 && x !== v[i - 1]! + 1))).toBe(true);
    expect(await s.ballots.countByEnvelope()).toEqual({ 'env-town': voters.length });
    expect(await s.ballots.countVoters()).toBe(voters.length);
    const audit = await allAudit(s);
    expect(audit).toHaveLength(total * voters.length);
    expect(verifyChain(audit)).toBeNull();
    expect((await s.outbox.counts()).pending).toBe(total * voters.length);
  });

  it(`audit appends from ${N} processes never fork the chain`, async () => {
    setup();
    openHere();
    const rounds = 30;
    const results = await race(tasks({ kind: 'audit', keys: [], rounds }));
    const audit = await allAudit(stores!);
    expect(audit).toHaveLength(N * rounds * 3);
    expect(verifyChain(audit)).toBeNull();
    const seqs = results.flatMap((r) => r['seqs'] ?? []).map((s) => String(s).split(',').map(Number));
    for (const batch of seqs) expect(batch).toEqual([batch[0]!, batch[0]! + 1, batch[0]! + 2]);
    expect(new Set(seqs.flat()).size).toBe(N * rounds * 3);
  });

  it(`claims of one code from ${N} processes have exactly one winner`, async () => {
    setup();
    const s = openHere();
    const codes = Array.from({ length: 20 }, (_, i) => `CODE${String(i).padStart(4, '0')}`);
    await s.residents.addCodes(codes.map((code) => ({ code, residentId: null, issuedBy: 'staff:U1', issuedAt: 0, usedAt: null })));
    const results = await race(tasks({ kind: 'codes', keys: codes, rounds: 1 }));
    for (const code of codes) {
      const answers = results.map((r) => r[code]?.[0]);
      expect(answers.filter((a) => a === 'claimed')).toHaveLength(1);
      expect(answers.filter((a) => a === 'used')).toHaveLength(N - 1);
      const winner = answers.indexOf('claimed');
      expect((await s.residents.getCode(code))?.residentId).toBe(`tg:w${winner}`);
    }
    const audit = await allAudit(s);
    expect(audit).toHaveLength(codes.length);
    expect(verifyChain(audit)).toBeNull();
  });

  it(`idea saves at one version from ${N} processes: exactly one saved`, async () => {
    setup();
    const s = openHere();
    const ideas = Array.from({ length: 10 }, (_, i) => idea(`idea_${i}`, i + 1));
    for (const i of ideas) expect(await s.ideas.save(i, null, {})).toBe('saved');
    const results = await race(tasks({ kind: 'ideas', keys: [], rounds: 1, ideas }));
    for (const i of ideas) {
      const answers = results.map((r) => r[i.id]?.[0]);
      expect(answers.filter((a) => a === 'saved')).toHaveLength(1);
      expect(answers.filter((a) => a === 'conflict')).toHaveLength(N - 1);
      const stored = await s.ideas.get(i.id);
      expect(stored?.version).toBe(2);
      expect(stored?.title).toBe(`decided by w${answers.indexOf('saved')}`);
    }
    const audit = await allAudit(s);
    expect(audit).toHaveLength(ideas.length);
    expect(verifyChain(audit)).toBeNull();
  });

  it(`inbound updates and outbox leases from ${N} processes are handed out once`, async () => {
    setup();
    const s = openHere();
    const T = Date.UTC(2026, 5, 10);
    const fresh = Array.from({ length: 30 }, (_, i) => `tg:${1000 + i}`);
    // Leases of a crashed instance, expired when the workers begin (at T): taken over once each.
    const expired = Array.from({ length: 10 }, (_, i) => `tg:${2000 + i}`);
    for (const key of expired) expect((await s.processed.begin(key, T - 120_000, 60_000)).status).toBe('new');
    const done = ['tg:3000', 'tg:3001'];
    for (const key of done) await s.processed.finish(key, T - 1000);
    const keys = [...fresh, ...expired, ...done];
    await s.outbox.enqueue(Array.from({ length: 60 }, (_, i) => ({ key: `m${i}`, recipient: { kind: 'committee' as const }, template: 't', params: {}, notBefore: 0 })));
    const results = await race([
      ...tasks({ kind: 'updates', keys, rounds: 1 }),
      ...tasks({ kind: 'outbox', keys: [], rounds: 5 }),
    ]);
    for (const key of [...fresh, ...expired]) {
      const answers = results.flatMap((r) => r[key] ?? []);
      expect(answers.filter((a) => a === 'new'), key).toHaveLength(1);
      expect(answers.filter((a) => a !== 'new' && a !== 'in_progress' && a !== 'done'), key).toEqual([]);
    }
    for (const key of done) expect(results.flatMap((r) => r[key] ?? [])).toEqual(Array.from({ length: N }, () => 'done'));
    for (const key of keys) expect(await s.processed.begin(key, T + 1, 60_000), key).toMatchObject({ status: 'done' });
    const leased = results.flatMap((r) => r['claimed'] ?? []);
    expect([...leased].sort((a, b) => (a as number) - (b as number))).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
  });

  it(`a fresh file opened by ${N} processes at once is migrated once`, async () => {
    setup();
    expect(fs.existsSync(file)).toBe(false);
    const results = await race(tasks({ kind: 'casts', keys: ['vk-x'], rounds: 3 }));
    const versions = results.flatMap((r) => r['vk-x'] ?? []);
    expect([...versions].sort((a, b) => (a as number) - (b as number))).toEqual(Array.from({ length: N * 3 }, (_, i) => i + 1));
    const db = new Database(file, { readonly: true });
    try {
      expect(db.prepare('SELECT version FROM schema_migrations ORDER BY version').all()).toEqual(MIGRATIONS.map((m) => ({ version: m.version })));
    } finally {
      db.close();
    }
  });
});
