/**
 * The ballot builder's state, per slot (`area`, `town`), kept in the chat's session (the
 * chat-state port) so that a restarted process, or another instance, continues a half-filled
 * ballot where the resident left it. Small on purpose: the selection by idea id, the view,
 * the page and a generation number. It is read back through zod: a damaged or older value
 * becomes "no builder" (the resident opens the vote again), never a crash.
 */
import { z } from 'zod';
import type { BallotSlot } from '../../core/ballots/ballot.ts';

/** Most ideas one builder can hold (a bound on what a forged or damaged value can make us read). */
export const BUILDER_MAX_PICKS = 200;

/** What the builder message shows. */
export const BUILDER_VIEWS = ['build', 'card', 'confirm', 'done'] as const;
export type BuilderView = (typeof BUILDER_VIEWS)[number];

const builderStateSchema = z.object({
  /**
   * Generation of the builder message: bumped each time a new builder message is sent and
   * after each cast, and carried by every button, so a press on an older message (or a second
   * press on a cast button already used) is recognised as stale.
   */
  gen: z.number().int().nonnegative().max(1e9),
  /** The envelope this builder is for (a resident who moved area gets a fresh builder). */
  envelopeId: z.string().min(1).max(64),
  view: z.enum(BUILDER_VIEWS),
  /** Page of the list (0-based). */
  page: z.number().int().nonnegative().max(1000),
  /** Index in the resident's order of the idea whose card is shown (view `card`). */
  card: z.number().int().nonnegative().max(1000).nullable(),
  /** Chosen idea ids with their points (1 except under `cumulative`). */
  picks: z.record(z.string().min(1).max(64), z.number().int().positive().max(1e6)).refine((p) => Object.keys(p).length <= BUILDER_MAX_PICKS),
});

/** One builder's state. */
export type BuilderState = z.infer<typeof builderStateSchema>;

const voteSessionSchema = z.object({ area: builderStateSchema.optional(), town: builderStateSchema.optional() });

/** The builders of one chat, by slot. */
export type VoteSession = z.infer<typeof voteSessionSchema>;

/** The builders as read from the session's `vote` field: validated, or none. */
export function readVoteSession(value: unknown): VoteSession {
  const parsed = voteSessionSchema.safeParse(value);
  return parsed.success ? parsed.data : {};
}

/** A fresh builder for `envelopeId`, pre-filled with `picks` (the current ballot, if any). */
export function newBuilderState(envelopeId: string, gen: number, picks: Readonly<Record<string, number>> = {}, view: BuilderView = 'build'): BuilderState {
  return { gen, envelopeId, view, page: 0, card: null, picks: { ...picks } };
}

/** The message-references key of a resident's builder message for `slot` (see MessageRef.key). */
export function builderRefKey(residentId: string, slot: BallotSlot): string {
  return `builder:${residentId}:${slot}`;
}
