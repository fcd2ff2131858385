/**
 * `pnyx check-config [FILE]`: validates a campaign file and lists every problem at once
 * (`FILE:LINE path: expected …`), or prints a short summary of the campaign.
 * Exit codes: 0 valid, 1 invalid, 2 no file given or file unreadable.
 */
import path from 'node:path';
import type { Campaign } from '../../core/campaign/campaign.ts';
import { WINDOWED_PHASES } from '../../core/campaign/campaign.ts';
import { CampaignFileUnreadableError, formatConfigIssues, formatLocal, loadCampaignFile } from '../../config/index.ts';
import type { LoadResult } from '../../config/index.ts';
import type { CliCommand } from './command.ts';

const USAGE = 'Usage: pnyx check-config FILE   (or set PNYX_CONFIG)\n';

/** Validates the campaign file named by the first argument, or by PNYX_CONFIG. */
export const checkConfigCommand: CliCommand = async (args, io) => {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(USAGE);
    return 0;
  }
  const file = args[0] ?? io.env.PNYX_CONFIG;
  if (file === undefined || file === '' || args.length > 1) {
    io.stderr(`pnyx check-config: ${args.length > 1 ? 'expected one file' : 'no campaign file given'}\n${USAGE}`);
    return 2;
  }
  let result: LoadResult;
  try {
    result = await loadCampaignFile(path.resolve(io.cwd, file));
  } catch (e) {
    if (!(e instanceof CampaignFileUnreadableError)) throw e;
    io.stderr(`pnyx check-config: cannot read ${file}: ${e.reason}\n`);
    return 2;
  }
  if (!result.ok) {
    const n = result.errors.length;
    io.stderr(`${formatConfigIssues(result.errors, file)}\n${n} error${n === 1 ? '' : 's'} in ${file}\n`);
    return 1;
  }
  io.stdout(summary(result.campaign, file));
  return 0;
};

function summary(c: Campaign, file: string): string {
  const lines = [`${file}: valid campaign "${c.id}" — ${c.name[c.defaultLocale] ?? ''}`];
  lines.push(`  locales    ${c.locales.map((l) => (l === c.defaultLocale ? `${l} (default)` : l)).join(', ')}`);
  lines.push(`  time zone  ${c.timeZone}`);
  lines.push('  phases     local time, [start, end) — the end is exclusive');
  for (const name of WINDOWED_PHASES) {
    const w = c.phases[name];
    let end = '(no end)';
    if (w.end !== null) {
      end = formatLocal(w.end, c.timeZone);
      // An exclusive midnight end reads better as the last open day.
      if (end.endsWith(' 00:00')) end += `  (last day ${formatLocal(w.end - 1, c.timeZone).slice(0, 10)})`;
    }
    lines.push(`    ${name.padEnd(11)}${formatLocal(w.start, c.timeZone)} → ${end}`);
  }
  const decimals = Math.round(Math.log10(c.currencyMinorUnits));
  const number = new Intl.NumberFormat('en', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  lines.push('  envelopes');
  for (const e of c.envelopes) {
    const where = e.area === null ? 'town-wide' : `area ${e.area}`;
    lines.push(`    ${e.id.padEnd(11)}${number.format(e.amount / c.currencyMinorUnits)} ${c.currency}  (${where})`);
  }
  lines.push(`  ballot     ${c.ballot.kind}; tally ${c.tally.method}`);
  return `${lines.join('\n')}\n`;
}
