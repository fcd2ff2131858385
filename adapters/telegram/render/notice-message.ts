/**
 * The Telegram text of an outbox message to a resident, read at send time: `noticeText` of
 * its template in the resident's language, except for broadcast messages, whose content is
 * read from the broadcast record (staff's words in the resident's language, or a template) so
 * the per-resident outbox messages stay small. The answer to a question travels in the
 * message's own params (`text`, `by`: staff's words, not the resident's — question-usecases'
 * `toOwner`), so it needs no read of the question store.
 */
import type { Campaign } from '../../../core/campaign/campaign.ts';
import { BROADCAST_TEMPLATE } from '../../../core/broadcasts/broadcast.ts';
import type { BroadcastStore } from '../../../core/ports/broadcast-store.ts';
import type { OutboxMessage } from '../../../core/ports/outbox.ts';
import type { Resident } from '../../../core/residents/resident.ts';
import type { Translator } from '../i18n.ts';
import { noticeText } from './notice-text.ts';
import type { ParamValue } from './text-format.ts';

/** What {@link noticeMessage} reads. */
export interface NoticeMessageSources {
  readonly t: Translator;
  readonly campaign: Campaign;
  readonly broadcasts: Pick<BroadcastStore, 'get'>;
}

/** The message's Telegram HTML for `resident`; null when its broadcast no longer exists. */
export async function noticeMessage(sources: NoticeMessageSources, resident: Pick<Resident, 'locale'>, message: Pick<OutboxMessage, 'template' | 'params'>): Promise<string | null> {
  const { t, campaign } = sources;
  const locale = resident.locale;
  const params = message.params as Readonly<Record<string, ParamValue>>;
  if (message.template !== BROADCAST_TEMPLATE) return noticeText(t, locale, campaign, { template: message.template, params });
  const id = params['broadcast'];
  const broadcast = typeof id === 'string' ? await sources.broadcasts.get(id) : null;
  if (broadcast === null) return null;
  const content = broadcast.content;
  if (content.kind === 'template') return noticeText(t, locale, campaign, { template: content.template, params: content.params as Readonly<Record<string, ParamValue>> });
  const text = content.texts[locale] ?? content.texts[campaign.defaultLocale] ?? Object.values(content.texts)[0];
  return text === undefined ? null : noticeText(t, locale, campaign, { template: BROADCAST_TEMPLATE, params: { text } });
}
