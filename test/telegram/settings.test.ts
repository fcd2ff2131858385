/**
 * The resident's commands end to end (grammY polling the strict stand-in): /help, /language,
 * /stop, /resume, the menu's settings, and the per-locale command lists Telegram shows.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { commandList, registerCommands, RESIDENT_COMMANDS } from '../../adapters/telegram/bot-commands.ts';
import { BOT_LOCALES } from '../../adapters/telegram/i18n.ts';
import { startBot } from '../support/telegram/bot-harness.ts';
import type { BotHarness } from '../support/telegram/bot-harness.ts';
import type { ChatMessage } from '../support/telegram/bot-api-stand-in.ts';
import type { TelegramUser } from '../support/telegram/telegram-user.ts';

let run: BotHarness | null = null;
afterEach(async () => {
  await run?.stop();
  run = null;
});

const seen = (b: BotHarness, u: TelegramUser): number => b.api.botMessages(u.id).length;

/** The bot's first message in `user`'s chat after the first `after` ones that contains `text`. */
function nextBotMessage(b: BotHarness, user: TelegramUser, after: number, text: string): Promise<ChatMessage> {
  return b.api.waitFor(() => b.api.botMessages(user.id).slice(after).find((m) => (m.plain ?? m.text ?? '').includes(text)), `a bot message containing ${JSON.stringify(text)}`);
}

/** A resident registered through the engine, in `locale`, and their Telegram user. */
async function resident(b: BotHarness, id: number, locale: 'fr' | 'en'): Promise<TelegramUser> {
  const rid = await b.h.register(id);
  if (locale !== 'fr') expect((await b.h.engine.setLanguage(rid, locale)).ok).toBe(true);
  return b.api.user({ id, firstName: `R${id}`, languageCode: locale });
}

describe('/help', () => {
  it('in French: what the bot does, where the campaign stands, the commands, how to reach the team', async () => {
    run = await startBot();
    const b = run;
    const u = await resident(b, 601, 'fr');
    u.say('/help');
    const m = await nextBotMessage(b, u, 0, 'Commandes');
    expect(m.plain).toContain('Testville');
    expect(m.plain).toContain('En ce moment : Les idées sont les bienvenues');
    for (const c of ['/menu', '/idea', '/ideas', '/myideas', '/ask', '/news', '/language', '/mydata', '/forget', '/stop', '/resume']) expect(m.plain).toContain(`${c} — `);
    expect(m.plain).toContain("Une question pour l'équipe ? Utilisez /ask");
  });

  it('in English, and before registration too', async () => {
    run = await startBot();
    const b = run;
    const u = b.api.user({ id: 602, firstName: 'New', languageCode: 'en' });
    u.say('/help');
    const m = await nextBotMessage(b, u, 0, 'Commands');
    expect(m.plain).toContain('Right now: Ideas are welcome until');
    expect(m.plain).toContain('/forget — Erase my data');
    expect(m.plain).toContain('A question for the team? Use /ask');
    expect((await b.h.stores.residents.get('tg:602'))?.step).toBe('language');
  });
});

describe('/language', () => {
  it('switches a French resident to English: the answer and everything after are in English', async () => {
    run = await startBot();
    const b = run;
    const u = await resident(b, 611, 'fr');
    u.say('/language');
    await nextBotMessage(b, u, 0, 'Dans quelle langue');
    const n = seen(b, u);
    u.pressLabel('English');
    await nextBotMessage(b, u, n, 'I will now write to you in English');
    expect((await b.h.stores.residents.get('tg:611'))?.locale).toBe('en');
    u.say('/help');
    await nextBotMessage(b, u, n, 'Right now:');
  });

  it('switches an English resident to French', async () => {
    run = await startBot();
    const b = run;
    const u = await resident(b, 612, 'en');
    u.say('/language');
    await nextBotMessage(b, u, 0, 'Which language');
    u.pressLabel('Français');
    await nextBotMessage(b, u, 0, 'je vous écris désormais en Français');
    expect((await b.h.stores.residents.get('tg:612'))?.locale).toBe('fr');
  });

  it('refuses a language the campaign does not offer, forged on the button, and changes nothing', async () => {
    run = await startBot();
    const b = run;
    const u = await resident(b, 613, 'en');
    u.say('/language');
    const m = await nextBotMessage(b, u, 0, 'Which language');
    const before = await b.h.stores.residents.get('tg:613');
    u.forgeCallback(m.message_id, 'lang|de');
    u.forgeCallback(m.message_id, 'lang|');
    await b.api.waitFor(() => b.api.calls.filter((c) => c.method === 'answerCallbackQuery').length >= 2, 'both presses answered');
    expect(await b.h.stores.residents.get('tg:613')).toEqual(before);
  });
});

describe('/stop and /resume', () => {
  it('in English: stops and resumes the updates, saying what still comes', async () => {
    run = await startBot();
    const b = run;
    const u = await resident(b, 621, 'en');
    u.say('/stop');
    const stop = await nextBotMessage(b, u, 0, 'Updates stopped');
    expect(stop.plain).toContain('You will still receive the answers to your questions');
    expect((await b.h.stores.residents.get('tg:621'))?.subscribed).toBe(false);
    u.say('/resume');
    await nextBotMessage(b, u, 0, 'Updates back on');
    expect((await b.h.stores.residents.get('tg:621'))?.subscribed).toBe(true);
  });

  it('in French', async () => {
    run = await startBot();
    const b = run;
    const u = await resident(b, 622, 'fr');
    u.say('/stop');
    await nextBotMessage(b, u, 0, 'Nouvelles arrêtées');
    expect((await b.h.stores.residents.get('tg:622'))?.subscribed).toBe(false);
    u.say('/resume');
    await nextBotMessage(b, u, 0, 'Nouvelles réactivées');
    expect((await b.h.stores.residents.get('tg:622'))?.subscribed).toBe(true);
  });
});

describe('settings from the menu', () => {
  it('shows language and updates, and its buttons act on the stored resident', async () => {
    run = await startBot();
    const b = run;
    const u = await resident(b, 631, 'fr');
    u.say('/menu');
    await nextBotMessage(b, u, 0, 'Que souhaitez-vous faire');
    u.pressLabel('Réglages');
    const s = await nextBotMessage(b, u, 0, 'Langue : Français');
    expect(s.plain).toContain('Nouvelles : activées');
    let n = seen(b, u);
    u.pressLabel('Ne plus recevoir');
    await nextBotMessage(b, u, n, 'Nouvelles arrêtées');
    expect((await b.h.stores.residents.get('tg:631'))?.subscribed).toBe(false);
    n = seen(b, u);
    u.pressLabel('Réglages');
    const again = await nextBotMessage(b, u, n, 'Langue : Français');
    expect(again.plain).toContain('Nouvelles : désactivées');
    // The first settings message still offers "stop": pressing it again is harmless.
    n = seen(b, u);
    u.press(s.message_id, 'set|updates-off');
    await nextBotMessage(b, u, n, 'Nouvelles arrêtées');
    expect((await b.h.stores.residents.get('tg:631'))?.subscribed).toBe(false);
  });

  it('opens my data and forget me (in English)', async () => {
    run = await startBot();
    const b = run;
    const u = await resident(b, 632, 'en');
    u.say('/menu');
    await nextBotMessage(b, u, 0, 'What would you like to do');
    u.pressLabel('Settings');
    const s = await nextBotMessage(b, u, 0, 'Language: English');
    expect(s.plain).toContain('Updates: on');
    const n = seen(b, u);
    u.pressLabel('My data');
    await b.api.waitFor(() => b.api.botMessages(u.id).find((m) => m.document !== undefined), 'the data file');
    u.pressLabel('Forget me');
    await nextBotMessage(b, u, n, 'Do you want to erase your data?');
    expect(await b.h.stores.residents.get('tg:632')).not.toBeNull();
  });
});

describe('command lists', () => {
  it('sets one list per campaign locale and the default one, valid for Telegram', async () => {
    run = await startBot();
    const b = run;
    await registerCommands(b.bot.bot.api, b.h.campaign.locales, b.bot.services.translate, b.h.campaign.defaultLocale);
    const byLocale = { fr: b.api.commands('fr'), en: b.api.commands('en'), '': b.api.commands('') } as Record<string, { command: string; description: string }[]>;
    for (const list of Object.values(byLocale)) {
      expect(list.map((c) => c.command)).toEqual([...RESIDENT_COMMANDS]);
      for (const c of list) {
        expect(c.command).toMatch(/^[a-z0-9_]{1,32}$/);
        expect(c.description.length).toBeGreaterThan(0);
        expect(c.description.length).toBeLessThanOrEqual(256);
      }
    }
    expect(byLocale['fr']!.find((c) => c.command === 'forget')?.description).toBe('Effacer mes données');
    expect(byLocale['en']!.find((c) => c.command === 'forget')?.description).toBe('Erase my data');
    // The default list is in the campaign's default language.
    expect(byLocale['']).toEqual(byLocale['fr']);
    expect(b.api.commands('nl')).toBeUndefined();
  });

  it('has a description of its own in every shipped language', async () => {
    run = await startBot();
    const t = run.bot.services.translate;
    const lists = BOT_LOCALES.map((l) => commandList(t, l).map((c) => c.description).join('|'));
    expect(new Set(lists).size).toBe(BOT_LOCALES.length);
  });
});
