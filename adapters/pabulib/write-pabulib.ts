/**
 * Writes a `PabulibElection` back to `.pb` text (no BOM, `\n` line ends). The reader reads it
 * back to the same election; fields are quoted only when they must be.
 */
import { csvLine } from './csv.ts';
import type { PabulibElection } from './pabulib-file.ts';

/** The `.pb` text of an election. */
export function writePabulib(election: PabulibElection): string {
  const lines: string[] = ['META', 'key;value'];
  for (const [k, v] of election.meta) lines.push(csvLine([k, v]));
  lines.push('PROJECTS', csvLine(election.projectColumns));
  for (const p of election.projects) lines.push(csvLine(p.values));
  lines.push('VOTES', csvLine(election.voteColumns));
  for (const v of election.votes) lines.push(csvLine(v.values));
  return `${lines.join('\n')}\n`;
}
