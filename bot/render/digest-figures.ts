/** The mayor's digest figures (SPEC §2.5) as plain text for the CLI. */
import type { Campaign } from '../../core/campaign/campaign.ts';
import type { ParticipationFigures } from '../../core/figures/participation-figures.ts';
import { IDEA_STATES } from '../../core/ideas/idea.ts';
import { formatLocal } from '../../config/index.ts';
import { count } from './text-table.ts';

function list(entries: ReadonlyArray<readonly [string, number]>): string {
  const shown = entries.filter(([, n]) => n > 0);
  return shown.length === 0 ? 'none' : shown.map(([k, n]) => `${k} ${count(n)}`).join(' · ');
}

function percent(n: number): string {
  return `${n.toFixed(1)} %`;
}

/** The digest figures, one labelled line each, ending with "\n". */
export function renderDigestFigures(campaign: Campaign, f: ParticipationFigures): string {
  const days = Math.floor(f.oldestWaitMs / 86_400_000);
  const lines = [
    `Digest — the mayor's figures at ${formatLocal(f.at, campaign.timeZone)} (${campaign.timeZone})`,
    `  registered       ${count(f.registered)} (${percent(f.registeredPercent)} of ${count(f.population)} inhabitants), ${count(f.assistedRegistrations)} with an ambassador's help`,
    `  this week        ${count(f.newRegistrations.thisWeek)} new registrations (last week ${count(f.newRegistrations.lastWeek)})`,
    `  by age band      ${list(campaign.ageBands.map((b) => [b.id, f.byAgeBand[b.id] ?? 0] as const))}`,
    `  by area          ${list(campaign.areas.map((a) => [a.id, f.byArea[a.id] ?? 0] as const))}`,
    `  ideas by state   ${list(IDEA_STATES.map((s) => [s, f.ideasByState[s] ?? 0] as const))}`,
    `  ideas by theme   ${list(campaign.categories.map((c) => [c.id, f.ideasByCategory[c.id] ?? 0] as const))}`,
    `  assisted ideas   ${count(f.assistedIdeas)}`,
    `  backlog          ${count(f.backlog)} awaiting review${f.backlog > 0 ? ` (oldest waiting ${days} d)` : ''}`,
    `  ballots          ${list(campaign.envelopes.map((e) => [e.id, f.ballotsByEnvelope[e.id] ?? 0] as const))}`,
    `  assisted ballots ${count(f.assistedBallots)}`,
    `  voters           ${count(f.voters)}`,
    `  turnout          ${percent(f.turnoutPercent)} (${count(f.voters)} voters / ${count(f.registered)} registered)`,
    `  phase            ${f.phase ?? 'between phases'}${f.nextMilestone === null ? '' : `; next: ${f.nextMilestone.phase} on ${formatLocal(f.nextMilestone.at, campaign.timeZone)}`}`,
  ];
  return `${lines.join('\n')}\n`;
}
