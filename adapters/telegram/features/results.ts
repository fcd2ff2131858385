/**
 * The results in the residents' bot (SPEC §2.3, issue #11), once announced: per envelope the
 * funded projects with their cost and what is left of the envelope, read from the results the
 * count stored (`runTally`), and "how my ballot fared" (`explainMyBallots`) in the resident's
 * language. Menu action `results` and `/results`. Before the announcement (the count may be
 * stored during `tallying` already) the resident is told the results are not known yet.
 */
import { Composer } from 'grammy';
import type { StoredResults } from '../../../core/ballots/results.ts';
import type { Campaign } from '../../../core/campaign/campaign.ts';
import type { BallotFate } from '../../../core/engine/tally-usecases.ts';
import { renderTallyExplanation } from '../../i18n/tally-messages.ts';
import type { BotServices, PnyxContext } from '../context.ts';
import type { Translator } from '../i18n.ts';
import { escapeHtml } from '../render/html.ts';
import { localized } from '../render/localized.ts';
import { refusalText } from '../render/refusal-text.ts';
import { splitHtml } from '../render/split.ts';
import { formatFor } from '../render/text-format.ts';
import { menuCallback } from './main-menu.ts';

/** What the results feature needs besides the services. */
export interface ResultsFeatureOptions {
  /** The results the count stored (null before any count). */
  readonly loadResults: () => Promise<StoredResults | null>;
}

/** The results text (HTML) in `locale`: winners per envelope, then the resident's ballots. Pure. */
export function resultsText(t: Translator, locale: string, campaign: Campaign, results: StoredResults, fates: readonly BallotFate[]): string {
  const f = formatFor(locale, campaign);
  // Explanation amounts are decimal strings of minor units: shown like every other amount here.
  const explainMoney = (v: unknown): string => f.money(Number(v));
  const scoreKey = campaign.ballot.kind === 'cumulative' ? 'results-points' : 'results-votes';
  const envelopeName = (id: string): string => escapeHtml(localized(campaign, campaign.envelopes.find((e) => e.id === id)?.name ?? { [locale]: id }, locale));
  const lines = [t(locale, 'results-title', { campaign: escapeHtml(localized(campaign, campaign.name, locale)) })];
  for (const env of results.envelopes) {
    lines.push('', t(locale, 'results-envelope', { envelope: envelopeName(env.envelopeId), budget: f.money(env.budget), ballots: env.ballots }));
    const funded = env.rows.filter((r) => r.funded).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
    if (funded.length === 0) lines.push(t(locale, 'results-none-funded'));
    for (const row of funded) {
      lines.push(t(locale, 'results-winner', { number: String(row.number), title: escapeHtml(row.title), cost: f.money(row.cost), score: t(locale, scoreKey, { count: row.score }) }));
    }
    lines.push(t(locale, 'results-left', { spent: f.money(env.spent), left: f.money(env.left) }));
  }
  lines.push('', t(locale, 'results-mine-title'));
  if (fates.length === 0) lines.push(t(locale, 'results-mine-none'));
  for (const fate of fates) {
    lines.push(t(locale, 'results-mine-envelope', { envelope: envelopeName(fate.envelopeId), receipt: escapeHtml(fate.receipt) }));
    for (const item of fate.items) {
      const why = escapeHtml(renderTallyExplanation(locale, item.reason, explainMoney));
      lines.push(`${item.funded ? '✅' : '➖'} <b>#${item.number}</b> ${escapeHtml(item.title)}: ${why}`);
    }
  }
  return lines.join('\n');
}

/** `/results` and the menu's results button. */
export function resultsFeature(services: BotServices, options: ResultsFeatureOptions): Composer<PnyxContext> {
  const { engine, campaign, translate: t } = services;
  const composer = new Composer<PnyxContext>();
  const privateChat = composer.chatType('private');

  const show = async (ctx: PnyxContext): Promise<void> => {
    const r = ctx.resident;
    if (r === null) return;
    const locale = r.locale;
    const notYet = (): Promise<unknown> => ctx.reply(refusalText(t, locale, campaign, { code: 'results.not_yet', params: {} }), { parse_mode: 'HTML' });
    const { status } = await engine.status();
    const announced = status.kind !== 'between' && (status.phase === 'announced' || status.phase === 'archived');
    if (!announced) {
      await notYet();
      return;
    }
    const results = await options.loadResults();
    const fates = await engine.explainMyBallots(r.id);
    if (results === null || !fates.ok) {
      await notYet();
      return;
    }
    for (const chunk of splitHtml(resultsText(t, locale, campaign, results, fates.value))) await ctx.reply(chunk, { parse_mode: 'HTML' });
  };

  privateChat.command('results', show);
  privateChat.callbackQuery(menuCallback.filter, async (ctx, next) => {
    if (menuCallback.decode(ctx.callbackQuery.data)?.[0] !== 'results') return next();
    await ctx.answerCallbackQuery();
    return show(ctx);
  });
  return composer;
}
