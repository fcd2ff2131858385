/**
 * The moderation modals opened from a card's buttons (Block Kit), and the strict reading of
 * what comes back: the card they belong to (`private_metadata`) and each form's values
 * (`view.state.values`). Pure: testable without a network.
 *
 * A form reads to a value or to `errors` keyed by the input's block id, in the committee's
 * language, for `ack({ response_action: 'errors', errors })`: Slack then shows each message
 * under its field and the modal stays open, so nothing reaches the engine. Content rules
 * (title and description lengths, cost bounds) are the core's own pure rules, applied here
 * so a wrong field is pointed at in the form rather than refused after it closed.
 */
import type { types } from '@slack/bolt';
import { z } from 'zod';
import type { Refused } from '../../../core/domain/domain-error.ts';
import type { CommitteeIdea } from '../../../core/engine/committee-usecases.ts';
import { DESCRIPTION_MAX, TITLE_MAX } from '../../../core/ideas/idea.ts';
import { validateCost, validateDescription, validateTitle } from '../../../core/ideas/idea-rules.ts';
import type { SlackServices } from '../context.ts';
import { slackRefusal } from '../format.ts';
import { residentText } from '../mrkdwn.ts';
import { LIMITS } from './limits.ts';

/** Callback ids of the moderation modals (for `app.view`). */
export const MODERATION_VIEWS = {
  changes: 'moderation.changes',
  reject: 'moderation.reject',
  merge: 'moderation.merge',
  rewrite: 'moderation.rewrite',
  estimate: 'moderation.estimate',
} as const;

export type ModerationView = keyof typeof MODERATION_VIEWS;

/** Block ids of the inputs; each input's action id is {@link fieldAction} of its block id. */
export const MODERATION_FIELDS = {
  comment: 'comment',
  criterion: 'criterion',
  into: 'into',
  title: 'title',
  description: 'description',
  amount: 'amount',
} as const;

/** The action id of a field's element: namespaced, as `app.options` matches on action ids across the app. */
export function fieldAction(block: string): string {
  return `moderation.${block}`;
}

/** The action id of the merge target's `external_select` (for `app.options`). */
export const MERGE_INTO_ACTION = fieldAction(MODERATION_FIELDS.into);

/** The field a form-level error (a forged `private_metadata`) is shown under. */
export const FIRST_FIELD: Readonly<Record<ModerationView, string>> = {
  changes: MODERATION_FIELDS.comment,
  reject: MODERATION_FIELDS.criterion,
  merge: MODERATION_FIELDS.into,
  rewrite: MODERATION_FIELDS.title,
  estimate: MODERATION_FIELDS.amount,
};

/** Longest comment to an author (the engine keeps 3,000 characters). */
export const COMMENT_MAX = 3000;

/** The card a modal acts on: the idea at the version the card showed, and where the card is. */
export interface CardTarget {
  readonly ideaId: string;
  readonly version: number;
  readonly channel: string;
  readonly ts: string;
  /** The card's uploaded photo, kept so the card re-rendered after a decision still shows it. */
  readonly photo: string | null;
}

/** A Slack channel id (`C…`, `G…`, `D…`); ids of the test workspace carry hyphens. */
export const SLACK_CHANNEL_ID = z.string().regex(/^[CDG][A-Z0-9-]{1,40}$/);
/** A message `ts`. */
export const SLACK_TS = z.string().regex(/^[0-9]{1,12}\.[0-9]{1,9}$/);
/** A Slack file id. */
export const SLACK_FILE_ID = z.string().regex(/^F[A-Z0-9]{1,40}$/);

const cardTarget = z
  .object({
    ideaId: z.string().regex(/^[A-Za-z0-9_-]{1,120}$/),
    version: z.number().int().min(1).max(999_999_999),
    channel: SLACK_CHANNEL_ID,
    ts: SLACK_TS,
    photo: SLACK_FILE_ID.nullable(),
  })
  .strict();

/** `private_metadata` of a modal acting on `target`. */
export function targetMetadata(target: CardTarget): string {
  return JSON.stringify(target);
}

/** The card a modal's `private_metadata` names; null when it is not one of ours (forged, garbled). */
export function readTarget(metadata: unknown): CardTarget | null {
  if (typeof metadata !== 'string' || metadata.length > LIMITS.privateMetadata) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(metadata);
  } catch {
    return null;
  }
  const parsed = cardTarget.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

type Services = Pick<SlackServices, 't' | 'format' | 'campaign'>;

/** Refusals whose `min`/`max` are lengths in characters, not amounts (which `slackRefusal` formats as money). */
const LENGTH_REFUSALS: ReadonlySet<string> = new Set(['idea.title_too_short', 'idea.title_too_long', 'idea.description_too_short', 'idea.description_too_long']);

/**
 * An engine refusal as the committee reads it: who decided named as the committee knows them
 * (the engine names staff `staff:<slack id>`), a state as the card shows it, lengths as numbers.
 */
export function refusalText(services: Services, refusal: Pick<Refused, 'code' | 'params'>): string {
  const { t, format, campaign } = services;
  const params: Record<string, unknown> = { ...refusal.params };
  const by = params['by'];
  if (typeof by === 'string') params['by'] = campaign.staff.find((m) => `staff:${m.slackUserId}` === by)?.name ?? by.replace(/^staff:/, '');
  const state = params['state'];
  if (typeof state === 'string') params['state'] = t(`card-state-${state.replace(/_/g, '-')}`);
  if (LENGTH_REFUSALS.has(refusal.code)) {
    for (const k of ['min', 'max']) if (typeof params[k] === 'number') params[k] = String(params[k]);
  }
  return slackRefusal(t, format, { code: refusal.code, params });
}

type Block = types.KnownBlock;

function plain(text: string): types.PlainTextElement {
  return { type: 'plain_text', text, emoji: false };
}

function modal(services: Services, kind: ModerationView, view: CommitteeIdea, target: CardTarget, blocks: Block[]): types.ModalView {
  const { t } = services;
  const idea = view.idea;
  // The idea the modal is about, as on its card: the committee may have several modals open in a day.
  const heading: Block = { type: 'section', text: { type: 'mrkdwn', text: `*#${idea.number}* ${residentText(idea.title, LIMITS.sectionText - 20)}` } };
  return {
    type: 'modal',
    callback_id: MODERATION_VIEWS[kind],
    title: plain(t(`moderation-${kind}-title`)),
    submit: plain(t(`moderation-${kind}-submit`)),
    close: plain(t('moderation-cancel')),
    private_metadata: targetMetadata(target),
    blocks: [heading, ...blocks],
  };
}

function textInput(block: string, label: string, options: { optional?: boolean; multiline?: boolean; max?: number; initial?: string; hint?: string; placeholder?: string } = {}): Block {
  return {
    type: 'input',
    block_id: block,
    optional: options.optional ?? false,
    label: plain(label),
    ...(options.hint === undefined ? {} : { hint: plain(options.hint) }),
    element: {
      type: 'plain_text_input',
      action_id: fieldAction(block),
      multiline: options.multiline ?? false,
      ...(options.max === undefined ? {} : { max_length: options.max }),
      // initial_value is shown as typed, not parsed: the resident's text goes in unescaped.
      ...(options.initial === undefined ? {} : { initial_value: options.initial }),
      ...(options.placeholder === undefined ? {} : { placeholder: plain(options.placeholder) }),
    },
  };
}

function commentInput(services: Services, optional: boolean, key: string): Block {
  return textInput(MODERATION_FIELDS.comment, services.t(key), { optional, multiline: true, max: COMMENT_MAX, hint: services.t('moderation-comment-hint') });
}

/** *Request changes*: the comment to the author, required. */
export function changesModal(services: Services, view: CommitteeIdea, target: CardTarget): types.ModalView {
  return modal(services, 'changes', view, target, [commentInput(services, false, 'moderation-changes-comment')]);
}

function label(services: Services, text: Readonly<Record<string, string>>, fallback: string): string {
  return text[services.campaign.defaultLocale] ?? Object.values(text)[0] ?? fallback;
}

/** *Reject*: the reason among the campaign's review criteria, and an optional comment. */
export function rejectModal(services: Services, view: CommitteeIdea, target: CardTarget): types.ModalView {
  const options = services.campaign.reviewCriteria.slice(0, LIMITS.selectOptions).map((c) => ({ text: plain(residentText(label(services, c.label, c.id), LIMITS.optionText)), value: c.id }));
  const criterion: Block = {
    type: 'input',
    block_id: MODERATION_FIELDS.criterion,
    label: plain(services.t('moderation-reject-criterion')),
    element: { type: 'static_select', action_id: fieldAction(MODERATION_FIELDS.criterion), placeholder: plain(services.t('moderation-reject-criterion-placeholder')), options },
  };
  return modal(services, 'reject', view, target, [criterion, commentInput(services, true, 'moderation-comment-optional')]);
}

/** *Duplicate of…*: the idea it duplicates, searched by number or title (options served by `app.options`). */
export function mergeModal(services: Services, view: CommitteeIdea, target: CardTarget): types.ModalView {
  const into: Block = {
    type: 'input',
    block_id: MODERATION_FIELDS.into,
    label: plain(services.t('moderation-merge-into')),
    hint: plain(services.t('moderation-merge-hint')),
    element: { type: 'external_select', action_id: MERGE_INTO_ACTION, min_query_length: 0, placeholder: plain(services.t('moderation-merge-placeholder')) },
  };
  return modal(services, 'merge', view, target, [into, commentInput(services, true, 'moderation-comment-optional')]);
}

/** *Propose rewrite*: title and description prefilled from the idea, and a message to the author. */
export function rewriteModal(services: Services, view: CommitteeIdea, target: CardTarget): types.ModalView {
  const { t } = services;
  const idea = view.idea;
  return modal(services, 'rewrite', view, target, [
    textInput(MODERATION_FIELDS.title, t('moderation-rewrite-idea-title'), { max: TITLE_MAX, initial: idea.title }),
    textInput(MODERATION_FIELDS.description, t('moderation-rewrite-description'), { multiline: true, max: DESCRIPTION_MAX, initial: idea.description }),
    textInput(MODERATION_FIELDS.comment, t('moderation-rewrite-comment'), { optional: true, multiline: true, max: COMMENT_MAX, hint: t('moderation-rewrite-hint') }),
  ]);
}

/** *Estimate cost*: the amount in the campaign's currency, within its bounds. */
export function estimateModal(services: Services, view: CommitteeIdea, target: CardTarget): types.ModalView {
  const { t, format, campaign } = services;
  const cost = view.idea.cost;
  const blocks: Block[] = [
    textInput(MODERATION_FIELDS.amount, t('moderation-estimate-amount', { currency: campaign.currency }), {
      max: 40,
      hint: t('moderation-estimate-hint', { min: format.money(campaign.ideaCost.min), max: format.money(campaign.ideaCost.max) }),
    }),
  ];
  if (cost !== null) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: t('moderation-estimate-current', { cost: format.money(cost) }) }] });
  return modal(services, 'estimate', view, target, blocks);
}

// ---- reading the forms ----------------------------------------------------------------

/** A form's value, or the messages to show under its fields. */
export type FormResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: Readonly<Record<string, string>> };

const fieldValue = z.object({ value: z.string().nullable().optional() });
const selectedValue = z.object({ selected_option: z.object({ value: z.string() }).nullable().optional() });

type StateValues = unknown;

function field(values: StateValues, block: string): unknown {
  if (typeof values !== 'object' || values === null) return undefined;
  const inBlock = (values as Record<string, unknown>)[block];
  if (typeof inBlock !== 'object' || inBlock === null) return undefined;
  return (inBlock as Record<string, unknown>)[fieldAction(block)];
}

/** A text input's value; '' when absent or not a text (a forged payload reads as empty). */
function text(values: StateValues, block: string): string {
  const parsed = fieldValue.safeParse(field(values, block));
  return parsed.success ? (parsed.data.value ?? '') : '';
}

/** A select's chosen value; null when none (or not a select). */
function selected(values: StateValues, block: string): string | null {
  const parsed = selectedValue.safeParse(field(values, block));
  return parsed.success ? (parsed.data.selected_option?.value ?? null) : null;
}

function fail(errors: Record<string, string>): FormResult<never> {
  return { ok: false, errors };
}

/** The comment field: trimmed, null when empty; an error text when longer than allowed. */
function comment(services: Services, values: StateValues): { value: string | null } | { error: string } {
  const c = text(values, MODERATION_FIELDS.comment).trim();
  if ([...c].length > COMMENT_MAX) return { error: services.t('moderation-error-too-long', { max: COMMENT_MAX }) };
  return { value: c === '' ? null : c };
}

/** *Request changes*: the comment is required. */
export function readChanges(services: Services, values: StateValues): FormResult<{ comment: string }> {
  const c = comment(services, values);
  if ('error' in c) return fail({ [MODERATION_FIELDS.comment]: c.error });
  if (c.value === null) return fail({ [MODERATION_FIELDS.comment]: services.t('moderation-error-comment-required') });
  return { ok: true, value: { comment: c.value } };
}

/** *Reject*: a criterion of the campaign (a forged id is refused here), an optional comment. */
export function readReject(services: Services, values: StateValues): FormResult<{ criterion: string; comment: string | null }> {
  const criterion = selected(values, MODERATION_FIELDS.criterion);
  const errors: Record<string, string> = {};
  if (criterion === null || !services.campaign.reviewCriteria.some((c) => c.id === criterion)) errors[MODERATION_FIELDS.criterion] = services.t('moderation-error-criterion');
  const c = comment(services, values);
  if ('error' in c) errors[MODERATION_FIELDS.comment] = c.error;
  if (Object.keys(errors).length > 0 || criterion === null || 'error' in c) return fail(errors);
  return { ok: true, value: { criterion, comment: c.value } };
}

const ideaId = z.string().regex(/^[A-Za-z0-9_-]{1,120}$/);

/** *Duplicate of…*: the chosen idea's id (whether it may absorb this one is the feature's check). */
export function readMerge(services: Services, values: StateValues): FormResult<{ into: string; comment: string | null }> {
  const into = ideaId.safeParse(selected(values, MODERATION_FIELDS.into));
  const errors: Record<string, string> = {};
  if (!into.success) errors[MODERATION_FIELDS.into] = services.t('moderation-error-merge-target');
  const c = comment(services, values);
  if ('error' in c) errors[MODERATION_FIELDS.comment] = c.error;
  if (!into.success || 'error' in c) return fail(errors);
  return { ok: true, value: { into: into.data, comment: c.value } };
}

/** *Propose rewrite*: title and description by the idea rules, an optional comment. */
export function readRewrite(services: Services, values: StateValues): FormResult<{ title: string; description: string; comment: string | null }> {
  const title = validateTitle(text(values, MODERATION_FIELDS.title));
  const description = validateDescription(text(values, MODERATION_FIELDS.description));
  const c = comment(services, values);
  const errors: Record<string, string> = {};
  if (!title.ok) errors[MODERATION_FIELDS.title] = refusalText(services, title);
  if (!description.ok) errors[MODERATION_FIELDS.description] = refusalText(services, description);
  if ('error' in c) errors[MODERATION_FIELDS.comment] = c.error;
  if (!title.ok || !description.ok || 'error' in c) return fail(errors);
  return { ok: true, value: { title: title.value, description: description.value, comment: c.value } };
}

/** *Estimate cost*: an amount as typed, converted to minor units and within the campaign's bounds. */
export function readEstimate(services: Services, values: StateValues): FormResult<{ cost: number }> {
  const { t, campaign } = services;
  const minor = parseAmount(text(values, MODERATION_FIELDS.amount), campaign);
  if (minor === null) return fail({ [MODERATION_FIELDS.amount]: t('moderation-error-amount') });
  const cost = validateCost(campaign, minor);
  if (!cost.ok) return fail({ [MODERATION_FIELDS.amount]: refusalText(services, cost) });
  return { ok: true, value: { cost: minor } };
}

/** Spaces a number may be grouped with: space, no-break space, narrow no-break space, thin space. */
const GROUP = '[ \\u00A0\\u202F\\u2009]';

/**
 * An amount typed by a moderator, in minor units: digits grouped by spaces or not, with `,`
 * or `.` before at most as many decimals as the currency has (`1200`, `1 200,50`, `1200.50`),
 * the currency's code or symbol allowed around it. Null for anything else: `1.200` or
 * `1,200` are refused rather than guessed (a grouping in one language is a decimal in another).
 */
export function parseAmount(raw: string, campaign: { readonly currency: string; readonly currencyMinorUnits: number; readonly defaultLocale: string }): number | null {
  let s = raw.trim();
  if (s.length === 0 || s.length > 40) return null;
  const symbol = new Intl.NumberFormat(campaign.defaultLocale, { style: 'currency', currency: campaign.currency }).formatToParts(1).find((p) => p.type === 'currency')?.value;
  for (const mark of [campaign.currency, symbol]) {
    if (mark === undefined || mark === '') continue;
    if (s.toUpperCase().startsWith(mark.toUpperCase())) s = s.slice(mark.length).trim();
    else if (s.toUpperCase().endsWith(mark.toUpperCase())) s = s.slice(0, s.length - mark.length).trim();
  }
  const decimals = Math.round(Math.log10(campaign.currencyMinorUnits));
  const fraction = decimals > 0 ? `(?:[.,]([0-9]{1,${decimals}}))?` : '';
  const m = new RegExp(`^([0-9]{1,3}(?:${GROUP}[0-9]{3})+|[0-9]{1,15})${fraction}$`, 'u').exec(s);
  if (m === null) return null;
  const whole = Number(m[1]!.replace(new RegExp(GROUP, 'gu'), ''));
  const cents = m[2] === undefined ? 0 : Number(m[2].padEnd(decimals, '0'));
  const minor = whole * campaign.currencyMinorUnits + cents;
  return Number.isSafeInteger(minor) ? minor : null;
}

// ---- the merge target's options ------------------------------------------------------

function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * The options of the merge target's `external_select` for what the moderator typed: by number
 * (`12`, `#12`: that idea first, then numbers starting so) or by words of the title (every
 * word found), at most {@link LIMITS.selectOptions}; `excluded` (the idea being merged) never.
 */
export function mergeOptions(candidates: readonly CommitteeIdea[], query: string, excluded: string): types.PlainTextOption[] {
  const q = query.trim().slice(0, 100);
  const others = candidates.filter((c) => c.idea.id !== excluded);
  const number = /^#?\s*([0-9]+)$/u.exec(q)?.[1];
  let found: readonly CommitteeIdea[];
  if (number !== undefined) {
    const exact = others.filter((c) => String(c.idea.number) === number);
    found = [...exact, ...others.filter((c) => String(c.idea.number).startsWith(number) && String(c.idea.number) !== number)];
  } else {
    const words = fold(q).split(/\s+/u).filter((w) => w !== '');
    found = words.length === 0 ? others : others.filter((c) => words.every((w) => fold(c.idea.title).includes(w)));
  }
  return found.slice(0, LIMITS.selectOptions).map((c) => {
    const prefix = `#${c.idea.number} `;
    return { text: plain(prefix + residentText(c.idea.title, LIMITS.optionText - prefix.length)), value: c.idea.id };
  });
}
