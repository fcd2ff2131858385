/**
 * Ballots per second through the engine on the SQLite store, against a baseline measured in
 * the same run: raw better-sqlite3 in this process (WAL, synchronous=NORMAL), one INSERT per
 * transaction into a plain ballots table. The engine's casts carry what a real vote needs on
 * top (eligibility, phase, rule check, voter-key HMAC, request-id lookup, version history,
 * close check, BEGIN IMMEDIATE), so the bar is a ratio, not parity.
 *
 * Run: `node --import tsx bench/ballots-sqlite.bench.ts` (or `npm run bench -- ballots-sqlite`).
 * Progress goes to stderr; stdout gets ONE JSON line:
 * `{"bench":"ballots-sqlite","value":<engine ballots/s>,"unit":"ballots/s","baseline":<raw ballots/s>,
 *   "ratio":…,"target":0.2,"pass":…, …}`.
 * Env: BENCH_BALLOTS (default 20000) casts per measurement, BENCH_ROUNDS (default 3).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteStores, openDatabase, sqliteFileFor } from '../adapters/sqlite/index.ts';
import { prepareVotingCampaign } from './support/voting-campaign.ts';
import type { Stores } from '../core/ports/stores.ts';

const N = Number(process.env['BENCH_BALLOTS'] ?? 20_000);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
/** Share of casts that replace an earlier ballot of the same voter. */
const REPLACE_SHARE = 0.1;
const TARGET = 0.2;
const T0 = Date.UTC(2026, 5, 1);

function log(msg: string): void {
  process.stderr.write(`[ballots-sqlite] ${msg}\n`);
}

/** Raw baseline: one INSERT per transaction, same pragmas as the store. Returns ballots/s. */
function measureBaseline(dir: string, round: number): number {
  const db = openDatabase(path.join(dir, `raw-${round}.sqlite`));
  try {
    db.exec('CREATE TABLE ballots (voter_key TEXT PRIMARY KEY, envelope_id TEXT NOT NULL, choices TEXT NOT NULL, cast_at INTEGER NOT NULL)');
    const insert = db.prepare('INSERT INTO ballots (voter_key, envelope_id, choices, cast_at) VALUES (?, ?, ?, ?)');
    const one = db.transaction((i: number) => {
      insert.run(`vk-${i}`, 'env-town', JSON.stringify([{ ideaId: `idea_${i % 12}`, points: 1 }]), T0 + i);
    });
    const started = process.hrtime.bigint();
    for (let i = 0; i < N; i++) one(i);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    return (N / ms) * 1000;
  } finally {
    db.close();
  }
}

/** Which resident casts the i-th ballot: distinct voters, every 1/REPLACE_SHARE-th replacing an earlier one. */
function voterOf(i: number): number {
  const every = Math.round(1 / REPLACE_SHARE);
  // i - every/2 is never itself a replacement index, so this always replaces an existing ballot.
  return i % every === every - 1 ? i - Math.floor(every / 2) : i;
}

/**
 * Engine rate: casts through the engine's `castBallot` use case (eligibility, phase judged
 * against the clock, rule check, voter-key HMAC, receipt, atomic cast) on the SQLite store.
 */
async function measureStore(dir: string, round: number): Promise<{ rate: number; recorded: number; replaced: number; voters: number }> {
  const stores: Stores = openSqliteStores({ file: sqliteFileFor(dir, `store-${round}`) });
  try {
    const { engine, residentIds, finalistIds } = await prepareVotingCampaign(stores, N);
    let recorded = 0;
    let replaced = 0;
    const started = process.hrtime.bigint();
    for (let i = 0; i < N; i++) {
      const choice = [{ ideaId: finalistIds[i % finalistIds.length]! }];
      const out = await engine.castBallot(residentIds[voterOf(i)]!, 'town', choice, `rq-${i}`);
      if (!out.ok) throw new Error(`cast refused: ${out.code}`);
      recorded++;
      if (out.value.replaced) replaced++;
    }
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    return { rate: (N / ms) * 1000, recorded, replaced, voters: await stores.ballots.countVoters() };
  } finally {
    await stores.close();
  }
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pnyx-bench-sqlite-'));
  const started = Date.now();
  try {
    const baselines: number[] = [];
    const rates: number[] = [];
    let last = { recorded: 0, replaced: 0, voters: 0 };
    // Alternate the two so machine noise hits both alike; medians are reported.
    for (let round = 0; round < ROUNDS; round++) {
      baselines.push(measureBaseline(dir, round));
      const s = await measureStore(dir, round);
      rates.push(s.rate);
      last = s;
      log(`round ${round + 1}/${ROUNDS}: baseline ${baselines[round]!.toFixed(0)}/s, store ${s.rate.toFixed(0)}/s`);
    }
    if (last.recorded !== N) throw new Error(`expected ${N} recorded casts, got ${last.recorded}`);
    const value = median(rates);
    const baseline = median(baselines);
    const ratio = value / baseline;
    const probe = new Database(':memory:');
    const sqlite = (probe.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
    probe.close();
    const line = {
      bench: 'ballots-sqlite',
      value: Math.round(value),
      unit: 'ballots/s',
      baseline: Math.round(baseline),
      ratio: Number(ratio.toFixed(4)),
      target: TARGET,
      pass: ratio >= TARGET,
      ballots: N,
      rounds: ROUNDS,
      replaceShare: REPLACE_SHARE,
      replaced: last.replaced,
      voters: last.voters,
      path: 'engine.castBallot',
      node: process.version,
      sqlite,
      seconds: Number(((Date.now() - started) / 1000).toFixed(1)),
    };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`[ballots-sqlite] failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exit(1);
});
