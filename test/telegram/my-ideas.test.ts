/**
 * My ideas end to end: the list, the card with the committee's comment, edit and resubmit
 * after "changes requested", a rewrite accepted or declined, withdrawal — every press judged
 * against the idea as stored at that moment. Each test checks what the engine stored.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startBot } from '../support/telegram/bot-harness.ts';
import type { BotHarness } from '../support/telegram/bot-harness.ts';
import type { Idea } from '../../core/ideas/idea.ts';
import { PROMPTS, Resident, fillWizard } from './idea-wizard-driver.ts';

let run: BotHarness | null = null;
afterEach(async () => {
  await run?.stop();
  run = null;
});

type Json = Record<string, unknown>;

async function resident(b: BotHarness, id: number, locale: 'fr' | 'en'): Promise<{ r: Resident; residentId: string }> {
  const residentId = await b.h.register(id);
  if (locale !== 'fr') await b.h.engine.setLanguage(residentId, locale);
  return { r: new Resident(b, b.api.user({ id, firstName: `R${id}`, languageCode: locale })), residentId };
}

async function stored(b: BotHarness, number: number): Promise<Idea> {
  const idea = (await b.h.stores.ideas.list()).find((i) => i.number === number);
  if (idea === undefined) throw new Error(`no idea #${number}`);
  return idea;
}

/** Presses the button whose data is exactly `data` on the latest message that has it. */
async function pressData(r: Resident, data: string, expect: string): Promise<void> {
  const m = [...r.messages()].reverse().find((x) => ((x.reply_markup?.inline_keyboard as Json[][] | undefined) ?? []).flat().some((b) => b.callback_data === data));
  if (m === undefined) throw new Error(`no button ${data}`);
  await r.expect(expect, () => r.user.press(m.message_id, data));
}

function moderate(b: BotHarness, idea: Idea, decision: Parameters<BotHarness['h']['engine']['moderateIdea']>[3]) {
  return b.h.engine.moderateIdea('U-MOD1', idea.id, idea.version, decision);
}

describe('my ideas', () => {
  it('in English: submitted with a photo and a place, sent back by the committee, resubmitted through the bot, then a rewrite accepted', async () => {
    run = await startBot();
    const b = run;
    const { r, residentId } = await resident(b, 801, 'en');
    const { photoId } = await fillWizard(r, 'en', { title: 'Bike racks at the station', description: 'Twenty covered bike racks next to the station entrance.', category: 'mobility', area: 'centre', cost: '4,500', photo: true, location: { lat: 49.86, lon: 5.25 } });
    await r.press('confirm', '', PROMPTS.en.sent);
    const first = await stored(b, 1);
    expect(first).toMatchObject({ authorId: residentId, photo: photoId, location: { lat: 49.86, lon: 5.25 }, cost: 450_000 });

    // The committee asks for changes (its comment holds HTML-looking text: shown as typed).
    const asked = await moderate(b, first, { outcome: 'changes_requested', comment: 'Say how many <b>covered</b> places & where exactly.' });
    expect(asked.ok).toBe(true);
    const list = await r.say('/myideas', 'Your ideas (1)');
    expect(list.plain).toContain('The committee asked for changes');
    const card = await r.pressLabel('#1 Bike racks', 'Bike racks at the station');
    expect(card.plain).toContain("The committee's comment:\nSay how many <b>covered</b> places & where exactly.");
    expect(card.plain).toContain('press “Edit and resubmit”');

    // Edit and resubmit: the wizard opens at the summary, pre-filled, with the comment.
    const summary = await r.pressLabel('Edit and resubmit', PROMPTS.en.summary);
    expect(summary.plain).toContain('Idea #1: the committee asked for changes');
    expect(summary.plain).toContain('Say how many <b>covered</b> places');
    expect(summary.plain).toContain('Bike racks at the station');
    await r.press('edit', 'description', PROMPTS.en.description);
    await r.say('Twenty covered bike racks on the east side of the station entrance.', PROMPTS.en.summary);
    await r.press('confirm', '', PROMPTS.en.resubmitted);
    const resubmitted = await stored(b, 1);
    expect(resubmitted).toMatchObject({ state: 'resubmitted', description: 'Twenty covered bike racks on the east side of the station entrance.', title: 'Bike racks at the station', photo: photoId, location: { lat: 49.86, lon: 5.25 }, cost: 450_000, area: 'centre' });
    expect(resubmitted.revisions.map((x) => x.reason)).toEqual(['created', 'resubmitted']);

    // A rewrite is proposed: shown next to the current text, accepted.
    const proposed = await b.h.engine.proposeRewrite('U-MOD1', resubmitted.id, 'Covered bike racks at the station', 'Twenty covered bike racks on the east side of the station entrance, lit at night.', 'Clearer for voters');
    expect(proposed.ok).toBe(true);
    await r.say('/myideas', 'Your ideas (1)');
    await r.pressLabel('#1 Bike racks', 'accept or decline it below');
    const comparison = await r.next(0, 'The committee proposes a new wording for your idea');
    expect(comparison.plain).toContain('Now:\nBike racks at the station');
    expect(comparison.plain).toContain('Proposed:\nCovered bike racks at the station');
    expect(comparison.plain).toContain('Their note: Clearer for voters');
    await r.pressLabel('Accept', 'now has the new wording');
    const accepted = await stored(b, 1);
    expect(accepted).toMatchObject({ title: 'Covered bike racks at the station', description: 'Twenty covered bike racks on the east side of the station entrance, lit at night.', rewrite: null, state: 'resubmitted' });
    expect(accepted.revisions.map((x) => x.reason)).toEqual(['created', 'resubmitted', 'rewrite_accepted']);
  });

  it('in French: withdraws after a confirmation, keeps the idea on "no", and judges an old button against the idea as it is now', async () => {
    run = await startBot();
    const b = run;
    const { r, residentId } = await resident(b, 802, 'fr');
    const kept = await b.h.submit(residentId, 'Un potager partagé');
    const other = await b.h.submit(residentId, 'Une fontaine au parc');
    await r.say('/myideas', 'Vos idées (2)');
    await r.pressLabel('#1 Un potager', 'Un potager partagé');
    await r.pressLabel('Retirer cette idée', 'Voulez-vous vraiment retirer');
    await r.pressLabel('Non, la garder', 'Un potager partagé');
    expect((await stored(b, kept.number)).state).toBe('submitted');
    await r.pressLabel('Retirer cette idée', 'Voulez-vous vraiment retirer');
    await r.pressLabel('Oui, la retirer', 'Votre idée n° 1 est retirée');
    expect((await stored(b, kept.number)).state).toBe('withdrawn');

    // The card of #2 offers Withdraw; the committee rejects it meanwhile; the old button is refused.
    await r.say('/myideas', 'Vos idées (2)');
    await r.pressLabel('#2 Une fontaine', 'Une fontaine au parc');
    const withdrawButton = r.messages().filter((m) => (m.plain ?? '').includes('Une fontaine au parc')).pop();
    const rejected = await moderate(b, await stored(b, other.number), { outcome: 'rejected', criterion: 'competence', comment: null });
    expect(rejected.ok).toBe(true);
    const n = r.seen();
    r.user.press(withdrawButton!.message_id, `mi|wd|${other.number}|0`);
    const refusal = await r.run.api.waitFor(() => r.messages().slice(n)[0], 'the refusal');
    expect(refusal.plain).not.toContain('Voulez-vous vraiment');
    expect((await stored(b, other.number)).state).toBe('rejected');
    // A forged withdrawal of the rejected idea (no confirmation message carries it) is refused too.
    await r.forge(withdrawButton!.message_id, `mi|wdy|${other.number}|0`);
    expect((await stored(b, other.number)).state).toBe('rejected');
  });

  it('in French: pages the list, and a rewrite answered on a proposal that changed since is shown again, not accepted unseen', async () => {
    run = await startBot();
    const b = run;
    const { r, residentId } = await resident(b, 803, 'fr');
    for (let i = 1; i <= 6; i++) await b.h.submit(residentId, `Idée numéro ${i}`);
    const page1 = await r.say('/myideas', 'Vos idées (6)');
    expect(page1.plain).toContain('Idée numéro 6');
    expect(page1.plain).not.toContain('Idée numéro 1\n');
    // The next page replaces the list in place.
    r.user.press(page1.message_id, 'mi|list|2|0');
    const edited = await b.api.waitFor(() => r.messages().find((m) => m.message_id === page1.message_id && m.edits === 1), 'the list edited to page 2');
    expect(edited.plain).toContain('Idée numéro 1');
    expect(edited?.plain).not.toContain('Idée numéro 6');

    const idea = await stored(b, 6);
    expect((await b.h.engine.proposeRewrite('U-MOD1', idea.id, 'Idée numéro six', 'Une version plus claire de l’idée numéro six, pour les votants.', null)).ok).toBe(true);
    await r.say('/myideas', 'Vos idées (6)');
    await r.pressLabel('#6 Idée numéro 6', 'acceptez-la ou refusez-la');
    const shown = await stored(b, 6);
    // The committee changes its proposal before the resident answers.
    expect((await b.h.engine.proposeRewrite('U-MOD1', idea.id, 'Idée n° 6, réécrite', 'Une autre version, encore plus claire, de l’idée numéro six.', null)).ok).toBe(true);
    const before = r.seen();
    await pressData(r, `mi|acc|6|${shown.version}`, 'Cette proposition a changé');
    await r.next(before, 'Proposé :\nIdée n° 6, réécrite');
    expect(await stored(b, 6)).toMatchObject({ title: 'Idée numéro 6', rewrite: { title: 'Idée n° 6, réécrite' } });
    // The proposal shown again, declined: the resident's wording stays.
    const now = await stored(b, 6);
    await pressData(r, `mi|dec|6|${now.version}`, 'garde votre formulation');
    expect(await stored(b, 6)).toMatchObject({ title: 'Idée numéro 6', rewrite: null });
  });

  it('refuses "edit and resubmit" once the idea is no longer waiting for changes, and opens no wizard', async () => {
    run = await startBot();
    const b = run;
    const { r, residentId } = await resident(b, 804, 'en');
    const idea = await b.h.submit(residentId, 'Benches by the river');
    expect((await moderate(b, idea, { outcome: 'changes_requested', comment: 'Where exactly?' })).ok).toBe(true);
    await r.say('/myideas', 'Your ideas (1)');
    await r.pressLabel('#1 Benches', 'Edit and resubmit');
    expect((await b.h.engine.withdrawIdea(residentId, idea.id)).ok).toBe(true);
    const n = r.seen();
    r.user.pressLabel('Edit and resubmit');
    await r.next(n, 'Withdrawn by its author');
    expect(r.messages().slice(n).some((m) => (m.plain ?? '').includes(PROMPTS.en.summary))).toBe(false);
    expect((await stored(b, 1)).state).toBe('withdrawn');
    // No wizard was entered: the chat holds no conversation state.
    expect(await b.h.stores.chat.read('conv:804', b.h.clock.now())).toBeUndefined();
  });
});
