/**
 * The Telegram text of an outbox message to a resident, read at send time: `noticeText` of
 * its template in the resident's language, except for broadcast messages, whose content is
 * read from the broadcast record (staff's words in the resident's language, or a template) so
 * the per-resident outbox messages stay small. The answer to a question travels in the
 * message's own params (`text`, `by`: staff's words, not the resident's — question-usecases'
 * `toOwner`), so it needs no read of the question store.
 *
 * Per resident at send time (`facts`, asked of the engine by the sending module):
 * - the weekly update (`update.weekly`), while voting is open and the resident still has a
 *   ballot to fill in, ends with "N days left to vote — you have not voted yet" (or, when one
 *   of their two ballots is cast, "…you have not filled in every ballot yet"); N counts the
 *   calendar days left in the campaign's time zone (`VotingStatus.daysLeft`);
 * - a broadcast to non-voters (a vote reminder) is marked `nonVotersOnly`, so the sending
 *   module skips it for a resident who has voted since the fan-out.
 */
import type { Campaign } from '../../../core/campaign/campaign.ts';
import { BROADCAST_TEMPLATE } from '../../../core/broadcasts/broadcast.ts';
import type { BroadcastStore } from '../../../core/ports/broadcast-store.ts';
import type { OutboxMessage } from '../../../core/ports/outbox.ts';
import type { Resident } from '../../../core/residents/resident.ts';
import type { VotingStatus } from '../../../core/ballots/voting-status.ts';
import { hasBallotLeft } from '../../../core/ballots/voting-status.ts';
import type { Translator } from '../i18n.ts';
import { noticeText } from './notice-text.ts';
import type { ParamValue } from './text-format.ts';

/** What {@link noticeMessage} reads. */
export interface NoticeMessageSources {
  readonly t: Translator;
  readonly campaign: Campaign;
  readonly broadcasts: Pick<BroadcastStore, 'get'>;
}

/** What the sending module knows of the resident at send time (adapters/delivery/telegram-sending.ts `SendFacts`). */
export interface NoticeFacts {
  votingStatus(): Promise<VotingStatus>;
}

/** A notice's Telegram HTML, and whether it is only for a resident who has not voted (judged again at send time). */
export interface NoticeHtml {
  readonly html: string;
  readonly nonVotersOnly: boolean;
}

/** The weekly update's template (core/phases/scheduled-messages.ts). */
const WEEKLY_UPDATE = 'update.weekly';

/** Texts of notices.ftl that are lines added to a notice, not a template's text; their one variable is `days`. */
export const NOTICE_LINE_KEYS = ['notice-vote-left-none', 'notice-vote-left-partial'] as const;

/** The message's Telegram HTML for `resident`; null when its broadcast no longer exists. Without `facts`, no per-resident line. */
export async function noticeMessage(sources: NoticeMessageSources, resident: Pick<Resident, 'locale'>, message: Pick<OutboxMessage, 'template' | 'params'>, facts?: NoticeFacts): Promise<NoticeHtml | null> {
  const { t, campaign } = sources;
  const locale = resident.locale;
  const params = message.params as Readonly<Record<string, ParamValue>>;
  if (message.template !== BROADCAST_TEMPLATE) return withVoteLine(sources, locale, message.template, params, false, facts);
  const id = params['broadcast'];
  const broadcast = typeof id === 'string' ? await sources.broadcasts.get(id) : null;
  if (broadcast === null) return null;
  const nonVotersOnly = broadcast.audience.kind === 'nonVoters';
  const content = broadcast.content;
  if (content.kind === 'template') {
    return withVoteLine(sources, locale, content.template, content.params as Readonly<Record<string, ParamValue>>, nonVotersOnly, facts);
  }
  const text = content.texts[locale] ?? content.texts[campaign.defaultLocale] ?? Object.values(content.texts)[0];
  return text === undefined ? null : { html: noticeText(t, locale, campaign, { template: BROADCAST_TEMPLATE, params: { text } }), nonVotersOnly };
}

/**
 * The template's HTML; for the weekly update while voting is open and the resident still has
 * a ballot to fill in, ending with the days-left line. That line then takes the place of the
 * update's own "N days left in this phase" (counted at fan-out, in 24-hour spans): one count
 * of the days, the one made at send time in the campaign's time zone.
 */
async function withVoteLine(
  sources: NoticeMessageSources,
  locale: string,
  template: string,
  params: Readonly<Record<string, ParamValue>>,
  nonVotersOnly: boolean,
  facts: NoticeFacts | undefined,
): Promise<NoticeHtml> {
  const { t, campaign } = sources;
  const plain = (): NoticeHtml => ({ html: noticeText(t, locale, campaign, { template, params }), nonVotersOnly });
  if (template !== WEEKLY_UPDATE || facts === undefined) return plain();
  const status = await facts.votingStatus();
  if (!status.open || !hasBallotLeft(status)) return plain();
  const html = noticeText(t, locale, campaign, { template, params: { ...params, daysLeft: null } });
  const line = t(locale, NOTICE_LINE_KEYS[status.cast === 0 ? 0 : 1], { days: status.daysLeft });
  return { html: `${html.trimEnd()}\n\n${line}`, nonVotersOnly };
}
