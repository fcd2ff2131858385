/**
 * Idea rules (SPEC §2.2): content validation and the lifecycle as pure functions.
 *
 *   submitted → (changes_requested ⇄ resubmitted) → eligible | rejected | merged
 *             → finalist → winner | not_funded;   withdrawn by the author before review ends.
 *
 * (SPEC §2.2 starts at `draft`: that draft lives in the Telegram wizard's chat state until
 * it is submitted, never in the idea store.)
 *
 * Each function returns the next idea (version unchanged: the store bumps it) or a refusal.
 */
import type { RefusalCode } from '../domain/codes.ts';
import type { Campaign } from '../campaign/campaign.ts';
import type { Outcome } from '../domain/domain-error.ts';
import { done, refuse } from '../domain/domain-error.ts';
import type { Decision, Idea, IdeaContent, IdeaState } from './idea.ts';
import { DESCRIPTION_MAX, DESCRIPTION_MIN, TITLE_MAX, TITLE_MIN } from './idea.ts';

/** Raw content as typed by a person, before validation. */
export interface IdeaInput {
  readonly title: string;
  readonly description: string;
  readonly category: string;
  readonly area: string | null;
  readonly cost: number | null;
  readonly photo?: string | null;
  readonly location?: { readonly lat: number; readonly lon: number } | null;
}

// Control characters other than newline and tab are refused: they break cards and exports.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/u;

function length(s: string): number {
  return [...s].length;
}

/** Validates a title alone (trimmed, collapsed spaces). */
export function validateTitle(raw: string): Outcome<string> {
  const title = raw.trim().replace(/\s+/gu, ' ');
  if (CONTROL.test(title)) return refuse('idea.bad_characters', { field: 'title' });
  const n = length(title);
  if (n < TITLE_MIN) return refuse('idea.title_too_short', { min: TITLE_MIN, length: n });
  if (n > TITLE_MAX) return refuse('idea.title_too_long', { max: TITLE_MAX, length: n });
  return done(title);
}

/** Validates a description alone (trimmed). */
export function validateDescription(raw: string): Outcome<string> {
  const description = raw.trim();
  if (CONTROL.test(description)) return refuse('idea.bad_characters', { field: 'description' });
  const n = length(description);
  if (n < DESCRIPTION_MIN) return refuse('idea.description_too_short', { min: DESCRIPTION_MIN, length: n });
  if (n > DESCRIPTION_MAX) return refuse('idea.description_too_long', { max: DESCRIPTION_MAX, length: n });
  return done(description);
}

/** Validates a cost in minor units against the campaign bounds; null = "don't know". */
export function validateCost(campaign: Pick<Campaign, 'ideaCost'>, cost: number | null): Outcome<number | null> {
  if (cost === null) return done(null);
  if (!Number.isSafeInteger(cost)) return refuse('idea.cost_invalid', {});
  const { min, max } = campaign.ideaCost;
  if (cost < min || cost > max) return refuse('idea.cost_out_of_bounds', { min, max, cost });
  return done(cost);
}

/** Validates full content against the campaign (categories, areas, cost bounds). */
export function validateIdeaInput(campaign: Campaign, input: IdeaInput): Outcome<IdeaContent> {
  const title = validateTitle(input.title);
  if (!title.ok) return title;
  const description = validateDescription(input.description);
  if (!description.ok) return description;
  if (!campaign.categories.some((c) => c.id === input.category)) return refuse('idea.unknown_category', { category: input.category });
  if (input.area !== null && !campaign.areas.some((a) => a.id === input.area)) return refuse('idea.unknown_area', { area: input.area });
  const cost = validateCost(campaign, input.cost);
  if (!cost.ok) return cost;
  const loc = input.location ?? null;
  if (loc !== null && !(Math.abs(loc.lat) <= 90 && Math.abs(loc.lon) <= 180)) return refuse('idea.location_invalid', {});
  const photo = input.photo ?? null;
  if (photo !== null && (photo.length === 0 || photo.length > 256)) return refuse('idea.photo_invalid', {});
  return done({ title: title.value, description: description.value, category: input.category, area: input.area, cost: cost.value, photo, location: loc });
}

function contentOf(idea: IdeaContent): IdeaContent {
  return { title: idea.title, description: idea.description, category: idea.category, area: idea.area, cost: idea.cost, photo: idea.photo, location: idea.location };
}

function expectState(idea: Idea, allowed: readonly IdeaState[], code: RefusalCode = 'idea.wrong_state'): Outcome<Idea> {
  return allowed.includes(idea.state) ? done(idea) : refuse(code, { state: idea.state, idea: idea.number });
}

/** States in which the author may still withdraw. */
export const WITHDRAWABLE: readonly IdeaState[] = ['submitted', 'changes_requested', 'resubmitted', 'eligible'];
/** States the committee can decide on. */
export const DECIDABLE: readonly IdeaState[] = ['submitted', 'resubmitted'];
/** States in which staff may propose a rewrite or estimate the cost. */
export const EDITABLE_BY_STAFF: readonly IdeaState[] = ['submitted', 'resubmitted', 'changes_requested', 'eligible', 'finalist'];

/** Builds a new submitted idea. */
export function newIdea(args: {
  id: string;
  number: number;
  content: IdeaContent;
  authorId: string;
  authorLocale: string;
  assistedBy: string | null;
  by: string;
  now: number;
}): Idea {
  const { content, now } = args;
  return {
    ...content,
    id: args.id,
    number: args.number,
    state: 'submitted',
    authorId: args.authorId,
    authorLocale: args.authorLocale,
    assistedBy: args.assistedBy,
    costEstimatedByStaff: false,
    decision: null,
    mergedInto: null,
    rewrite: null,
    revisions: [{ at: now, by: args.by, reason: 'created', content }],
    createdAt: now,
    submittedAt: now,
    updatedAt: now,
    version: 0,
  };
}

/** Author edits after "changes requested" and resubmits. */
export function resubmit(idea: Idea, content: IdeaContent, by: string, now: number): Outcome<Idea> {
  const s = expectState(idea, ['changes_requested']);
  if (!s.ok) return s;
  return done({
    ...idea,
    ...content,
    state: 'resubmitted',
    rewrite: null,
    revisions: [...idea.revisions, { at: now, by, reason: 'resubmitted', content }],
    updatedAt: now,
  });
}

/** Author withdraws (only before review ends — the phase check is the use case's). */
export function withdraw(idea: Idea, now: number): Outcome<Idea> {
  const s = expectState(idea, WITHDRAWABLE);
  if (!s.ok) return s;
  return done({ ...idea, state: 'withdrawn', rewrite: null, updatedAt: now });
}

/** A committee decision. */
export type ModerationDecision =
  | { readonly outcome: 'eligible'; readonly comment: string | null }
  | { readonly outcome: 'changes_requested'; readonly comment: string }
  | { readonly outcome: 'rejected'; readonly criterion: string; readonly comment: string | null }
  | { readonly outcome: 'merged'; readonly into: string; readonly comment: string | null };

/** Applies a committee decision to an idea awaiting review. */
export function moderate(campaign: Campaign, idea: Idea, d: ModerationDecision, by: string, now: number): Outcome<Idea> {
  const s = expectState(idea, DECIDABLE, 'moderation.not_awaiting');
  if (!s.ok) return s;
  if (d.outcome === 'rejected' && !campaign.reviewCriteria.some((c) => c.id === d.criterion)) {
    return refuse('moderation.unknown_criterion', { criterion: d.criterion });
  }
  if (d.outcome === 'changes_requested' && d.comment.trim().length === 0) return refuse('moderation.comment_required', {});
  if (d.outcome === 'eligible' && idea.cost === null) return refuse('moderation.cost_unknown', { idea: idea.number });
  if (d.outcome === 'merged' && d.into === idea.id) return refuse('moderation.merge_self', {});
  const comment = d.comment === null ? null : d.comment.trim().slice(0, 3000) || null;
  const decision: Decision = {
    outcome: d.outcome,
    by,
    at: now,
    criterion: d.outcome === 'rejected' ? d.criterion : null,
    comment,
  };
  return done({
    ...idea,
    state: d.outcome,
    decision,
    mergedInto: d.outcome === 'merged' ? d.into : null,
    rewrite: d.outcome === 'changes_requested' ? idea.rewrite : null,
    updatedAt: now,
  });
}

/** Staff propose a rewrite (SPEC: "rewriting projects to improve their quality"). */
export function proposeRewrite(idea: Idea, title: string, description: string, comment: string | null, by: string, now: number): Outcome<Idea> {
  const s = expectState(idea, EDITABLE_BY_STAFF);
  if (!s.ok) return s;
  if (idea.authorId === null) return refuse('idea.author_gone', {});
  const t = validateTitle(title);
  if (!t.ok) return t;
  const d = validateDescription(description);
  if (!d.ok) return d;
  return done({ ...idea, rewrite: { title: t.value, description: d.value, proposedBy: by, at: now, comment }, updatedAt: now });
}

/** The author accepts or declines the pending rewrite. */
export function answerRewrite(idea: Idea, accept: boolean, by: string, now: number): Outcome<Idea> {
  if (idea.rewrite === null) return refuse('idea.no_rewrite', {});
  const s = expectState(idea, EDITABLE_BY_STAFF);
  if (!s.ok) return s;
  if (!accept) return done({ ...idea, rewrite: null, updatedAt: now });
  const content: IdeaContent = { ...contentOf(idea), title: idea.rewrite.title, description: idea.rewrite.description };
  return done({
    ...idea,
    ...content,
    rewrite: null,
    revisions: [...idea.revisions, { at: now, by, reason: 'rewrite_accepted', content }],
    updatedAt: now,
  });
}

/** Staff set or correct the estimated cost. */
export function estimateCost(campaign: Campaign, idea: Idea, cost: number, by: string, now: number): Outcome<Idea> {
  const s = expectState(idea, EDITABLE_BY_STAFF);
  if (!s.ok) return s;
  const c = validateCost(campaign, cost);
  if (!c.ok || c.value === null) return c.ok ? refuse('idea.cost_invalid', {}) : c;
  const content: IdeaContent = { ...contentOf(idea), cost: c.value };
  return done({
    ...idea,
    cost: c.value,
    costEstimatedByStaff: true,
    revisions: [...idea.revisions, { at: now, by, reason: 'cost_estimated', content }],
    updatedAt: now,
  });
}

/** Staff select (or unselect) a finalist. */
export function setFinalist(idea: Idea, finalist: boolean, now: number): Outcome<Idea> {
  if (finalist) {
    const s = expectState(idea, ['eligible'], 'finalist.not_eligible');
    if (!s.ok) return s;
    if (idea.cost === null) return refuse('moderation.cost_unknown', { idea: idea.number });
    return done({ ...idea, state: 'finalist', updatedAt: now });
  }
  const s = expectState(idea, ['finalist'], 'finalist.not_finalist');
  if (!s.ok) return s;
  return done({ ...idea, state: 'eligible', updatedAt: now });
}

/** Outcome of the count for a finalist. */
export function setFundingOutcome(idea: Idea, funded: boolean, now: number): Outcome<Idea> {
  const s = expectState(idea, ['finalist', 'winner', 'not_funded']);
  if (!s.ok) return s;
  return done({ ...idea, state: funded ? 'winner' : 'not_funded', updatedAt: now });
}

/** Actor ref left in an idea's revisions where its author acted, once they erased their data. */
export const ERASED_AUTHOR = 'resident:erased';

/**
 * The idea with its author removed ("forget me"): its content stays — it belongs to the
 * campaign now — but nothing links it to the author any more. `authorId` becomes null, and
 * every revision made under one of `authorRefs` (the refs the author acted under: their
 * pseudonymous ref, and their plain `resident:<id>` in records written before refs were
 * pseudonymous) is attributed to {@link ERASED_AUTHOR}. Revisions by staff or by an ambassador
 * keep their refs (those are not the author's). A pending rewrite is dropped: only the author
 * could answer it.
 */
export function anonymise(idea: Idea, authorRefs: readonly string[], now: number): Idea {
  const mine = new Set(authorRefs);
  return {
    ...idea,
    authorId: null,
    rewrite: null,
    revisions: idea.revisions.map((r) => (mine.has(r.by) ? { ...r, by: ERASED_AUTHOR } : r)),
    updatedAt: now,
  };
}
