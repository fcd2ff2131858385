/**
 * What the committee reads in Slack (SPEC §2.6): ideas as staff see them — every state, with
 * the author named by keyed pseudonym, never by resident id — and the finalist board of the
 * review phase. Staff only; the Slack adapter renders these and acts through the idea use
 * cases.
 */
import type { Envelope } from '../campaign/campaign.ts';
import type { Outcome } from '../domain/domain-error.ts';
import { done } from '../domain/domain-error.ts';
import { envelopeForIdea } from '../ballots/ballot-rules.ts';
import type { Idea, IdeaState } from '../ideas/idea.ts';
import { AWAITING_REVIEW } from '../ideas/idea.ts';
import type { EngineDeps } from './engine-deps.ts';
import { residentRef } from './actor-refs.ts';
import { requireStaff } from './staff.ts';

/**
 * An idea as the committee sees it: the idea without its author's resident id (which holds
 * the Telegram id), the author's pseudonym instead, and its support count.
 */
export interface CommitteeIdea {
  readonly idea: Omit<Idea, 'authorId'>;
  /** `resident:p_…`, or null once the author erased their data. */
  readonly author: string | null;
  readonly supports: number;
}

function committeeView(deps: EngineDeps, idea: Idea, supports: number): CommitteeIdea {
  const { authorId, ...rest } = idea;
  return { idea: rest, author: authorId === null ? null : residentRef(deps, authorId), supports };
}

/** One idea for a card, by id (staff only). */
export async function committeeIdea(deps: EngineDeps, slackUserId: string, ideaId: string): Promise<Outcome<CommitteeIdea | null>> {
  const staff = requireStaff(deps.campaign, slackUserId);
  if (!staff.ok) return staff;
  const idea = await deps.stores.ideas.get(ideaId);
  if (idea === null) return done(null);
  return done(committeeView(deps, idea, await deps.stores.ideas.supportCount(ideaId)));
}

/**
 * The version an idea is at, by id (staff only): what a card drawn at some version checks
 * before it counts as current, without building the card's view again.
 */
export async function committeeIdeaVersion(deps: EngineDeps, slackUserId: string, ideaId: string): Promise<Outcome<number | null>> {
  const staff = requireStaff(deps.campaign, slackUserId);
  if (!staff.ok) return staff;
  return done((await deps.stores.ideas.get(ideaId))?.version ?? null);
}

/**
 * Ideas in `states` (default: every state), ordered by number (staff only). The moderation
 * queue is `states: AWAITING_REVIEW`, oldest submission first.
 */
export async function committeeIdeas(deps: EngineDeps, slackUserId: string, states?: readonly IdeaState[]): Promise<Outcome<readonly CommitteeIdea[]>> {
  const staff = requireStaff(deps.campaign, slackUserId);
  if (!staff.ok) return staff;
  const ideas = [...(await deps.stores.ideas.list(states === undefined ? {} : { states }))].sort((a, b) => a.number - b.number);
  const supports = await Promise.all(ideas.map((i) => deps.stores.ideas.supportCount(i.id)));
  return done(ideas.map((i, n) => committeeView(deps, i, supports[n] ?? 0)));
}

/** The moderation queue: ideas awaiting a decision, the longest-waiting first. */
export async function moderationQueue(deps: EngineDeps, slackUserId: string): Promise<Outcome<readonly CommitteeIdea[]>> {
  const listed = await committeeIdeas(deps, slackUserId, AWAITING_REVIEW);
  if (!listed.ok) return listed;
  const waitingSince = (c: CommitteeIdea): number => c.idea.submittedAt ?? c.idea.updatedAt;
  return done([...listed.value].sort((a, b) => waitingSince(a) - waitingSince(b) || a.idea.number - b.idea.number));
}

/** One envelope of the finalist board. */
export interface FinalistEnvelope {
  readonly envelope: Envelope;
  /** Eligible ideas and finalists competing in this envelope, by number. */
  readonly candidates: readonly CommitteeIdea[];
  /** Sum of the finalists' costs (minor units); ideas without a cost count 0 and are listed in `unpriced`. */
  readonly finalistsCost: number;
  readonly finalists: number;
  /** Numbers of finalists without a cost: they cannot be put to the vote until estimated. */
  readonly unpriced: readonly number[];
}

/** The finalist board of the review phase: per envelope, the candidates and running totals. */
export interface FinalistBoard {
  readonly envelopes: readonly FinalistEnvelope[];
  /** Finalists in all envelopes. */
  readonly finalists: number;
  /** True when fewer than two finalists would hold the vote (the phase guard refuses it). */
  readonly belowGuard: boolean;
}

/** The finalist board (staff only). */
export async function finalistBoard(deps: EngineDeps, slackUserId: string): Promise<Outcome<FinalistBoard>> {
  const listed = await committeeIdeas(deps, slackUserId, ['eligible', 'finalist']);
  if (!listed.ok) return listed;
  const envelopes = deps.campaign.envelopes.map((envelope): FinalistEnvelope => {
    const candidates = listed.value.filter((c) => envelopeForIdea(deps.campaign, c.idea.area)?.id === envelope.id);
    const chosen = candidates.filter((c) => c.idea.state === 'finalist');
    return {
      envelope,
      candidates,
      finalists: chosen.length,
      finalistsCost: chosen.reduce((sum, c) => sum + (c.idea.cost ?? 0), 0),
      unpriced: chosen.filter((c) => c.idea.cost === null).map((c) => c.idea.number),
    };
  });
  const finalists = envelopes.reduce((n, e) => n + e.finalists, 0);
  return done({ envelopes, finalists, belowGuard: finalists < 2 });
}
