/**
 * `pnyx audit FILE [--data-dir DIR] [--json]`: prints the campaign's audit log (seq, time in
 * the campaign's time zone, actor, action, subject, data) and verifies its hash chain.
 * Exit codes: 0 chain verified, 1 chain broken (or no store / secret mismatch), 2 bad input.
 */
import type { AuditEntry } from '../../core/ports/audit-log.ts';
import { canonicalJson, verifyChain } from '../../core/audit/audit-chain.ts';
import { formatLocal } from '../../config/index.ts';
import { describeLocation } from '../compose.ts';
import type { Campaign } from '../../core/campaign/campaign.ts';
import { formatMoney } from '../render/money.ts';
import type { CliCommand } from './command.ts';
import { openStoredCampaign } from './stored-campaign.ts';

const USAGE = 'Usage: pnyx audit FILE [--data-dir DIR] [--json]\n';
const PAGE = 1000;

/** What each kind of break means, for the operator. */
const PROBLEMS: Readonly<Record<string, string>> = {
  hash_mismatch: 'hash_mismatch: the entry was changed after it was written',
  prev_mismatch: 'prev_mismatch: the entry does not follow the one before it (removed, inserted or reordered entries)',
  seq_gap: 'seq_gap: entries are missing',
};

/** The `audit` command. */
export const auditCommand: CliCommand = async (args, io) => {
  const opened = await openStoredCampaign<{ 'data-dir'?: string; json?: boolean; help?: boolean }>('audit', USAGE, args, io, { json: { type: 'boolean' } });
  if (!opened.ok) return opened.exitCode;
  const { values, campaign, composed } = opened;
  const entries: AuditEntry[] = [];
  try {
    for (let after = 0; ; ) {
      const page = await composed.stores.audit.list(after, PAGE);
      entries.push(...page);
      if (page.length < PAGE) break;
      after = page[page.length - 1]?.seq ?? after;
    }
  } finally {
    await composed.close();
  }
  const broken = verifyChain(entries);
  if (values.json === true) {
    io.stdout(`${JSON.stringify({ campaign: campaign.id, entries, verified: broken === null, break: broken })}\n`);
  } else {
    io.stdout(`Audit log of ${campaign.id} from ${describeLocation(io.cwd, composed.location)}; times in ${campaign.timeZone}\n`);
    const seqWidth = String(entries.length).length;
    for (const e of entries) {
      const flag = e.assisted ? ' [assisted]' : '';
      io.stdout(`${String(e.seq).padStart(seqWidth)}  ${formatLocal(e.at, campaign.timeZone)}  ${e.actor}  ${e.action}  ${e.subject}${flag}  ${canonicalJson(e.data)}\n`);
    }
    const count = [...entries].reverse().find((e) => e.action === 'tally.computed');
    if (count !== undefined) io.stdout(`\n${countSummary(campaign, count)}`);
  }
  if (broken === null) {
    if (values.json !== true) io.stdout(`\nchain verified: ${entries.length} entries\n`);
    return 0;
  }
  const message = `chain BROKEN at seq ${broken.seq} (${PROBLEMS[broken.problem] ?? broken.problem}); entries before seq ${broken.seq} are intact\n`;
  if (values.json !== true) io.stdout(`\n${message}`);
  io.stderr(`pnyx audit: ${message}`);
  return 1;
};

/** The last recorded count, one line per envelope: what `pnyx tally` must agree with. */
function countSummary(campaign: Campaign, e: AuditEntry): string {
  const envelopes = Array.isArray(e.data.envelopes) ? (e.data.envelopes as Array<{ id?: unknown; ballots?: unknown; spent?: unknown; funded?: unknown }>) : [];
  const lines = [`Count recorded at seq ${e.seq} (${formatLocal(e.at, campaign.timeZone)}, ${String(e.data.method)}):`];
  for (const env of envelopes) {
    const funded = Array.isArray(env.funded) ? env.funded.map((n) => `#${String(n)}`).join(' ') : '';
    lines.push(`  ${String(env.id)}: ${String(env.ballots)} ballots, spent ${formatMoney(campaign, Number(env.spent))}, funded ${funded === '' ? 'none' : funded}`);
  }
  return `${lines.join('\n')}\n`;
}
