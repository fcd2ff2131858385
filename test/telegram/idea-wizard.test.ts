/**
 * The idea wizard end to end: grammY polling the strict Bot API stand-in, the engine behind
 * it. Each test checks what the resident reads and what the engine stored (or did not).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { refusalText } from '../../adapters/telegram/render/refusal-text.ts';
import type { RefusalLike } from '../../adapters/telegram/render/refusal-text.ts';
import { formatFor } from '../../adapters/telegram/render/text-format.ts';
import { startBot } from '../support/telegram/bot-harness.ts';
import type { BotHarness } from '../support/telegram/bot-harness.ts';
import { T } from '../support/test-campaign.ts';
import { parseAmount } from '../../adapters/telegram/features/ideas-amount.ts';
import { PROMPTS, Resident, fillWizard } from './idea-wizard-driver.ts';

let run: BotHarness | null = null;
afterEach(async () => {
  await run?.stop();
  run = null;
});

const plainOf = (html: string): string => html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

async function resident(b: BotHarness, id: number, locale: 'fr' | 'en'): Promise<{ r: Resident; residentId: string }> {
  const residentId = await b.h.register(id);
  if (locale !== 'fr') await b.h.engine.setLanguage(residentId, locale);
  return { r: new Resident(b, b.api.user({ id, firstName: `R${id}`, languageCode: locale })), residentId };
}

/** The refusal text a resident reads for `refusal`, as plain text. */
function refusalPlain(b: BotHarness, locale: string, refusal: RefusalLike): string {
  return plainOf(refusalText(b.bot.services.translate, locale, b.h.campaign, refusal));
}

describe('the idea wizard', () => {
  it('in French: re-asks every bad answer with the reason, takes a photo and a location, edits a field, and stores one idea with every field', async () => {
    run = await startBot();
    const b = run;
    const { r, residentId } = await resident(b, 601, 'fr');
    const p = PROMPTS.fr;
    await r.say('/idea', p.title);

    // Title: too short → the reason, the same step again; nothing stored.
    let n = r.seen();
    await r.say('abc', p.title);
    await r.next(n, refusalPlain(b, 'fr', { code: 'idea.title_too_short', params: { min: 5, length: 3 } }));
    await r.say('Des   bancs  au parc', p.description);

    // Description: too short, then too long.
    n = r.seen();
    await r.say('Trop court', p.description);
    await r.next(n, refusalPlain(b, 'fr', { code: 'idea.description_too_short', params: { min: 20, length: 10 } }));
    n = r.seen();
    await r.say('x'.repeat(1001), p.description);
    await r.next(n, refusalPlain(b, 'fr', { code: 'idea.description_too_long', params: { max: 1000, length: 1001 } }));
    await r.say('Installer six bancs en bois <solides> autour de la plaine de jeux.', p.category);

    // Category: text is not an answer; the buttons are.
    await r.say('nature', 'boutons sous la question');
    await r.press('pick', 'nature', p.area);
    await r.pressLabel('Nord', p.cost);

    // Cost: not a number, then under the minimum, then a French amount with cents.
    n = r.seen();
    await r.say('beaucoup', p.cost);
    await r.next(n, refusalPlain(b, 'fr', { code: 'idea.cost_invalid', params: {} }));
    n = r.seen();
    await r.say('€ 10', p.cost);
    await r.next(n, refusalPlain(b, 'fr', { code: 'idea.cost_out_of_bounds', params: { min: 50_000, max: 2_000_000, cost: 1000 } }));
    await r.say('1.500,50', p.photo);

    // Photo: text is not a photo.
    await r.say('une photo', 'Merci d\'envoyer une photo');
    let photoId = '';
    await r.expect(p.location, () => {
      photoId = r.user.sendPhoto().fileId;
    });
    await r.say('ici', 'Merci de partager une position');
    expect(await b.h.stores.ideas.list()).toEqual([]);
    const summary = await r.expect(p.summary, () => r.user.sendLocation(49.8573, 5.2521));
    expect(summary.plain).toContain('Des bancs au parc');
    expect(summary.plain).toContain('<solides>');
    expect(summary.plain).toContain(formatFor('fr', b.h.campaign).money(150_050));

    // Edit the title from the summary: the current answer is shown, the new one replaces it.
    const titlePrompt = await r.press('edit', 'title', p.title);
    expect(titlePrompt.plain).toContain('Réponse actuelle : Des bancs au parc');
    const summary2 = await r.say('Des bancs autour de la plaine', p.summary);
    expect(summary2.plain).toContain('Des bancs autour de la plaine');
    expect(await b.h.stores.ideas.list()).toEqual([]);

    const done = await r.press('confirm', '', p.sent);
    expect(done.plain).toContain('n° 1');
    const ideas = await b.h.stores.ideas.list();
    expect(ideas).toHaveLength(1);
    expect(ideas[0]).toMatchObject({
      number: 1,
      state: 'submitted',
      authorId: residentId,
      authorLocale: 'fr',
      title: 'Des bancs autour de la plaine',
      description: 'Installer six bancs en bois <solides> autour de la plaine de jeux.',
      category: 'nature',
      area: 'north',
      cost: 150_050,
      photo: photoId,
      location: { lat: 49.8573, lon: 5.2521 },
    });
    // The summary's buttons are gone once confirmed.
    expect(r.messages().find((m) => m.message_id === summary2.message_id)?.reply_markup).toBeUndefined();
  });

  it('in English: back, "don\'t know", the whole town, and skipping the photo and the place', async () => {
    run = await startBot();
    const b = run;
    const { r, residentId } = await resident(b, 602, 'en');
    const p = PROMPTS.en;
    await r.say('/idea', p.title);
    await r.say('A community garden', p.description);
    await r.say('Turn the empty lot behind the school into a shared vegetable garden.', p.category);
    await r.press('pick', 'mobility', p.area);
    // Back to the category: the earlier answer is offered, and changed.
    const again = await r.press('back', '', p.category);
    expect(again.plain).toContain('Current answer: Mobility');
    await r.press('pick', 'nature', p.area);
    await r.press('town', '', p.cost);
    await r.press('dontknow', '', p.photo);
    await r.press('skip', '', p.location);
    const summary = await r.press('skip', '', p.summary);
    expect(summary.plain).toContain(`Area: ${b.bot.services.translate('en', 'common-town-wide')}`);
    expect(summary.plain).toContain(`Cost: ${b.bot.services.translate('en', 'common-dont-know')}`);
    await r.press('confirm', '', p.sent);
    const ideas = await b.h.stores.ideas.list();
    expect(ideas).toHaveLength(1);
    expect(ideas[0]).toMatchObject({ authorId: residentId, title: 'A community garden', category: 'nature', area: null, cost: null, photo: null, location: null, authorLocale: 'en' });
  });

  it('leaves on /cancel or the Cancel button at any step, stores nothing, and answers an old summary’s Confirm as expired', async () => {
    run = await startBot();
    const b = run;
    const { r } = await resident(b, 603, 'en');
    const p = PROMPTS.en;
    await r.say('/idea', p.title);
    await r.say('A community garden', p.description);
    await r.say('/cancel', p.cancelled);
    expect(await b.h.stores.ideas.list()).toEqual([]);
    await r.say('/cancel', 'There is nothing to cancel');

    const { summary } = await fillWizard(r, 'en', { title: 'Lights on the bridge', description: 'Put solar lights along the old bridge so people feel safe.', category: 'mobility', area: 'centre', cost: '12 000', photo: false, location: null });
    const confirm = r.wizardButton('confirm');
    expect(confirm.message.message_id).toBe(summary.message_id);
    await r.press('cancel', '', p.cancelled);
    // The summary's buttons were removed; a client that still shows them (or a forged press) gets "expired".
    await r.forge(summary.message_id, confirm.data);
    expect(r.lastAnswer()).toBe(b.bot.services.translate('en', 'common-expired-button'));
    expect(await b.h.stores.ideas.list()).toEqual([]);

    // A wizard left at a later step with its Cancel button, too.
    await r.say('/idea', p.title);
    await r.say('Lights on the bridge', p.description);
    await r.press('cancel', '', p.cancelled);
    expect(await b.h.stores.ideas.list()).toEqual([]);
  });

  it('answers a press on a button of an earlier step as expired and stays at the current step', async () => {
    run = await startBot();
    const b = run;
    const { r } = await resident(b, 604, 'fr');
    const p = PROMPTS.fr;
    await r.say('/idea', p.title);
    await r.say('Un banc au centre', p.description);
    await r.say('Un banc en pierre devant la maison communale, pour se reposer.', p.category);
    const category = r.wizardButton('pick', 'nature');
    await r.press('pick', 'mobility', p.area);
    // The category prompt's buttons are stale now: pressing one (forged) does not change the draft.
    await r.forge(category.message.message_id, category.data);
    expect(r.lastAnswer()).toBe(b.bot.services.translate('fr', 'common-expired-button'));
    // A forged button of this wizard's current prompt with a value it never showed, too.
    const area = r.wizardButton('pick', 'north');
    await r.forge(area.message.message_id, area.data.replace('|north', '|nowhere'));
    expect(r.lastAnswer()).toBe(b.bot.services.translate('fr', 'common-expired-button'));
    await r.press('pick', 'centre', p.cost);
    await r.say('5000', p.photo);
    await r.press('skip', '', p.location);
    const summary = await r.press('skip', '', p.summary);
    expect(summary.plain).toContain('Mobilité');
    await r.press('confirm', '', p.sent);
    expect((await b.h.stores.ideas.list())[0]).toMatchObject({ category: 'mobility', area: 'centre', cost: 500_000 });
  });

  it('refuses a submission confirmed after the phase closed, with the engine’s reason, and stores nothing', async () => {
    // A minute before the close: the wizard is kept 30 days, the whole phase is longer.
    run = await startBot({ start: T.review - 60_000 });
    const b = run;
    const { r, residentId } = await resident(b, 605, 'en');
    await fillWizard(r, 'en', { title: 'Late idea for the park', description: 'A drinking fountain at the park entrance, near the benches.', category: 'nature', area: null, cost: '3000', photo: false, location: null });
    b.h.clock.set(T.review + 1000);
    const refusal = await b.h.engine.submitIdea(residentId, { title: 'x', description: 'y', category: 'nature', area: null, cost: null });
    expect(refusal.ok).toBe(false);
    if (refusal.ok) return;
    await r.press('confirm', '', refusalPlain(b, 'en', refusal));
    await r.next(0, b.bot.services.translate('en', 'idea-not-sent'));
    expect(await b.h.stores.ideas.list()).toEqual([]);
    // The wizard has ended: /idea now says submission is not possible.
    await r.say('/idea', plainOf(b.bot.services.translate('en', 'menu-not-now')));
  });

  it('is open to registered residents only, from the menu button and from /idea', async () => {
    run = await startBot();
    const b = run;
    const stranger = new Resident(b, b.api.user({ id: 606, firstName: 'S', languageCode: 'en' }));
    await stranger.say('/idea', 'Which language');
    expect(await b.h.stores.ideas.list()).toEqual([]);
    const { r } = await resident(b, 607, 'en');
    await r.say('/menu', 'What would you like to do?');
    await r.pressLabel('Submit an idea', PROMPTS.en.title);
  });
});

describe('a typed cost', () => {
  it('is read the way residents write amounts, in minor units', () => {
    const cases: [string, number | null][] = [
      ['1500', 150_000],
      ['1 500', 150_000],
      ['1\u202F500', 150_000],
      ['1.500', 150_000],
      ['1,500', 150_000],
      ['1.500,50', 150_050],
      ['1,500.50', 150_050],
      ['12,5', 1250],
      ['€ 2000', 200_000],
      ['2000 €', 200_000],
      ['2000 EUR', 200_000],
      ["1'500", 150_000],
      ['1.234.567', 123_456_700],
      ['1.2.3', null],
      ['12,345,6', null],
      ['1.5005', null],
      ['-5', null],
      ['beaucoup', null],
      ['', null],
      ['9'.repeat(41), null],
    ];
    for (const [text, minor] of cases) expect([text, parseAmount(text, 100)]).toEqual([text, minor]);
    // A currency without decimals takes whole amounts only.
    expect(parseAmount('1500', 1)).toBe(1500);
    expect(parseAmount('1500,5', 1)).toBeNull();
  });
});
