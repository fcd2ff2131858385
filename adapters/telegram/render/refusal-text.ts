/**
 * The text of an engine refusal for a resident: `refusal-<code>` in refusals.ftl, its params
 * made readable first (`textVariables`: dates in the campaign's time zone, money, names).
 * A code without a text (an engine newer than its texts) gets `refusal-generic`, never an
 * exception: the resident still learns that nothing was changed.
 */
import { REFUSAL_CODES } from '../../../core/domain/codes.ts';
import type { RefusalCode } from '../../../core/domain/codes.ts';
import type { Translator } from '../i18n.ts';
import { textVariables } from './text-format.ts';
import type { ParamValue, VariableContext } from './text-format.ts';

/** The message key of a refusal code: `voting.not_yet` → `refusal-voting-not-yet`. */
export function refusalKey(code: string): string {
  return `refusal-${code.replace(/[._]/g, '-')}`;
}

/** The key of the text shown for a code without its own text. */
export const GENERIC_REFUSAL_KEY = 'refusal-generic';

/** Params of each refusal that are amounts of money (minor units of the campaign currency). */
export const REFUSAL_MONEY_PARAMS: Partial<Record<RefusalCode, readonly string[]>> = {
  'ballot.over_budget': ['total', 'budget', 'over'],
  'idea.cost_out_of_bounds': ['min', 'max', 'cost'],
};

/** A refusal as the engine returns it (`Refused`), or a `DomainError`'s code and params. */
export interface RefusalLike {
  readonly code: string;
  readonly params?: Readonly<Record<string, ParamValue>>;
}

const KNOWN: ReadonlySet<string> = new Set(REFUSAL_CODES);

/** The refusal's text in `locale` (Telegram HTML: every variable escaped). Never throws. */
export function refusalText(t: Translator, locale: string, campaign: VariableContext['campaign'], refusal: RefusalLike): string {
  const known = KNOWN.has(refusal.code);
  const ctx: VariableContext = { t, locale, campaign, money: known ? REFUSAL_MONEY_PARAMS[refusal.code as RefusalCode] : [] };
  let variables;
  try {
    variables = textVariables(ctx, refusal.params ?? {});
  } catch {
    variables = {};
  }
  if (known) {
    const key = refusalKey(refusal.code);
    const text = t(locale, key, variables);
    if (text !== `{${key}}` && text !== key) return text;
  }
  return t(locale, GENERIC_REFUSAL_KEY, variables);
}
