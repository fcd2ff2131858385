/**
 * `pnyx tally FILE [--data-dir DIR] [--json]`: counts the stored campaign again with
 * `engine.computeResults()` (nothing is written) and prints the same results table as
 * `pnyx simulate`, then says whether it agrees with the results stored at the count.
 * Exit codes: 0 counted (and equal to the stored results, when there are any), 1 no store,
 * a secret mismatch or a disagreement with the stored results, 2 bad input, 3 an unbreakable tie.
 */
import { parseArgs } from 'node:util';
import { canonicalJson } from '../../core/audit/audit-chain.ts';
import type { StoredResults } from '../../core/ballots/results.ts';
import { formatLocal } from '../../config/index.ts';
import { composeCampaign, describeLocation, loadForCommand } from '../compose.ts';
import { cliText } from '../render/money.ts';
import { renderResultsTable } from '../render/results-table.ts';
import type { CliIo } from './command.ts';

const USAGE = 'Usage: pnyx tally FILE [--data-dir DIR] [--json]   (FILE: the campaign YAML)\n';

/** What a count and the stored count must agree on (everything but when it was computed). */
function comparable(r: StoredResults): string {
  return canonicalJson({ ...r, computedAt: 0 });
}

/** Counts the campaign stored for `FILE` and prints the results table. */
export async function tallyCampaign(args: readonly string[], io: CliIo): Promise<number> {
  let values: { 'data-dir'?: string; json?: boolean; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: [...args], allowPositionals: true, strict: true, options: { 'data-dir': { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (e) {
    io.stderr(`pnyx tally: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help === true) {
    io.stdout(USAGE);
    return 0;
  }
  const file = positionals[0] ?? io.env.PNYX_CONFIG;
  if (file === undefined || file === '' || positionals.length > 1) {
    io.stderr(`pnyx tally: ${positionals.length > 1 ? 'expected one campaign file' : 'no campaign file given'}\n${USAGE}`);
    return 2;
  }
  const loaded = await loadForCommand('tally', file, io);
  if (!loaded.ok) return loaded.exitCode;
  const { campaign, env } = loaded;
  const composed = await composeCampaign(campaign, env, { purpose: 'inspect', cwd: io.cwd, dataDir: values['data-dir'] });
  if (!composed.ok) {
    io.stderr(`pnyx tally: ${composed.message}\n`);
    return composed.exitCode;
  }
  try {
    const computed = await composed.engine.computeResults();
    if (!computed.ok) {
      if (computed.code === 'tally.tie') {
        io.stderr(`pnyx tally: envelope ${String(computed.params.envelope)} ends in a tie the configured order cannot break: ${String(computed.params.tied)}\n`);
        return 3;
      }
      io.stderr(`pnyx tally: the count was refused (${computed.code})\n`);
      return 1;
    }
    const stored = await composed.stores.campaign.loadResults();
    const voters = await composed.stores.ballots.countVoters();
    const agrees = stored === null ? null : comparable(stored) === comparable(computed.value);
    if (values.json === true) {
      io.stdout(`${JSON.stringify({ campaign: campaign.id, results: { ...computed.value, computedAt: undefined }, voters, storedResultsAgree: agrees })}\n`);
    } else {
      io.stdout(`Count of ${cliText(campaign, campaign.name)} (${campaign.id}) from ${describeLocation(io.cwd, composed.location)}\n\n`);
      io.stdout(renderResultsTable(campaign, computed.value, { voters }));
      io.stdout(
        stored === null
          ? '\nNo results stored yet (the count runs in the tallying phase); this recount changed nothing.\n'
          : `\nStored results of ${formatLocal(stored.computedAt, campaign.timeZone)}: ${agrees === true ? 'identical to this recount' : 'DIFFERENT from this recount'}.\n`,
      );
    }
    if (agrees === false) {
      io.stderr('pnyx tally: the recount differs from the stored results\n');
      return 1;
    }
    return 0;
  } finally {
    await composed.close();
  }
}
