/**
 * The life of a ballot in Telegram: changing the vote (the builder pre-filled from the current
 * ballot, the new one replacing it), the current ballot shown on return, a restart in the
 * middle of a knapsack builder, two presses on the cast button at once, a press after the
 * close, a press on an older builder message, and the refusals before voting and when the
 * resident is not eligible.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { BotHarness } from '../support/telegram/bot-harness.ts';
import { startBot } from '../support/telegram/bot-harness.ts';
import { testCampaign } from '../support/test-campaign.ts';
import { buttonData, buttons, callbackAnswers, ideaLabel, plain, pressOn, votingBot, waitAnswers, waitEdit, waitMessage, WAIT_MS } from './vote-fixture.ts';

let run: BotHarness | null = null;
afterEach(async () => {
  await run?.stop();
  run = null;
});

const IDEAS = [
  { title: 'Benches along the river', cost: 600_000 },
  { title: 'Bicycle racks at school', cost: 300_000 },
  { title: 'Community garden plots', cost: 500_000 },
];

describe('a ballot in Telegram, from first choice to close', () => {
  it('changes the vote: the builder starts from the current ballot, the new one replaces it, and /vote shows it on return', { timeout: WAIT_MS * 4 }, async () => {
    const v = await votingBot(testCampaign(), IDEAS, [{ id: 711 }]);
    run = v.run;
    const { user, residentId } = v.voters[0]!;
    const [a, b] = v.finalists as [typeof v.finalists[0], typeof v.finalists[0]];
    user.say('/vote');
    const builder = await waitMessage(run, user, (t) => t.includes('Choose one project'), 'the builder');
    pressOn(user, run, builder.message_id, ideaLabel(a));
    await waitEdit(run, user, builder.message_id, (t) => t.includes(`Your choice: #${a.number}`), 'the choice');
    pressOn(user, run, builder.message_id, 'Check my vote');
    await waitEdit(run, user, builder.message_id, (t) => t.includes('Please check your vote'), 'the confirmation');
    pressOn(user, run, builder.message_id, 'Cast my vote');
    await waitEdit(run, user, builder.message_id, (t) => t.includes('Your receipt code'), 'the receipt');
    const first = (await run.h.engine.myBallots(residentId))[0]!;

    pressOn(user, run, builder.message_id, 'Change my vote');
    const prefilled = await waitEdit(run, user, builder.message_id, (t) => t.includes('Choose one project'), 'the builder again');
    expect(plain(prefilled)).toContain(`Your choice: #${a.number}`);
    pressOn(user, run, builder.message_id, ideaLabel(b));
    await waitEdit(run, user, builder.message_id, (t) => t.includes(`Your choice: #${b.number}`), 'the new choice');
    pressOn(user, run, builder.message_id, 'Check my vote');
    await waitEdit(run, user, builder.message_id, (t) => t.includes('Please check your vote'), 'the confirmation');
    pressOn(user, run, builder.message_id, 'Cast my vote');
    const replaced = await waitEdit(run, user, builder.message_id, (t) => t.includes('replaces your previous one'), 'the new receipt');
    const stored = await run.h.engine.myBallots(residentId);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ choices: [{ ideaId: b.id, points: 1 }], version: 2 });
    expect(await run.h.stores.ballots.list('town')).toHaveLength(1);
    expect(plain(replaced)).toContain(stored[0]!.receipt);
    expect(stored[0]!.receipt).not.toBe(first.receipt);

    user.say('/vote');
    const back = await waitMessage(run, user, (t, m) => m.message_id !== builder.message_id && t.includes('Your vote for Town'), 'the current ballot on return');
    expect(plain(back)).toContain(`#${b.number}`);
    expect(plain(back)).toContain(stored[0]!.receipt);
    expect(buttons(back).map((x) => x.text)).toContain('✏️ Change my vote');
    // The older builder message is no longer the builder: a press on it is stale, not applied.
    const answered = callbackAnswers(run).length;
    pressOn(user, run, builder.message_id, 'Change my vote');
    expect((await waitAnswers(run, answered + 1)).at(-1)).toContain('out of date');
    expect(await run.h.stores.messageRefs.get(`builder:${residentId}:town`)).toMatchObject({ messageId: String(back.message_id) });
  });

  it('a restart in the middle of a knapsack builder continues it: same message edited, same selection', { timeout: WAIT_MS * 4 }, async () => {
    const campaign = testCampaign({ ballot: { kind: 'knapsack', allowChange: true }, envelopes: [{ id: 'town', name: { fr: 'Commune', en: 'Town' }, area: null, amount: 1_000_000 }] });
    const v = await votingBot(campaign, IDEAS, [{ id: 712 }]);
    run = v.run;
    const { user, residentId } = v.voters[0]!;
    const [big, small] = v.finalists as [typeof v.finalists[0], typeof v.finalists[0]];
    user.say('/vote');
    const builder = await waitMessage(run, user, (t) => t.includes('fits the budget'), 'the builder');
    pressOn(user, run, builder.message_id, ideaLabel(big));
    await waitEdit(run, user, builder.message_id, (t) => t.includes('Total: €6,000'), 'one chosen');
    await run.restart();
    const messagesBefore = run.api.botMessages(user.id).length;
    pressOn(user, run, builder.message_id, ideaLabel(small));
    const after = await waitEdit(run, user, builder.message_id, (t) => t.includes('Total: €9,000'), 'the second added to the first, after the restart');
    expect(buttons(after).find((x) => x.text.includes(ideaLabel(big)))?.text).toContain('✅');
    expect(run.api.botMessages(user.id)).toHaveLength(messagesBefore);
    pressOn(user, run, builder.message_id, 'Check my vote');
    await waitEdit(run, user, builder.message_id, (t) => t.includes('Please check your vote'), 'the confirmation');
    pressOn(user, run, builder.message_id, 'Cast my vote');
    await waitEdit(run, user, builder.message_id, (t) => t.includes('Your receipt code'), 'the receipt');
    expect((await run.h.engine.myBallots(residentId))[0]?.choices).toEqual([big.id, small.id].sort().map((ideaId) => ({ ideaId, points: 1 })));
  });

  it('two presses at once on the cast button record one ballot; the second is answered, not counted', { timeout: WAIT_MS * 4 }, async () => {
    const v = await votingBot(testCampaign(), IDEAS, [{ id: 713 }]);
    run = v.run;
    const { user, residentId } = v.voters[0]!;
    const [a] = v.finalists as [typeof v.finalists[0]];
    user.say('/vote');
    const builder = await waitMessage(run, user, (t) => t.includes('Choose one project'), 'the builder');
    pressOn(user, run, builder.message_id, ideaLabel(a));
    await waitEdit(run, user, builder.message_id, (t) => t.includes(`Your choice: #${a.number}`), 'the choice');
    pressOn(user, run, builder.message_id, 'Check my vote');
    const confirm = await waitEdit(run, user, builder.message_id, (t) => t.includes('Please check your vote'), 'the confirmation');
    const cast = buttonData(confirm, 'Cast my vote');
    const answered = callbackAnswers(run).length;
    // Both presses are queued before any bot reads them.
    await run.stopBot();
    user.press(builder.message_id, cast);
    user.press(builder.message_id, cast);
    await run.restart();
    const answers = await waitAnswers(run, answered + 2);
    await waitEdit(run, user, builder.message_id, (t) => t.includes('Your receipt code'), 'the receipt');
    expect(answers.slice(answered)).toEqual(['Your vote is saved.', expect.stringContaining('out of date')]);
    expect(await run.h.stores.ballots.list('town')).toHaveLength(1);
    expect((await run.h.engine.myBallots(residentId))[0]).toMatchObject({ version: 1, choices: [{ ideaId: a.id, points: 1 }] });
  });

  it('a cast one second after the close is refused with the message, and so is any press on a builder', { timeout: WAIT_MS * 4 }, async () => {
    const campaign = testCampaign();
    const v = await votingBot(campaign, IDEAS, [{ id: 714 }, { id: 715 }]);
    run = v.run;
    const [{ user, residentId }, other] = v.voters as [(typeof v.voters)[0], (typeof v.voters)[0]];
    const [a] = v.finalists as [typeof v.finalists[0]];
    user.say('/vote');
    const builder = await waitMessage(run, user, (t) => t.includes('Choose one project'), 'the builder');
    other.user.say('/vote');
    const otherBuilder = await waitMessage(run, other.user, (t) => t.includes('Choose one project'), 'the other builder');
    pressOn(user, run, builder.message_id, ideaLabel(a));
    await waitEdit(run, user, builder.message_id, (t) => t.includes(`Your choice: #${a.number}`), 'the choice');
    pressOn(user, run, builder.message_id, 'Check my vote');
    await waitEdit(run, user, builder.message_id, (t) => t.includes('Please check your vote'), 'the confirmation');

    run.h.clock.set(campaign.phases.voting.end! + 1000);
    const answered = callbackAnswers(run).length;
    pressOn(user, run, builder.message_id, 'Cast my vote');
    const closed = await waitEdit(run, user, builder.message_id, (t) => t.includes('Voting is closed'), 'the close said on the builder');
    expect(buttons(closed)).toHaveLength(0);
    expect((await waitAnswers(run, answered + 1)).at(-1)).toContain('Voting is closed');
    expect(await run.h.engine.myBallots(residentId)).toHaveLength(0);

    pressOn(other.user, run, otherBuilder.message_id, ideaLabel(a));
    await waitEdit(run, other.user, otherBuilder.message_id, (t) => t.includes('Voting is closed'), 'a toggle after the close');
    expect(await run.h.engine.myBallots(other.residentId)).toHaveLength(0);
    other.user.say('/vote');
    await waitMessage(run, other.user, (t, m) => m.message_id > otherBuilder.message_id && t.includes('Voting is closed'), '/vote after the close');
  });

  it('before voting opens, /vote says when it opens', { timeout: WAIT_MS * 2 }, async () => {
    run = await startBot({ campaign: testCampaign() });
    const early = await run.h.register(716);
    await run.h.engine.setLanguage(early, 'en');
    const u = run.api.user({ id: 716, firstName: 'Early', languageCode: 'en' });
    u.say('/vote');
    const m = await waitMessage(run, u, (t) => t.includes('Voting opens on'), 'the opening date');
    expect(plain(m)).toContain('June 1, 2026');
  });

  it('a registered resident who is not eligible is told why, at /vote and at a press', { timeout: WAIT_MS * 3 }, async () => {
    const v = await votingBot(testCampaign(), IDEAS, [{ id: 717 }]);
    run = v.run;
    const { user, residentId } = v.voters[0]!;
    user.say('/vote');
    const builder = await waitMessage(run, user, (t) => t.includes('Choose one project'), 'the builder');
    // Consent given to an older privacy notice: registered, but no longer eligible to vote.
    const r = (await run.h.stores.residents.get(residentId))!;
    expect(await run.h.stores.residents.save({ ...r, consent: { version: '2020-01', at: r.consent!.at } }, r.version, {})).toBe('saved');
    pressOn(user, run, builder.message_id, ideaLabel(v.finalists[0]!));
    await waitEdit(run, user, builder.message_id, (t) => t.includes('The privacy notice has changed'), 'the reason on the builder');
    user.say('/vote');
    await waitMessage(run, user, (t, m) => m.message_id > builder.message_id && t.includes('The privacy notice has changed'), 'the reason at /vote');
    expect(await run.h.engine.myBallots(residentId)).toHaveLength(0);
  });
});
