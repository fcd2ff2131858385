/**
 * "My data" and "forget me" (SPEC §2.4, GDPR Art. 15 and 17).
 *
 * `/mydata` sends everything Pnyx holds about the resident as a JSON file. Its content goes
 * to the resident only: nothing of it is logged (a failure logs the error's kind, never the
 * document).
 *
 * `/forget` explains what is erased and what stays, asks for a confirmation, then erases.
 * The confirmation button carries the resident record's creation instant, so a press after the
 * erasure (the record is gone, or a new one was opened since) does nothing more. The engine's
 * `forgetMe` erases the chat state (sessions, conversations) with the rest; this feature also
 * drops the current update's session and conversations, which grammY would otherwise write
 * back when the update ends.
 */
import { Composer, InlineKeyboard, InputFile } from 'grammy';
import { z } from 'zod';
import { defineCallback } from '../callback-data.ts';
import type { BotServices, PnyxContext } from '../context.ts';
import { replyRefusal } from './replies.ts';
import type { RefusalLike } from '../render/refusal-text.ts';

/** The file name of the export. */
export const MY_DATA_FILE_NAME = 'pnyx-my-data.json';

/** Forget confirmation: `forget|yes|<resident createdAt>` or `forget|no|<createdAt>`. */
export const forgetCallback = defineCallback('forget', z.tuple([z.enum(['yes', 'no']), z.string().regex(/^[0-9]{1,15}$/).transform(Number)]));

/** The JSON document of `/mydata`: the engine's export, with what the file is. */
export async function myDataDocument(services: BotServices, residentId: string): Promise<{ ok: true; json: string } | RefusalLike & { ok: false }> {
  const { engine } = services;
  const out = await engine.exportMyData(residentId);
  if (!out.ok) return out as RefusalLike & { ok: false };
  const doc = {
    format: 'pnyx-my-data',
    version: 1,
    campaign: services.campaign.id,
    exportedAt: new Date(engine.now()).toISOString(),
    resident: out.value.resident,
    ideas: out.value.ideas,
    supportedIdeas: out.value.supported,
    ballots: out.value.ballots,
    questions: out.value.questions,
    phoneVerified: out.value.phoneVerified,
  };
  return { ok: true, json: JSON.stringify(doc, null, 2) };
}

/** Sends the resident their data as a file, with a short explanation. */
export async function sendMyData(ctx: PnyxContext, services: BotServices): Promise<void> {
  const r = ctx.resident;
  if (r === null) return;
  const doc = await myDataDocument(services, r.id);
  if (!doc.ok) {
    await replyRefusal(ctx, services, doc);
    return;
  }
  await ctx.replyWithDocument(new InputFile(Buffer.from(doc.json, 'utf8'), MY_DATA_FILE_NAME), { caption: ctx.t('mydata-caption'), parse_mode: 'HTML' });
}

/** The explanation of what "forget me" erases and keeps, with the confirmation buttons. */
export async function askForget(ctx: PnyxContext): Promise<void> {
  const r = ctx.resident;
  if (r === null) return;
  const kb = new InlineKeyboard().text(ctx.t('forget-confirm'), forgetCallback.encode('yes', r.createdAt)).row().text(ctx.t('forget-keep'), forgetCallback.encode('no', r.createdAt));
  await ctx.reply(ctx.t('forget-explain'), { parse_mode: 'HTML', reply_markup: kb });
}

/** `/mydata`, `/forget` and the forget confirmation. */
export function myDataFeature(services: BotServices): Composer<PnyxContext> {
  const { engine } = services;
  const composer = new Composer<PnyxContext>();
  const privateChat = composer.chatType('private');

  privateChat.command('mydata', (ctx) => sendMyData(ctx, services));
  privateChat.command('forget', askForget);

  privateChat.callbackQuery(forgetCallback.filter, async (ctx) => {
    const r = ctx.resident;
    const parsed = forgetCallback.decode(ctx.callbackQuery.data);
    // Gone already, or a button of an earlier record: nothing more to do.
    if (r === null || parsed === null || parsed[1] !== r.createdAt) {
      // Someone erased a moment ago must not get a fresh (empty) session naming them again.
      if (r === null) ctx.session = null as never;
      await ctx.answerCallbackQuery({ text: ctx.t(r === null ? 'forget-already' : 'common-expired-button') });
      return;
    }
    if (parsed[0] === 'no') {
      await ctx.answerCallbackQuery({ text: ctx.t('forget-kept') });
      await ctx.editMessageReplyMarkup().catch(() => undefined);
      return;
    }
    await ctx.answerCallbackQuery();
    // Leave every conversation first: the plugin writes its state back when the update ends.
    await ctx.conversation.exitAll();
    const out = await engine.forgetMe(r.id);
    if (!out.ok) {
      await replyRefusal(ctx, services, out);
      return;
    }
    // grammY writes the session back when the update ends; null makes it delete it instead.
    ctx.session = null as never;
    ctx.resident = null;
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    await ctx.reply(ctx.t('forget-done'), { parse_mode: 'HTML', reply_markup: { remove_keyboard: true } });
  });

  return composer;
}
