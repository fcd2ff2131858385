/**
 * The committee's alert about parked Telegram messages (Block Kit): one per reason and alert
 * episode, redrawn in place as the count grows (adapters/delivery/parked-alerts.ts). It says
 * what happened in the committee's words — Telegram refused them, Telegram answered with
 * server errors, Telegram could not be reached — with the reason as the outbox keeps it (a
 * fixed text, never Telegram's own), how many messages are parked with it, and what will
 * happen to them. Nothing about the recipients. Pure.
 */
import type { SlackServices } from '../context.ts';
import { clip, escapeSlack } from '../mrkdwn.ts';
import type { SlackContent } from './card.ts';
import { LIMITS } from './limits.ts';

/** What the alert shows. */
export interface ParkedAlertView {
  /** The parked messages' reason, e.g. `telegram 400: chat not found`, `telegram 502`, `network error`. */
  readonly reason: string;
  readonly kind: 'refused' | 'transient';
  /** Attempts of a message given up after its retries. */
  readonly attempts: number;
  /** Messages parked with this reason (the outbox's count, as `/readyz` shows it). */
  readonly count: number;
  /** Epoch ms of the episode's first parked message (its alert). */
  readonly since: number;
  /** Epoch ms the count was read. */
  readonly at: number;
}

/** The headline's key: a refusal, server errors, network errors, or another failure. */
function headlineKey(v: ParkedAlertView): string {
  if (v.kind === 'refused') return 'notice-parked-refused';
  if (/^telegram 5\d\d\b/u.test(v.reason)) return 'notice-parked-server';
  if (v.reason === 'network error') return 'notice-parked-network';
  return 'notice-parked-other';
}

/** The alert of parked messages of one reason. */
export function renderParkedAlert(services: Pick<SlackServices, 't' | 'format'>, v: ParkedAlertView): SlackContent {
  const { t, format } = services;
  const vars = { count: v.count, reason: escapeSlack(v.reason), attempts: v.attempts };
  const body = [t(headlineKey(v), vars), t(v.kind === 'refused' ? 'notice-parked-refused-todo' : 'notice-parked-retried-todo', vars), t('notice-parked-where')].join('\n');
  const context = t('notice-parked-context', { since: format.dateTime(v.since), at: format.dateTime(v.at) });
  return {
    text: clip(t('notice-parked-text', vars), LIMITS.messageText),
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: clip(body, LIMITS.sectionText) } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: clip(context, LIMITS.sectionText) }] },
    ],
  };
}
