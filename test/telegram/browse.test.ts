/**
 * Browsing ideas and idea cards end to end: grammY polling the strict Bot API stand-in, the
 * engine behind it. The list is one message edited in place; cards open from the list and by
 * deep link; supports change the store, twice is idempotent, after the phase they are refused.
 * Random button data under this feature's prefixes never crashes and never changes the store.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { Idea } from '../../core/ideas/idea.ts';
import { ideaCardView } from '../../adapters/telegram/features/idea-card.ts';
import { createI18n, translatorOf } from '../../adapters/telegram/i18n.ts';
import { ideaListText } from '../../adapters/telegram/render/idea-list.ts';
import { startBot } from '../support/telegram/bot-harness.ts';
import { parseTelegramHtml } from '../support/telegram/telegram-html.ts';
import { testCampaign } from '../support/test-campaign.ts';
import type { BotHarness } from '../support/telegram/bot-harness.ts';
import type { ChatMessage } from '../support/telegram/bot-api-stand-in.ts';

let run: BotHarness | null = null;
afterEach(async () => {
  await run?.stop();
  run = null;
});

const textOf = (m: ChatMessage): string => m.plain ?? m.text ?? '';

/** The bot's next message in `user`'s chat after `after` messages, containing `text`. */
async function nextBotMessage(b: BotHarness, user: { id: number }, after: number, text: string): Promise<ChatMessage> {
  return b.api.waitFor(() => b.api.botMessages(user.id).slice(after).find((m) => textOf(m).includes(text)), `a bot message containing ${JSON.stringify(text)}`);
}

/** Message `id` once it has been edited past `edits` times and contains `text`. */
async function edited(b: BotHarness, user: { id: number }, id: number, edits: number, text: string): Promise<ChatMessage> {
  return b.api.waitFor(() => {
    const m = b.api.message(user.id, id);
    return m !== undefined && m.edits > edits && textOf(m).includes(text) ? m : undefined;
  }, `message ${id} edited to contain ${JSON.stringify(text)}`);
}

/** Does `act` (a press) and waits for message `id` to be edited into something containing `text`. */
async function pressEdits(b: BotHarness, user: { id: number }, id: number, act: () => unknown, text: string): Promise<ChatMessage> {
  // The stand-in's message objects are live: keep the count from before the press.
  const before = b.api.message(user.id, id)?.edits ?? 0;
  await act();
  return edited(b, user, id, before, text);
}

/** The text of the last answer to a callback query. */
async function lastCallbackAnswer(b: BotHarness, count: number): Promise<string> {
  const calls = await b.api.waitFor(() => {
    const c = b.api.calls.filter((x) => x.method === 'answerCallbackQuery');
    return c.length > count ? c : undefined;
  }, 'a callback answer');
  return String(calls[calls.length - 1]?.params.text ?? '');
}
const answers = (b: BotHarness): number => b.api.calls.filter((x) => x.method === 'answerCallbackQuery').length;

const seen = (b: BotHarness, u: { id: number }): number => b.api.botMessages(u.id).length;


/**
 * Seeds ideas #1–#8 by one author: #1–#7 mobility (town-wide, but #5 in the north), #8 nature
 * in the north, #6 with a photo; #2 rejected and #3 eligible by the committee.
 */
async function seed(b: BotHarness): Promise<Idea[]> {
  const author = await b.h.register(900);
  const ideas: Idea[] = [];
  for (let i = 1; i <= 7; i++) {
    if (i === 6) {
      const { file_id } = b.api.addFile(Buffer.from('\x89PNG bench photo'), 'jpg');
      const out = await b.h.engine.submitIdea(author, { title: `Idée numéro ${i}`, description: 'A bench with a photo, long enough to be valid.', category: 'mobility', area: null, cost: 300_000, photo: file_id });
      if (!out.ok) throw new Error(out.code);
      ideas.push(out.value);
    } else {
      ideas.push(await b.h.submit(author, `Idée numéro ${i}`, 500_000, i === 5 ? 'north' : null));
    }
  }
  const nature = await b.h.engine.submitIdea(author, { title: 'Un verger partagé', description: 'Planter des arbres fruitiers au parc du nord.', category: 'nature', area: 'north', cost: 800_000 });
  if (!nature.ok) throw new Error(nature.code);
  ideas.push(nature.value);
  const rej = await b.h.engine.moderateIdea('U-MOD1', ideas[1]!.id, ideas[1]!.version, { outcome: 'rejected', criterion: 'competence', comment: null });
  const ok = await b.h.engine.moderateIdea('U-MOD1', ideas[2]!.id, ideas[2]!.version, { outcome: 'eligible', comment: null });
  if (!rej.ok || !ok.ok) throw new Error('moderation refused');
  return ideas;
}

describe('browsing ideas in Telegram', () => {
  it('keeps a full page of the longest ideas, and the longest card, within 4,096 characters after parsing', () => {
    const campaign = testCampaign();
    const translate = translatorOf(createI18n({ defaultLocale: 'fr', localeNegotiator: () => 'fr' }));
    // Characters that grow when escaped, up to the engine's limits (title 80, description 1,000).
    const idea = (n: number) => ({ number: n, title: '<&>'.repeat(26) + 'xy', description: '&<'.repeat(500), state: 'not_funded', cost: 199_999_999, area: 'north', category: 'mobility', photo: 'AgAC', authorId: null }) as unknown as Idea;
    const page = { items: [1, 2, 3, 4, 5].map((n) => ({ idea: idea(123456780 + n), supports: 987654 })), total: 999999, page: 99999, pages: 199999 };
    for (const locale of ['fr', 'en', 'nl', 'de', 'pl']) {
      const list = parseTelegramHtml(ideaListText({ campaign, translate }, locale, page, { category: 0, area: 1 }));
      const card = parseTelegramHtml(ideaCardView({ campaign, translate }, locale, { idea: idea(123456789), supports: 987654, button: 'remove', botUsername: 'a'.repeat(32) }).text);
      expect(list.ok && card.ok).toBe(true);
      if (list.ok) expect(list.text.length).toBeLessThan(4096);
      if (card.ok) expect(card.text.length).toBeLessThan(4096);
    }
  });

  it('pages the public ideas in one message, filters by category and area, and hides rejected ones (fr)', async () => {
    run = await startBot();
    const b = run;
    await seed(b);
    await b.h.register(601);
    const bea = b.api.user({ id: 601, firstName: 'Béa', languageCode: 'fr' });
    await bea.say('/ideas');
    const list = await nextBotMessage(b, bea, 0, 'Les idées des habitants');
    const count = seen(b, bea);
    expect(textOf(list)).toContain('7 idées');
    for (const n of [8, 7, 6, 5, 4]) expect(textOf(list)).toContain(`#${n} `);
    expect(textOf(list)).not.toContain('#3 ');
    expect(textOf(list)).toContain('Page 1 / 2');

    let m = await pressEdits(b, bea, list.message_id, () => bea.pressLabel('Suivant'), 'Page 2 / 2');
    expect(textOf(m)).toContain('#3 ');
    expect(textOf(m)).toContain('#1 ');
    expect(textOf(m)).toContain('Recevable');
    // #2 was rejected: not listed, to anyone but its author.
    expect(textOf(m)).not.toContain('#2 ');
    m = await pressEdits(b, bea, list.message_id, () => bea.pressLabel('Précédent'), 'Page 1 / 2');

    m = await pressEdits(b, bea, list.message_id, () => bea.pressLabel('Par catégorie'), 'Quelle catégorie');
    m = await pressEdits(b, bea, list.message_id, () => bea.pressLabel('Nature'), '1 idée');
    expect(textOf(m)).toContain('#8 Un verger partagé');
    expect(textOf(m)).toContain('Catégorie : Nature');
    expect(textOf(m)).not.toContain('#7 ');

    m = await pressEdits(b, bea, list.message_id, () => bea.pressLabel('Par quartier'), 'Quel quartier');
    m = await pressEdits(b, bea, list.message_id, () => bea.pressLabel('Nord'), 'Quartier : Nord');
    expect(textOf(m)).toContain('#8 ');
    m = await pressEdits(b, bea, list.message_id, () => bea.pressLabel('Par catégorie'), 'Quelle catégorie');
    m = await pressEdits(b, bea, list.message_id, () => bea.pressLabel('Toutes les catégories'), '2 idées');
    expect(textOf(m)).toContain('#8 ');
    expect(textOf(m)).toContain('#5 ');
    expect(textOf(m)).not.toContain('#4 ');

    m = await pressEdits(b, bea, list.message_id, () => bea.pressLabel('Par quartier'), 'Quel quartier');
    m = await pressEdits(b, bea, list.message_id, () => bea.pressLabel('Centre'), 'Aucune idée ne correspond');

    // All of it in the one list message.
    expect(seen(b, bea)).toBe(count);

    // An entry opens the idea's card, with its share link.
    m = await pressEdits(b, bea, list.message_id, () => bea.pressLabel('Par quartier'), 'Quel quartier');
    m = await pressEdits(b, bea, list.message_id, () => bea.pressLabel('Tous les quartiers'), '7 idées');
    await bea.pressLabel('#8 Un verger');
    const card = await nextBotMessage(b, bea, count, 'Planter des arbres');
    expect(textOf(card)).toContain('https://t.me/pnyx_test_bot?start=idea_8');
    expect(textOf(card)).toContain('Aucun soutien');
  });

  it('opens a card by deep link for a registered resident, and after registration for a new one (en)', async () => {
    run = await startBot();
    const b = run;
    await seed(b);
    const id = await b.h.register(602);
    await b.h.engine.setLanguage(id, 'en');
    const cem = b.api.user({ id: 602, firstName: 'Cem', languageCode: 'en' });
    await cem.say('/start idea_3');
    const card = await nextBotMessage(b, cem, 0, '#3 Idée numéro 3');
    expect(textOf(card)).toContain('Eligible');
    expect(textOf(card)).toContain('Share this idea: https://t.me/pnyx_test_bot?start=idea_3');
    // A rejected idea is not shown to anyone but its author: it is "unknown".
    let n = seen(b, cem);
    await cem.say('/start idea_2');
    await b.api.waitFor(() => seen(b, cem) > n, 'an answer to idea_2');
    expect(textOf(b.api.botMessages(cem.id)[n]!)).not.toContain('Idée numéro 2');

    const dan = b.api.user({ id: 603, firstName: 'Dan', languageCode: 'en' });
    await dan.say('/start idea_3');
    await nextBotMessage(b, dan, 0, 'Which language');
    await dan.pressLabel('English');
    await nextBotMessage(b, dan, 0, 'privacy notice');
    await dan.pressLabel('I agree');
    await nextBotMessage(b, dan, 0, 'How old');
    await dan.pressLabel('35–64');
    await nextBotMessage(b, dan, 0, 'Choose your area');
    n = seen(b, dan);
    await dan.pressLabel('North');
    await nextBotMessage(b, dan, n, 'You are registered');
    const late = await nextBotMessage(b, dan, n, '#3 Idée numéro 3');
    expect(((late.reply_markup?.inline_keyboard as { text: string }[][]) ?? []).flat().map((x) => x.text)).toContain('👍 Support this idea');
  });

  it('supports and removes support in place (idempotent), shows the photo, and refuses after submission closed', async () => {
    run = await startBot();
    const b = run;
    const ideas = await seed(b);
    const idea3 = ideas[2]!;
    const id = await b.h.register(604);
    await b.h.engine.setLanguage(id, 'en');
    const eve = b.api.user({ id: 604, firstName: 'Eve', languageCode: 'en' });
    await eve.say('/start idea_3');
    const card = await nextBotMessage(b, eve, 0, 'No support yet');

    let a = answers(b);
    let m = await pressEdits(b, eve, card.message_id, () => eve.pressLabel('Support this idea'), '1 support');
    expect(await lastCallbackAnswer(b, a)).toContain('Thank you');
    expect(await b.h.stores.ideas.supportCount(idea3.id)).toBe(1);
    expect(await b.h.engine.hasSupported(id, idea3.id)).toBe(true);

    // The same press again (a stale or repeated button): still one support, no error, no edit.
    // (The stand-in's message objects are live: keep the count, not the object.)
    const editsBefore = m.edits;
    a = answers(b);
    await eve.forgeCallback(card.message_id, 'card|s|3');
    await lastCallbackAnswer(b, a);
    expect(await b.h.stores.ideas.supportCount(idea3.id)).toBe(1);
    expect(b.api.message(eve.id, card.message_id)?.edits).toBe(editsBefore);

    m = await pressEdits(b, eve, card.message_id, () => eve.pressLabel('remove my support'), 'No support yet');
    expect(await b.h.stores.ideas.supportCount(idea3.id)).toBe(0);
    a = answers(b);
    await eve.forgeCallback(card.message_id, 'card|u|3');
    await lastCallbackAnswer(b, a);
    expect(await b.h.stores.ideas.supportCount(idea3.id)).toBe(0);

    // The photo on demand: sendPhoto with the stored file_id.
    const n = seen(b, eve);
    await eve.say('/start idea_6');
    await nextBotMessage(b, eve, n, '#6 Idée numéro 6');
    await eve.pressLabel('Show the photo');
    const photo = await b.api.waitFor(() => b.api.botMessages(eve.id).slice(n).find((x) => x.photo !== undefined), 'the photo');
    expect(photo.photo).toBe(ideas[5]!.photo);

    // Submission closes: the button still on the card is judged against the phase now.
    b.h.clock.set((b.h.campaign.phases.submission.end ?? 0) + 1000);
    await b.h.engine.tick();
    const editsAtClose = m.edits;
    a = answers(b);
    await eve.press(card.message_id, 'card|s|3');
    const refusal = await lastCallbackAnswer(b, a);
    expect(refusal.length).toBeGreaterThan(0);
    expect(refusal).toContain('no longer possible');
    m = await b.api.waitFor(() => {
      const x = b.api.message(eve.id, card.message_id);
      return x !== undefined && x.edits > editsAtClose ? x : undefined;
    }, 'the card redrawn');
    const labels = ((m.reply_markup?.inline_keyboard as { text: string }[][]) ?? []).flat().map((x) => x.text);
    expect(labels.some((l) => l.includes('Support'))).toBe(false);
    expect(await b.h.stores.ideas.supportCount(idea3.id)).toBe(0);
  });

  it('never crashes and never changes the store on random button data under br|, card|', async () => {
    run = await startBot();
    const b = run;
    const ideas = await seed(b);
    // Four residents in turn.
    const people = await Promise.all(
      [605, 606, 607, 608].map(async (tid) => {
        const residentId = await b.h.register(tid);
        const user = b.api.user({ id: tid, firstName: `P${tid}`, languageCode: 'fr' });
        await user.say('/ideas');
        const list = await nextBotMessage(b, user, 0, 'Les idées des habitants');
        return { residentId, user, list };
      }),
    );
    const before = await Promise.all(ideas.map((i) => b.h.stores.ideas.supportCount(i.id)));
    const part = fc.oneof(fc.constantFrom('l', 'c', 'a', 'o', 'p', '-', '0', '1', '99', '999999999', '', 'x'), fc.string({ maxLength: 12 }), fc.nat().map(String));
    // Support presses (s, u) change the store by design: the property covers every other datum.
    const data = fc
      .tuple(fc.constantFrom('br', 'card'), fc.array(part, { maxLength: 5 }))
      .map(([p, parts]) => [p, ...parts].join('|'))
      .filter((d) => Buffer.byteLength(d) <= 64 && !/^card\|[su]\|/.test(d));
    let turn = 0;
    await fc.assert(
      fc.asyncProperty(data, async (d) => {
        const who = people[turn++ % people.length]!;
        const a = answers(b);
        await who.user.forgeCallback(who.list.message_id, d);
        await lastCallbackAnswer(b, a);
      }),
      { numRuns: 40 },
    );
    expect(await Promise.all(ideas.map((i) => b.h.stores.ideas.supportCount(i.id)))).toEqual(before);
    for (const p of people) expect(await b.h.engine.hasSupported(p.residentId, ideas[2]!.id)).toBe(false);
    // No handler failed: bot.catch would have apologised ("Désolé, un problème…").
    for (const p of people) expect(b.api.botMessages(p.user.id).some((m) => textOf(m).startsWith('Désolé'))).toBe(false);
    expect(b.api.calls.filter((c) => c.method === 'answerCallbackQuery').some((c) => String(c.params.text ?? '').startsWith('Désolé'))).toBe(false);
  });
});
