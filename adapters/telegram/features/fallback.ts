/**
 * What the bot does with everything no feature took (installed after every feature, before
 * the expired-button handler): never a crash, a short helpful answer where a person is
 * waiting for one, silence where an answer would be noise.
 *
 * - unknown command → a short help;
 * - free text outside any flow → where to go (the menu);
 * - stickers, voice notes, videos, documents, photos… → "I read text and buttons";
 * - edited messages → ignored on purpose: an edit of a message already answered must not
 *   start anything a second time, and a flow waiting for text takes a new message;
 * - group, supergroup and channel updates → ignored, except a one-line "talk to me in a
 *   private chat" when the bot is addressed (a command, a mention, a reply to the bot);
 * - `my_chat_member` in a private chat → a resident who blocks the bot is unsubscribed, one
 *   who unblocks it is subscribed again (a 403 on delivery does the same, SPEC §2.5).
 */
import { Composer } from 'grammy';
import type { Message, MessageEntity } from 'grammy/types';
import type { BotServices, PnyxContext } from '../context.ts';

/** Options of the fallback. */
export interface FallbackOptions {
  /** Shows the main menu (after the answer to free text). */
  readonly showMenu?: (ctx: PnyxContext) => Promise<void>;
}

/** Whether a group message is meant for this bot: a command, a mention of it, or a reply to it. */
export function addressesBot(message: Message, botId: number, botUsername: string): boolean {
  if (message.reply_to_message?.from?.id === botId) return true;
  const text = message.text ?? message.caption ?? '';
  const entities: readonly MessageEntity[] = message.entities ?? message.caption_entities ?? [];
  const mention = `@${botUsername.toLowerCase()}`;
  for (const e of entities) {
    const part = text.slice(e.offset, e.offset + e.length).toLowerCase();
    if (e.type === 'mention' && part === mention) return true;
    if (e.type === 'text_mention' && e.user.id === botId) return true;
    // In a group, `/help@other_bot` is for another bot; a bare `/help` is for every bot there.
    if (e.type === 'bot_command' && e.offset === 0 && (!part.includes('@') || part.endsWith(mention))) return true;
  }
  return false;
}

/** The fallback feature. */
export function fallbackFeature(services: BotServices, options: FallbackOptions = {}): Composer<PnyxContext> {
  const composer = new Composer<PnyxContext>();

  // Blocked / unblocked in the private chat. Only a resident already known is touched.
  composer.on('my_chat_member', async (ctx) => {
    const r = ctx.resident;
    if (ctx.chat.type !== 'private' || r === null) return;
    const status = ctx.myChatMember.new_chat_member.status;
    const subscribed = status === 'kicked' ? false : status === 'member' ? true : null;
    if (subscribed === null || subscribed === r.subscribed) return;
    const out = await services.engine.setSubscribed(r.id, subscribed);
    if (out.ok) ctx.resident = out.value;
  });

  // Edits are ignored on purpose (see the file's comment): handled here so nothing later acts on them.
  composer.on(['edited_message', 'edited_channel_post', 'edited_business_message'], () => undefined);

  // Groups and channels: the bot serves private chats only.
  composer.on('channel_post', () => undefined);
  composer.chatType(['group', 'supergroup']).on('message', async (ctx) => {
    if (!addressesBot(ctx.message, ctx.me.id, ctx.me.username)) return;
    await ctx.reply(ctx.t('fallback-group', { bot: ctx.me.username }), { reply_parameters: { message_id: ctx.message.message_id, allow_sending_without_reply: true } });
  });

  const privateChat = composer.chatType('private');
  privateChat.on('message:text', async (ctx) => {
    if (ctx.message.text.startsWith('/')) {
      await ctx.reply(ctx.t('fallback-unknown-command'), { parse_mode: 'HTML' });
      return;
    }
    await ctx.reply(ctx.t('fallback-text'), { parse_mode: 'HTML' });
    if (options.showMenu !== undefined && ctx.resident?.step === 'done') await options.showMenu(ctx);
  });
  privateChat.on(['message:sticker', 'message:animation'], (ctx) => ctx.reply(ctx.t('fallback-sticker')));
  privateChat.on(['message:voice', 'message:audio', 'message:video_note'], (ctx) => ctx.reply(ctx.t('fallback-voice')));
  privateChat.on('message', (ctx) => ctx.reply(ctx.t('fallback-media')));

  return composer;
}
