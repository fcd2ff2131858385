/**
 * `pnyx export FILE [--data-dir DIR] [--out DIR]`: writes the campaign's public data —
 * `ideas.csv`, `results.csv`, `ballots.csv` (the anonymised ballot list: receipt code,
 * envelope, choices as idea numbers, version), `participation.json` (the digest figures) and
 * `export.json` (all of it). Nothing links to a person: no resident ids, names, Telegram ids,
 * author or ambassador ids, voter keys or cast times. Default output: `exports/<campaignId>/`.
 * Exit codes: 0 written, 1 no store or secret mismatch, 2 bad input.
 */
import { electionFromCampaign, writePabulib } from '../../adapters/pabulib/index.ts';
import { envelopeForIdea } from '../../core/ballots/ballot-rules.ts';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Campaign } from '../../core/campaign/campaign.ts';
import type { StoredResults } from '../../core/ballots/results.ts';
import type { Idea } from '../../core/ideas/idea.ts';
import type { Stores } from '../../core/ports/stores.ts';
import type { CampaignEngine } from '../../core/engine/campaign-engine.ts';
import { displayPath } from '../compose.ts';
import { csvDocument } from '../render/csv.ts';
import type { CliCommand } from './command.ts';
import { openStoredCampaign } from './stored-campaign.ts';

const USAGE = 'Usage: pnyx export FILE [--data-dir DIR] [--out DIR]\n';

/** A published idea: its public card, no author. */
export interface PublicIdea {
  readonly number: number;
  readonly title: string;
  readonly description: string;
  readonly category: string;
  readonly area: string | null;
  /** Major units as a decimal string; null when unknown. */
  readonly cost: string | null;
  readonly costEstimatedByStaff: boolean;
  readonly state: string;
  readonly supports: number;
  readonly decision: string | null;
  readonly rejectionCriterion: string | null;
  readonly mergedInto: number | null;
  readonly assisted: boolean;
  readonly submittedAt: string | null;
}

/** A published ballot: what a voter can find with their receipt code. */
export interface PublicBallot {
  readonly receipt: string;
  readonly envelope: string;
  /** Idea numbers (`12`), with points for cumulative ballots (`12:3`). */
  readonly choices: readonly string[];
  readonly version: number;
}

function major(campaign: Campaign, minor: number): string {
  const decimals = Math.round(Math.log10(campaign.currencyMinorUnits));
  return (minor / campaign.currencyMinorUnits).toFixed(decimals);
}

async function publicIdeas(campaign: Campaign, stores: Stores, ideas: readonly Idea[]): Promise<PublicIdea[]> {
  const numbers = new Map(ideas.map((i) => [i.id, i.number]));
  const out: PublicIdea[] = [];
  for (const i of ideas) {
    out.push({
      number: i.number,
      title: i.title,
      description: i.description,
      category: i.category,
      area: i.area,
      cost: i.cost === null ? null : major(campaign, i.cost),
      costEstimatedByStaff: i.costEstimatedByStaff,
      state: i.state,
      supports: await stores.ideas.supportCount(i.id),
      decision: i.decision?.outcome ?? null,
      rejectionCriterion: i.decision?.criterion ?? null,
      mergedInto: i.mergedInto === null ? null : (numbers.get(i.mergedInto) ?? null),
      assisted: i.assistedBy !== null,
      submittedAt: i.submittedAt === null ? null : new Date(i.submittedAt).toISOString(),
    });
  }
  return out;
}

async function publicBallots(campaign: Campaign, stores: Stores, ideas: readonly Idea[]): Promise<PublicBallot[]> {
  const numbers = new Map(ideas.map((i) => [i.id, i.number]));
  const cumulative = campaign.ballot.kind === 'cumulative';
  const out: PublicBallot[] = [];
  for (const envelope of campaign.envelopes) {
    for (const b of await stores.ballots.list(envelope.id)) {
      const choices = b.choices
        .map((c) => ({ n: numbers.get(c.ideaId) ?? 0, points: c.points }))
        .sort((x, y) => x.n - y.n)
        .map((c) => (cumulative ? `${c.n}:${c.points}` : String(c.n)));
      out.push({ receipt: b.receipt, envelope: b.envelopeId, choices, version: b.version });
    }
  }
  // Ordered by receipt code: the store's order (by voter key) must not leak into the list.
  return out.sort((a, b) => (a.receipt < b.receipt ? -1 : a.receipt > b.receipt ? 1 : 0));
}

function resultRows(campaign: Campaign, results: StoredResults) {
  return results.envelopes.flatMap((e) =>
    e.rows.map((r) => [e.envelopeId, r.rank, r.number, r.title, r.score, r.voters, major(campaign, r.cost), r.funded, r.decision, r.funded ? major(campaign, r.left) : null, campaign.currency]),
  );
}

/** The export's files, by name: what `pnyx export` writes and `/pnyx export` uploads to Slack. */
export async function exportFiles(campaign: Campaign, stores: Stores, engine: CampaignEngine): Promise<{ readonly files: ReadonlyArray<readonly [string, string]>; readonly ideas: number; readonly ballots: number; readonly resultsSource: string }> {
  const pabulib: Array<[string, string]> = [];
  const ideas = await stores.ideas.list();
  const stored = await stores.campaign.loadResults();
  let results: StoredResults | null = stored;
  if (results === null) {
    const computed = await engine.computeResults();
    results = computed.ok ? computed.value : null;
  }
  const data = {
    campaign: { id: campaign.id, name: campaign.name, currency: campaign.currency, envelopes: campaign.envelopes.map((e) => ({ id: e.id, name: e.name, area: e.area, amount: major(campaign, e.amount) })) },
    resultsSource: stored !== null ? 'stored' : results !== null ? 'recount (not yet tallied)' : 'none',
    results,
    ideas: await publicIdeas(campaign, stores, ideas),
    ballots: await publicBallots(campaign, stores, ideas),
    participation: await engine.digestFigures(),
  };
  // One Pabulib election per envelope: finalists as projects, voters numbered 1..n.
  const finalists = ideas.filter((i) => i.state === 'finalist' || i.state === 'winner' || i.state === 'not_funded');
  for (const envelope of campaign.envelopes) {
    const own = finalists.filter((i) => envelopeForIdea(campaign, i.area)?.id === envelope.id);
    const ballots = await stores.ballots.list(envelope.id);
    const result = results?.envelopes.find((e) => e.envelopeId === envelope.id) ?? null;
    pabulib.push([`pabulib-${envelope.id}.pb`, writePabulib(electionFromCampaign(campaign, envelope, own, ballots, result))]);
  }
  const ideaHeader = ['number', 'title', 'description', 'category', 'area', 'cost', 'cost_estimated_by_staff', 'state', 'supports', 'decision', 'rejection_criterion', 'merged_into', 'assisted', 'submitted_at'];
  const files: Array<[string, string]> = [
    ['ideas.csv', csvDocument(ideaHeader, data.ideas.map((i) => [i.number, i.title, i.description, i.category, i.area, i.cost, i.costEstimatedByStaff, i.state, i.supports, i.decision, i.rejectionCriterion, i.mergedInto, i.assisted, i.submittedAt]))],
    ['results.csv', csvDocument(['envelope', 'rank', 'number', 'title', 'score', 'voters', 'cost', 'funded', 'decision', 'left', 'currency'], data.results === null ? [] : resultRows(campaign, data.results))],
    ['ballots.csv', csvDocument(['receipt', 'envelope', 'choices', 'version'], data.ballots.map((b) => [b.receipt, b.envelope, b.choices.join(' '), b.version]))],
    ['participation.json', `${JSON.stringify(data.participation, null, 2)}\n`],
    ['export.json', `${JSON.stringify(data, null, 2)}\n`],
    ...pabulib,
  ];
  return { files, ideas: data.ideas.length, ballots: data.ballots.length, resultsSource: data.resultsSource };
}

/** The `export` command. */
export const exportCommand: CliCommand = async (args, io) => {
  const opened = await openStoredCampaign<{ 'data-dir'?: string; out?: string; help?: boolean }>('export', USAGE, args, io, { out: { type: 'string' } });
  if (!opened.ok) return opened.exitCode;
  const { values, campaign, composed } = opened;
  let exported;
  try {
    exported = await exportFiles(campaign, composed.stores, composed.engine);
  } finally {
    await composed.close();
  }
  const out = path.resolve(io.cwd, values.out ?? path.join('exports', campaign.id));
  await mkdir(out, { recursive: true });
  for (const [name, text] of exported.files) await writeFile(path.join(out, name), text, 'utf8');
  io.stdout(
    `Exported ${campaign.id} to ${displayPath(io.cwd, out)}/: ${exported.files.map(([n]) => n).join(', ')}\n` +
      `  ${exported.ideas} ideas, ${exported.ballots} ballots (anonymised: receipt, envelope, choices, version), results: ${exported.resultsSource}\n`,
  );
  return 0;
};
