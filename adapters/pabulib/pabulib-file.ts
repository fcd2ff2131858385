/**
 * A Pabulib `.pb` election in memory (PB-RULES §1): META, PROJECTS and VOTES, with every
 * column kept so that writing it back gives the same election.
 */
import type { Rational, VoteType } from '../../core/tally/index.ts';

/** The three sections, in file order. */
export type PabulibSection = 'META' | 'PROJECTS' | 'VOTES';

/** One project row. `values` is parallel to `PabulibElection.projectColumns`. */
export interface PabulibProject {
  readonly id: string;
  /** Exact cost (decimal commas accepted on input). */
  readonly cost: Rational;
  readonly values: readonly string[];
}

/** One vote row. `values` is parallel to `PabulibElection.voteColumns`. */
export interface PabulibVote {
  readonly voterId: string;
  /** Listed project ids, in file order (ordinal: most preferred first). */
  readonly projects: readonly string[];
  /** Points per listed project (cumulative, scoring). */
  readonly points?: readonly number[];
  readonly values: readonly string[];
}

/** A whole election. */
export interface PabulibElection {
  /** META keys and values, in file order. */
  readonly meta: ReadonlyMap<string, string>;
  readonly budget: Rational;
  readonly voteType: VoteType;
  readonly projectColumns: readonly string[];
  readonly projects: readonly PabulibProject[];
  readonly voteColumns: readonly string[];
  readonly votes: readonly PabulibVote[];
}

/** A malformed file: which section, which line, what is wrong. Nothing was imported. */
export class PabulibFormatError extends Error {
  readonly section: PabulibSection | 'file';
  readonly line: number;
  readonly problem: string;
  constructor(section: PabulibSection | 'file', line: number, problem: string) {
    super(`${section === 'file' ? 'file' : `section ${section}`}, line ${line}: ${problem}`);
    this.name = 'PabulibFormatError';
    this.section = section;
    this.line = line;
    this.problem = problem;
  }
}

/** Pabulib `vote_type` values. */
export const VOTE_TYPES: readonly VoteType[] = ['approval', 'choose-1', 'cumulative', 'scoring', 'ordinal'];
