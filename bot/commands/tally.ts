/**
 * `pnyx tally CAMPAIGN.yaml [--data-dir DIR] [--json]` recounts a stored campaign (see tally-campaign.ts).
 * `pnyx tally --pabulib FILE.pb [--rule RULE] [--tie-break ORDER] [--add1-start integral|exact]
 *   [--add1-step N] [--add1-exhaustive-stop on|off] [--ordinal-points P1,P2,…] [--json]`
 *
 * Counts a Pabulib election under its META rule (or `--rule`) and prints the results table, or
 * one JSON object with `--json`. Exit codes: 0 ok, 2 bad input (message on stderr),
 * 3 a tie the order cannot break (the tied ids are in the output).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CliCommand, CliIo } from './command.ts';
import { tallyCampaign } from './tally-campaign.ts';
import { officialSelected, PabulibFormatError, readPabulibFile, ruleFromName, toTallyInstance } from '../../adapters/pabulib/index.ts';
import type { PabulibElection } from '../../adapters/pabulib/index.ts';
import { DomainError } from '../../core/domain/domain-error.ts';
import { NAMED_TIE_BREAKS, Rational, tally, TIE_CRITERIA } from '../../core/tally/index.ts';
import type { Add1Options, TallyOptions, TallyOutcome, TieBreakOrder, TieCriterion } from '../../core/tally/index.ts';

/** Rules accepted by `--rule`. */
export const CLI_RULES = [
  'greedy',
  'greedy-no-skip',
  'greedy-threshold',
  'equalshares',
  'equalshares/add1',
  'equalshares/add1-comparison',
  'equalshares/utilitarian',
  'equalshares/add1u',
] as const;

const USAGE =
  'usage: pnyx tally --pabulib FILE.pb [--rule RULE] [--tie-break lexico|votes-cost-id|mes-recommended|file] ' +
  '[--add1-start integral|exact] [--add1-step N] [--add1-exhaustive-stop on|off] [--ordinal-points P1,P2,...] [--json]\n';

class BadInput extends Error {}

/** The `tally` command. */
export const tallyCommand: CliCommand = async (args, io) => {
  // Without --pabulib, FILE is a campaign file: recount the stored campaign.
  if (!args.some((a) => a === '--pabulib' || a.startsWith('--pabulib='))) return tallyCampaign(args, io);
  try {
    return await run(args, io);
  } catch (e) {
    if (e instanceof BadInput || e instanceof PabulibFormatError) {
      io.stderr(`pnyx tally: ${e.message}\n`);
      return 2;
    }
    if (e instanceof DomainError) {
      io.stderr(`pnyx tally: ${String(e.params['problem'] ?? e.code)}\n`);
      return 2;
    }
    throw e;
  }
};

async function run(args: readonly string[], io: CliIo): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      strict: true,
      allowPositionals: false,
      options: {
        pabulib: { type: 'string' },
        rule: { type: 'string' },
        'tie-break': { type: 'string' },
        'add1-start': { type: 'string' },
        'add1-step': { type: 'string' },
        'add1-exhaustive-stop': { type: 'string' },
        'ordinal-points': { type: 'string' },
        json: { type: 'boolean' },
      },
    }));
  } catch (e) {
    throw new BadInput(`${(e as Error).message}\n${USAGE}`);
  }
  if (values.pabulib === undefined) {
    io.stderr('pnyx tally: campaign mode not available yet; use --pabulib FILE.pb\n');
    return 2;
  }
  let election: PabulibElection;
  try {
    election = await readPabulibFile(path.resolve(io.cwd, values.pabulib));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT' || err.code === 'EISDIR' || err.code === 'EACCES') throw new BadInput(`cannot read ${values.pabulib}: ${err.code}`);
    throw e;
  }
  const ruleName = values.rule ?? election.meta.get('rule') ?? 'unknown';
  if (values.rule !== undefined && !(CLI_RULES as readonly string[]).includes(values.rule)) {
    throw new BadInput(`unknown rule "${values.rule}" (one of ${CLI_RULES.join(', ')})`);
  }
  const rule = ruleFromName(ruleName, election);
  if (rule === null) throw new BadInput(`the file's rule is "${ruleName}", which cannot be run; pass --rule RULE`);
  const options: TallyOptions = {
    rule: rule.kind === 'mes' ? { ...rule, add1: add1Options(values) } : rule,
    tieBreak: tieBreakOrder(values['tie-break']),
    ...(values['ordinal-points'] !== undefined ? { ordinalPoints: ordinalPoints(values['ordinal-points']) } : {}),
  };
  const outcome = tally(toTallyInstance(election), options);
  if (outcome.status === 'tie') {
    if (values.json === true) {
      io.stdout(`${JSON.stringify({ rule: outcome.rule, tie: true, tied: outcome.tied, selectedBefore: outcome.selectedBefore })}\n`);
    } else {
      io.stdout(`Unresolved tie (${outcome.stage}) between ${outcome.tied.join(', ')} under the chosen tie-break order.\n`);
    }
    io.stderr(`pnyx tally: tie between ${outcome.tied.join(', ')} that the tie-break order cannot break\n`);
    return 3;
  }
  io.stdout(values.json === true ? `${JSON.stringify(toJson(outcome))}\n` : table(outcome, election));
  return 0;
}

function add1Options(values: Record<string, string | boolean | undefined>): Partial<Add1Options> {
  const out: { -readonly [K in keyof Add1Options]?: Add1Options[K] } = {};
  const start = values['add1-start'];
  if (start !== undefined) {
    if (start !== 'integral' && start !== 'exact') throw new BadInput(`--add1-start must be integral or exact, not "${String(start)}"`);
    out.start = start;
  }
  const step = values['add1-step'];
  if (step !== undefined) {
    const s = String(step);
    const frac = /^(\d+)\/(\d+)$/.exec(s);
    const r = frac ? (frac[2] === '0' ? null : Rational.of(BigInt(frac[1]!), BigInt(frac[2]!))) : Rational.parse(s);
    if (r === null || r.isZero() || r.isNegative()) throw new BadInput(`--add1-step must be a positive number, not "${s}"`);
    out.step = r;
  }
  const stop = values['add1-exhaustive-stop'];
  if (stop !== undefined) {
    if (stop !== 'on' && stop !== 'off') throw new BadInput(`--add1-exhaustive-stop must be on or off, not "${String(stop)}"`);
    out.exhaustiveStop = stop === 'on';
  }
  return out;
}

/** A named order, or (extension) a comma list of criteria such as `votes-desc,cost-asc`. */
function tieBreakOrder(text: string | undefined): TieBreakOrder {
  if (text === undefined) return 'lexico';
  if (Object.hasOwn(NAMED_TIE_BREAKS, text)) return text as keyof typeof NAMED_TIE_BREAKS;
  const parts = text.split(',').map((s) => s.trim());
  if (parts.every((p) => (TIE_CRITERIA as readonly string[]).includes(p))) return parts as TieCriterion[];
  throw new BadInput(
    `unknown tie-break order "${text}" (one of ${Object.keys(NAMED_TIE_BREAKS).join(', ')}, or a list of ${TIE_CRITERIA.join(', ')})`,
  );
}

function ordinalPoints(text: string): number[] {
  const parts = text.split(',').map((s) => s.trim());
  if (parts.length === 0 || !parts.every((p) => /^\d+$/.test(p))) {
    throw new BadInput(`--ordinal-points must be non-negative integers separated by commas, not "${text}"`);
  }
  return parts.map(Number);
}

function toJson(o: TallyOutcome): Record<string, unknown> {
  return {
    rule: o.rule,
    selected: o.selected,
    spent: o.spent.toDecimal(),
    budget: o.budget.toDecimal(),
    ...(o.endowment !== undefined ? { endowment: o.endowment.toDecimal() } : {}),
    rounds: o.rounds.map((r) => ({
      project: r.project,
      decision: r.decision,
      score: r.score,
      cost: r.cost.toDecimal(),
      left: r.left.toDecimal(),
    })),
  };
}

function table(o: TallyOutcome, election: PabulibElection): string {
  const nameCol = election.projectColumns.findIndex((c) => c.toLowerCase() === 'name');
  const names = new Map(election.projects.map((p) => [p.id, nameCol >= 0 ? (p.values[nameCol] ?? '') : '']));
  const rows = o.rounds.map((r, i) => [
    String(i + 1),
    r.project,
    truncate(names.get(r.project) ?? '', 40),
    String(r.score),
    r.cost.toDecimal(2),
    r.decision,
    r.left.toDecimal(2),
  ]);
  const head = ['rank', 'project', 'name', 'score', 'cost', 'decision', 'left'];
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c]!.length)));
  const right = new Set([0, 3, 4, 6]);
  const fmt = (row: string[]): string =>
    row.map((cell, c) => (right.has(c) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ').trimEnd();
  const official = officialSelected(election);
  const matches =
    official === null ? '' : [...official].sort().join() === [...o.selected].sort().join() ? '; matches the official selection' : '; differs from the official selection';
  const lines = [fmt(head), ...rows.map(fmt)];
  lines.push(
    '',
    `${o.rule}: ${o.selected.length} projects funded, ${o.spent.toDecimal(2)} of ${o.budget.toDecimal(2)} spent` +
      (o.endowment !== undefined ? `, endowment ${o.endowment.toDecimal(2)} per voter` : '') +
      matches,
  );
  return `${lines.join('\n')}\n`;
}

function truncate(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}
