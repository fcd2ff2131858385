/**
 * From a Pabulib election to the core tally: the instance, the rule its META names, and the
 * official outcome (`selected` column).
 */
import type { TallyInstance, TallyRule } from '../../core/tally/index.ts';
import type { PabulibElection } from './pabulib-file.ts';

/** The election as a `TallyInstance` (ballots one per voter; the core groups identical ones). */
export function toTallyInstance(election: PabulibElection): TallyInstance {
  const nameCol = election.projectColumns.findIndex((c) => c.toLowerCase() === 'name');
  const maxLength = election.meta.get('max_length');
  const defaultScore = election.meta.get('default_score');
  return {
    budget: election.budget,
    voteType: election.voteType,
    projects: election.projects.map((p) => ({
      id: p.id,
      cost: p.cost,
      ...(nameCol >= 0 && p.values[nameCol] ? { name: p.values[nameCol] } : {}),
    })),
    ballots: election.votes.map((v) => (v.points ? { projects: v.projects, points: v.points } : { projects: v.projects })),
    ...(maxLength !== undefined && /^\d+$/.test(maxLength) ? { maxRankLength: Number(maxLength) } : {}),
    ...(defaultScore !== undefined && /^\d+$/.test(defaultScore) ? { defaultScore: Number(defaultScore) } : {}),
  };
}

/** Rule names accepted by `ruleFromName` (Pabulib META `rule` values and CLI `--rule`). */
export const RULE_NAMES = [
  'greedy',
  'greedy-no-skip',
  'greedy-threshold',
  'equalshares',
  'equalshares/add1',
  'equalshares-comparison',
  'equalshares/add1-comparison',
  'equalshares/utilitarian',
  'equalshares/add1u',
] as const;

/**
 * The tally rule for a rule name, taking the threshold from META `min_project_score_threshold`.
 * Returns null for names the core cannot run (`unknown`, `greedy-custom`, `greedy-exclusive`, …).
 */
export function ruleFromName(name: string, election: PabulibElection): TallyRule | null {
  switch (name) {
    case 'greedy':
      return { kind: 'greedy', variant: 'skip' };
    case 'greedy-no-skip':
      return { kind: 'greedy', variant: 'no-skip' };
    case 'greedy-threshold': {
      const t = election.meta.get('min_project_score_threshold');
      return { kind: 'greedy', variant: 'skip', ...(t !== undefined && t !== '' ? { threshold: t.replace(',', '.') } : {}) };
    }
    case 'equalshares':
      return { kind: 'mes', completion: 'none' };
    case 'equalshares-comparison':
      return { kind: 'mes', completion: 'none', comparison: true };
    case 'equalshares/add1':
      return { kind: 'mes', completion: 'add1' };
    case 'equalshares/add1-comparison':
      return { kind: 'mes', completion: 'add1', comparison: true };
    case 'equalshares/utilitarian':
      return { kind: 'mes', completion: 'utilitarian' };
    case 'equalshares/add1u':
      return { kind: 'mes', completion: 'add1u' };
    default:
      return null;
  }
}

/** The official winners: projects whose `selected` column is 1 (null when there is no such column). */
export function officialSelected(election: PabulibElection): string[] | null {
  const col = election.projectColumns.findIndex((c) => c.toLowerCase() === 'selected');
  if (col < 0) return null;
  return election.projects.filter((p) => p.values[col] === '1').map((p) => p.id);
}
