/**
 * Values as a resident reads them, in their language and the campaign's time zone: dates,
 * amounts of money, numbers, and the variables of a text (`textVariables`) made from an
 * engine message's params before Fluent sees them.
 *
 * Conventions of the variables every refusal and notice text can rely on:
 * - instants (epoch ms) become dates: a start at local midnight shows the date alone
 *   ("1 June 2026"); a deadline (`closesAt`, `closedAt`, `end`, `until`) at local midnight
 *   shows the last minute of the day before ("30 June 2026, 23:59"), because windows are
 *   half-open and "closes on 1 July" would read as "you can still vote on 1 July";
 * - money params (per text) become amounts in the campaign currency;
 * - `null` becomes the string `none` (texts use it only as a selector, `[none]`), booleans
 *   `true` / `false`; identifiers (idea and question numbers, receipts) stay strings so Fluent
 *   prints no digit grouping; counts stay numbers so plural selectors work;
 * - names the campaign defines (area, category, criterion, envelope) become their name in
 *   the resident's language, `phase`/`nextPhase`/`from`/`to` and `state` their word
 *   (`common-phase-…`, `common-idea-state-…`), `locale` the language's own name;
 * - every string is escaped for Telegram's HTML parse mode (committee and resident text
 *   included), so a text may use tags around variables;
 * - param names are made Fluent identifiers: flattened figures (`newIdeas.thisWeek`) become
 *   `newIdeas_thisWeek`;
 * - `campaign` is always there: the campaign's name in the resident's language.
 */
import type { Campaign } from '../../../core/campaign/campaign.ts';
import type { Translator, TextVariables } from '../i18n.ts';
import { escapeHtml } from './html.ts';

/** The campaign fields the formatters read. */
export type FormatCampaign = Pick<Campaign, 'timeZone' | 'currency' | 'currencyMinorUnits'>;

/** Formatters of one locale for one campaign. */
export interface TextFormat {
  /** An instant (epoch ms) as a local date, with the time unless it is local midnight. */
  readonly date: (ms: number) => string;
  /** The end of a half-open window (epoch ms): at local midnight, the day before at 23:59. */
  readonly deadline: (ms: number) => string;
  /** Minor units in the campaign currency ("20 000 €"; decimals only when there are cents). */
  readonly money: (minor: number) => string;
  /** A number with the locale's separators. */
  readonly number: (n: number) => string;
}

const MINUTE = 60_000;

/**
 * Formatters already built, by locale, time zone and currency: building the `Intl` objects
 * costs far more than formatting with them (it was a fifth of the bot's CPU under load), and
 * they are immutable. Bounded by locales × campaigns.
 */
const built = new Map<string, TextFormat>();

/** Formatters for `locale` (a BCP-47 tag) in `campaign`'s time zone and currency. */
export function formatFor(locale: string, campaign: FormatCampaign): TextFormat {
  const key = `${locale}|${campaign.timeZone}|${campaign.currency}|${campaign.currencyMinorUnits}`;
  let f = built.get(key);
  if (f === undefined) {
    f = buildFormat(locale, campaign);
    if (built.size > 1000) built.clear();
    built.set(key, f);
  }
  return f;
}

function buildFormat(locale: string, campaign: FormatCampaign): TextFormat {
  const tz = campaign.timeZone;
  const dateOnly = new Intl.DateTimeFormat(locale, { timeZone: tz, dateStyle: 'long' });
  const dateTime = new Intl.DateTimeFormat(locale, { timeZone: tz, dateStyle: 'long', timeStyle: 'short', hourCycle: 'h23' });
  const clock = new Intl.DateTimeFormat('en', { timeZone: tz, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const isMidnight = (ms: number): boolean => {
    const parts = clock.formatToParts(ms);
    const hour = parts.find((p) => p.type === 'hour')?.value;
    const minute = parts.find((p) => p.type === 'minute')?.value;
    return Number(hour) === 0 && Number(minute) === 0 && ms % MINUTE === 0;
  };
  const decimals = Math.max(0, Math.round(Math.log10(campaign.currencyMinorUnits)));
  const moneyExact = new Intl.NumberFormat(locale, { style: 'currency', currency: campaign.currency, minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  const moneyWhole = new Intl.NumberFormat(locale, { style: 'currency', currency: campaign.currency, minimumFractionDigits: 0, maximumFractionDigits: 0 });
  const numbers = new Intl.NumberFormat(locale);
  const valid = (ms: number): boolean => Number.isFinite(ms) && Math.abs(ms) <= 8.64e15;
  return {
    date: remembered((ms) => (!valid(ms) ? String(ms) : isMidnight(ms) ? dateOnly.format(ms) : dateTime.format(ms))),
    deadline: remembered((ms) => (!valid(ms) ? String(ms) : isMidnight(ms) ? dateTime.format(ms - MINUTE) : dateTime.format(ms))),
    money: remembered((minor) => {
      if (!Number.isFinite(minor)) return String(minor);
      const major = minor / campaign.currencyMinorUnits;
      return (Number.isInteger(major) ? moneyWhole : moneyExact).format(major);
    }),
    number: remembered((n) => numbers.format(n)),
  };
}

/** Texts formatted per value, bounded: the same deadline and costs are shown on every press. */
const REMEMBERED = 2000;

/** `format`, with the texts of the values it formatted kept (they never change: the formatters are immutable). */
function remembered(format: (n: number) => string): (n: number) => string {
  const texts = new Map<number, string>();
  return (n) => {
    // A map's keys do not tell -0 from 0, which Intl may format apart.
    if (Object.is(n, -0)) return format(n);
    let text = texts.get(n);
    if (text === undefined) {
      text = format(n);
      if (texts.size >= REMEMBERED) texts.clear();
      texts.set(n, text);
    }
    return text;
  };
}

/** Params of instants that start something (shown as a date, with the time unless midnight). */
const START_PARAMS = new Set(['opensAt', 'at', 'nextPhaseOpensAt', 'retryAt', 'nextMilestone.at']);
/** Params of instants that end a half-open window. */
const DEADLINE_PARAMS = new Set(['closesAt', 'closedAt', 'end', 'until']);
/** Params that are identifiers: strings, so no digit grouping. */
const ID_PARAMS = new Set(['idea', 'question', 'into', 'receipt', 'broadcast', 'questionId', 'ideaId']);
/** Params naming a phase. */
const PHASE_PARAMS = new Set(['phase', 'nextPhase', 'from', 'to', 'nextMilestone.phase']);

/** A param value as the engine passes it (arrays allowed: they are joined). */
export type ParamValue = string | number | boolean | null | undefined | readonly (string | number)[];

/** What {@link textVariables} needs besides the params. */
export interface VariableContext {
  readonly t: Translator;
  readonly locale: string;
  readonly campaign: FormatCampaign & Partial<Pick<Campaign, 'name' | 'areas' | 'categories' | 'reviewCriteria' | 'envelopes' | 'defaultLocale'>>;
  /** Names of the params that are amounts of money (minor units). */
  readonly money?: readonly string[];
}

/** A Fluent variable name for a param name (`a.b` → `a_b`). */
export function variableName(param: string): string {
  const name = param.replace(/[^A-Za-z0-9_-]/g, '_');
  return /^[A-Za-z]/.test(name) ? name : `p_${name}`;
}

function localName(names: Readonly<Record<string, string>> | undefined, locale: string, fallback?: string): string | undefined {
  if (names === undefined) return undefined;
  const language = locale.split('-')[0] ?? locale;
  return names[locale] ?? names[language] ?? (fallback === undefined ? undefined : names[fallback]) ?? Object.values(names)[0];
}

function languageName(tag: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** The word for `key` in `locale`, or `fallback` when the key has no text. */
function word(ctx: VariableContext, key: string, fallback: string): string {
  const text = ctx.t(ctx.locale, key);
  return text === `{${key}}` || text === key ? fallback : text;
}

function nameOf(ctx: VariableContext, param: string, value: string): string {
  const c = ctx.campaign;
  const find = <T extends { readonly id: string }>(list: readonly T[] | undefined): T | undefined => list?.find((x) => x.id === value);
  const d = c.defaultLocale;
  switch (param) {
    case 'area':
      return localName(find(c.areas)?.name, ctx.locale, d) ?? value;
    case 'category':
      return localName(find(c.categories)?.name, ctx.locale, d) ?? value;
    case 'criterion':
      return localName(find(c.reviewCriteria)?.label, ctx.locale, d) ?? value;
    case 'envelope':
      return localName(find(c.envelopes)?.name, ctx.locale, d) ?? value;
    case 'locale':
      return languageName(value, ctx.locale);
    case 'state':
      return word(ctx, `common-idea-state-${value.replace(/_/g, '-')}`, value);
    default:
      return PHASE_PARAMS.has(param) ? word(ctx, `common-phase-${value}`, value) : value;
  }
}

/**
 * The Fluent variables of a text from an engine message's params (see the conventions at
 * the top of this file). Never throws: a value of an unexpected type is shown as text.
 */
export function textVariables(ctx: VariableContext, params: Readonly<Record<string, ParamValue>>): TextVariables {
  const fmt = formatFor(ctx.locale, ctx.campaign);
  const money = new Set(ctx.money ?? []);
  const out: Record<string, string | number> = {};
  const campaignName = localName(ctx.campaign.name, ctx.locale, ctx.campaign.defaultLocale);
  if (campaignName !== undefined) out.campaign = escapeHtml(campaignName);
  for (const [param, value] of Object.entries(params)) {
    const name = variableName(param);
    if (value === null || value === undefined) out[name] = 'none';
    else if (typeof value === 'boolean') out[name] = value ? 'true' : 'false';
    else if (Array.isArray(value)) out[name] = escapeHtml(value.map(String).join(', '));
    else if (typeof value === 'number') {
      if (money.has(param)) out[name] = fmt.money(value);
      else if (DEADLINE_PARAMS.has(param)) out[name] = fmt.deadline(value);
      else if (START_PARAMS.has(param)) out[name] = fmt.date(value);
      else if (ID_PARAMS.has(param)) out[name] = String(value);
      else out[name] = value;
    } else if (typeof value === 'string') {
      out[name] = escapeHtml(nameOf(ctx, param, value));
    } else {
      out[name] = escapeHtml(String(value as unknown));
    }
  }
  return out;
}
