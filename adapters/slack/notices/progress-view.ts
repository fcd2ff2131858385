/**
 * What the progress message shows beyond the figures of `blocks/command-progress.ts` (which
 * it extends rather than repeats): while a broadcast runs, its pace (messages settled per
 * second over the recent window) and how long is left at that pace; once done, how long it
 * took and, when some failed, the failures grouped by reason. The reasons are the outbox's
 * fixed failure texts (`telegram 403: blocked by the user`…), never a platform's own words
 * nor anything about a resident. Pure.
 */
import type { BroadcastProgress } from '../../../core/engine/broadcast-usecases.ts';
import type { SlackContent } from '../blocks/card.ts';
import type { Block, RenderServices } from '../blocks/command-common.ts';
import { context, section } from '../blocks/command-common.ts';
import { renderProgress } from '../blocks/command-progress.ts';
import { LIMITS } from '../blocks/limits.ts';
import { clip, escapeSlack } from '../mrkdwn.ts';

/** The pace of a running broadcast, as the reporter measured it. */
export interface ProgressPace {
  /** Messages settled (sent, failed or skipped) per second over the recent window; null: not measured yet. */
  readonly perSecond: number | null;
  /** True when nothing was settled over the whole window (the pace is then 0). */
  readonly stalled: boolean;
}

/** Failures of a finished broadcast grouped by reason, most frequent first; null: not known. */
export type FailureReasons = readonly { readonly reason: string; readonly count: number }[] | null;

/** Reasons shown one by one; the rest are summed up. */
const REASONS_SHOWN = 5;

/** `ms` as "1 h 5 min", "3 min 20 s", "45 s" in `locale` (whole seconds; at least "0 s"). */
export function formatDuration(ms: number, locale: string): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const parts: Array<[number, 'hour' | 'minute' | 'second']> = [
    [Math.floor(total / 3600), 'hour'],
    [Math.floor((total % 3600) / 60), 'minute'],
    [total % 60, 'second'],
  ];
  // Hours and minutes once it is over an hour; minutes and seconds below.
  const kept = (total >= 3600 ? parts.slice(0, 2) : parts.slice(1)).filter(([n]) => n > 0);
  if (kept.length === 0) kept.push(parts[2]!);
  return kept.map(([n, unit]) => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' }).format(n)).join(' ');
}

/** A pace as "2.5 messages/s", or per minute below one a second ("12 messages/min"). */
function formatRate(t: RenderServices['t'], perSecond: number, locale: string): string {
  if (perSecond < 1) return t('progress-rate-minute', { rate: new Intl.NumberFormat(locale, { maximumSignificantDigits: 2 }).format(perSecond * 60) });
  return t('progress-rate', { rate: new Intl.NumberFormat(locale, { maximumFractionDigits: perSecond < 10 ? 1 : 0 }).format(perSecond) });
}

/** The line of pace and time left of a running broadcast. */
export function paceLine(services: RenderServices, p: BroadcastProgress, pace: ProgressPace): string {
  const { t, campaign } = services;
  const locale = campaign.defaultLocale;
  if (pace.stalled) return t('progress-stalled');
  if (pace.perSecond === null || pace.perSecond <= 0) return t('progress-rate-unknown');
  const rate = formatRate(t, pace.perSecond, locale);
  // While fan-out runs the total is not known: no time left to promise.
  if (p.total === null) return `${rate} · ${t('progress-eta-counting')}`;
  const left = (p.left / pace.perSecond) * 1000;
  return `${rate} · ${t('progress-eta', { eta: formatDuration(left, locale) })}`;
}

/** The progress message of a running broadcast: the figures, then its pace and time left. */
export function renderRunning(services: RenderServices, p: BroadcastProgress, pace: ProgressPace): SlackContent {
  const base = renderProgress(services, p);
  if (p.status === 'done') return base;
  const line = paceLine(services, p, pace);
  const blocks: Block[] = [...(base.blocks as Block[]), context(line)];
  return { text: clip(`${base.text} · ${line}`, LIMITS.messageText), blocks };
}

/** The final summary of a finished broadcast: the figures, how long it took, the failures by reason. */
export function renderFinished(services: RenderServices, p: BroadcastProgress, reasons: FailureReasons): SlackContent {
  const { t, campaign } = services;
  const base = renderProgress(services, p);
  const b = p.broadcast;
  const locale = campaign.defaultLocale;
  const tookMs = Math.max(0, (b.finishedAt ?? b.startedAt) - b.startedAt);
  const settled = p.sent + p.failed + p.skipped;
  const took = t('progress-took', { duration: formatDuration(tookMs, locale) });
  const average = tookMs >= 1000 && settled > 0 ? ` ${t('progress-average', { rate: formatRate(t, settled / (tookMs / 1000), locale) })}` : '';
  const blocks: Block[] = [...(base.blocks as Block[]), context(`${took}${average}`)];
  if (p.failed > 0) {
    if (reasons === null || reasons.length === 0) blocks.push(context(t('progress-reasons-unknown')));
    else {
      const lines = reasons.slice(0, REASONS_SHOWN).map((r) => t('progress-reason', { reason: escapeSlack(r.reason), count: r.count }));
      const others = reasons.slice(REASONS_SHOWN).reduce((n, r) => n + r.count, 0);
      if (others > 0) lines.push(t('progress-reason-others', { count: others }));
      blocks.push(section(`*${t('progress-reasons-title')}*\n${lines.join('\n')}`));
    }
  }
  return { text: clip(`${base.text} ${took}`, LIMITS.messageText), blocks };
}
