/**
 * Results in Telegram: not before the announcement (the count is stored during tallying
 * already), then the winners per envelope with their cost and what is left, and how the
 * resident's own ballot fared, in their language.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { BotHarness } from '../support/telegram/bot-harness.ts';
import { testCampaign } from '../support/test-campaign.ts';
import { ideaLabel, plain, pressOn, votingBot, waitEdit, waitMessage, WAIT_MS } from './vote-fixture.ts';

let run: BotHarness | null = null;
afterEach(async () => {
  await run?.stop();
  run = null;
});

describe('results in Telegram', () => {
  it('shows the winners with costs and the remaining envelope, and how my ballot fared', { timeout: WAIT_MS * 4 }, async () => {
    const campaign = testCampaign({ envelopes: [{ id: 'town', name: { fr: 'Commune', en: 'Town' }, area: null, amount: 1_000_000 }] });
    const specs = [
      { title: 'Benches along the river', cost: 600_000 },
      { title: 'Bicycle racks at school', cost: 300_000 },
      { title: 'Community garden plots', cost: 500_000 },
    ];
    const v = await votingBot(campaign, specs, [{ id: 721 }, { id: 722 }, { id: 723 }]);
    run = v.run;
    const [benches, racks, garden] = v.finalists as [typeof v.finalists[0], typeof v.finalists[0], typeof v.finalists[0]];
    // Two votes for the benches, one for the garden: benches funded (6,000 €); the garden no
    // longer fits in the 4,000 € left; greedy goes on and funds the racks (3,000 €, no vote).
    const votes = [benches, benches, garden];
    for (const [i, voter] of v.voters.entries()) {
      const r = await run.h.engine.castBallot(voter.residentId, 'town', [{ ideaId: votes[i]!.id }], `setup-${i}`);
      expect(r.ok).toBe(true);
    }
    const { user } = v.voters[2]!;
    run.h.clock.set(campaign.phases.tallying.start + 1000);
    await run.h.engine.tick();
    expect((await run.h.engine.runTally('staff:U-ADMIN')).ok).toBe(true);
    user.say('/results');
    await waitMessage(run, user, (t) => t.includes('The results are not known yet'), 'not yet during tallying');

    run.h.clock.set(campaign.phases.announced.start + 1000);
    await run.h.engine.tick();
    const before = run.api.botMessages(user.id).length;
    user.say('/results');
    const m = await waitMessage(run, user, (t, msg) => msg.message_id > run!.api.botMessages(user.id)[before - 1]!.message_id && t.includes('Results: Testville'), 'the results');
    const text = plain(m);
    expect(text).toContain('needed €1,000 more than was left (€4,000 left, costs €5,000)');
    expect(text).toContain(`✅ #${benches.number} Benches along the river — €6,000 (2 votes)`);
    expect(text).not.toContain(`✅ #${garden.number}`);
    expect(text).toContain(`✅ #${racks.number} Bicycle racks at school — €3,000 (0 votes)`);
    expect(text).toContain('Spent: €9,000. Left in the envelope: €1,000');
    expect(text).toContain('How your ballot fared');
    const mine = text.slice(text.indexOf('How your ballot fared'));
    expect(mine).toContain(`#${garden.number} Community garden plots: not funded`);
    expect(mine).toContain((await run.h.engine.myBallots(v.voters[2]!.residentId))[0]!.receipt);
  });

  it('the menu offers results once announced, in the resident’s language', { timeout: WAIT_MS * 4 }, async () => {
    const campaign = testCampaign();
    const v = await votingBot(campaign, [
      { title: 'Benches along the river', cost: 600_000 },
      { title: 'Bicycle racks at school', cost: 300_000 },
    ], [{ id: 724 }]);
    run = v.run;
    const { user, residentId } = v.voters[0]!;
    await run.h.engine.setLanguage(residentId, 'fr');
    user.say('/vote');
    const builder = await waitMessage(run, user, (t) => t.includes('Choisissez un projet'), 'the builder in French');
    pressOn(user, run, builder.message_id, ideaLabel(v.finalists[1]!));
    await waitEdit(run, user, builder.message_id, (t) => t.includes('Votre choix'), 'the choice');
    pressOn(user, run, builder.message_id, 'Vérifier mon vote');
    await waitEdit(run, user, builder.message_id, (t) => t.includes('Vérifiez votre vote'), 'the confirmation');
    pressOn(user, run, builder.message_id, 'Voter');
    await waitEdit(run, user, builder.message_id, (t) => t.includes('Votre code de reçu'), 'the receipt');
    run.h.clock.set(campaign.phases.tallying.start + 1000);
    await run.h.engine.tick();
    expect((await run.h.engine.runTally('staff:U-ADMIN')).ok).toBe(true);
    run.h.clock.set(campaign.phases.announced.start + 1000);
    await run.h.engine.tick();
    user.say('/menu');
    const menu = await waitMessage(run, user, (t, m) => m.message_id > builder.message_id && t.includes('Que souhaitez-vous faire'), 'the menu');
    pressOn(user, run, menu.message_id, 'Résultats');
    const res = await waitMessage(run, user, (t) => t.includes('Résultats : Testville'), 'the results in French');
    expect(plain(res)).toContain('Ce qu’est devenu votre vote');
    expect(plain(res)).toMatch(new RegExp(`#${v.finalists[1]!.number} Bicycle racks at school: financé`, 'u'));
  });
});
