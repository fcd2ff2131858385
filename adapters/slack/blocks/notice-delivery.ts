/**
 * The committee's alert about messages given up (Block Kit): how many deliveries failed in
 * all, how many since the last alert, and — when a committee notice was the one given up —
 * which template and why (a reason of a known kind, never a platform's text). Pure.
 */
import type { SlackServices } from '../context.ts';
import { clip, escapeSlack } from '../mrkdwn.ts';
import type { SlackContent } from './card.ts';
import { LIMITS } from './limits.ts';

/** What the alert reports. */
export interface FailedDeliveries {
  /** Messages given up in all (outbox `failed`). */
  readonly total: number;
  /** Of which since the last alert; null for the first alert this process makes (it knows no earlier count). */
  readonly added: number | null;
  /** The committee notice that was just given up, if that triggered the alert. */
  readonly latest?: { readonly template: string; readonly reason: string } | null;
}

/** The failed-deliveries alert. */
export function renderFailedDeliveries(services: Pick<SlackServices, 't'>, f: FailedDeliveries): SlackContent {
  const { t } = services;
  const head = t('notice-failed-deliveries', { total: f.total });
  const lines = [f.added === null ? head : `${head} ${t('notice-failed-deliveries-added', { added: f.added })}`, t('notice-failed-deliveries-todo')];
  if (f.latest != null) lines.push(t('notice-failed-deliveries-latest', { template: escapeSlack(f.latest.template), reason: escapeSlack(f.latest.reason) }));
  const text = lines.join('\n');
  return { text: clip(t('notice-failed-deliveries-text', { total: f.total }), LIMITS.messageText), blocks: [{ type: 'section', text: { type: 'mrkdwn', text: clip(text, LIMITS.sectionText) } }] };
}
