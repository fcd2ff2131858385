/**
 * Voting end to end under each ballot rule: a resident opens the vote, builds the ballot in one
 * message edited in place, confirms, casts, and gets the receipt; the stored ballot equals the
 * choices made. Then a resident with an area envelope and the town-wide one fills two builders.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { BotHarness } from '../support/telegram/bot-harness.ts';
import { testCampaign } from '../support/test-campaign.ts';
import { buttons, callbackAnswers, ideaLabel, plain, pressOn, rowButtonData, votingBot, waitAnswers, waitEdit, waitMessage, WAIT_MS } from './vote-fixture.ts';

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

describe('voting in Telegram, per rule', () => {
  it('single: picks one finalist, confirms, casts, and gets the receipt that the store holds', { timeout: WAIT_MS * 3 }, async () => {
    const v = await votingBot(testCampaign(), IDEAS, [{ id: 701 }]);
    run = v.run;
    const { user, residentId } = v.voters[0]!;
    const [a, b] = v.finalists as [typeof v.finalists[0], typeof v.finalists[0]];
    user.say('/vote');
    const builder = await waitMessage(run, user, (t) => t.includes('Choose one project'), 'the builder');
    expect(plain(builder)).toContain('No project chosen yet');
    for (const f of v.finalists) expect(plain(builder)).toContain(`#${f.number} ${f.title}`);
    pressOn(user, run, builder.message_id, ideaLabel(a));
    await waitEdit(run, user, builder.message_id, (t) => t.includes(`Your choice: #${a.number}`), 'the first choice shown');
    pressOn(user, run, builder.message_id, ideaLabel(b));
    await waitEdit(run, user, builder.message_id, (t) => t.includes(`Your choice: #${b.number}`), 'the choice replaced');
    pressOn(user, run, builder.message_id, 'Check my vote');
    const confirm = await waitEdit(run, user, builder.message_id, (t) => t.includes('Please check your vote'), 'the confirmation');
    expect(plain(confirm)).toContain(`#${b.number} ${b.title}`);
    expect(plain(confirm)).not.toContain(a.title);
    pressOn(user, run, builder.message_id, 'Cast my vote');
    const receipt = await waitEdit(run, user, builder.message_id, (t) => t.includes('Your receipt code'), 'the receipt');
    const stored = await run.h.engine.myBallots(residentId);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ slot: 'town', choices: [{ ideaId: b.id, points: 1 }], version: 1 });
    expect(plain(receipt)).toContain(stored[0]!.receipt);
    expect(plain(receipt)).toContain('publishes the list of all ballots');
    expect(buttons(receipt).map((x) => x.text)).toContain('✏️ Change my vote');
    // One builder message, edited in place; its reference kept in the message-references port.
    expect(run.api.botMessages(user.id).filter((m) => plain(m).includes('receipt') || plain(m).includes('Choose one'))).toHaveLength(1);
    expect(await run.h.stores.messageRefs.get(`builder:${residentId}:town`)).toMatchObject({ platform: 'telegram', chat: String(user.id), messageId: String(builder.message_id) });
  });

  it('approval: toggles up to k with "k of K chosen", refuses one more, and the ballot is the set chosen', { timeout: WAIT_MS * 3 }, async () => {
    const v = await votingBot(testCampaign({ ballot: { kind: 'approval', minChoices: 1, maxChoices: 2, allowChange: true } }), IDEAS, [{ id: 702 }]);
    run = v.run;
    const { user, residentId } = v.voters[0]!;
    const [a, b, c] = v.finalists as [typeof v.finalists[0], typeof v.finalists[0], typeof v.finalists[0]];
    user.say('/vote');
    const builder = await waitMessage(run, user, (t) => t.includes('Choose up to 2 projects'), 'the builder');
    expect(plain(builder)).toContain('0 of 2 chosen');
    pressOn(user, run, builder.message_id, ideaLabel(a));
    await waitEdit(run, user, builder.message_id, (t) => t.includes('1 of 2 chosen'), 'one chosen');
    pressOn(user, run, builder.message_id, ideaLabel(c));
    await waitEdit(run, user, builder.message_id, (t) => t.includes('2 of 2 chosen'), 'two chosen');
    const answered = callbackAnswers(run).length;
    const editsBefore = run.api.message(user.id, builder.message_id)!.edits;
    pressOn(user, run, builder.message_id, ideaLabel(b));
    const answers = await waitAnswers(run, answered + 1);
    expect(answers.at(-1)).toContain('at most 2 projects');
    expect(run.api.message(user.id, builder.message_id)!.edits).toBe(editsBefore);
    pressOn(user, run, builder.message_id, 'Check my vote');
    await waitEdit(run, user, builder.message_id, (t) => t.includes('Please check your vote'), 'the confirmation');
    pressOn(user, run, builder.message_id, 'Cast my vote');
    await waitEdit(run, user, builder.message_id, (t) => t.includes('Your receipt code'), 'the receipt');
    const [stored] = await run.h.engine.myBallots(residentId);
    expect(stored?.choices).toEqual([a.id, c.id].sort().map((ideaId) => ({ ideaId, points: 1 })));
  });

  it('knapsack: keeps a running total, shows what no longer fits (not hidden), refuses it, and casts a set within the envelope', { timeout: WAIT_MS * 3 }, async () => {
    const campaign = testCampaign({ ballot: { kind: 'knapsack', allowChange: true }, envelopes: [{ id: 'town', name: { fr: 'Commune', en: 'Town' }, area: null, amount: 1_000_000 }] });
    const v = await votingBot(campaign, IDEAS, [{ id: 703 }]);
    run = v.run;
    const { user, residentId } = v.voters[0]!;
    const [big, small, mid] = v.finalists as [typeof v.finalists[0], typeof v.finalists[0], typeof v.finalists[0]];
    user.say('/vote');
    const builder = await waitMessage(run, user, (t) => t.includes('fits the budget'), 'the builder');
    expect(plain(builder)).toContain('Total: €0 of €10,000 — €10,000 left');
    pressOn(user, run, builder.message_id, ideaLabel(big));
    const after = await waitEdit(run, user, builder.message_id, (t) => t.includes('Total: €6,000 of €10,000 — €4,000 left'), 'the total after one');
    // The 5,000 € idea no longer fits in the 4,000 € left: still listed, marked, its button too.
    expect(plain(after)).toContain(`#${mid.number} ${mid.title}`);
    expect(plain(after)).toMatch(new RegExp(`#${mid.number} ${mid.title}[^\\n]*does not fit`, 'u'));
    expect(buttons(after).find((x) => x.text.includes(ideaLabel(mid)))?.text).toContain('🚫');
    const answered = callbackAnswers(run).length;
    pressOn(user, run, builder.message_id, ideaLabel(mid));
    const answers = await waitAnswers(run, answered + 1);
    expect(answers.at(-1)).toContain('but the budget is');
    pressOn(user, run, builder.message_id, ideaLabel(small));
    await waitEdit(run, user, builder.message_id, (t) => t.includes('Total: €9,000 of €10,000 — €1,000 left'), 'the total after two');
    pressOn(user, run, builder.message_id, 'Check my vote');
    const confirm = await waitEdit(run, user, builder.message_id, (t) => t.includes('Please check your vote'), 'the confirmation');
    expect(plain(confirm)).toContain('Total: €9,000 of €10,000');
    pressOn(user, run, builder.message_id, 'Cast my vote');
    await waitEdit(run, user, builder.message_id, (t) => t.includes('Your receipt code'), 'the receipt');
    const [stored] = await run.h.engine.myBallots(residentId);
    expect(stored?.choices).toEqual([big.id, small.id].sort().map((ideaId) => ({ ideaId, points: 1 })));
  });

  it('cumulative: spreads points with + and −, "points left", at most the per-idea cap, and casts the points', { timeout: WAIT_MS * 3 }, async () => {
    const v = await votingBot(testCampaign({ ballot: { kind: 'cumulative', points: 5, maxPerIdea: 3, allowChange: true } }), IDEAS, [{ id: 704 }]);
    run = v.run;
    const { user, residentId } = v.voters[0]!;
    const [a, b, c] = v.finalists as [typeof v.finalists[0], typeof v.finalists[0], typeof v.finalists[0]];
    user.say('/vote');
    const builder = await waitMessage(run, user, (t) => t.includes('Spread 5 points'), 'the builder');
    expect(plain(builder)).toContain('Points left: 5 of 5');
    const plus = async (idea: typeof a, left: number): Promise<void> => {
      user.press(builder.message_id, rowButtonData(run!.api.message(user.id, builder.message_id)!, ideaLabel(idea), '➕'));
      await waitEdit(run!, user, builder.message_id, (t) => t.includes(`Points left: ${left} of 5`), `${left} points left`);
    };
    await plus(a, 4);
    await plus(a, 3);
    await plus(a, 2);
    let answered = callbackAnswers(run).length;
    user.press(builder.message_id, rowButtonData(run.api.message(user.id, builder.message_id)!, ideaLabel(a), '➕'));
    expect((await waitAnswers(run, answered + 1)).at(-1)).toContain('at most 3 points');
    await plus(b, 1);
    await plus(b, 0);
    answered = callbackAnswers(run).length;
    user.press(builder.message_id, rowButtonData(run.api.message(user.id, builder.message_id)!, ideaLabel(c), '➕'));
    expect((await waitAnswers(run, answered + 1)).at(-1)).toContain('You have 5 points to give');
    user.press(builder.message_id, rowButtonData(run.api.message(user.id, builder.message_id)!, ideaLabel(b), '➖'));
    await waitEdit(run, user, builder.message_id, (t) => t.includes('Points left: 1 of 5'), 'one point taken back');
    pressOn(user, run, builder.message_id, 'Check my vote');
    const confirm = await waitEdit(run, user, builder.message_id, (t) => t.includes('Please check your vote'), 'the confirmation');
    expect(plain(confirm)).toContain('Points given: 4 of 5');
    pressOn(user, run, builder.message_id, 'Cast my vote');
    await waitEdit(run, user, builder.message_id, (t) => t.includes('Your receipt code'), 'the receipt');
    const [stored] = await run.h.engine.myBallots(residentId);
    expect(stored?.choices).toEqual(
      [
        { ideaId: a.id, points: 3 },
        { ideaId: b.id, points: 1 },
      ].sort((x, y) => (x.ideaId < y.ideaId ? -1 : 1)),
    );
  });

  it('area + town-wide: two builders, "1 of 2 ballots done", each envelope its own ballot', { timeout: WAIT_MS * 4 }, async () => {
    const campaign = testCampaign({
      envelopes: [
        { id: 'north', name: { fr: 'Nord', en: 'North' }, area: 'north', amount: 1_000_000 },
        { id: 'town', name: { fr: 'Commune', en: 'Town' }, area: null, amount: 2_000_000 },
      ],
    });
    const specs = [
      { title: 'North square trees', cost: 400_000, area: 'north' },
      { title: 'North playground', cost: 500_000, area: 'north' },
      { title: 'Town library hours', cost: 700_000, area: null },
      { title: 'Town bus shelter', cost: 800_000, area: null },
    ];
    const v = await votingBot(campaign, specs, [{ id: 705, area: 'north' }]);
    run = v.run;
    const { user, residentId } = v.voters[0]!;
    const [n1, , , t2] = v.finalists as [typeof v.finalists[0], typeof v.finalists[0], typeof v.finalists[0], typeof v.finalists[0]];
    user.say('/vote');
    const first = await waitMessage(run, user, (t) => t.includes('Ballot 1 of 2: North'), 'the area builder');
    expect(plain(first)).not.toContain('Town library');
    pressOn(user, run, first.message_id, ideaLabel(n1));
    await waitEdit(run, user, first.message_id, (t) => t.includes(`Your choice: #${n1.number}`), 'the area choice');
    pressOn(user, run, first.message_id, 'Check my vote');
    await waitEdit(run, user, first.message_id, (t) => t.includes('Please check your vote'), 'the area confirmation');
    pressOn(user, run, first.message_id, 'Cast my vote');
    const done1 = await waitEdit(run, user, first.message_id, (t) => t.includes('1 of 2 ballots done'), 'one of two done');
    expect(buttons(done1).map((x) => x.text)).toContain('▶️ Next ballot: Town');
    pressOn(user, run, first.message_id, 'Next ballot');
    const second = await waitMessage(run, user, (t) => t.includes('Ballot 2 of 2: Town'), 'the town builder');
    expect(second.message_id).not.toBe(first.message_id);
    expect(plain(second)).not.toContain('North square');
    pressOn(user, run, second.message_id, ideaLabel(t2));
    await waitEdit(run, user, second.message_id, (t) => t.includes(`Your choice: #${t2.number}`), 'the town choice');
    pressOn(user, run, second.message_id, 'Check my vote');
    await waitEdit(run, user, second.message_id, (t) => t.includes('Please check your vote'), 'the town confirmation');
    pressOn(user, run, second.message_id, 'Cast my vote');
    await waitEdit(run, user, second.message_id, (t) => t.includes('2 of 2 ballots done'), 'both done');
    const stored = await run.h.engine.myBallots(residentId);
    expect(stored.map((s) => ({ slot: s.slot, envelope: s.envelopeId, choices: s.choices }))).toEqual([
      { slot: 'area', envelope: 'north', choices: [{ ideaId: n1.id, points: 1 }] },
      { slot: 'town', envelope: 'town', choices: [{ ideaId: t2.id, points: 1 }] },
    ]);
    expect(await run.h.stores.messageRefs.get(`builder:${residentId}:area`)).toMatchObject({ messageId: String(first.message_id) });
    expect(await run.h.stores.messageRefs.get(`builder:${residentId}:town`)).toMatchObject({ messageId: String(second.message_id) });
  });

  it('long lists are paged 8 at a time in the resident’s own order; a card shows the idea, its photo on demand', { timeout: WAIT_MS * 4 }, async () => {
    const specs = Array.from({ length: 10 }, (_, i) => ({ title: `Project number ${String(i + 1).padStart(2, '0')}`, cost: 100_000 + i * 10_000, photo: i === 0 }));
    const v = await votingBot(testCampaign({ ballot: { kind: 'approval', minChoices: 1, maxChoices: 3, allowChange: true } }), specs, [{ id: 706 }, { id: 707 }]);
    run = v.run;
    const [{ user, residentId }, other] = v.voters as [(typeof v.voters)[0], (typeof v.voters)[0]];
    user.say('/vote');
    const builder = await waitMessage(run, user, (t) => t.includes('Choose up to 3 projects'), 'the builder');
    const shown = (text: string): number[] => [...text.matchAll(/#(\d+) Project number/gu)].map((m) => Number(m[1]));
    const page1 = shown(plain(builder));
    expect(page1).toHaveLength(8);
    expect(plain(builder)).toContain('Page 1 / 2');
    pressOn(user, run, builder.message_id, 'Next');
    const second = await waitEdit(run, user, builder.message_id, (t) => t.includes('Page 2 / 2'), 'page 2');
    const page2 = shown(plain(second));
    expect(page2).toHaveLength(2);
    expect(new Set([...page1, ...page2])).toEqual(new Set(v.finalists.map((f) => f.number)));
    // The order is the resident's own: another resident sees another order (seeded by their id).
    other.user.say('/vote');
    const otherBuilder = await waitMessage(run, other.user, (t) => t.includes('Choose up to 3 projects'), 'the other builder');
    expect(shown(plain(otherBuilder))).not.toEqual(page1);

    const withPhoto = v.finalists[0]!;
    const onPage = page1.includes(withPhoto.number) ? 1 : 2;
    if (onPage === 1) {
      pressOn(user, run, builder.message_id, 'Previous');
      await waitEdit(run, user, builder.message_id, (t) => t.includes('Page 1 / 2'), 'page 1 again');
    }
    const m = run.api.message(user.id, builder.message_id)!;
    const infoRow = (m.reply_markup?.inline_keyboard as Array<Array<{ text: string; callback_data: string }>>).find((row) => row.some((b) => b.text.includes(ideaLabel(withPhoto))))!;
    user.press(builder.message_id, infoRow.find((b) => b.text === 'ℹ️')!.callback_data);
    const card = await waitEdit(run, user, builder.message_id, (t) => t.includes('Cost: €1,000'), 'the card');
    expect(plain(card)).toContain(withPhoto.description);
    const before = run.api.botMessages(user.id).length;
    pressOn(user, run, builder.message_id, 'Photo');
    await run.api.waitFor(() => run!.api.botMessages(user.id).slice(before).find((x) => x.photo === withPhoto.photo), 'the photo', WAIT_MS);
    pressOn(user, run, builder.message_id, 'Choose this project');
    await waitEdit(run, user, builder.message_id, (t) => t.includes('1 of 3 chosen'), 'chosen from the card');
    pressOn(user, run, builder.message_id, 'Back');
    await waitEdit(run, user, builder.message_id, (t) => t.includes('Choose up to 3 projects') && t.includes('1 of 3 chosen'), 'back to the list');
    pressOn(user, run, builder.message_id, 'Check my vote');
    await waitEdit(run, user, builder.message_id, (t) => t.includes('Please check your vote'), 'the confirmation');
    pressOn(user, run, builder.message_id, 'Cast my vote');
    await waitEdit(run, user, builder.message_id, (t) => t.includes('Your receipt code'), 'the receipt');
    expect((await run.h.engine.myBallots(residentId))[0]?.choices).toEqual([{ ideaId: withPhoto.id, points: 1 }]);
  });
});
