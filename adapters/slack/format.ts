/**
 * Dates, amounts and engine refusals as the committee reads them: in the campaign's time zone
 * and currency, in the committee's language. Intl formatters are built once per app.
 */
import type { Campaign } from '../../core/campaign/campaign.ts';
import type { SlackTranslate } from './i18n.ts';
import { escapeSlack } from './mrkdwn.ts';

/** Formats instants and money for one campaign and language. */
export interface SlackFormat {
  /** `12 May 2026, 14:05` in the campaign's time zone. */
  dateTime(epochMs: number): string;
  /** `12 May 2026`. */
  date(epochMs: number): string;
  /** Minor units → `20 000,00 €` in the campaign's currency. */
  money(minor: number): string;
  /** How long ago, coarse: `3 d`, `5 h`, `12 min`. */
  age(sinceMs: number, nowMs: number): string;
}

/** The formatter of `campaign` in `locale`. */
export function slackFormat(campaign: Pick<Campaign, 'timeZone' | 'currency' | 'currencyMinorUnits'>, locale: string): SlackFormat {
  const dateTime = new Intl.DateTimeFormat(locale, { timeZone: campaign.timeZone, dateStyle: 'medium', timeStyle: 'short' });
  const date = new Intl.DateTimeFormat(locale, { timeZone: campaign.timeZone, dateStyle: 'medium' });
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency: campaign.currency });
  return {
    dateTime: (ms) => dateTime.format(ms),
    date: (ms) => date.format(ms),
    money: (minor) => money.format(minor / campaign.currencyMinorUnits),
    age: (since, now) => {
      const minutes = Math.max(0, Math.floor((now - since) / 60_000));
      if (minutes < 60) return `${minutes} min`;
      const hours = Math.floor(minutes / 60);
      if (hours < 48) return `${hours} h`;
      return `${Math.floor(hours / 24)} d`;
    },
  };
}

/** A refusal as the engine returns it. */
export interface SlackRefusalLike {
  readonly code: string;
  readonly params?: Readonly<Record<string, unknown>>;
}

/** Params holding instants (epoch ms) and amounts (minor units), formatted before translation. */
const DATE_PARAMS = new Set(['at', 'opensAt', 'nextPhaseOpensAt', 'until', 'end', 'start', 'closesAt']);
/** Amounts only where the code's params are money: `min`/`max` are lengths in other refusals. */
const MONEY_PARAMS: Readonly<Record<string, ReadonlySet<string>>> = {
  'idea.cost_out_of_bounds': new Set(['min', 'max', 'cost']),
  'ballot.over_budget': new Set(['total', 'budget', 'over']),
};

/** The message key of a refusal code: `moderation.already_decided` → `refusal-moderation-already-decided`. */
export function slackRefusalKey(code: string): string {
  return `refusal-${code.replace(/[._]/g, '-')}`;
}

/**
 * The text of an engine refusal for the committee: `refusal-<code>` (locales/*\/refusals*.ftl)
 * with dates and amounts formatted and text params escaped, or `refusal-generic` naming the
 * code when no text exists. Never throws.
 */
export function slackRefusal(t: SlackTranslate, format: SlackFormat, refusal: SlackRefusalLike): string {
  const variables: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(refusal.params ?? {})) {
    if (v === null || v === undefined) variables[k] = 'none';
    else if (typeof v === 'number' && DATE_PARAMS.has(k)) variables[k] = format.dateTime(v);
    else if (typeof v === 'number' && MONEY_PARAMS[refusal.code]?.has(k) === true) variables[k] = format.money(v);
    else if (typeof v === 'number') variables[k] = v;
    else variables[k] = escapeSlack(String(v));
  }
  const key = slackRefusalKey(refusal.code);
  const text = t(key, variables);
  return text === key ? t('refusal-generic', { code: refusal.code }) : text;
}
