/**
 * Drives the idea wizard from a resident's side in tests: send, press the wizard's buttons by
 * their action, wait for the bot's next message. (The bot harness sets a high per-resident
 * rate limit, so actions need no pacing.)
 */
import type { BotHarness } from '../support/telegram/bot-harness.ts';
import type { ChatMessage } from '../support/telegram/bot-api-stand-in.ts';
import type { TelegramUser } from '../support/telegram/telegram-user.ts';

type Json = Record<string, unknown>;

/** What each prompt of the wizard says (a fragment of its plain text), per locale. */
export const PROMPTS = {
  fr: {
    title: 'Le titre de votre idée',
    description: 'Décrivez votre idée',
    category: 'Quelle catégorie',
    area: 'Pour quel quartier',
    cost: 'Combien coûterait-elle',
    photo: 'Une photo ?',
    location: 'Un endroit précis ?',
    summary: 'Voici votre idée avant l',
    sent: 'est envoyée',
    resubmitted: 'est renvoyée',
    cancelled: "Votre idée n'a pas été envoyée et rien",
  },
  en: {
    title: "Your idea's title",
    description: 'Describe your idea',
    category: 'Which category',
    area: 'Which area',
    cost: 'How much would it cost',
    photo: 'A photo?',
    location: 'A precise place?',
    summary: 'Here is your idea before it is sent',
    sent: 'has been sent.',
    resubmitted: 'has been sent again',
    cancelled: 'Your idea was not sent, and nothing was kept',
  },
} as const;
export type Lang = keyof typeof PROMPTS;

/** One resident's side of the chat. */
export class Resident {
  constructor(
    readonly run: BotHarness,
    readonly user: TelegramUser,
  ) {}

  /** The bot's messages in this chat. */
  messages(): readonly ChatMessage[] {
    return this.run.api.botMessages(this.user.id);
  }

  /** Number of bot messages so far (to wait for the next ones). */
  seen(): number {
    return this.messages().length;
  }

  /** The first bot message after `after` whose plain text holds `text`. */
  async next(after: number, text: string): Promise<ChatMessage> {
    try {
      return await this.run.api.waitFor(() => this.messages().slice(after).find((m) => (m.plain ?? m.text ?? '').includes(text)), `a bot message containing ${JSON.stringify(text)}`);
    } catch (e) {
      // The failure names what the bot said instead.
      const said = this.messages().slice(after).map((m) => JSON.stringify((m.plain ?? m.text ?? '').slice(0, 120)));
      throw new Error(`${(e as Error).message}\nthe bot said instead: ${said.join(' | ') || 'nothing'}`);
    }
  }

  /** Does `act`, then waits for a bot message holding `text`; returns it. */
  async expect(text: string, act: () => unknown): Promise<ChatMessage> {
    const n = this.seen();
    act();
    return this.next(n, text);
  }

  async say(text: string, expect: string): Promise<ChatMessage> {
    return this.expect(expect, () => this.user.say(text));
  }

  /** The latest bot message with a wizard button of `action` (and `value`), and that button's data. */
  wizardButton(action: string, value = ''): { message: ChatMessage; data: string } {
    const re = new RegExp(`^iw\\|[a-z0-9]{6}\\|\\d+\\|${action}\\|${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
    for (const m of [...this.messages()].reverse()) {
      const b = ((m.reply_markup?.inline_keyboard as Json[][] | undefined) ?? []).flat().find((x) => typeof x.callback_data === 'string' && re.test(x.callback_data));
      if (b !== undefined) return { message: m, data: b.callback_data as string };
    }
    throw new Error(`no wizard button ${action}|${value} in chat ${this.user.id}`);
  }

  /** Presses the wizard's `action` button (on the latest message that has it), then waits for `expect`. */
  async press(action: string, value: string, expect: string): Promise<ChatMessage> {
    const { message, data } = this.wizardButton(action, value);
    return this.expect(expect, () => this.user.press(message.message_id, data));
  }

  /** Presses the button labelled `label`, then waits for `expect`. */
  async pressLabel(label: string, expect: string): Promise<ChatMessage> {
    return this.expect(expect, () => this.user.pressLabel(label));
  }

  /** Sends data on a message (a stale or forged press) and waits until the bot answered the query. */
  async forge(messageId: number, data: string): Promise<void> {
    const answered = this.run.api.calls.filter((c) => c.method === 'answerCallbackQuery').length;
    this.user.forgeCallback(messageId, data);
    await this.run.api.waitFor(() => this.run.api.calls.filter((c) => c.method === 'answerCallbackQuery').length > answered, 'the forged press answered');
  }

  /** The text of the latest `answerCallbackQuery`. */
  lastAnswer(): string | undefined {
    const calls = this.run.api.calls.filter((c) => c.method === 'answerCallbackQuery');
    return calls[calls.length - 1]?.params.text as string | undefined;
  }
}

/** The answers of a whole wizard run. */
export interface Answers {
  readonly title: string;
  readonly description: string;
  readonly category: string;
  /** An area id, or null for the whole town. */
  readonly area: string | null;
  /** Typed text, or null for "don't know". */
  readonly cost: string | null;
  readonly photo: boolean;
  readonly location: { readonly lat: number; readonly lon: number } | null;
}

/**
 * Runs the wizard from `/idea` to the summary with `answers` (no bad answer on the way);
 * returns the photo's file id (when one was sent) and the summary message.
 */
export async function fillWizard(r: Resident, lang: Lang, answers: Answers): Promise<{ photoId: string | null; summary: ChatMessage }> {
  const p = PROMPTS[lang];
  await r.say('/idea', p.title);
  await r.say(answers.title, p.description);
  await r.say(answers.description, p.category);
  await r.press('pick', answers.category, p.area);
  if (answers.area === null) await r.press('town', '', p.cost);
  else await r.press('pick', answers.area, p.cost);
  if (answers.cost === null) await r.press('dontknow', '', p.photo);
  else await r.say(answers.cost, p.photo);
  let photoId: string | null = null;
  if (answers.photo) {
    await r.expect(p.location, () => {
      photoId = r.user.sendPhoto().fileId;
    });
  } else {
    await r.press('skip', '', p.location);
  }
  const loc = answers.location;
  const summary = loc === null ? await r.press('skip', '', p.summary) : await r.expect(p.summary, () => r.user.sendLocation(loc.lat, loc.lon));
  return { photoId, summary };
}
