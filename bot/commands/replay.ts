/**
 * `pnyx replay FILE.pb [--rule RULE] [--data-dir DIR] [--json]`: imports a Pabulib election as
 * a campaign in a fresh embedded store, casts every ballot through the engine, counts it with
 * the engine, and compares the winners with the file's official `selected` column.
 */
import { parseArgs } from 'node:util';
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { CliCommand } from './command.ts';
import { officialSelected, PabulibFormatError, readPabulibFile, replayPlan } from '../../adapters/pabulib/index.ts';
import { openSqliteStores, sqliteFileFor } from '../../adapters/sqlite/index.ts';
import { minorUnitsFormatter, renderTallyExplanation } from '../../adapters/i18n/tally-messages.ts';
import { replayThroughEngine } from '../replay.ts';

const REPLAY_SECRET = 'pnyx-replay-secret-not-for-campaigns';

export const replayCommand: CliCommand = async (args, io) => {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], allowPositionals: true, options: { rule: { type: 'string' }, 'data-dir': { type: 'string' }, json: { type: 'boolean', default: false } } });
  } catch (e) {
    io.stderr(`pnyx replay: ${(e as Error).message}\n`);
    return 2;
  }
  const file = parsed.positionals[0];
  if (file === undefined) {
    io.stderr('usage: pnyx replay FILE.pb [--rule RULE] [--data-dir DIR] [--json]\n');
    return 2;
  }
  let election;
  try {
    election = await readPabulibFile(path.resolve(io.cwd, file));
  } catch (e) {
    io.stderr(`pnyx replay: ${e instanceof PabulibFormatError ? e.message : `cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`}\n`);
    return 2;
  }
  const plan = replayPlan(election, parsed.values.rule ?? null, Date.UTC(2026, 0, 1));
  if (!plan.ok) {
    const why: Record<string, string> = {
      'replay.unknown_rule': `the file's rule "${String(plan.params.rule)}" cannot be replayed: pass --rule`,
      'replay.amount_precision': `${String(plan.params.what)} has more than two decimals`,
      'replay.missing_meta': `META ${String(plan.params.key)} is required`,
      'replay.vote_type': `${String(plan.params.voteType)} ballots have no campaign ballot rule (approval, choose-1 and cumulative can be replayed)`,
    };
    io.stderr(`pnyx replay: ${why[plan.code] ?? plan.code}\n`);
    return 2;
  }
  const dataDir = path.resolve(io.cwd, parsed.values['data-dir'] ?? io.env.PNYX_DATA_DIR ?? 'data', 'replays');
  const dbFile = sqliteFileFor(dataDir, plan.value.campaign.id);
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbFile}${suffix}`, { force: true });
  const stores = openSqliteStores({ file: dbFile });
  try {
    const out = await replayThroughEngine(plan.value, stores, io.env.PNYX_SECRET ?? REPLAY_SECRET);
    const official = officialSelected(election);
    const env = out.results.envelopes[0]!;
    const same = official === null ? null : [...official].sort().join(',') === [...out.selected].sort().join(',');
    if (parsed.values.json) {
      io.stdout(`${JSON.stringify({ rule: plan.value.rule, method: out.results.method, selected: out.selected, spent: env.spent / 100, budget: env.budget / 100, cast: out.cast, refused: out.refused, emptyBallots: plan.value.emptyBallots, official, matchesOfficial: same, store: dbFile })}\n`);
      return 0;
    }
    const money = minorUnitsFormatter('en', plan.value.campaign.currency, 100);
    const pbOf = new Map(plan.value.projects.map((p) => [`#${p.pbId}`, p.pbId]));
    io.stdout(`Replay of ${String(election.meta.get('description') ?? file)} through the engine (${out.results.method})\n`);
    io.stdout(`${out.cast} ballots cast with castBallot${plan.value.emptyBallots > 0 ? `, ${plan.value.emptyBallots} empty ballots left out` : ''}${Object.keys(out.refused).length > 0 ? `, refused: ${JSON.stringify(out.refused)}` : ''}\n\n`);
    for (const r of env.rows) {
      const id = pbOf.get(r.title.split(' ')[0] ?? '') ?? r.title;
      io.stdout(`${r.rank === null ? '   ' : String(r.rank).padStart(3)}  ${id.padEnd(12)} ${String(r.score).padStart(7)}  ${money(r.cost).padStart(16)}  ${renderTallyExplanation('en', r.reason, money)}\n`);
    }
    io.stdout(`\nspent ${money(env.spent)} of ${money(env.budget)}; ${out.selected.length} funded\n`);
    if (same === null) io.stdout('the file has no official selected column\n');
    else io.stdout(same ? 'matches the official selected column\n' : `differs from the official selected column: official ${official!.join(',')}\n`);
    io.stdout(`store: ${dbFile}\n`);
    return 0;
  } catch (e) {
    io.stderr(`pnyx replay: ${(e as Error).message}\n`);
    return 1;
  } finally {
    await stores.close();
  }
};
