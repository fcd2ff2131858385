/**
 * A broadcast's progress message in the announcements channel (Block Kit), rendered from the
 * broadcast's record and its delivery counts (`engine.broadcastProgress`): what is being
 * announced, to whom, by whom and since when, then how many messages are planned, sent,
 * failed and left — and once nothing is left, the final summary. The same renderer serves
 * the first post, every in-place update and the final one, so they never disagree. Pure.
 */
import type { BroadcastProgress } from '../../../core/engine/broadcast-usecases.ts';
import { clip } from '../mrkdwn.ts';
import type { SlackContent } from './card.ts';
import type { Block, RenderServices } from './command-common.ts';
import { actorText, areaName, context, header, phaseName, section, staffText } from './command-common.ts';
import { LIMITS } from './limits.ts';

/** Characters of the announced text shown in the progress message. */
const EXCERPT_MAX = 280;
/** Cells of the progress bar. */
const BAR_CELLS = 20;

/** The figures a progress message shows; equal signatures render the same message. */
export function progressSignature(p: BroadcastProgress): string {
  return [p.status, p.total ?? '-', p.queued, p.sent, p.failed, p.skipped].join('|');
}

/** What is announced, in a few words: the start of staff's text, or the phase it announces. */
function subject(services: RenderServices, p: BroadcastProgress): string {
  const { t, campaign } = services;
  const content = p.broadcast.content;
  if (content.kind === 'texts') {
    const text = content.texts[campaign.defaultLocale] ?? Object.values(content.texts)[0] ?? '';
    const firstLine = text.split('\n').find((l) => l.trim() !== '') ?? '';
    return `> ${staffText(firstLine.length > EXCERPT_MAX ? `${firstLine.slice(0, EXCERPT_MAX - 1)}…` : firstLine, EXCERPT_MAX * 5)}`;
  }
  const phase = /^announce\.phase\.([a-z]+)$/u.exec(content.template)?.[1];
  return phase === undefined ? t('command-progress-template') : t('command-progress-phase', { phase: phaseName(t, phase) });
}

function bar(done: number, planned: number, locale: string): string {
  const ratio = planned <= 0 ? 0 : Math.min(1, done / planned);
  const full = Math.round(ratio * BAR_CELLS);
  // Rounded down: "100 %" only once every message is settled.
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(Math.floor(ratio * 100) / 100);
  return `\`${'█'.repeat(full)}${'░'.repeat(BAR_CELLS - full)}\` ${percent}`;
}

/** The progress message of `p`. */
export function renderProgress(services: RenderServices, p: BroadcastProgress): SlackContent {
  const { t, format, campaign } = services;
  const b = p.broadcast;
  // A vote reminder (`nonVoters`) shows its town or area; the progress counts who it reached.
  const area = b.audience.kind === 'all' ? null : b.audience.area;
  const audience = area === null ? t('command-progress-audience-all') : t('command-progress-audience-area', { area: areaName(campaign, area) });
  const finished = p.status === 'done';
  const planned = p.total ?? p.queued;
  const settled = p.sent + p.failed + p.skipped;
  const title = t(finished ? 'command-progress-title-done' : 'command-progress-title-sending');
  const field = (label: string, value: string) => ({ type: 'mrkdwn', text: clip(`*${label}*\n${value}`, LIMITS.sectionField) });
  const blocks: Block[] = [
    header(title),
    section(subject(services, p)),
    context(t('command-progress-by', { by: actorText(t, b.by), at: format.dateTime(b.startedAt), audience })),
    {
      type: 'section',
      fields: [
        field(t('command-progress-total'), p.total === null ? t('command-progress-total-counting', { queued: p.queued }) : String(p.total)),
        field(t('command-progress-sent'), String(p.sent)),
        field(t('command-progress-failed'), String(p.failed)),
        field(t('command-progress-left'), String(p.left)),
      ],
    },
  ];
  // Messages that no longer applied when their turn came (a reminder to who voted meanwhile).
  const skipped = p.skipped > 0 ? context(t('command-progress-skipped', { skipped: p.skipped })) : null;
  let summary: string;
  if (finished) {
    summary = t('command-progress-done', { total: p.total ?? settled, sent: p.sent, failed: p.failed, at: format.dateTime(b.finishedAt ?? b.startedAt) });
    blocks.push(section(summary));
    if (skipped !== null) blocks.push(skipped);
    if (p.failed > 0) blocks.push(context(t('command-progress-failed-hint')));
  } else {
    summary = t('command-progress-running', { sent: p.sent, failed: p.failed, left: p.left });
    blocks.push(section(bar(settled, planned, campaign.defaultLocale)));
    if (skipped !== null) blocks.push(skipped);
  }
  return { text: clip(`${title} — ${summary}`, LIMITS.messageText), blocks };
}
