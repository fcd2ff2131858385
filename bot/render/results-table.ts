/**
 * The results table shared by `pnyx simulate` and `pnyx tally FILE`: one block per envelope
 * (rank, idea number, title, votes or points, cost, decision, envelope left) and the totals.
 * Same results in, same text out — the tests compare the two commands' tables byte for byte.
 */
import type { Campaign } from '../../core/campaign/campaign.ts';
import type { EnvelopeResult, StoredResults } from '../../core/ballots/results.ts';
import { cliText, formatMoney } from './money.ts';
import { minorUnitsFormatter, renderTallyExplanation } from '../../adapters/i18n/tally-messages.ts';
import { count, layoutTable, truncate } from './text-table.ts';

const TITLE_WIDTH = 44;

/** Figures of the totals line beyond the results themselves. */
export interface ResultsTotals {
  /** Distinct voters (a voter with a town and an area ballot counts once). */
  readonly voters: number;
}

function envelopeBlock(campaign: Campaign, results: StoredResults, e: EnvelopeResult): string[] {
  const envelope = campaign.envelopes.find((x) => x.id === e.envelopeId);
  const name = envelope === undefined ? e.envelopeId : `${cliText(campaign, envelope.name)} (${e.envelopeId})`;
  const scoreTitle = campaign.ballot.kind === 'cumulative' ? 'points' : 'votes';
  const lines = [`Results — ${name}: ${formatMoney(campaign, e.budget)}, ${count(e.ballots)} ballot${e.ballots === 1 ? '' : 's'}, ${results.method} (tie-break ${results.tieBreak})`];
  if (e.rows.length === 0) {
    lines.push('  no finalists');
  } else {
    const rows = e.rows.map((r) => [
      r.rank === null ? '-' : String(r.rank),
      `#${r.number}`,
      truncate(r.title, TITLE_WIDTH),
      count(r.score),
      formatMoney(campaign, r.cost, false),
      r.decision,
      r.funded ? formatMoney(campaign, r.left, false) : '',
    ]);
    lines.push(
      ...layoutTable(
        [
          { title: 'rank', align: 'right' },
          { title: 'idea', align: 'right' },
          { title: 'title', align: 'left' },
          { title: scoreTitle, align: 'right' },
          { title: 'cost', align: 'right' },
          { title: 'decision', align: 'left' },
          { title: 'left', align: 'right' },
        ],
        rows,
      ),
    );
  }
  lines.push(`  spent ${formatMoney(campaign, e.spent)} of ${formatMoney(campaign, e.budget)}, left ${formatMoney(campaign, e.left)}`);
  if (e.rows.length > 0) {
    // Why each idea was funded or not, for people, in the campaign's default language.
    const locale = campaign.defaultLocale;
    const money = minorUnitsFormatter(locale, campaign.currency, campaign.currencyMinorUnits);
    lines.push(`  why (${locale}):`);
    for (const r of e.rows) lines.push(`    #${r.number}  ${renderTallyExplanation(locale, r.reason, money)}`);
  }
  return lines;
}

/** The results of every envelope and the totals, as lines ending with "\n". */
export function renderResultsTable(campaign: Campaign, results: StoredResults, totals: ResultsTotals): string {
  const blocks = results.envelopes.map((e) => envelopeBlock(campaign, results, e).join('\n'));
  const spent = results.envelopes.reduce((s, e) => s + e.spent, 0);
  const budget = results.envelopes.reduce((s, e) => s + e.budget, 0);
  const ballots = results.envelopes.reduce((s, e) => s + e.ballots, 0);
  const total = [
    'Totals',
    `  spent   ${formatMoney(campaign, spent)} of ${formatMoney(campaign, budget)}`,
    `  left    ${formatMoney(campaign, budget - spent)}`,
    `  ballots ${count(ballots)}${results.envelopes.length > 1 ? ' (one per envelope voted in)' : ''}`,
    `  voters  ${count(totals.voters)}`,
  ].join('\n');
  return `${[...blocks, total].join('\n\n')}\n`;
}
