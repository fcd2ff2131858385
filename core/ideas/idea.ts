import type { Locale, Money } from '../campaign/campaign.ts';

/**
 * Idea lifecycle states (SPEC §2.2). An idea is stored once submitted: the Telegram wizard
 * keeps a draft in its chat state, so there is no `draft` idea.
 */
export const IDEA_STATES = [
  'submitted',
  'changes_requested',
  'resubmitted',
  'eligible',
  'rejected',
  'merged',
  'withdrawn',
  'finalist',
  'winner',
  'not_funded',
] as const;
export type IdeaState = (typeof IDEA_STATES)[number];

/** States waiting for a committee decision (the moderation backlog). */
export const AWAITING_REVIEW: readonly IdeaState[] = ['submitted', 'resubmitted'];
/** States of an idea that can absorb a duplicate (`merged` into it). */
export const MERGE_TARGET_STATES: readonly IdeaState[] = ['submitted', 'resubmitted', 'eligible', 'changes_requested'];
/** States in which residents may support an idea. */
export const SUPPORTABLE: readonly IdeaState[] = ['submitted', 'resubmitted', 'changes_requested', 'eligible'];

/** Text limits (SPEC §2.2), in Unicode code points. */
export const TITLE_MAX = 80;
export const TITLE_MIN = 5;
export const DESCRIPTION_MAX = 1000;
export const DESCRIPTION_MIN = 20;

export interface IdeaContent {
  readonly title: string;
  readonly description: string;
  readonly category: string;
  /** Area id; null = the whole town. */
  readonly area: string | null;
  /** Estimated cost in minor units; null = "don't know" (staff will estimate). */
  readonly cost: Money | null;
  /** Telegram file id of the photo, if any. */
  readonly photo: string | null;
  readonly location: { readonly lat: number; readonly lon: number } | null;
}

/** One entry of an idea's revision history. */
export interface IdeaRevision {
  readonly at: number;
  /**
   * Actor ref: `resident:p_…` / `ambassador:p_…` (keyed pseudonyms, core/engine/actor-refs.ts),
   * `staff:U1`; `resident:erased` once the author erased their data.
   */
  readonly by: string;
  readonly reason: 'created' | 'edited' | 'rewrite_accepted' | 'cost_estimated' | 'resubmitted';
  readonly content: IdeaContent;
}

/** A rewrite proposed by staff, waiting for the author's answer. */
export interface RewriteProposal {
  readonly title: string;
  readonly description: string;
  readonly proposedBy: string;
  readonly at: number;
  readonly comment: string | null;
}

/** The committee's last decision on the idea. */
export interface Decision {
  readonly outcome: 'eligible' | 'changes_requested' | 'rejected' | 'merged';
  readonly by: string;
  readonly at: number;
  /** Review criterion id for a rejection. */
  readonly criterion: string | null;
  readonly comment: string | null;
}

export interface Idea extends IdeaContent {
  readonly id: string;
  /** Short public number, for deep links and cards ("#12"). */
  readonly number: number;
  readonly state: IdeaState;
  /** Author resident id; null once the author erased their data. */
  readonly authorId: string | null;
  readonly authorLocale: Locale;
  /**
   * Ambassador who submitted on the author's behalf, as their pseudonymous ref
   * (`ambassador:p_…`), never their resident id: the idea outlives the ambassador's erasure.
   */
  readonly assistedBy: string | null;
  /** Cost estimated by staff when the author did not know. */
  readonly costEstimatedByStaff: boolean;
  readonly decision: Decision | null;
  readonly mergedInto: string | null;
  readonly rewrite: RewriteProposal | null;
  readonly revisions: readonly IdeaRevision[];
  readonly createdAt: number;
  readonly submittedAt: number | null;
  readonly updatedAt: number;
  /** Optimistic-concurrency version, bumped by every save (starts at 1). */
  readonly version: number;
}
