/**
 * The ballot builder, pure: the resident's fair order of the finalists, the button data, and
 * the state transitions of a press (`applyPress`); its views are in ballot-builder-view.ts.
 * Nothing here talks to Telegram or the engine, so the property test can press at random.
 *
 * Every transition keeps the selection valid for the rule as far as the rule allows while
 * choosing (never over budget, never more than k, never more points than there are): an
 * idea that would break it is refused with the engine's own refusal code, and the
 * confirmation screen is reached only through `validateBallot`.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { BallotRule, Envelope } from '../../../core/campaign/campaign.ts';
import type { BallotSlot } from '../../../core/ballots/ballot.ts';
import type { Candidate, ChoiceInput } from '../../../core/ballots/ballot-rules.ts';
import { validateBallot } from '../../../core/ballots/ballot-rules.ts';
import type { Idea } from '../../../core/ideas/idea.ts';
import type { BuilderState } from '../ballot-builder-state.ts';
import { defineCallback, intPart } from '../callback-data.ts';
import type { RefusalLike } from './refusal-text.ts';

/** Ideas per page of the list. */
export const BUILDER_PAGE_SIZE = 8;

/** Press kinds: toggle, plus, minus, page, card, photo, back, review, cast, change, next. */
export const BUILDER_OPS = ['tg', 'pl', 'mi', 'pg', 'cd', 'ph', 'bk', 'rv', 'cs', 'ch', 'nx'] as const;
export type BuilderOp = (typeof BUILDER_OPS)[number];

/** The slot as one letter in button data. */
export const SLOT_CODE: Readonly<Record<BallotSlot, 'a' | 't'>> = { area: 'a', town: 't' };

/**
 * Builder buttons: `vote|<a|t>|<generation>|<op>|<index or page>|<selection check or ->`.
 * The index is a position in the resident's own order (short, whatever the idea ids).
 */
export const voteCallback = defineBuilderCallback('vote');

/**
 * The button data of a kind of builder: the residents' own (`vote`) or another (an
 * ambassador's assisted ballot, `avote`), same parts, so the views serve both.
 */
export function defineBuilderCallback(prefix: string) {
  return defineCallback(prefix, z.tuple([z.enum(['a', 't']), intPart, z.enum(BUILDER_OPS), intPart, z.string().regex(/^(-|[0-9a-f]{8})$/)]));
}

/** A builder's button codec (see {@link defineBuilderCallback}). */
export type BuilderCodec = ReturnType<typeof defineBuilderCallback>;

/** What the builder needs of an idea. */
export type BuilderIdea = Pick<Idea, 'id' | 'number' | 'title' | 'cost' | 'description' | 'photo'>;

/** What a builder is for: the rule, the envelope, and the finalists in the resident's order. */
export interface BuilderInput {
  readonly rule: BallotRule;
  readonly envelope: Envelope;
  readonly order: readonly BuilderIdea[];
}

const sha = (s: string): string => createHash('sha256').update(s).digest('hex');

/**
 * The finalists in a fair order for this resident: a shuffle seeded by a hash of the resident
 * id and the envelope id — different from one resident to the next (no idea always first),
 * the same for one resident every time (the list does not jump around between sessions).
 */
export function fairOrder<T extends Pick<Idea, 'id'>>(residentId: string, envelopeId: string, finalists: readonly T[]): T[] {
  // Drawn on every press of the builder: the vote feature keeps the orders it drew (vote.ts, fairOrderOf).
  const seed = sha(`${residentId}\u0000${envelopeId}`);
  return finalists
    .map((f) => ({ f, key: sha(`${seed}\u0000${f.id}`) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((x) => x.f);
}

/** The pages of the list. */
export function pageCount(input: BuilderInput): number {
  return Math.max(1, Math.ceil(input.order.length / BUILDER_PAGE_SIZE));
}

/** The choices of the state among the builder's ideas, in the resident's order. */
export function choicesOf(state: BuilderState, input: BuilderInput): ChoiceInput[] {
  return input.order.filter((i) => state.picks[i.id] !== undefined).map((i) => ({ ideaId: i.id, points: state.picks[i.id]! }));
}

/** The finalists as the ballot rules see them. */
export function candidatesOf(input: BuilderInput): Candidate[] {
  return input.order.map((i) => ({ id: i.id, cost: i.cost ?? 0 }));
}

/** Total cost (minor units), number of ideas chosen and points given of the state. */
export function tallyOf(state: BuilderState, input: BuilderInput): { total: number; count: number; points: number } {
  let total = 0;
  let count = 0;
  let points = 0;
  for (const i of input.order) {
    const p = state.picks[i.id];
    if (p === undefined) continue;
    total += i.cost ?? 0;
    count++;
    points += p;
  }
  return { total, count, points };
}

/** A short check of the selection, carried by the cast button: what is cast is what was shown. */
export function selectionCheck(state: BuilderState): string {
  const canon = Object.keys(state.picks)
    .sort()
    .map((id) => `${id}=${state.picks[id]}`)
    .join(',');
  return sha(canon).slice(0, 8);
}

/** A press the builder's state answers by itself. */
export type BuilderPress = { readonly op: 'tg' | 'pl' | 'mi' | 'cd'; readonly index: number } | { readonly op: 'pg'; readonly page: number } | { readonly op: 'bk' | 'rv' };

/** What a press did: the new state, whether anything changed, or why it was refused. */
export type PressResult =
  | { readonly kind: 'ok'; readonly state: BuilderState; readonly changed: boolean }
  | { readonly kind: 'refused'; readonly refusal: RefusalLike }
  /** Not a press this view offers (an older message's, or forged). */
  | { readonly kind: 'stale' };

const VIEWS_OF: Readonly<Record<BuilderPress['op'], readonly BuilderState['view'][]>> = {
  tg: ['build', 'card'],
  pl: ['build', 'card'],
  mi: ['build', 'card'],
  cd: ['build'],
  pg: ['build'],
  bk: ['card', 'confirm'],
  rv: ['build'],
};

/** Applies a press to the state. Pure; never throws. */
export function applyPress(state: BuilderState, press: BuilderPress, input: BuilderInput): PressResult {
  if (!VIEWS_OF[press.op].includes(state.view)) return { kind: 'stale' };
  const ok = (next: BuilderState, changed = true): PressResult => ({ kind: 'ok', state: next, changed });
  const { rule, envelope } = input;
  switch (press.op) {
    case 'pg': {
      const page = Math.min(Math.max(0, press.page), pageCount(input) - 1);
      return ok({ ...state, page }, page !== state.page);
    }
    case 'bk':
      return ok({ ...state, view: 'build', card: null });
    case 'rv': {
      const valid = validateBallot(rule, envelope, candidatesOf(input), choicesOf(state, input));
      if (!valid.ok) return { kind: 'refused', refusal: { code: valid.code, params: valid.params } };
      return ok({ ...state, view: 'confirm', card: null });
    }
    case 'cd': {
      if (input.order[press.index] === undefined) return { kind: 'stale' };
      return ok({ ...state, view: 'card', card: press.index });
    }
    case 'tg':
    case 'pl':
    case 'mi': {
      const idea = input.order[press.index];
      if (idea === undefined) return { kind: 'stale' };
      const picks = withoutStrays(state.picks, input);
      const had = picks[idea.id];
      const { total, count, points } = tallyOf(state, input);
      if (rule.kind === 'cumulative' || press.op !== 'tg') {
        if (rule.kind !== 'cumulative') return { kind: 'stale' };
        if (press.op === 'mi') {
          if (had === undefined) return ok(state, false);
          if (had <= 1) delete picks[idea.id];
          else picks[idea.id] = had - 1;
          return ok({ ...state, picks });
        }
        const next = (had ?? 0) + 1;
        if (next > rule.maxPerIdea) return { kind: 'refused', refusal: { code: 'ballot.points_per_idea', params: { max: rule.maxPerIdea } } };
        if (points + 1 > rule.points) return { kind: 'refused', refusal: { code: 'ballot.too_many_points', params: { max: rule.points, total: points + 1 } } };
        picks[idea.id] = next;
        return ok({ ...state, picks });
      }
      if (had !== undefined) {
        delete picks[idea.id];
        return ok({ ...state, picks });
      }
      switch (rule.kind) {
        case 'single':
          return ok({ ...state, picks: { [idea.id]: 1 } });
        case 'approval':
          if (count + 1 > rule.maxChoices) return { kind: 'refused', refusal: { code: 'ballot.too_many', params: { max: rule.maxChoices, count: count + 1 } } };
          break;
        case 'knapsack': {
          const after = total + (idea.cost ?? 0);
          if (after > envelope.amount) return { kind: 'refused', refusal: { code: 'ballot.over_budget', params: { total: after, budget: envelope.amount, over: after - envelope.amount } } };
          break;
        }
      }
      picks[idea.id] = 1;
      return ok({ ...state, picks });
    }
  }
}

/** The picks limited to ideas still on the ballot (a copy). */
function withoutStrays(picks: Readonly<Record<string, number>>, input: BuilderInput): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of input.order) if (picks[i.id] !== undefined) out[i.id] = picks[i.id]!;
  return out;
}
