/**
 * A person in a private chat with the bot, for tests: each action becomes the update Telegram
 * would deliver (text with a `bot_command` entity, a button press on a message the bot really
 * sent, a shared contact, a photo, a location, a sticker, an edit). A button press is only
 * possible on a button that is on the message now, as in the app; `forgeCallback` sends data
 * no button carries (what a malicious client could do).
 */
import type { ChatMessage, TelegramStandIn } from './bot-api-stand-in.ts';

type Json = Record<string, unknown>;

export interface UserInit {
  readonly id: number;
  readonly firstName: string;
  readonly lastName?: string;
  readonly username?: string;
  /** IETF tag the Telegram app reports, e.g. `fr`. */
  readonly languageCode?: string;
}

/** A user of the stand-in. */
export class TelegramUser {
  readonly id: number;
  readonly firstName: string;
  readonly #init: UserInit;
  readonly #api: TelegramStandIn;

  constructor(api: TelegramStandIn, init: UserInit) {
    this.#api = api;
    this.#init = init;
    this.id = init.id;
    this.firstName = init.firstName;
  }

  /** The `User` object of updates. */
  asUser(): Json {
    return {
      id: this.id,
      is_bot: false,
      first_name: this.firstName,
      ...(this.#init.lastName === undefined ? {} : { last_name: this.#init.lastName }),
      ...(this.#init.username === undefined ? {} : { username: this.#init.username }),
      ...(this.#init.languageCode === undefined ? {} : { language_code: this.#init.languageCode }),
    };
  }

  #chat(): Json {
    return { id: this.id, type: 'private', first_name: this.firstName, ...(this.#init.username === undefined ? {} : { username: this.#init.username }) };
  }

  #message(fields: Json, stored: Partial<ChatMessage>): { update: Json; message: ChatMessage } {
    const message = this.#api.recordUserMessage(this.id, stored);
    return { message, update: { message_id: message.message_id, date: message.date, chat: this.#chat(), from: this.asUser(), ...fields } };
  }

  /** Sends text; a leading `/command` carries the entity Telegram adds. Returns the update id. */
  say(text: string): number {
    const cmd = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/u.exec(text);
    const entities = cmd === null ? undefined : [{ type: 'bot_command', offset: 0, length: cmd[0].length }];
    const { update } = this.#message({ text, ...(entities === undefined ? {} : { entities }) }, { text });
    return this.#api.pushUpdate({ message: update });
  }

  /** Presses the button carrying `data` on the bot's message `messageId` (it must be there). */
  press(messageId: number, data: string): number {
    const m = this.#api.message(this.id, messageId);
    if (m === undefined || !m.fromBot || m.deleted) throw new Error(`stand-in: no bot message ${messageId} in chat ${this.id}`);
    const rows = ((m.reply_markup?.inline_keyboard as Json[][] | undefined) ?? []).flat();
    if (!rows.some((b) => b.callback_data === data)) throw new Error(`stand-in: message ${messageId} has no button ${JSON.stringify(data)} (buttons: ${rows.map((b) => String(b.callback_data)).join(', ')})`);
    return this.#callback(m, data);
  }

  /** Presses the button whose label contains `label` on the bot's latest message that has it. */
  pressLabel(label: string): number {
    const msgs = [...this.#api.botMessages(this.id)].reverse();
    for (const m of msgs) {
      const b = ((m.reply_markup?.inline_keyboard as Json[][] | undefined) ?? []).flat().find((x) => String(x.text).includes(label) && typeof x.callback_data === 'string');
      if (b !== undefined) return this.#callback(m, b.callback_data as string);
    }
    throw new Error(`stand-in: no button labelled ${JSON.stringify(label)} in chat ${this.id}`);
  }

  /** Sends callback data no button carries (a forged or stale press). */
  forgeCallback(messageId: number, data: string): number {
    const m = this.#api.message(this.id, messageId);
    if (m === undefined) throw new Error(`stand-in: no message ${messageId}`);
    return this.#callback(m, data);
  }

  #callback(m: ChatMessage, data: string): number {
    const id = this.#api.newCallbackQuery();
    const message = { message_id: m.message_id, date: m.date, chat: this.#chat(), from: this.#api.bot, ...(m.plain === undefined ? {} : { text: m.plain }), ...(m.reply_markup === undefined ? {} : { reply_markup: m.reply_markup }) };
    return this.#api.pushUpdate({ callback_query: { id, from: this.asUser(), message, chat_instance: `ci${this.id}`, data } });
  }

  /** Shares a contact; by default their own (`user_id` = this user), as `request_contact` does. */
  shareContact(phone: string, ownerId: number | null = this.id): number {
    const contact = { phone_number: phone, first_name: this.firstName, ...(ownerId === null ? {} : { user_id: ownerId }) };
    const { update } = this.#message({ contact }, {});
    return this.#api.pushUpdate({ message: update });
  }

  /** Sends a photo (a real file the bot may fetch with getFile); returns the update id and file id. */
  sendPhoto(caption?: string): { updateId: number; fileId: string } {
    const { file_id, file_unique_id } = this.#api.addFile(Buffer.from('\x89PNG stand-in photo'), 'jpg');
    const photo = [
      { file_id: `${file_id}s`, file_unique_id: `${file_unique_id}s`, width: 90, height: 67 },
      { file_id, file_unique_id, width: 1280, height: 960 },
    ];
    const { update } = this.#message({ photo, ...(caption === undefined ? {} : { caption }) }, { photo: file_id, ...(caption === undefined ? {} : { caption }) });
    return { updateId: this.#api.pushUpdate({ message: update }), fileId: file_id };
  }

  sendLocation(latitude: number, longitude: number): number {
    const { update } = this.#message({ location: { latitude, longitude } }, { location: { latitude, longitude } });
    return this.#api.pushUpdate({ message: update });
  }

  sendSticker(): number {
    const { update } = this.#message({ sticker: { file_id: 'CAACsticker', file_unique_id: 'st', type: 'regular', width: 512, height: 512, is_animated: false, is_video: false } }, {});
    return this.#api.pushUpdate({ message: update });
  }

  sendVoice(): number {
    const { update } = this.#message({ voice: { file_id: 'AwACvoice', file_unique_id: 'vo', duration: 3 } }, {});
    return this.#api.pushUpdate({ message: update });
  }

  /** Edits one of their earlier messages (an `edited_message` update). */
  edit(messageId: number, text: string): number {
    return this.#api.pushUpdate({ edited_message: { message_id: messageId, date: Math.floor(Date.now() / 1000), edit_date: Math.floor(Date.now() / 1000), chat: this.#chat(), from: this.asUser(), text } });
  }

  /** The bot's latest message still in the chat. */
  lastBotMessage(): ChatMessage | undefined {
    const all = this.#api.botMessages(this.id);
    return all[all.length - 1];
  }
}
