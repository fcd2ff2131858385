/**
 * `pnyx simulate FILE [--residents N] [--seed S] [--data-dir DIR]`
 *
 * Runs a whole campaign with synthetic residents through the engine's use cases and the
 * embedded store, on a fast clock, then prints the results table and the mayor's digest
 * figures. The store is `<dataDir>/simulations/<campaignId>.sqlite`, recreated on each run
 * (a demo never touches a real campaign's store). The same seed gives byte-identical output.
 * Exit codes: 0 done, 1 invalid campaign or failed run, 2 bad arguments or environment.
 */
import { parseArgs } from 'node:util';
import type { Campaign } from '../../core/campaign/campaign.ts';
import { formatLocal } from '../../config/index.ts';
import { SeededIds, SeededRandom, SteppingClock } from '../../adapters/system/index.ts';
import { composeCampaign, describeLocation, displayPath, loadForCommand, SIMULATIONS_DIR } from '../compose.ts';
import type { ComposedCampaign } from '../compose.ts';
import { cliText, formatMoney } from '../render/money.ts';
import { renderDigestFigures } from '../render/digest-figures.ts';
import { renderResultsTable } from '../render/results-table.ts';
import { count } from '../render/text-table.ts';
import { planSimulation } from '../simulation/plan.ts';
import { runSimulation } from '../simulation/run-simulation.ts';
import type { SimulationReport } from '../simulation/run-simulation.ts';
import type { CliCommand, CliIo } from './command.ts';

const USAGE = 'Usage: pnyx simulate FILE [--residents N] [--seed S] [--data-dir DIR]\n';

/** Default number of synthetic residents: 10 % of the population, as in the Bertrix seed. */
export function defaultResidents(campaign: Campaign): number {
  return Math.min(20_000, Math.max(50, Math.round(campaign.population / 10)));
}

/** The `simulate` command. */
export const simulateCommand: CliCommand = async (args, io) => {
  let values: { residents?: string; seed?: string; 'data-dir'?: string; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: { residents: { type: 'string' }, seed: { type: 'string' }, 'data-dir': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (e) {
    io.stderr(`pnyx simulate: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help === true) {
    io.stdout(USAGE);
    return 0;
  }
  const file = positionals[0] ?? io.env.PNYX_CONFIG;
  if (file === undefined || file === '' || positionals.length > 1) {
    io.stderr(`pnyx simulate: ${positionals.length > 1 ? 'expected one campaign file' : 'no campaign file given'}\n${USAGE}`);
    return 2;
  }
  let residents: number | undefined;
  if (values.residents !== undefined) {
    residents = Number(values.residents);
    if (!/^\d+$/.test(values.residents) || residents < 10 || residents > 100_000) {
      io.stderr(`pnyx simulate: --residents expects a whole number from 10 to 100000 (got "${values.residents}")\n`);
      return 2;
    }
  }
  const seed = values.seed ?? '1';
  if (seed.length === 0 || seed.length > 64) {
    io.stderr('pnyx simulate: --seed expects 1 to 64 characters\n');
    return 2;
  }
  return simulate({ file, residents, seed, dataDir: values['data-dir'] }, io);
};

/** Options of {@link simulate}. */
export interface SimulateOptions {
  readonly file: string;
  /** Default: {@link defaultResidents}. */
  readonly residents?: number | undefined;
  readonly seed: string;
  /** Overrides PNYX_DATA_DIR; the store goes to its `simulations/` subdirectory. */
  readonly dataDir?: string | undefined;
}

/** Runs one simulation and prints its report. Used by `simulate` and by `start` without tokens. */
export async function simulate(options: SimulateOptions, io: CliIo): Promise<number> {
  const loaded = await loadForCommand('simulate', options.file, io);
  if (!loaded.ok) return loaded.exitCode;
  const { campaign, env } = loaded;
  const n = options.residents ?? defaultResidents(campaign);
  const rng = new SeededRandom(`simulate:${campaign.id}:${options.seed}`);
  const plan = planSimulation(campaign, n, rng.fork('plan'));
  const clock = new SteppingClock(plan.setupAt);
  const composed = await composeCampaign(campaign, env, { purpose: 'simulate', cwd: io.cwd, dataDir: options.dataDir, clock, ids: new SeededIds(`${campaign.id}:${options.seed}`) });
  if (!composed.ok) {
    io.stderr(`pnyx simulate: ${composed.message}\n`);
    return composed.exitCode;
  }
  try {
    const report = await runSimulation(campaign, composed.engine, clock, plan, rng.fork('run'));
    const transitions = (await composed.engine.status()).state.transitions;
    io.stdout(renderHeader(campaign, options, n, composed, io));
    io.stdout(`\nPhases (${campaign.timeZone})\n${transitions.map((t) => `  ${formatLocal(t.at, campaign.timeZone)}  ${t.from} → ${t.to}  (${t.by}, ${t.reason})`).join('\n')}\n`);
    io.stdout(`\n${renderActivity(report)}`);
    if (report.results === null) {
      io.stderr('pnyx simulate: the tally did not run (see the refusals above)\n');
      return 1;
    }
    io.stdout(`\n${renderResultsTable(campaign, report.results, { voters: report.figures?.voters ?? (await composed.stores.ballots.countVoters()) })}`);
    if (report.figures !== null) io.stdout(`\n${renderDigestFigures(campaign, report.figures)}`);
    io.stdout(`\n${renderNext(options, composed, io)}`);
    return 0;
  } finally {
    await composed.close();
  }
}

function renderHeader(campaign: Campaign, options: SimulateOptions, n: number, composed: ComposedCampaign, io: CliIo): string {
  const envelopes = campaign.envelopes.map((e) => `${e.id} ${formatMoney(campaign, e.amount)}`).join(', ');
  const method = campaign.tally.method === 'mes' ? `mes/${campaign.tally.completion}` : `greedy/${campaign.tally.variant}`;
  return [
    `Pnyx simulation — ${cliText(campaign, campaign.name)} (${campaign.id})`,
    `  seed ${options.seed}, ${count(n)} synthetic residents (population ${count(campaign.population)})`,
    `  ballot ${campaign.ballot.kind}, tally ${method}, envelopes: ${envelopes}`,
    `  store ${describeLocation(io.cwd, composed.location)}, recreated for this run`,
    `  voter keys from ${composed.secretSource === 'demo' ? 'the public demo secret (PNYX_SECRET unset; fine for synthetic residents only)' : 'PNYX_SECRET'}`,
  ].join('\n') + '\n';
}

function renderActivity(r: SimulationReport): string {
  const m = r.moderation;
  const lines = [
    'Activity',
    `  registrations    ${count(r.registrations)} (${count(r.assistedRegistrations)} registered by ${count(r.ambassadors)} ambassadors with one-time codes; ${count(r.codesIssued)} codes issued)`,
    `  ideas            ${count(r.ideas)} submitted (${count(r.assistedIdeas)} with an ambassador's help), ${count(r.withdrawn)} withdrawn by their author`,
    `  supports         ${count(r.supports)}`,
    `  moderation       ${count(m.eligible)} eligible, ${count(m.changes_requested)} changes requested (${count(m.resubmitted)} resubmitted), ${count(m.rejected)} rejected, ${count(m.merged)} merged`,
    `  staff edits      ${count(r.costsEstimated)} costs estimated; ${count(r.rewrites.proposed)} rewrites proposed, ${count(r.rewrites.accepted)} accepted, ${count(r.rewrites.declined)} declined`,
    `  finalists        ${count(r.finalists)}`,
    `  ballots          ${count(r.ballots.cast)} cast (${count(r.ballots.assisted)} assisted), ${count(r.ballots.replaced)} replaced by a later vote`,
  ];
  const refusals = [...r.refusals].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  lines.push(`  refused actions  ${refusals.length === 0 ? 'none' : refusals.map(([k, v]) => `${k} ×${v}`).join('; ')}`);
  return `${lines.join('\n')}\n`;
}

function renderNext(options: SimulateOptions, composed: ComposedCampaign, io: CliIo): string {
  const dir = displayPath(io.cwd, composed.dataDir);
  const file = options.file;
  return [
    `Simulation store: ${composed.location.kind === 'sqlite' ? displayPath(io.cwd, composed.location.file) : composed.location.prefix} (under ${SIMULATIONS_DIR}/, never a real campaign's store)`,
    'Look into it:',
    `  pnyx tally ${file} --data-dir ${dir}`,
    `  pnyx audit ${file} --data-dir ${dir}`,
    `  pnyx export ${file} --data-dir ${dir} --out ${displayPath(io.cwd, `${composed.dataDir}-export`)}`,
  ].join('\n') + '\n';
}
