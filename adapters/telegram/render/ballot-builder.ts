/**
 * The ballot builder, pure: the resident's fair order of the finalists, the state
 * transitions of a press (`applyPress`), and each view of the one builder message (the list
 * to choose from, an idea's card, the confirmation, the receipt) as text and keyboard.
 * Nothing here talks to Telegram or the engine, so the property test can press at random.
 *
 * Every transition keeps the selection valid for the rule as far as the rule allows while
 * choosing (never over budget, never more than k, never more points than there are): an
 * idea that would break it is refused with the engine's own refusal code, and the
 * confirmation screen is reached only through `validateBallot`.
 */
import { createHash } from 'node:crypto';
import { InlineKeyboard } from 'grammy';
import { z } from 'zod';
import type { BallotRule, Campaign, Envelope } from '../../../core/campaign/campaign.ts';
import type { BallotSlot, StoredBallot } from '../../../core/ballots/ballot.ts';
import type { Candidate, ChoiceInput } from '../../../core/ballots/ballot-rules.ts';
import { validateBallot } from '../../../core/ballots/ballot-rules.ts';
import type { Idea } from '../../../core/ideas/idea.ts';
import type { BuilderState } from '../ballot-builder-state.ts';
import { defineCallback, intPart } from '../callback-data.ts';
import type { Translator } from '../i18n.ts';
import { escapeHtml } from './html.ts';
import { localized } from './localized.ts';
import type { RefusalLike } from './refusal-text.ts';
import { formatFor } from './text-format.ts';

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
export const voteCallback = defineCallback('vote', z.tuple([z.enum(['a', 't']), intPart, z.enum(BUILDER_OPS), intPart, z.string().regex(/^(-|[0-9a-f]{8})$/)]));

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

// ---- views ------------------------------------------------------------------------------

/** Where the builder stands among the resident's ballots, and the vote's end. */
export interface BuilderMeta {
  readonly t: Translator;
  readonly locale: string;
  readonly campaign: Pick<Campaign, 'timeZone' | 'currency' | 'currencyMinorUnits' | 'defaultLocale'>;
  readonly slot: BallotSlot;
  /** 1-based position of this ballot among the resident's, and how many they have. */
  readonly index: number;
  readonly total: number;
  /** When voting closes (epoch ms), or null when open-ended. */
  readonly closesAt: number | null;
}

/** A view: HTML text and its keyboard. */
export interface BuilderView {
  readonly text: string;
  readonly keyboard: InlineKeyboard;
}

const cut = (s: string, n: number): string => {
  const cps = [...s];
  return cps.length <= n ? s : `${cps.slice(0, n - 1).join('')}…`;
};

function header(meta: BuilderMeta, envelope: Envelope): string {
  const name = escapeHtml(localized(meta.campaign, envelope.name, meta.locale));
  return meta.total > 1 ? meta.t(meta.locale, 'vote-header-of', { index: meta.index, total: meta.total, envelope: name }) : meta.t(meta.locale, 'vote-header', { envelope: name });
}

function ruleLine(meta: BuilderMeta, input: BuilderInput): string {
  const { t, locale } = meta;
  const money = formatFor(locale, meta.campaign).money;
  const r = input.rule;
  switch (r.kind) {
    case 'single':
      return t(locale, 'vote-rule-single');
    case 'approval':
      return r.minChoices > 1 ? t(locale, 'vote-rule-approval-min', { min: r.minChoices, max: r.maxChoices }) : t(locale, 'vote-rule-approval', { max: r.maxChoices });
    case 'knapsack':
      return t(locale, 'vote-rule-knapsack', { budget: money(input.envelope.amount) });
    case 'cumulative':
      return t(locale, 'vote-rule-cumulative', { points: r.points, max: r.maxPerIdea });
  }
}

function statusLine(meta: BuilderMeta, state: BuilderState, input: BuilderInput): string {
  const { t, locale } = meta;
  const money = formatFor(locale, meta.campaign).money;
  const { total, count, points } = tallyOf(state, input);
  const r = input.rule;
  switch (r.kind) {
    case 'single': {
      const chosen = input.order.find((i) => state.picks[i.id] !== undefined);
      return chosen === undefined ? t(locale, 'vote-status-single-none') : t(locale, 'vote-status-single', { number: String(chosen.number), title: escapeHtml(chosen.title) });
    }
    case 'approval':
      return t(locale, 'vote-status-approval', { count, max: r.maxChoices });
    case 'knapsack':
      return t(locale, 'vote-status-knapsack', { total: money(total), budget: money(input.envelope.amount), left: money(input.envelope.amount - total) });
    case 'cumulative':
      return t(locale, 'vote-status-cumulative', { left: r.points - points, points: r.points });
  }
}

/** Whether choosing `idea` now would break the rule (knapsack: it no longer fits). */
function doesNotFit(state: BuilderState, input: BuilderInput, idea: BuilderIdea): boolean {
  if (input.rule.kind !== 'knapsack' || state.picks[idea.id] !== undefined) return false;
  return tallyOf(state, input).total + (idea.cost ?? 0) > input.envelope.amount;
}

function mark(state: BuilderState, input: BuilderInput, idea: BuilderIdea): string {
  const picked = state.picks[idea.id] !== undefined;
  if (input.rule.kind === 'single') return picked ? '🔘' : '⚪';
  if (input.rule.kind === 'cumulative') return picked ? '🟢' : '⚪';
  if (picked) return '✅';
  return doesNotFit(state, input, idea) ? '🚫' : '⬜';
}

function data(meta: BuilderMeta, state: BuilderState, op: BuilderOp, arg = 0, check = '-'): string {
  return voteCallback.encode(SLOT_CODE[meta.slot], state.gen, op, arg, check);
}

/** The list to choose from (one page), with the running status. */
export function buildView(meta: BuilderMeta, state: BuilderState, input: BuilderInput): BuilderView {
  const { t, locale } = meta;
  const f = formatFor(locale, meta.campaign);
  const pages = pageCount(input);
  const page = Math.min(state.page, pages - 1);
  const first = page * BUILDER_PAGE_SIZE;
  const shown = input.order.slice(first, first + BUILDER_PAGE_SIZE);
  const lines = [header(meta, input.envelope), ruleLine(meta, input), '', `<b>${statusLine(meta, state, input)}</b>`, ''];
  const kb = new InlineKeyboard();
  if (input.order.length === 0) lines.push(t(locale, 'vote-no-finalists'));
  shown.forEach((idea, k) => {
    const index = first + k;
    const cost = idea.cost === null ? '' : ` — ${f.money(idea.cost)}`;
    const pts = state.picks[idea.id];
    const extra = input.rule.kind === 'cumulative' && pts !== undefined ? ` · ${t(locale, 'vote-points', { points: pts })}` : doesNotFit(state, input, idea) ? ` · <i>${t(locale, 'vote-not-fitting')}</i>` : '';
    lines.push(`${mark(state, input, idea)} <b>#${idea.number} ${escapeHtml(idea.title)}</b>${cost}${extra}`);
    lines.push(`<i>${escapeHtml(cut(idea.description.replace(/\s+/g, ' '), 110))}</i>`);
    const label = `${mark(state, input, idea)} #${idea.number} ${cut(idea.title, 28)}`;
    if (input.rule.kind === 'cumulative') {
      kb.text(`${label}${pts === undefined ? '' : ` (${pts})`}`, data(meta, state, 'cd', index)).text('➖', data(meta, state, 'mi', index)).text('➕', data(meta, state, 'pl', index)).row();
    } else {
      kb.text(label, data(meta, state, 'tg', index)).text('ℹ️', data(meta, state, 'cd', index)).row();
    }
  });
  if (pages > 1) {
    lines.push('', t(locale, 'common-page', { page: page + 1, pages }));
    if (page > 0) kb.text(t(locale, 'common-previous'), data(meta, state, 'pg', page - 1));
    if (page < pages - 1) kb.text(t(locale, 'common-next'), data(meta, state, 'pg', page + 1));
    kb.row();
  }
  lines.push('', t(locale, input.rule.kind === 'cumulative' ? 'vote-hint-cumulative' : 'vote-hint'));
  if (meta.closesAt !== null) lines.push(t(locale, 'vote-closes', { closesAt: f.deadline(meta.closesAt) }));
  if (input.order.length > 0) kb.text(t(locale, 'vote-button-review'), data(meta, state, 'rv'));
  return { text: lines.join('\n'), keyboard: kb };
}

/** One idea's card inside the builder: title, cost, description; choose / points; photo on demand. */
export function cardView(meta: BuilderMeta, state: BuilderState, input: BuilderInput): BuilderView {
  const { t, locale } = meta;
  const index = state.card ?? 0;
  const idea = input.order[index];
  if (idea === undefined) return buildView(meta, { ...state, view: 'build', card: null }, input);
  const f = formatFor(locale, meta.campaign);
  const pts = state.picks[idea.id];
  const lines = [
    header(meta, input.envelope),
    '',
    `<b>#${idea.number} ${escapeHtml(idea.title)}</b>`,
    `${t(locale, 'vote-card-cost')}: ${idea.cost === null ? '—' : f.money(idea.cost)}`,
    '',
    escapeHtml(idea.description),
    '',
    `<b>${statusLine(meta, state, input)}</b>`,
  ];
  if (doesNotFit(state, input, idea)) lines.push(`<i>${t(locale, 'vote-not-fitting')}</i>`);
  const kb = new InlineKeyboard();
  if (input.rule.kind === 'cumulative') {
    lines.push(t(locale, 'vote-card-points', { points: pts ?? 0 }));
    kb.text('➖', data(meta, state, 'mi', index)).text('➕', data(meta, state, 'pl', index)).row();
  } else {
    kb.text(t(locale, pts === undefined ? 'vote-button-choose' : 'vote-button-remove'), data(meta, state, 'tg', index)).row();
  }
  if (idea.photo !== null) kb.text(t(locale, 'vote-button-photo'), data(meta, state, 'ph', index)).row();
  kb.text(t(locale, 'common-back'), data(meta, state, 'bk'));
  return { text: lines.join('\n'), keyboard: kb };
}

/** The chosen ideas as lines: `• #12 Title — 5 000 €` (and points). */
function choiceLines(meta: BuilderMeta, input: BuilderInput, picks: Readonly<Record<string, number>>): string[] {
  const f = formatFor(meta.locale, meta.campaign);
  return input.order
    .filter((i) => picks[i.id] !== undefined)
    .map((i) => {
      const cost = i.cost === null ? '' : ` — ${f.money(i.cost)}`;
      const pts = input.rule.kind === 'cumulative' ? ` · ${meta.t(meta.locale, 'vote-points', { points: picks[i.id]! })}` : '';
      return `• <b>#${i.number}</b> ${escapeHtml(i.title)}${cost}${pts}`;
    });
}

function totalLine(meta: BuilderMeta, input: BuilderInput, state: BuilderState): string | null {
  const money = formatFor(meta.locale, meta.campaign).money;
  const { total, points } = tallyOf(state, input);
  if (input.rule.kind === 'knapsack') return meta.t(meta.locale, 'vote-confirm-total', { total: money(total), budget: money(input.envelope.amount) });
  if (input.rule.kind === 'cumulative') return meta.t(meta.locale, 'vote-confirm-points', { points, max: input.rule.points });
  return null;
}

/** The confirmation screen: the choices, the total or points, cast or go back. */
export function confirmView(meta: BuilderMeta, state: BuilderState, input: BuilderInput): BuilderView {
  const { t, locale } = meta;
  const name = escapeHtml(localized(meta.campaign, input.envelope.name, locale));
  const total = totalLine(meta, input, state);
  const lines = [t(locale, 'vote-confirm-title', { envelope: name }), '', ...choiceLines(meta, input, state.picks), ...(total === null ? [] : ['', total]), '', t(locale, 'vote-confirm-question')];
  const kb = new InlineKeyboard().text(t(locale, 'vote-button-cast'), data(meta, state, 'cs', 0, selectionCheck(state))).row().text(t(locale, 'vote-button-edit'), data(meta, state, 'bk'));
  return { text: lines.join('\n'), keyboard: kb };
}

/** What the receipt screen says besides the ballot. */
export interface DoneInfo {
  /** Shown right after a cast (else: the current ballot, on return). */
  readonly justCast: boolean;
  readonly replaced: boolean;
  /** Ballots cast out of the resident's ballots. */
  readonly done: number;
  /** The campaign lets a vote be changed, and voting is open. */
  readonly canChange: boolean;
  /** The next ballot still to fill in, if any. */
  readonly next: { readonly slot: BallotSlot; readonly envelope: Envelope } | null;
}

/** The receipt (after a cast) or the current ballot (on return), with "change my vote". */
export function doneView(meta: BuilderMeta, state: BuilderState, input: BuilderInput, ballot: StoredBallot, info: DoneInfo): BuilderView {
  const { t, locale } = meta;
  const f = formatFor(locale, meta.campaign);
  const name = escapeHtml(localized(meta.campaign, input.envelope.name, locale));
  const picks = Object.fromEntries(ballot.choices.map((c) => [c.ideaId, c.points]));
  const lines = [
    info.justCast ? t(locale, info.replaced ? 'vote-cast-replaced' : 'vote-cast-done', { envelope: name }) : t(locale, 'vote-current', { envelope: name }),
    '',
    ...choiceLines(meta, input, picks),
    '',
    t(locale, 'vote-receipt', { receipt: escapeHtml(ballot.receipt) }),
    t(locale, 'vote-receipt-how'),
  ];
  if (meta.total > 1) lines.push('', `<b>${t(locale, 'vote-progress', { done: info.done, total: meta.total })}</b>`);
  if (info.canChange && meta.closesAt !== null) lines.push('', t(locale, 'vote-change-until', { closesAt: f.deadline(meta.closesAt) }));
  const kb = new InlineKeyboard();
  if (info.next !== null) kb.text(t(locale, 'vote-button-next', { envelope: localized(meta.campaign, info.next.envelope.name, locale) }), voteCallback.encode(SLOT_CODE[info.next.slot], 0, 'nx', 0, '-')).row();
  if (info.canChange) kb.text(t(locale, 'vote-button-change'), data(meta, state, 'ch'));
  return { text: lines.join('\n'), keyboard: kb };
}

/** The view of the state (the receipt screen needs the ballot: see {@link doneView}). */
export function stateView(meta: BuilderMeta, state: BuilderState, input: BuilderInput): BuilderView {
  switch (state.view) {
    case 'card':
      return cardView(meta, state, input);
    case 'confirm':
      return confirmView(meta, state, input);
    case 'build':
    case 'done':
      return buildView(meta, state, input);
  }
}
