/**
 * Ambassadors in the residents' bot (SPEC §2.4, issue #11), end to end through the Bot API
 * stand-in: an ambassador registers a resident without Telegram and gets the paper code;
 * submits an idea in that resident's name (the record says who helped); opens an assisted
 * ballot that is stored only once the resident's own code is typed at the confirmation, under
 * the resident's voter key; a wrong code stores nothing. Every assisted action is flagged in
 * the audit log and moves the digest figures. A resident who is not an ambassador, pressing
 * or forging the ambassador's buttons, changes nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Outcome } from '../../core/domain/domain-error.ts';
import type { BotHarness } from '../support/telegram/bot-harness.ts';
import { startBot } from '../support/telegram/bot-harness.ts';
import type { TelegramUser } from '../support/telegram/telegram-user.ts';
import { testCampaign } from '../support/test-campaign.ts';
import { Resident } from './idea-wizard-driver.ts';
import { buttons, callbackAnswers, ideaLabel, plain, pressOn, votingBot, waitAnswers, waitEdit, WAIT_MS } from './vote-fixture.ts';

let run: BotHarness | null = null;
afterEach(async () => {
  await run?.stop();
  run = null;
});

const must = <T>(o: Outcome<T>): T => {
  if (!o.ok) throw new Error(`refused ${o.code}`);
  return o.value;
};

const IDEAS = [
  { title: 'Benches along the river', cost: 600_000 },
  { title: 'Bicycle racks at school', cost: 300_000 },
];

/** Makes `telegramId` a registered resident (English) with the ambassador role. */
async function makeAmbassador(b: BotHarness, telegramId: number, existing?: string): Promise<{ user: TelegramUser; residentId: string }> {
  const residentId = existing ?? (await b.h.register(telegramId));
  must(await b.h.engine.setLanguage(residentId, 'en'));
  must(await b.h.engine.setRole('U-ADMIN', residentId, 'ambassador'));
  return { user: b.api.user({ id: telegramId, firstName: 'Ambassador', languageCode: 'en' }), residentId };
}

const audit = async (b: BotHarness) => b.h.stores.audit.list(0, 10_000);

/** Whether the chat's message from the person with this text was deleted by the bot. */
const deletedOwn = (b: BotHarness, user: TelegramUser, text: string): boolean => b.api.messages(user.id).some((m) => !m.fromBot && m.text === text && m.deleted);

describe('an ambassador in the bot', () => {
  it('registers a resident without Telegram, gets the paper code, then submits an idea in their name', { timeout: WAIT_MS * 4 }, async () => {
    run = await startBot({ campaign: testCampaign() });
    const { user, residentId: ambId } = await makeAmbassador(run, 801);
    const a = new Resident(run, user);
    const before = await run.h.engine.digestFigures();
    expect(before.assistedRegistrations).toBe(0);

    const menu = await a.say('/menu', 'What would you like to do?');
    expect(buttons(menu).map((x) => x.text)).toContain('🤝 Ambassador');
    await a.pressLabel('Ambassador', 'You help residents who do not use Telegram');
    await a.pressLabel('Register a resident', 'Which language does the resident prefer');
    await a.pressLabel('Français', 'Does the resident agree');
    await a.pressLabel('The resident agrees', 'How old is the resident');
    await a.pressLabel('65+', 'Where does the resident live');
    await a.pressLabel('North', 'Last step');
    const done = await a.pressLabel('Create a code', 'The resident is registered');
    const code = /([A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4})/.exec(plain(done))?.[1];
    expect(code).toBeDefined();
    expect(plain(done)).toContain('keep it private');
    // Spelled out for reading aloud: every character apart.
    expect(plain(done)).toContain([...code!.replace('-', '')].slice(0, 4).join(' '));

    const helped = must(await run.h.engine.residentByCode(code!));
    expect(helped).toMatchObject({ telegramId: null, locale: 'fr', ageBand: '65+', area: 'north', step: 'done', verified: { method: 'code' } });
    expect(helped.assistedBy).toMatch(/^ambassador:/);
    expect(helped.assistedBy).not.toContain(ambId);
    const registered = (await audit(run)).find((e) => e.action === 'resident.registered_assisted');
    expect(registered).toMatchObject({ assisted: true, actor: helped.assistedBy });
    expect((await run.h.engine.digestFigures()).assistedRegistrations).toBe(1);

    // An idea in their name: found by their code (typed any way), the residents' own wizard.
    expect((await run.h.engine.digestFigures()).assistedIdeas).toBe(0);
    await a.say('/ambassador', 'You help residents');
    await a.pressLabel('An idea for a resident', 'type the one-time code of the resident whose idea');
    const typed = code!.toLowerCase().replace('-', ' ');
    await a.say(typed, "Your idea's title");
    expect(deletedOwn(run, user, typed)).toBe(true);
    await a.say('A bench at the bus stop', 'Describe your idea');
    await a.say('A bench at the north bus stop, for people who wait a long time standing.', 'Which category');
    await a.press('pick', 'mobility', 'Which area');
    await a.press('pick', 'north', 'How much would it cost');
    await a.press('dontknow', '', 'A photo?');
    await a.press('skip', '', 'A precise place?');
    await a.press('skip', '', 'Idea for the resident you are helping');
    const sent = await a.press('confirm', '', "sent in the resident's name");
    const ideas = await run.h.stores.ideas.list({ authorId: helped.id });
    expect(ideas).toHaveLength(1);
    expect(ideas[0]).toMatchObject({ title: 'A bench at the bus stop', area: 'north', assistedBy: helped.assistedBy, authorLocale: 'fr' });
    expect(plain(sent)).toContain(`#${ideas[0]!.number}`);
    expect(await run.h.stores.ideas.list({ authorId: ambId })).toHaveLength(0);
    expect((await audit(run)).find((e) => e.action === 'idea.submitted')).toMatchObject({ assisted: true, actor: helped.assistedBy });
    expect((await run.h.engine.digestFigures()).assistedIdeas).toBe(1);
  });

  it('registers with the paper code the town handed out, typed in', { timeout: WAIT_MS * 2 }, async () => {
    run = await startBot({ campaign: testCampaign() });
    const { user } = await makeAmbassador(run, 802);
    const [paper] = must(await run.h.engine.issueCodes('U-ADMIN', 1));
    const a = new Resident(run, user);
    await a.say('/ambassador', 'You help residents');
    await a.pressLabel('Register a resident', 'Which language');
    await a.pressLabel('English', 'Does the resident agree');
    await a.pressLabel('The resident agrees', 'How old');
    await a.pressLabel('18–34', 'Where does the resident live');
    await a.pressLabel('Centre', 'Last step');
    await a.say('ZZZZ-ZZZZ', 'We do not know this code');
    const done = await a.say(paper!, 'The resident is registered');
    expect(plain(done)).toContain(`${paper!.slice(0, 4)}-${paper!.slice(4)}`);
    expect(must(await run.h.engine.residentByCode(paper!))).toMatchObject({ telegramId: null, area: 'centre', ageBand: '18-34' });
  });

  it('an assisted ballot is stored only after the resident types their own code, under their voter key, and a second one replaces it', { timeout: WAIT_MS * 4 }, async () => {
    const v = await votingBot(testCampaign(), IDEAS, [{ id: 811 }]);
    run = v.run;
    const { user, residentId: ambId } = await makeAmbassador(run, 811, v.voters[0]!.residentId);
    const [code, otherCode] = must(await run.h.engine.issueCodes('U-ADMIN', 2));
    const helped = must(await run.h.engine.registerAssisted(ambId, { code: code!, locale: 'fr', ageBand: '65+', area: 'north', displayName: null }));
    must(await run.h.engine.registerAssisted(ambId, { code: otherCode!, locale: 'fr', ageBand: '65+', area: 'centre', displayName: null }));
    const [first, second] = v.finalists as [(typeof v.finalists)[0], (typeof v.finalists)[0]];
    const a = new Resident(run, user);
    const votersBefore = (await run.h.engine.digestFigures()).voters;

    await a.say('/ambassador', 'You help residents');
    await a.pressLabel('An assisted ballot', 'resident you are helping to vote');
    const builder = await a.say(code!, 'Choose one project');
    expect(deletedOwn(run, user, code!)).toBe(true);
    pressOn(user, run, builder.message_id, ideaLabel(first));
    await waitEdit(run, user, builder.message_id, (t) => t.includes(`Your choice: #${first.number}`), 'the choice');
    pressOn(user, run, builder.message_id, 'Check my vote');
    await waitEdit(run, user, builder.message_id, (t) => t.includes('Please check your vote'), 'the confirmation');
    pressOn(user, run, builder.message_id, 'Cast my vote');
    const waiting = await waitEdit(run, user, builder.message_id, (t) => t.includes('Nothing is recorded yet'), 'the code prompt');
    expect(buttons(waiting).map((x) => x.text).join('|')).not.toContain('Cast my vote');
    expect(await run.h.engine.myBallots(helped.id)).toHaveLength(0);

    // Wrong codes: another resident's, an unknown one. Nothing stored for anyone.
    await a.say(otherCode!, 'This is not the code of the resident');
    await a.say('ZZZZ-ZZZZ', 'This is not the code of the resident');
    expect(await run.h.stores.ballots.list('town')).toHaveLength(0);

    await a.say(code!, 'Your vote is saved');
    const receipt = await waitEdit(run, user, builder.message_id, (t) => t.includes('Your receipt code'), 'the receipt on the builder');
    const stored = await run.h.engine.myBallots(helped.id);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ choices: [{ ideaId: first.id, points: 1 }], assisted: true, version: 1 });
    expect(plain(receipt)).toContain(stored[0]!.receipt);
    expect(await run.h.engine.myBallots(ambId)).toHaveLength(0);
    const flagged = (await audit(run)).filter((e) => e.action === 'ballot.assisted');
    expect(flagged).toHaveLength(1);
    expect(flagged[0]).toMatchObject({ assisted: true, actor: helped.assistedBy });
    expect((await run.h.engine.digestFigures()).voters).toBe(votersBefore + 1);

    // The resident votes once, like anyone: a second assisted ballot replaces the first.
    pressOn(user, run, builder.message_id, 'Change my vote');
    await waitEdit(run, user, builder.message_id, (t) => t.includes('Choose one project'), 'the builder again');
    pressOn(user, run, builder.message_id, ideaLabel(second));
    await waitEdit(run, user, builder.message_id, (t) => t.includes(`Your choice: #${second.number}`), 'the new choice');
    pressOn(user, run, builder.message_id, 'Check my vote');
    await waitEdit(run, user, builder.message_id, (t) => t.includes('Please check your vote'), 'the confirmation');
    pressOn(user, run, builder.message_id, 'Cast my vote');
    await waitEdit(run, user, builder.message_id, (t) => t.includes('Nothing is recorded yet'), 'the code prompt');
    expect((await run.h.engine.myBallots(helped.id))[0]).toMatchObject({ choices: [{ ideaId: first.id }] });
    await a.say(code!, 'Your vote is saved');
    await waitEdit(run, user, builder.message_id, (t) => t.includes('replaces your previous one'), 'the new receipt');
    const replaced = await run.h.engine.myBallots(helped.id);
    expect(replaced).toHaveLength(1);
    expect(replaced[0]).toMatchObject({ choices: [{ ideaId: second.id, points: 1 }], version: 2, assisted: true });
    expect(await run.h.stores.ballots.list('town')).toHaveLength(1);
    expect((await audit(run)).filter((e) => e.action === 'ballot.assisted' && e.assisted)).toHaveLength(2);
  });

  it('when the campaign does not allow a change, the resident who voted sees their ballot and cannot vote again', { timeout: WAIT_MS * 3 }, async () => {
    const v = await votingBot(testCampaign({ ballot: { kind: 'single', allowChange: false } }), IDEAS, [{ id: 821 }]);
    run = v.run;
    const { user, residentId: ambId } = await makeAmbassador(run, 821, v.voters[0]!.residentId);
    const [code] = must(await run.h.engine.issueCodes('U-ADMIN', 1));
    const helped = must(await run.h.engine.registerAssisted(ambId, { code: code!, locale: 'fr', ageBand: '65+', area: 'north', displayName: null }));
    const first = v.finalists[0]!;
    must(await run.h.engine.castAssistedBallot(ambId, code!, 'town', [{ ideaId: first.id }], 'earlier'));
    const a = new Resident(run, user);
    await a.say('/ambassador', 'You help residents');
    await a.pressLabel('An assisted ballot', 'resident you are helping to vote');
    const current = await a.say(code!, 'Your vote for Town');
    expect(plain(current)).toContain(`#${first.number}`);
    expect(buttons(current).map((x) => x.text).join('|')).not.toContain('Change my vote');
    expect(await run.h.engine.myBallots(helped.id)).toMatchObject([{ version: 1 }]);
  });

  it('a resident who is not an ambassador sees no ambassador action, and pressing or forging its buttons changes nothing', { timeout: WAIT_MS * 3 }, async () => {
    const v = await votingBot(testCampaign(), IDEAS, [{ id: 831 }, { id: 832 }]);
    run = v.run;
    const { user: ambUser } = await makeAmbassador(run, 832, v.voters[1]!.residentId);
    const [code] = must(await run.h.engine.issueCodes('U-ADMIN', 1));
    const user = v.voters[0]!.user;
    const r = new Resident(run, user);
    const residentsBefore = (await run.h.stores.residents.list(null, 1000)).length;
    const auditBefore = (await audit(run)).length;

    const menu = await r.say('/menu', 'What would you like to do?');
    expect(buttons(menu).map((x) => x.text).join('|')).not.toContain('Ambassador');
    await r.say('/ambassador', 'Only ambassadors can do this');
    for (const data of ['menu|ambassador', 'amb|reg|-', 'amb|lang|fr', 'amb|newcode|-', 'amb|vote|-']) {
      await r.forge(menu.message_id, data);
      expect(r.lastAnswer()).toContain('Only ambassadors');
    }
    // An assisted builder's button: no assisted voter in this chat, so expired.
    await r.forge(menu.message_id, 'avote|t|1|cs|0|-');
    expect(r.lastAnswer()).toContain('expired');
    // A code typed as if a flow were waiting: nothing is registered, cast or issued.
    await r.say(code!, 'I did not understand this message');
    expect((await run.h.stores.residents.list(null, 1000)).length).toBe(residentsBefore);
    expect(await run.h.stores.ballots.list('town')).toHaveLength(0);
    expect((await audit(run)).length).toBe(auditBefore);

    // The ambassador's own menu shows the action.
    const a = new Resident(run, ambUser);
    const ambMenu = await a.say('/menu', 'What would you like to do?');
    expect(buttons(ambMenu).map((x) => x.text)).toContain('🤝 Ambassador');
    const answered = callbackAnswers(run).length;
    ambUser.forgeCallback(ambMenu.message_id, 'amb|age|65+');
    expect((await waitAnswers(run, answered + 1)).at(-1)).toContain('expired');
  });
});
