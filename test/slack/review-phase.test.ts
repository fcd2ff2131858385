/**
 * The issue's "Done when": the committee runs the reference campaign's review — Bertrix, 45
 * ideas — entirely from Slack. Residents' ideas come in through the engine (the Telegram bot's
 * side, tested elsewhere); everything the committee does is a signed Slack request: cards
 * posted by the committee sender, costs estimated and decisions taken on the cards, finalists
 * chosen on the App Home, the vote opened with `/pnyx phase`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fieldAction } from '../../adapters/slack/blocks/moderation-modals.ts';
import { HOME_ACTIONS } from '../../adapters/slack/blocks/home.ts';
import { CommitteeDispatcher } from '../../adapters/slack/committee-dispatcher.ts';
import type { Idea } from '../../core/ideas/idea.ts';
import { startCommittee } from '../support/slack/committee-harness.ts';
import type { CommitteeHarness } from '../support/slack/committee-harness.ts';
import { bertrix } from '../service/service-fixture.ts';

type Json = Record<string, unknown>;
let c: CommitteeHarness | null = null;
afterEach(async () => {
  await c?.stop();
  c = null;
});

const text = (block: string, value: string) => ({ [block]: { [fieldAction(block)]: { type: 'plain_text_input', value } } });
const choice = (block: string, value: string) => ({ [block]: { [fieldAction(block)]: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: value }, value } } } });

function buttonsOf(blocks: unknown): Json[] {
  return ((blocks as Json[] | null) ?? []).flatMap((b) => [...((b['elements'] as Json[] | undefined) ?? []), ...(b['accessory'] === undefined ? [] : [b['accessory'] as Json])]).filter((e) => e['type'] === 'button');
}

describe('the review phase of Bertrix, from Slack', () => {
  it('moderates 45 ideas, chooses the finalists and opens the vote', async () => {
    const campaign = await bertrix();
    const [admin, mod1, mod2] = campaign.staff.map((s) => s.slackUserId) as [string, string, string];
    c = await startCommittee({ campaign, start: campaign.phases.submission.start + 3_600_000 });
    const h = c;
    const channel = campaign.slack.committee;
    const band = campaign.ageBands[2]!.id;
    const sender = new CommitteeDispatcher({ services: h.committee.services });
    const drain = async (): Promise<void> => {
      while ((await sender.drainOnce()) > 0);
    };

    // 45 residents, one idea each: the first six at 3,000 € (the finalists to be), five without a cost.
    const ideas: Idea[] = [];
    for (let i = 0; i < 45; i++) {
      const author = await h.h.register(5000 + i, campaign.areas[i % campaign.areas.length]!.id, band);
      const cost = i < 6 ? 300_000 : i >= 40 ? null : 100_000 + i * 10_000;
      const sent = await h.h.engine.submitIdea(author, { title: `Projet citoyen numéro ${i + 1}`, description: `Une description assez détaillée du projet ${i + 1} pour Bertrix.`, category: campaign.categories[i % campaign.categories.length]!.id, area: null, cost, photo: null, location: null });
      if (!sent.ok) throw new Error(sent.code);
      ideas.push(sent.value);
    }
    await drain();
    const cardTs = new Map<string, string>();
    for (const idea of ideas) cardTs.set(idea.id, (await h.h.stores.messageRefs.get(`card:${idea.id}`))!.messageId);
    expect(new Set(cardTs.values()).size).toBe(45);

    h.h.clock.set(campaign.phases.review.start + 3_600_000);
    const press = (user: string, idea: Idea, action: string) => {
      const ts = cardTs.get(idea.id)!;
      const button = buttonsOf(h.slack.message(channel, ts)!.blocks).find((b) => b['action_id'] === action)!;
      return h.action(user, { action_id: action, value: String(button['value']), block_id: 'moderation' }, { channel, ts });
    };
    const modals = () => h.slack.calls.filter((x) => x.method === 'views.open' && x.response['ok'] === true).map((x) => x.response['view'] as Json);
    const modalAfter = async (act: () => Promise<unknown>): Promise<Json> => {
      const before = modals().length;
      await act();
      return h.slack.waitFor(() => modals()[before], 'the modal');
    };
    const settled = async (idea: Idea, states: readonly string[]) => h.slack.waitFor(async () => states.includes((await h.h.stores.ideas.get(idea.id))!.state), `#${idea.number} decided`);

    // The five unpriced ideas: the committee estimates them, then they can be judged.
    for (const idea of ideas.slice(40)) {
      const modal = await modalAfter(() => press(mod2, idea, 'card.estimate'));
      expect((await h.submit(mod2, modal, text('amount', '2 500'))).status).toBe(200);
      await h.slack.waitFor(async () => (await h.h.stores.ideas.get(idea.id))!.cost === 250_000, 'the estimate');
      await drain();
    }
    // Three rejected for a reason of the campaign's criteria; the rest eligible, by two moderators.
    const criterion = campaign.reviewCriteria[0]!.id;
    for (const idea of ideas.slice(6, 9)) {
      const modal = await modalAfter(() => press(mod1, idea, 'card.reject'));
      await h.submit(mod1, modal, { ...choice('criterion', criterion), ...text('comment', 'Hors des compétences communales.') });
      await settled(idea, ['rejected']);
    }
    const eligible = ideas.filter((_, i) => i < 6 || i >= 9);
    for (const [k, idea] of eligible.entries()) {
      await press(k % 2 === 0 ? mod1 : mod2, idea, 'card.eligible');
      await settled(idea, ['eligible']);
    }
    await drain();
    const states = await Promise.all(ideas.map(async (i) => (await h.h.stores.ideas.get(i.id))!.state));
    expect(states.filter((s) => s === 'eligible')).toHaveLength(42);
    expect(states.filter((s) => s === 'rejected')).toHaveLength(3);
    // Every card shows its outcome in place: no moderation button left on any.
    for (const idea of ideas) expect(buttonsOf(h.slack.message(channel, cardTs.get(idea.id)!)!.blocks).filter((b) => String(b['action_id']).startsWith('card.'))).toEqual([]);

    // Finalists from the App Home: six ideas at 3,000 € = 18,000 € of the 20,000 € envelope.
    const publishes = () => h.slack.calls.filter((x) => x.method === 'views.publish' && x.response['ok'] === true).length;
    const homeAfter = async (act: () => Promise<unknown>): Promise<Json> => {
      const before = publishes();
      await act();
      await h.slack.waitFor(() => publishes() > before, 'the Home');
      return h.slack.home(mod1)!;
    };
    let home = await homeAfter(() => h.event({ type: 'app_home_opened', user: mod1, tab: 'home', channel: 'D0HOME', event_ts: '1700000000.000100' }));
    for (const idea of ideas.slice(0, 6)) {
      const toggle = buttonsOf(home['blocks']).find((b) => b['value'] === idea.id && b['action_id'] === HOME_ACTIONS.select)!;
      home = await homeAfter(() => h.action(mod1, { action_id: HOME_ACTIONS.select, value: String(toggle['value']) }));
    }
    const money = h.committee.services.format.money;
    expect(JSON.stringify(home)).toContain(`${money(1_800_000)} sur ${money(2_000_000)}`);
    const finalists = (await h.h.stores.ideas.list({ states: ['finalist'] })).map((i) => i.id).sort();
    expect(finalists).toEqual(ideas.slice(0, 6).map((i) => i.id).sort());

    // The admin opens the vote early, with a reason and a confirmation.
    const form = await modalAfter(() => h.command(admin, 'phase'));
    const pushed = JSON.parse((await h.submit(admin, form, { op: { value: { type: 'radio_buttons', selected_option: { value: 'advance' } } }, reason: { value: { type: 'plain_text_input', value: 'Examen terminé, six finalistes.' } } })).body) as Json;
    expect(pushed['response_action']).toBe('push');
    expect(JSON.parse((await h.submit(admin, { ...(pushed['view'] as Json), id: 'VCONFIRM' }, {})).body)).toEqual({ response_action: 'clear' });
    const { status, state } = await h.h.engine.status();
    expect(status).toMatchObject({ kind: 'open', phase: 'voting' });
    expect(state.transitions.at(-1)).toMatchObject({ from: 'review', to: 'voting', by: `staff:${admin}` });

    // Every author heard; the audit log names the moderators.
    const outbox = await h.h.stores.outbox.list(0, 10_000);
    const toAuthors = outbox.filter((m) => m.recipient.kind === 'resident');
    for (const idea of ideas) expect(toAuthors.some((m) => m.recipient.kind === 'resident' && m.recipient.residentId === idea.authorId && /notify\.idea_(eligible|rejected)/.test(m.template))).toBe(true);
    const audit = await h.h.stores.audit.list(0, 10_000);
    const actors = new Set(audit.filter((a) => a.action === 'idea.moderated').map((a) => a.actor));
    expect(actors).toEqual(new Set([`staff:${mod1}`, `staff:${mod2}`]));
  }, 90_000);
});
