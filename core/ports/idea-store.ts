import type { Idea, IdeaState } from '../ideas/idea.ts';
import type { SaveOutcome } from './campaign-store.ts';
import type { SideRecords } from './side-records.ts';

/** Filter for listing ideas; every given field must match. */
export interface IdeaFilter {
  readonly states?: readonly IdeaState[];
  readonly authorId?: string;
}

/** Result of a support request. */
export type SupportOutcome = 'added' | 'already' | 'removed' | 'absent' | 'not_supportable' | 'not_found';

/** Ideas and their supports. Supports are stored under a keyed hash of the resident id. */
export interface IdeaStore {
  get(id: string): Promise<Idea | null>;
  /** Ideas matching `filter`, ordered by `number`. */
  list(filter?: IdeaFilter): Promise<readonly Idea[]>;
  /** Ideas per state (absent states count 0). */
  countByState(): Promise<Readonly<Partial<Record<IdeaState, number>>>>;
  /** The next public idea number (1, 2, …); never returns the same number twice. */
  nextNumber(): Promise<number>;
  /**
   * Saves `idea` if the stored version is `expectedVersion` (null: must not exist); the saved
   * version is `expectedVersion + 1` (or 1). Atomic with `side`. Two moderators deciding one
   * idea at once: both read version v, the first save wins, the second gets `conflict`.
   */
  save(idea: Idea, expectedVersion: number | null, side: SideRecords): Promise<SaveOutcome>;
  /**
   * Adds a support by `supporterKey`, only while the idea's state is in `allowed` — checked
   * in the same atomic step, so a support racing a merge or a decision never lands on an idea
   * that left those states. Idempotent: `already` when present.
   */
  addSupport(ideaId: string, supporterKey: string, at: number, allowed: readonly IdeaState[]): Promise<SupportOutcome>;
  /** Removes a support (idempotent: `absent`). Allowed in the same states as adding. */
  removeSupport(ideaId: string, supporterKey: string, allowed: readonly IdeaState[]): Promise<SupportOutcome>;
  /** Number of distinct supporters. */
  supportCount(ideaId: string): Promise<number>;
  hasSupport(ideaId: string, supporterKey: string): Promise<boolean>;
  /**
   * Merges: saves `from` (now `merged`) and `into` with their expected versions and moves the
   * supports of `from` onto `into` — a supporter of both counts once. All or nothing, with
   * `side`; `conflict` if either version moved.
   */
  merge(from: Idea, fromExpected: number, into: Idea, intoExpected: number, side: SideRecords): Promise<SaveOutcome>;
}
