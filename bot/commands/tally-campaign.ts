/**
 * `pnyx tally FILE [--data-dir DIR] [--json]`: counts the stored campaign again with
 * `engine.computeResults()` (nothing is written) and prints the same results table as
 * `pnyx simulate`, then says whether it agrees with the results stored at the count.
 * Exit codes: 0 counted (and equal to the stored results, when there are any), 1 no store,
 * a secret mismatch or a disagreement with the stored results, 2 bad input, 3 an unbreakable tie.
 */
import { canonicalJson } from '../../core/audit/audit-chain.ts';
import type { StoredResults } from '../../core/ballots/results.ts';
import { formatLocal } from '../../config/index.ts';
import { describeLocation } from '../compose.ts';
import { cliText } from '../render/money.ts';
import { renderResultsTable } from '../render/results-table.ts';
import type { CliIo } from './command.ts';
import { openStoredCampaign } from './stored-campaign.ts';

const USAGE = 'Usage: pnyx tally FILE [--data-dir DIR] [--json]   (FILE: the campaign YAML)\n';

/** What a count and the stored count must agree on (everything but when it was computed). */
function comparable(r: StoredResults): string {
  return canonicalJson({ ...r, computedAt: 0 });
}

/** Counts the campaign stored for `FILE` and prints the results table. */
export async function tallyCampaign(args: readonly string[], io: CliIo): Promise<number> {
  const opened = await openStoredCampaign<{ 'data-dir'?: string; json?: boolean; help?: boolean }>('tally', USAGE, args, io, { json: { type: 'boolean' } });
  if (!opened.ok) return opened.exitCode;
  const { values, campaign, composed } = opened;
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
