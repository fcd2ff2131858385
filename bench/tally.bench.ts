/**
 * Benchmark `tally`: the greedy tally of the largest shared election (Łódź 2022: 160 projects,
 * 90 494 ballots) against the time to merely parse the same file in the same run (baseline),
 * and MES + Add1 on Wieliczka 2023 in exact arithmetic. Targets: greedy ≤ 0.5 × parse;
 * MES + Add1 ≤ 10 s. Ends with one JSON line on stdout.
 *
 * Run: node --import tsx bench/tally.bench.ts   (or npm run bench -- tally)
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePabulib, toTallyInstance } from '../adapters/pabulib/index.ts';
import { tally } from '../core/tally/index.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = process.env.PNYX_SHARED_DATA ?? path.resolve(root, '../shared/data');
const LODZ = path.join(dataDir, 'pabulib/Poland_Lodz_2022.pb');
const WIELICZKA = path.join(dataDir, 'pabulib/Poland_Wieliczka_2023_Green_Budget.pb');
if (!existsSync(LODZ) || !existsSync(WIELICZKA)) {
  process.stderr.write(`bench tally: ../shared/data not found (looked for ${LODZ}); cannot measure\n`);
  process.exit(1);
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};
function time(fn: () => void, runs: number): number {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    ms.push(performance.now() - t);
  }
  return median(ms);
}

const lodzText = readFileSync(LODZ, 'utf8');
const wieliczkaText = readFileSync(WIELICZKA, 'utf8');
const lodz = parsePabulib(lodzText);
const greedyRule = { kind: 'greedy', threshold: lodz.meta.get('min_project_score_threshold') ?? '0' } as const;
// Warm-up, so both sides are measured with the JIT settled.
for (let i = 0; i < 3; i++) {
  parsePabulib(lodzText);
  tally(toTallyInstance(lodz), { rule: greedyRule });
}
const RUNS = 9;
const parseMs = time(() => void parsePabulib(lodzText), RUNS);
// The greedy tally of the already-parsed file: conversion to the core instance included.
const greedyMs = time(() => void tally(toTallyInstance(lodz), { rule: greedyRule }), RUNS);

const wieliczka = parsePabulib(wieliczkaText);
const wInstance = toTallyInstance(wieliczka);
let selected = 0;
let spent = '';
const mesAdd1Ms = time(() => {
  const out = tally(wInstance, { rule: { kind: 'mes', completion: 'add1' } });
  if (out.status !== 'ok') throw new Error('unexpected tie on Wieliczka');
  selected = out.selected.length;
  spent = out.spent.toDecimal();
}, 3);

const ratio = greedyMs / parseMs;
const round = (x: number): number => Math.round(x * 100) / 100;
process.stderr.write(
  `Łódź 2022: parse ${round(parseMs)} ms, greedy tally ${round(greedyMs)} ms (ratio ${round(ratio)})\n` +
    `Wieliczka 2023 MES+Add1 (exact): ${round(mesAdd1Ms)} ms → ${selected} projects, ${spent}\n`,
);
const pass = ratio <= 0.5 && mesAdd1Ms <= 10_000;
process.stdout.write(
  `${JSON.stringify({
    bench: 'tally',
    value: round(greedyMs),
    unit: 'ms',
    baseline: round(parseMs),
    ratio: Math.round(ratio * 1000) / 1000,
    target: 0.5,
    pass,
    mesAdd1WieliczkaMs: round(mesAdd1Ms),
    mesTarget: 10_000,
    lodzBallots: lodz.votes.length,
    lodzProjects: lodz.projects.length,
    wieliczkaSelected: selected,
    wieliczkaSpent: spent,
  })}\n`,
);
