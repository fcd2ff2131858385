/**
 * Idea use cases (SPEC §2.2, §2.6): submission (also by an ambassador), resubmission,
 * withdrawal, supports, moderation (first decision wins), rewrites, cost estimates,
 * finalist selection. Each change is saved with its audit entry and messages atomically.
 */
import type { NoticeTemplate } from '../domain/codes.ts';
import type { Outcome } from '../domain/domain-error.ts';
import { done, refuse } from '../domain/domain-error.ts';
import type { Idea } from '../ideas/idea.ts';
import { MERGE_TARGET_STATES, SUPPORTABLE } from '../ideas/idea.ts';
import type { IdeaInput, ModerationDecision } from '../ideas/idea-rules.ts';
import * as rules from '../ideas/idea-rules.ts';
import type { AuditDraft, OutboxDraft, SideRecords } from '../ports/side-records.ts';
import type { EngineDeps } from './engine-deps.ts';
import { CONFLICT_RETRIES } from './engine-deps.ts';
import { requirePhase } from './phase-usecases.ts';
import { requireEligible } from './resident-usecases.ts';
import { requireStaff, staffRef } from './staff.ts';
import { ambassadorRef, residentRef } from './actor-refs.ts';

function audit(at: number, actor: string, action: string, idea: Idea, data: Record<string, unknown> = {}, assisted = false): AuditDraft {
  return { at, actor, action, subject: `idea:${idea.id}`, data: { number: idea.number, ...data }, assisted };
}

function toAuthor(idea: Idea, template: NoticeTemplate, params: Record<string, string | number | null>, now: number): OutboxDraft[] {
  if (idea.authorId === null) return [];
  return [{ key: `author:${idea.id}:v${idea.version + 1}:${template}`, recipient: { kind: 'resident', residentId: idea.authorId }, template, params: { idea: idea.number, title: idea.title, ...params }, notBefore: now }];
}

function card(idea: Idea, template: NoticeTemplate, params: Record<string, string | number | null>, now: number): OutboxDraft {
  return { key: `committee:${idea.id}:v${idea.version + 1}:${template}`, recipient: { kind: 'committee' }, template, params: { ideaId: idea.id, idea: idea.number, title: idea.title, ...params }, notBefore: now };
}

/** Submits a new idea for `authorId` (by the author, or by an ambassador on their behalf). */
export async function submitIdea(deps: EngineDeps, authorId: string, input: IdeaInput, assistedBy: string | null = null): Promise<Outcome<Idea>> {
  const now = deps.clock.now();
  const phase = await requirePhase(deps, ['submission'], 'submission', now);
  if (!phase.ok) return phase;
  const author = await requireEligible(deps, authorId);
  if (!author.ok) return author;
  if (assistedBy !== null) {
    const amb = await deps.stores.residents.get(assistedBy);
    if (amb === null || (amb.role !== 'ambassador' && amb.role !== 'staff')) return refuse('ambassador.not_ambassador', {});
  }
  const content = rules.validateIdeaInput(deps.campaign, input);
  if (!content.ok) return content;
  const number = await deps.stores.ideas.nextNumber();
  // The ambassador is named by pseudonym, so the idea outlives their erasure naming nobody.
  const helper = assistedBy === null ? null : ambassadorRef(deps, assistedBy);
  const actor = helper ?? residentRef(deps, authorId);
  const idea = rules.newIdea({ id: deps.ids.newId('idea'), number, content: content.value, authorId, authorLocale: author.value.locale, assistedBy: helper, by: actor, now });
  const side: SideRecords = {
    audit: [audit(now, actor, 'idea.submitted', idea, { assisted: assistedBy !== null }, assistedBy !== null)],
    outbox: [card(idea, 'card.moderation', { state: 'submitted' }, now), ...toAuthor(idea, 'notify.idea_submitted', {}, now)],
  };
  if ((await deps.stores.ideas.save(idea, null, side)) !== 'saved') return refuse('idea.busy', {});
  return done({ ...idea, version: 1 });
}

/** Read-modify-write of one idea with retries; `expected` pins the version a person saw. */
async function change(
  deps: EngineDeps,
  ideaId: string,
  fn: (idea: Idea) => Outcome<{ idea: Idea; side: SideRecords }> | Promise<Outcome<{ idea: Idea; side: SideRecords }>>,
  expected: number | null = null,
): Promise<Outcome<Idea>> {
  for (let i = 0; i < CONFLICT_RETRIES; i++) {
    const idea = await deps.stores.ideas.get(ideaId);
    if (idea === null) return refuse('idea.unknown', {});
    if (expected !== null && idea.version !== expected) return staleRefusal(idea);
    const r = await fn(idea);
    if (!r.ok) return r;
    const saved = await deps.stores.ideas.save(r.value.idea, idea.version, r.value.side);
    if (saved === 'saved') return done({ ...r.value.idea, version: idea.version + 1 });
    if (expected !== null) {
      const fresh = await deps.stores.ideas.get(ideaId);
      return fresh === null ? refuse('idea.unknown', {}) : staleRefusal(fresh);
    }
  }
  return refuse('idea.busy', {});
}

/** "Someone decided first": names who and what, for the second moderator. */
function staleRefusal(idea: Idea): Outcome<never> {
  return refuse('moderation.already_decided', { idea: idea.number, state: idea.state, by: idea.decision?.by ?? null, at: idea.decision?.at ?? null });
}

async function requireAuthor(deps: EngineDeps, residentId: string, ideaId: string): Promise<Outcome<Idea>> {
  const idea = await deps.stores.ideas.get(ideaId);
  if (idea === null) return refuse('idea.unknown', {});
  if (idea.authorId !== residentId) return refuse('idea.not_author', {});
  return done(idea);
}

/** The author edits an idea after "changes requested" and sends it back for review. */
export async function resubmitIdea(deps: EngineDeps, residentId: string, ideaId: string, input: IdeaInput): Promise<Outcome<Idea>> {
  const now = deps.clock.now();
  const phase = await requirePhase(deps, ['submission', 'review'], 'resubmission', now);
  if (!phase.ok) return phase;
  const own = await requireAuthor(deps, residentId, ideaId);
  if (!own.ok) return own;
  const content = rules.validateIdeaInput(deps.campaign, input);
  if (!content.ok) return content;
  return change(deps, ideaId, (idea) => {
    const by = residentRef(deps, residentId);
    const next = rules.resubmit(idea, content.value, by, now);
    if (!next.ok) return next;
    return done({ idea: next.value, side: { audit: [audit(now, by, 'idea.resubmitted', idea)], outbox: [card(idea, 'card.moderation', { state: 'resubmitted' }, now)] } });
  });
}

/** The author withdraws their idea (before review ends). */
export async function withdrawIdea(deps: EngineDeps, residentId: string, ideaId: string): Promise<Outcome<Idea>> {
  const now = deps.clock.now();
  const phase = await requirePhase(deps, ['submission', 'review'], 'withdrawal', now);
  if (!phase.ok) return phase;
  const own = await requireAuthor(deps, residentId, ideaId);
  if (!own.ok) return own;
  return change(deps, ideaId, (idea) => {
    const next = rules.withdraw(idea, now);
    if (!next.ok) return next;
    return done({ idea: next.value, side: { audit: [audit(now, residentRef(deps, residentId), 'idea.withdrawn', idea)], outbox: [card(idea, 'card.updated', { state: 'withdrawn', by: null }, now)] } });
  });
}

/** A resident supports (or stops supporting) an idea during submission. */
export async function supportIdea(deps: EngineDeps, residentId: string, ideaId: string, on: boolean): Promise<Outcome<{ supported: boolean; count: number }>> {
  const now = deps.clock.now();
  const phase = await requirePhase(deps, ['submission'], 'support', now);
  if (!phase.ok) return phase;
  const who = await requireEligible(deps, residentId);
  if (!who.ok) return who;
  const idea = await deps.stores.ideas.get(ideaId);
  if (idea === null) return refuse('idea.unknown', {});
  if (idea.authorId === residentId) return refuse('support.own_idea', {});
  const key = deps.keys.supportKey(residentId);
  const r = on ? await deps.stores.ideas.addSupport(ideaId, key, now, SUPPORTABLE) : await deps.stores.ideas.removeSupport(ideaId, key, SUPPORTABLE);
  if (r === 'not_found') return refuse('idea.unknown', {});
  if (r === 'not_supportable') return refuse('support.not_supportable', { idea: idea.number });
  return done({ supported: on, count: await deps.stores.ideas.supportCount(ideaId) });
}

/**
 * A committee decision on an idea awaiting review. `expectedVersion` is the version shown on
 * the card: when another moderator acted first, this one is told who and what.
 */
export async function moderateIdea(deps: EngineDeps, slackUserId: string, ideaId: string, expectedVersion: number, decision: ModerationDecision): Promise<Outcome<Idea>> {
  const now = deps.clock.now();
  const staff = requireStaff(deps.campaign, slackUserId);
  if (!staff.ok) return staff;
  const phase = await requirePhase(deps, ['submission', 'review'], 'moderation', now);
  if (!phase.ok) return phase;
  const by = staffRef(staff.value);
  if (decision.outcome === 'merged') return mergeIdea(deps, by, ideaId, expectedVersion, decision, now);
  return change(
    deps,
    ideaId,
    (idea) => {
      const next = rules.moderate(deps.campaign, idea, decision, by, now);
      if (!next.ok) return next;
      const criterion = decision.outcome === 'rejected' ? decision.criterion : null;
      const params = { outcome: decision.outcome, comment: next.value.decision?.comment ?? null, criterion, by: staff.value.name };
      return done({
        idea: next.value,
        side: {
          audit: [audit(now, by, 'idea.moderated', idea, { outcome: decision.outcome, criterion })],
          outbox: [card(idea, 'card.updated', params, now), ...toAuthor(idea, `notify.idea_${decision.outcome}`, params, now)],
        },
      });
    },
    expectedVersion,
  );
}

async function mergeIdea(deps: EngineDeps, by: string, ideaId: string, expectedVersion: number, d: Extract<ModerationDecision, { outcome: 'merged' }>, now: number): Promise<Outcome<Idea>> {
  for (let i = 0; i < CONFLICT_RETRIES; i++) {
    const [from, into] = await Promise.all([deps.stores.ideas.get(ideaId), deps.stores.ideas.get(d.into)]);
    if (from === null) return refuse('idea.unknown', {});
    if (into === null) return refuse('moderation.merge_target_unknown', {});
    if (from.version !== expectedVersion) return staleRefusal(from);
    if (!MERGE_TARGET_STATES.includes(into.state)) return refuse('moderation.merge_target_state', { state: into.state });
    const next = rules.moderate(deps.campaign, from, d, by, now);
    if (!next.ok) return next;
    const intoNext: Idea = { ...into, updatedAt: now };
    const params = { outcome: 'merged', into: into.number, intoTitle: into.title, comment: next.value.decision?.comment ?? null, by };
    const side: SideRecords = {
      audit: [audit(now, by, 'idea.merged', from, { into: into.number })],
      outbox: [card(from, 'card.updated', params, now), ...toAuthor(from, 'notify.idea_merged', params, now)],
    };
    const r = await deps.stores.ideas.merge(next.value, from.version, intoNext, into.version, side);
    if (r === 'saved') return done({ ...next.value, version: from.version + 1 });
    const fresh = await deps.stores.ideas.get(ideaId);
    if (fresh !== null && fresh.version !== expectedVersion) return staleRefusal(fresh);
  }
  return refuse('idea.busy', {});
}

/** Staff propose a rewrite; the author is asked to accept or decline. */
export async function proposeRewrite(deps: EngineDeps, slackUserId: string, ideaId: string, title: string, description: string, comment: string | null): Promise<Outcome<Idea>> {
  const now = deps.clock.now();
  const staff = requireStaff(deps.campaign, slackUserId);
  if (!staff.ok) return staff;
  const by = staffRef(staff.value);
  return change(deps, ideaId, (idea) => {
    const next = rules.proposeRewrite(idea, title, description, comment, by, now);
    if (!next.ok) return next;
    return done({
      idea: next.value,
      side: { audit: [audit(now, by, 'idea.rewrite_proposed', idea)], outbox: toAuthor(idea, 'notify.rewrite_proposed', { newTitle: next.value.rewrite?.title ?? '', comment }, now) },
    });
  });
}

/** The author accepts or declines the proposed rewrite. */
export async function answerRewrite(deps: EngineDeps, residentId: string, ideaId: string, accept: boolean): Promise<Outcome<Idea>> {
  const now = deps.clock.now();
  const own = await requireAuthor(deps, residentId, ideaId);
  if (!own.ok) return own;
  return change(deps, ideaId, (idea) => {
    const by = residentRef(deps, residentId);
    const next = rules.answerRewrite(idea, accept, by, now);
    if (!next.ok) return next;
    return done({
      idea: next.value,
      side: {
        audit: [audit(now, by, accept ? 'idea.rewrite_accepted' : 'idea.rewrite_declined', idea)],
        outbox: [card(idea, 'committee.rewrite_answered', { accepted: accept ? 1 : 0 }, now)],
      },
    });
  });
}

/** Staff estimate (or correct) an idea's cost. */
export async function estimateCost(deps: EngineDeps, slackUserId: string, ideaId: string, cost: number): Promise<Outcome<Idea>> {
  const now = deps.clock.now();
  const staff = requireStaff(deps.campaign, slackUserId);
  if (!staff.ok) return staff;
  const by = staffRef(staff.value);
  return change(deps, ideaId, (idea) => {
    const next = rules.estimateCost(deps.campaign, idea, cost, by, now);
    if (!next.ok) return next;
    return done({ idea: next.value, side: { audit: [audit(now, by, 'idea.cost_estimated', idea, { cost })] } });
  });
}

/** Staff select (or unselect) a finalist during review. */
export async function selectFinalist(deps: EngineDeps, slackUserId: string, ideaId: string, finalist: boolean): Promise<Outcome<Idea>> {
  const now = deps.clock.now();
  const staff = requireStaff(deps.campaign, slackUserId);
  if (!staff.ok) return staff;
  const phase = await requirePhase(deps, ['review'], 'finalists', now);
  if (!phase.ok) return phase;
  const by = staffRef(staff.value);
  return change(deps, ideaId, (idea) => {
    const next = rules.setFinalist(idea, finalist, now);
    if (!next.ok) return next;
    return done({ idea: next.value, side: { audit: [audit(now, by, finalist ? 'idea.finalist_selected' : 'idea.finalist_removed', idea)] } });
  });
}

/** An idea with its support count, for cards and the bot. */
export async function ideaCard(deps: EngineDeps, ideaId: string): Promise<Outcome<{ idea: Idea; supports: number }>> {
  const idea = await deps.stores.ideas.get(ideaId);
  if (idea === null) return refuse('idea.unknown', {});
  return done({ idea, supports: await deps.stores.ideas.supportCount(ideaId) });
}
