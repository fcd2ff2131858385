/**
 * Residents' questions on the committee's side (SPEC §2.5): a staff member's reply in a
 * question's thread is the answer relayed to the resident in Telegram (through the outbox:
 * `engine.answerQuestion` enqueues `notify.question_answered`), and the root's *Close*
 * button closes the question. The threads themselves are posted by the committee sender
 * (notices/question-notices.ts).
 *
 * A message in a channel is relayed only when all of these hold; anything else is ignored
 * **silently**, because a thread is also where the committee talks among itself and where
 * Slack sends the app's own posts back as events — telling someone each time would be noise,
 * and nothing was asked of the app:
 * - it is a plain new message (no subtype, or `thread_broadcast` — a reply also sent to the
 *   channel; `file_share` relays its text and says files are not relayed). Edits and deletions
 *   are not relayed: the resident already has the first version, Telegram cannot take it back;
 * - it is not the app's own (`bot_id`; Bolt's `ignoreSelf` drops most of these already);
 * - it is a reply in a thread whose root is a question's (`thread:<questionId>` in the message
 *   references) — a card's thread is the moderators' own;
 * - its author is staff (`context.staff`; the staff guard lets events through for everyone).
 *
 * The engine's refusals (the question is closed, the reply too long…) come back to the staff
 * member as an ephemeral note in the thread. Slack's markup (`<@U123>`, `<url|label>`,
 * `&lt;`) is turned into plain text before it reaches the resident.
 */
import type { SlackListeners } from '../listener-router.ts';
import { z } from 'zod';
import type { StaffMember } from '../../../core/campaign/campaign.ts';
import type { Refused } from '../../../core/domain/domain-error.ts';
import { QUESTION_CLOSE_ACTION, parseQuestionValue } from '../blocks/question-thread.ts';
import type { SlackFeature, SlackServices } from '../context.ts';
import { slackRefusal } from '../format.ts';
import { questionIdOfRef } from '../notices/question-notices.ts';

/** Message subtypes that are a person's new message (see the module comment). */
const RELAYED_SUBTYPES = new Set(['thread_broadcast', 'file_share']);

/** The part of a `message` event the relay reads; everything else passes untouched. */
const threadReply = z.object({
  type: z.literal('message'),
  subtype: z.string().optional(),
  channel: z.string().min(1).max(64),
  user: z.string().min(1).max(64).optional(),
  bot_id: z.string().optional(),
  text: z.string().max(40_000).optional(),
  ts: z.string().regex(/^\d+\.\d+$/),
  thread_ts: z.string().regex(/^\d+\.\d+$/).optional(),
  files: z.array(z.unknown()).optional(),
});

type Mentionable = Pick<StaffMember, 'slackUserId' | 'name'>;

/** Slack's entity escapes, undone last so an escaped `&lt;@U1&gt;` stays literal text. */
function unescapeEntities(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/**
 * A Slack message's text as plain text for a resident: user mentions become the staff
 * member's configured name (or their label; others are dropped — looking them up would cost
 * a Web API call per reply), channel and group mentions their label, `<!here>` `@here`,
 * links `label (url)` or the bare url, and entities are unescaped. Bold and italic marks stay
 * as typed.
 */
export function slackToPlainText(text: string, staff: readonly Mentionable[]): string {
  const plain = text.replace(/<([^<>]*)>/g, (_all, inner: string) => {
    const bar = inner.indexOf('|');
    const target = bar === -1 ? inner : inner.slice(0, bar);
    const label = bar === -1 ? null : inner.slice(bar + 1);
    if (target.startsWith('@')) return staff.find((s) => s.slackUserId === target.slice(1))?.name ?? label ?? '';
    if (target.startsWith('#')) return label === null ? '' : `#${label}`;
    if (target.startsWith('!')) {
      const special = /^!(here|channel|everyone)$/.exec(target);
      return special !== null ? `@${special[1]}` : (label ?? '');
    }
    const url = target.startsWith('mailto:') ? target.slice('mailto:'.length) : target;
    return label === null || label === url || label === target ? url : `${label} (${url})`;
  });
  // A dropped mention leaves two spaces where it stood.
  return unescapeEntities(plain).replace(/[ \t]{2,}/g, ' ').trim();
}

/**
 * An engine refusal as the staff member reads it. `format.ts` reads `max` as an amount of
 * money (the ideas' cost bounds); a reply's length limit is a count of characters.
 */
function refusalText(services: SlackServices, refusal: Refused): string {
  const params = refusal.code === 'question.too_long' ? { length: refusal.params['length'] ?? null, limit: refusal.params['max'] ?? null } : refusal.params;
  return slackRefusal(services.t, services.format, { code: refusal.code, params });
}

async function tellPrivately(services: SlackServices, channel: string, user: string, threadTs: string, text: string): Promise<void> {
  try {
    await services.client.chat.postEphemeral({ channel, user, thread_ts: threadTs, text });
  } catch (e) {
    services.logger.warn({ err: { name: (e as Error).name, message: (e as Error).message } }, 'could not tell a staff member privately about their reply');
  }
}

function relayReplies(app: SlackListeners, services: SlackServices): void {
  app.event('message', async ({ event, context }) => {
    const parsed = threadReply.safeParse(event);
    if (!parsed.success) return;
    const m = parsed.data;
    if (m.subtype !== undefined && !RELAYED_SUBTYPES.has(m.subtype)) return;
    if (m.bot_id !== undefined || m.user === undefined || m.thread_ts === undefined || m.thread_ts === m.ts) return;
    const staff = context['staff'] as StaffMember | undefined;
    if (staff === undefined || staff.slackUserId !== m.user) return;
    const root = await services.stores.messageRefs.findByMessage('slack', m.channel, m.thread_ts);
    const questionId = root === null ? null : questionIdOfRef(root.key);
    if (questionId === null) return;
    const text = slackToPlainText(m.text ?? '', services.campaign.staff);
    const hasFiles = (m.files?.length ?? 0) > 0;
    // A file alone: there is no text to relay, and an empty answer would be refused as empty.
    if (text === '' && hasFiles) return tellPrivately(services, m.channel, m.user, m.thread_ts, services.t('questions-files-not-relayed'));
    const answered = await services.engine.answerQuestion(staff.slackUserId, questionId, text);
    if (!answered.ok) return tellPrivately(services, m.channel, m.user, m.thread_ts, refusalText(services, answered));
    services.logger.info({ question: answered.value.number }, 'staff reply relayed to the resident');
    if (hasFiles) await tellPrivately(services, m.channel, m.user, m.thread_ts, services.t('questions-text-relayed-not-files'));
  });
}

/** Where a button was clicked, from a `block_actions` payload. */
const clickedIn = z.object({
  user: z.object({ id: z.string() }),
  container: z.object({ channel_id: z.string().optional(), message_ts: z.string().optional() }).optional(),
  channel: z.object({ id: z.string() }).optional(),
  message: z.object({ ts: z.string() }).optional(),
});

function closeButton(app: SlackListeners, services: SlackServices): void {
  app.action(QUESTION_CLOSE_ACTION, async ({ ack, action, body, context }) => {
    await ack();
    const where = clickedIn.safeParse(body);
    if (!where.success) return;
    const user = (context['staff'] as StaffMember | undefined)?.slackUserId ?? where.data.user.id;
    const channel = where.data.channel?.id ?? where.data.container?.channel_id ?? null;
    const ts = where.data.message?.ts ?? where.data.container?.message_ts ?? null;
    const tell = (text: string): Promise<void> => (channel === null || ts === null ? Promise.resolve() : tellPrivately(services, channel, user, ts, text));
    const questionId = parseQuestionValue((action as { value?: unknown }).value);
    if (questionId === null) return tell(services.t('questions-bad-button'));
    // The committee sender updates the root and says who closed it (`committee.question_closed`).
    const closed = await services.engine.closeQuestion({ kind: 'staff', slackUserId: user }, questionId);
    if (!closed.ok) return tell(refusalText(services, closed));
    services.logger.info({ question: closed.value.number }, 'question closed from Slack');
  });
}

/** The committee's side of residents' questions: relayed replies and the *Close* button. */
export const questionsFeature: SlackFeature = (app, services) => {
  relayReplies(app, services);
  closeButton(app, services);
};
