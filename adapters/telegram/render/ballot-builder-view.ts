/**
 * The views of the ballot builder's one message, pure: the list to choose from (a page of
 * the resident's order with the running status), an idea's card, the confirmation, and the
 * receipt or current ballot. Each is HTML text and an inline keyboard whose buttons go
 * through `voteCallback` (render/ballot-builder.ts holds the state transitions).
 */
import { InlineKeyboard } from 'grammy';
import type { Campaign, Envelope } from '../../../core/campaign/campaign.ts';
import type { BallotSlot, StoredBallot } from '../../../core/ballots/ballot.ts';
import type { BuilderState } from '../ballot-builder-state.ts';
import type { Translator } from '../i18n.ts';
import { BUILDER_PAGE_SIZE, pageCount, selectionCheck, SLOT_CODE, tallyOf, voteCallback } from './ballot-builder.ts';
import type { BuilderCodec, BuilderIdea, BuilderInput, BuilderOp } from './ballot-builder.ts';
import { escapeHtml } from './html.ts';
import { localized } from './localized.ts';
import { formatFor } from './text-format.ts';

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
  /** The buttons' codec; default the residents' own `voteCallback`. */
  readonly codec?: BuilderCodec;
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

/** What the list shows of an idea whatever the state: its escaped title, blurb and button label. */
interface IdeaLine {
  readonly number: number;
  readonly title: string;
  readonly description: string;
  /** `#12 Title` escaped, for the line. */
  readonly heading: string;
  /** The description on one line, cut and escaped. */
  readonly blurb: string;
  /** `#12 Title` cut for a button (plain text). */
  readonly label: string;
}

/**
 * Idea lines already made, by idea object (the finalists are one list per process while
 * voting is open): a page of eight ideas cut and escaped its titles and descriptions on every
 * press. Checked against the idea's fields, so an idea changed in place is made again.
 */
const ideaLines = new WeakMap<BuilderIdea, IdeaLine>();

function ideaLine(idea: BuilderIdea): IdeaLine {
  const known = ideaLines.get(idea);
  if (known !== undefined && known.number === idea.number && known.title === idea.title && known.description === idea.description) return known;
  const line: IdeaLine = {
    number: idea.number,
    title: idea.title,
    description: idea.description,
    heading: `#${idea.number} ${escapeHtml(idea.title)}`,
    blurb: escapeHtml(cut(idea.description.replace(/\s+/g, ' '), 110)),
    label: `#${idea.number} ${cut(idea.title, 28)}`,
  };
  ideaLines.set(idea, line);
  return line;
}

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
  return (meta.codec ?? voteCallback).encode(SLOT_CODE[meta.slot], state.gen, op, arg, check);
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
    const known = ideaLine(idea);
    const m = mark(state, input, idea);
    lines.push(`${m} <b>${known.heading}</b>${cost}${extra}`);
    lines.push(`<i>${known.blurb}</i>`);
    const label = `${m} ${known.label}`;
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
  if (info.next !== null) kb.text(t(locale, 'vote-button-next', { envelope: localized(meta.campaign, info.next.envelope.name, locale) }), (meta.codec ?? voteCallback).encode(SLOT_CODE[info.next.slot], 0, 'nx', 0, '-')).row();
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
