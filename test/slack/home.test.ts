/**
 * The committee's App Home end to end: `app_home_opened` and the Home's buttons as signed
 * requests, the Home as the Web API stand-in received it (checked against Block Kit's schema
 * and the 100-block limit), the engine's state read back.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FluentResource } from '@fluent/bundle';
import { afterEach, describe, expect, it } from 'vitest';
import { homeFeature } from '../../adapters/slack/features/home.ts';
import { FIRST_PAGES, HOME_ACTIONS, renderStaffHome } from '../../adapters/slack/blocks/home.ts';
import { SLACK_LOCALES, SLACK_LOCALES_DIR } from '../../adapters/slack/i18n.ts';
import type { Envelope } from '../../core/campaign/campaign.ts';
import type { Idea } from '../../core/ideas/idea.ts';
import { BlockKitValidator } from '../support/slack/block-kit-validator.ts';
import { OUTSIDER, startCommittee } from '../support/slack/committee-harness.ts';
import type { CommitteeHarness } from '../support/slack/committee-harness.ts';
import { DAY, HOUR, testCampaign } from '../support/test-campaign.ts';

type Json = Record<string, unknown>;

let c: CommitteeHarness | null = null;
afterEach(async () => {
  await c?.stop();
  c = null;
});

async function start(options: Parameters<typeof startCommittee>[0] = {}): Promise<CommitteeHarness> {
  c = await startCommittee({ features: [homeFeature], ...options });
  return c;
}

function publishes(h: CommitteeHarness, user: string): number {
  return h.slack.calls.filter((call) => call.method === 'views.publish' && call.args['user_id'] === user && call.response['ok'] === true).length;
}

/** Runs `act` and waits for the Home it (re)publishes for `user`. */
async function homeAfter(h: CommitteeHarness, user: string, act: () => Promise<unknown>): Promise<Json> {
  const before = publishes(h, user);
  await act();
  await h.slack.waitFor(() => publishes(h, user) > before, `the Home of ${user}`);
  return h.slack.home(user)!;
}

function openHome(h: CommitteeHarness, user: string, tab: 'home' | 'messages' = 'home'): Promise<Json> {
  return homeAfter(h, user, () => h.event({ type: 'app_home_opened', user, tab, channel: 'D0HOME', event_ts: '1700000000.000100' }));
}

function blocksOf(view: Json): Json[] {
  return view['blocks'] as Json[];
}

/** Every text of a block, in order (section text and fields, context elements, header). */
function textOf(block: Json): string {
  const parts: string[] = [];
  const text = block['text'] as Json | undefined;
  if (text !== undefined) parts.push(String(text['text']));
  for (const f of (block['fields'] as Json[] | undefined) ?? []) parts.push(String(f['text']));
  for (const e of (block['elements'] as Json[] | undefined) ?? []) if (typeof e['text'] === 'string') parts.push(e['text']);
  return parts.join('\n');
}

function allText(view: Json): string {
  return blocksOf(view).map(textOf).join('\n');
}

/** Idea rows (queue or board): sections opening with the idea's number. */
function rows(view: Json): string[] {
  return blocksOf(view)
    .filter((b) => b['type'] === 'section')
    .map(textOf)
    .filter((t) => /^\*(<[^|]+\|)?#\d+/.test(t));
}

function rowNumbers(view: Json): number[] {
  return rows(view).map((r) => Number(/#(\d+)/.exec(r)![1]));
}

/** The buttons of the Home, by action id. */
function buttons(view: Json): Json[] {
  return blocksOf(view).flatMap((b) => [...((b['elements'] as Json[] | undefined) ?? []), ...(b['accessory'] === undefined ? [] : [b['accessory'] as Json])]).filter((e) => e['type'] === 'button');
}

function toggleOf(view: Json, idea: Idea): Json | undefined {
  return buttons(view).find((b) => b['value'] === idea.id);
}

function pageButton(view: Json, actionId: string): Json | undefined {
  return buttons(view).find((b) => b['action_id'] === actionId);
}

/** Submits `count` ideas by one resident (titles `Idée n<i>`), one minute apart. */
async function submitMany(h: CommitteeHarness, count: number, cost = 500_000): Promise<Idea[]> {
  const author = await h.h.register(9001);
  const ideas: Idea[] = [];
  for (let i = 1; i <= count; i++) {
    ideas.push(await h.h.submit(author, `Idée n${i}`, cost));
    h.h.clock.advance(60_000);
  }
  return ideas;
}

async function eligible(h: CommitteeHarness, idea: Idea): Promise<void> {
  const r = await h.h.engine.moderateIdea('U-ADMIN', idea.id, idea.version, { outcome: 'eligible', comment: null });
  if (!r.ok) throw new Error(`refused: ${r.code}`);
}

describe('the App Home', () => {
  it('shows staff the queue in waiting order with ages and card links, and the campaign’s figures', async () => {
    const h = await start({ campaign: testCampaign({ population: 40 }) });
    const [r1, r2, r3] = [await h.h.register(1), await h.h.register(2), await h.h.register(3)];
    const first = await h.h.submit(r1, 'Des bancs au parc');
    h.h.clock.advance(2 * DAY);
    const second = await h.h.submit(r2, 'Ping <!channel> & <http://evil|bank>');
    h.h.clock.advance(DAY + 5 * HOUR);
    const third = await h.h.submit(r3, 'Une piste cyclable');
    const decided = await h.h.submit(r3, 'Un potager partagé');
    await eligible(h, decided);
    h.h.clock.advance(5 * HOUR);
    // The second idea's card is in the committee channel: the Home links to it.
    const card = await h.committee.services.client.chat.postMessage({ channel: 'C-COMMITTEE', text: 'card' });
    await h.h.stores.messageRefs.put({ key: `card:${second.id}`, platform: 'slack', chat: 'C-COMMITTEE', messageId: String(card.ts), owner: null, at: h.h.clock.now() });

    const home = await openHome(h, 'U-MOD1');

    expect(rowNumbers(home)).toEqual([first.number, second.number, third.number]);
    const [a, b, d] = rows(home);
    expect(a).toMatch(/Des bancs au parc\n.*en attente depuis 3 d$/);
    expect(b).toMatch(/en attente depuis 34 h$/);
    expect(d).toMatch(/en attente depuis 5 h$/);
    // The link is the card's permalink; the resident's title cannot ping nor forge a link.
    expect(b).toContain(`*<https://pnyx-test.slack.com/archives/C-COMMITTEE/p${String(card.ts).replace('.', '')}|#${second.number}>*`);
    expect(b).toContain('Ping &lt;!channel&gt; &amp; &lt;http://evil|bank&gt;');
    expect(a?.startsWith(`*#${first.number}*`)).toBe(true);

    const text = allText(home);
    expect(text).toContain('*Phase :* Dépôt des idées');
    expect(text).toMatch(/3 \(7,5 % des 40 habitants\)/);
    expect(text).toContain('Déposées : 3 · Recevables : 1');
    expect(text).toContain('3 · la plus ancienne attend depuis 3 d');
    expect(text).toContain('File de modération (3)');
    const figures = await h.h.engine.digestFigures();
    expect(text).toContain(`${figures.daysLeft} jours avant la fin de la phase`);
    // Outside the review phase there is no finalist selection.
    expect(text).not.toContain('Choix des finalistes');
    expect(buttons(home).some((x) => x['action_id'] === HOME_ACTIONS.select)).toBe(false);
  });

  it('shows anyone who is not staff only that the app is for the committee, and nothing on the Messages tab', async () => {
    const h = await start();
    const author = await h.h.register(1);
    await h.h.submit(author, 'Un titre confidentiel');
    const home = await openHome(h, OUTSIDER);
    expect(allText(home)).toMatch(/réservée au comité de pilotage/);
    expect(JSON.stringify(home)).not.toContain('confidentiel');
    expect(buttons(home)).toEqual([]);
    expect(blocksOf(home)).toHaveLength(2);

    // The Messages tab opens the same event: no Home is published for it.
    await h.event({ type: 'app_home_opened', user: 'U-MOD1', tab: 'messages', channel: 'D0HOME', event_ts: '1700000000.000200' });
    await openHome(h, 'U-MOD2');
    expect(publishes(h, 'U-MOD1')).toBe(0);
  });

  it('toggles finalists in review: the engine’s state, the running total, the over-envelope and below-two warnings follow', async () => {
    const h = await start();
    const author = await h.h.register(1);
    // 8 000 €, 7 000 €, 6 000 € against an envelope of 20 000 €.
    const [a, b, d] = [await h.h.submit(author, 'Idée huit mille', 800_000), await h.h.submit(author, 'Idée sept mille', 700_000), await h.h.submit(author, 'Idée six mille', 600_000)];
    for (const idea of [a, b, d]) await eligible(h, idea);
    h.h.clock.set(h.h.campaign.phases.review.start + 1000);
    const money = h.committee.services.format.money;
    const total = (sum: number) => `${money(sum)} sur ${money(2_000_000)}`;
    const guard = /il en faut au moins deux pour ouvrir le vote/;
    const over = /dépassent l'enveloppe/;
    const click = async (idea: Idea, view: Json): Promise<Json> => {
      const toggle = toggleOf(view, idea)!;
      return homeAfter(h, 'U-MOD1', () => h.action('U-MOD1', { action_id: String(toggle['action_id']), value: String(toggle['value']) }));
    };
    const state = async (idea: Idea) => (await h.h.stores.ideas.get(idea.id))!.state;

    let home = await openHome(h, 'U-MOD1');
    expect(allText(home)).toContain('*Phase :* Examen des idées');
    expect(allText(home)).toContain(total(0));
    expect(allText(home)).toMatch(guard);
    expect(toggleOf(home, a)?.['action_id']).toBe(HOME_ACTIONS.select);

    home = await click(a, home);
    expect(await state(a)).toBe('finalist');
    expect(toggleOf(home, a)?.['action_id']).toBe(HOME_ACTIONS.remove);
    expect(allText(home)).toContain(total(800_000));
    expect(allText(home)).toMatch(/1 finaliste : il en faut au moins deux/);

    home = await click(b, home);
    expect(allText(home)).toContain(total(1_500_000));
    expect(allText(home)).not.toMatch(guard);
    expect(allText(home)).not.toMatch(over);

    home = await click(d, home);
    expect(allText(home)).toContain(total(2_100_000));
    expect(allText(home)).toContain(`dépassent l'enveloppe de ${money(100_000)}`);

    home = await click(d, home);
    expect(await state(d)).toBe('eligible');
    expect(allText(home)).toContain(total(1_500_000));
    expect(allText(home)).not.toMatch(over);

    home = await click(b, home);
    expect(allText(home)).toContain(total(800_000));
    expect(allText(home)).toMatch(guard);
    expect([await state(a), await state(b), await state(d)]).toEqual(['finalist', 'eligible', 'eligible']);
  });

  it('shows a refused toggle at the top of the Home once, and changes nothing', async () => {
    const h = await start();
    const author = await h.h.register(1);
    const idea = await h.h.submit(author, 'Idée pas encore', 800_000);
    await eligible(h, idea);
    // Still in submission: choosing finalists opens with the review.
    let home = await homeAfter(h, 'U-MOD1', () => h.action('U-MOD1', { action_id: HOME_ACTIONS.select, value: idea.id }));
    const notice = textOf(blocksOf(home)[1]!);
    expect(notice).toMatch(/^:warning: Les finalistes se choisissent pendant l'examen des idées, qui s'ouvre le /);
    expect((await h.h.stores.ideas.get(idea.id))!.state).toBe('eligible');

    // In review, a colleague's removal leaves a stale "Remove": refused, the board shows the truth.
    h.h.clock.set(h.h.campaign.phases.review.start + 1000);
    home = await homeAfter(h, 'U-MOD1', () => h.action('U-MOD1', { action_id: HOME_ACTIONS.remove, value: idea.id }));
    expect(textOf(blocksOf(home)[1]!)).toMatch(/^:warning: /);
    expect(toggleOf(home, idea)?.['action_id']).toBe(HOME_ACTIONS.select);
    expect((await h.h.stores.ideas.get(idea.id))!.state).toBe('eligible');

    // The notice was for that publication only.
    home = await homeAfter(h, 'U-MOD1', () => h.action('U-MOD1', { action_id: HOME_ACTIONS.refresh, value: 'refresh' }));
    expect(allText(home)).not.toMatch(/:warning: Les finalistes se choisissent|Rien n'a été modifié/);
  });

  it('pages a queue of 130 ideas inside the 100-block limit and refuses a forged page without error', async () => {
    const h = await start();
    const ideas = await submitMany(h, 130);
    const number = (i: number) => ideas[i]!.number;

    const first = await openHome(h, 'U-MOD1');
    expect(blocksOf(first).length).toBeLessThanOrEqual(100);
    expect(rowNumbers(first)).toEqual(ideas.slice(0, 20).map((i) => i.number));
    expect(allText(first)).toContain('Idées 1 à 20 sur 130 · page 1 sur 7');
    expect(pageButton(first, HOME_ACTIONS.queuePrevious)).toBeUndefined();
    const next = pageButton(first, HOME_ACTIONS.queueNext)!;
    expect(next['value']).toBe('1');

    const second = await homeAfter(h, 'U-MOD1', () => h.action('U-MOD1', { action_id: HOME_ACTIONS.queueNext, value: String(next['value']) }));
    const seen = new Set(rowNumbers(first));
    expect(rowNumbers(second)).toEqual(ideas.slice(20, 40).map((i) => i.number));
    expect(rowNumbers(second).some((n) => seen.has(n))).toBe(false);
    expect(pageButton(second, HOME_ACTIONS.queuePrevious)?.['value']).toBe('0');
    expect(JSON.parse(String(second['private_metadata']))).toEqual({ q: 1, f: 0 });

    // A page past the end (the queue shrank since the button was drawn) shows the last page.
    const last = await homeAfter(h, 'U-MOD1', () => h.action('U-MOD1', { action_id: HOME_ACTIONS.queueNext, value: '99' }));
    expect(rowNumbers(last)).toEqual([number(120), ...ideas.slice(121).map((i) => i.number)]);
    expect(pageButton(last, HOME_ACTIONS.queueNext)).toBeUndefined();

    // Values this app never renders: refused on the Home, the pages stay where they were.
    for (const forged of ['abc', '-1', '1.5', '10000', '01', '', '{"q":3}']) {
      const home = await homeAfter(h, 'U-MOD1', () => h.action('U-MOD1', { action_id: HOME_ACTIONS.queueNext, value: forged }, { view: { ...second, id: 'VHOME' } }));
      expect(textOf(blocksOf(home)[1]!)).toBe(":warning: Ce bouton ne mène à aucune page. Rien n'a été modifié.");
      expect(rowNumbers(home)).toEqual(ideas.slice(20, 40).map((i) => i.number));
    }
    // A forged view state is ignored as well: the first pages.
    const reset = await homeAfter(h, 'U-MOD1', () => h.action('U-MOD1', { action_id: HOME_ACTIONS.refresh, value: 'refresh' }, { view: { ...second, id: 'VHOME', private_metadata: '{"q":-4,"f":"x"}' } }));
    expect(rowNumbers(reset)).toEqual(ideas.slice(0, 20).map((i) => i.number));
    // Nothing reached the error boundary: every publication was one Slack accepts.
    expect(h.slack.violations).toEqual([]);
  });

  it('pages the finalist board and keeps the queue’s page while doing so', async () => {
    const h = await start();
    const ideas = await submitMany(h, 70, 100_000);
    const chosen = ideas.slice(0, 40);
    for (const idea of chosen) await eligible(h, idea);
    h.h.clock.set(h.h.campaign.phases.review.start + 1000);

    const opened = await openHome(h, 'U-MOD1');
    expect(blocksOf(opened).length).toBeLessThanOrEqual(100);
    // Queue: the 30 ideas still waiting; then the board's first 15 candidates.
    const queueNext = await homeAfter(h, 'U-MOD1', () => h.action('U-MOD1', { action_id: HOME_ACTIONS.queueNext, value: '1' }, { view: { ...opened, id: 'VHOME' } }));
    const onBoard = (view: Json) => rowNumbers(view).filter((n) => n <= chosen.length);
    expect(onBoard(queueNext)).toEqual(chosen.slice(0, 15).map((i) => i.number));
    expect(allText(queueNext)).toContain('Idées 21 à 30 sur 30 · page 2 sur 2');

    const boardNext = pageButton(queueNext, HOME_ACTIONS.boardNext)!;
    const page2 = await homeAfter(h, 'U-MOD1', () => h.action('U-MOD1', { action_id: HOME_ACTIONS.boardNext, value: String(boardNext['value']) }, { view: { ...queueNext, id: 'VHOME' } }));
    expect(onBoard(page2)).toEqual(chosen.slice(15, 30).map((i) => i.number));
    expect(allText(page2)).toContain('Idées 21 à 30 sur 30 · page 2 sur 2');
    expect(JSON.parse(String(page2['private_metadata']))).toEqual({ q: 1, f: 1 });

    // Selecting on page 2 re-publishes page 2 with the new total.
    const target = chosen[20]!;
    const toggle = toggleOf(page2, target)!;
    const after = await homeAfter(h, 'U-MOD1', () => h.action('U-MOD1', { action_id: String(toggle['action_id']), value: target.id }, { view: { ...page2, id: 'VHOME' } }));
    expect(onBoard(after)).toEqual(chosen.slice(15, 30).map((i) => i.number));
    expect(toggleOf(after, target)?.['action_id']).toBe(HOME_ACTIONS.remove);
    expect(allText(after)).toContain(`${h.committee.services.format.money(100_000)} sur ${h.committee.services.format.money(2_000_000)}`);
  });

  it('stays inside 100 blocks with 31 envelopes, full pages and a notice, and names a warned envelope past the summaries', async () => {
    const areas = Array.from({ length: 30 }, (_, i) => ({ id: `a${i}`, name: { fr: `Quartier ${i}`, en: `District ${i}` }, postcodes: [] }));
    const envelopes: Envelope[] = [
      { id: 'town', name: { fr: 'Commune', en: 'Town' }, area: null, amount: 2_000_000 },
      ...areas.map((a) => ({ id: `env-${a.id}`, name: a.name, area: a.id, amount: 100_000 })),
    ];
    const base = testCampaign();
    const h = await start({ campaign: testCampaign({ areas: [...base.areas, ...areas], envelopes }) });
    const author = await h.h.register(1);
    const ideas: Idea[] = [];
    for (let i = 0; i < 60; i++) ideas.push(await h.h.submit(author, `Idée de quartier ${i}`, 80_000, `a${i % 30}`));
    for (let i = 0; i < 25; i++) await h.h.submit(author, `Idée en attente ${i}`, 80_000);
    for (const idea of ideas) await eligible(h, idea);
    h.h.clock.set(h.h.campaign.phases.review.start + 1000);
    // Two finalists of 800 € in a 1 000 € envelope that comes after the 25 summaries.
    for (const idea of [ideas[28]!, ideas[58]!]) expect((await h.h.engine.selectFinalist('U-ADMIN', idea.id, true)).ok).toBe(true);

    // A refused toggle puts the notice on top of the fullest Home.
    const home = await homeAfter(h, 'U-MOD1', () => h.action('U-MOD1', { action_id: HOME_ACTIONS.remove, value: ideas[0]!.id }));
    expect(textOf(blocksOf(home)[1]!)).toMatch(/^:warning: /);
    expect(blocksOf(home).length).toBeLessThanOrEqual(100);
    expect(rowNumbers(home)).toHaveLength(20 + 15);
    expect(allText(home)).toContain('… et 6 autres enveloppes ; à vérifier : Quartier 28.');
    expect(BlockKitValidator.shared().checkView(home, 'home')).toEqual([]);
  });

  it('flags finalists without a cost, in their row and in their envelope', async () => {
    const h = await start();
    const author = await h.h.register(1);
    const [a, b] = [await h.h.submit(author, 'Idée chiffrée', 800_000), await h.h.submit(author, 'Idée à chiffrer', 700_000)];
    for (const idea of [a, b]) await eligible(h, idea);
    h.h.clock.set(h.h.campaign.phases.review.start + 1000);
    for (const idea of [a, b]) await h.h.engine.selectFinalist('U-ADMIN', idea.id, true);
    const engine = h.h.engine;
    const [{ status, state }, figures, queue, board] = await Promise.all([engine.status(), engine.digestFigures(), engine.moderationQueue('U-MOD1'), engine.finalistBoard('U-MOD1')]);
    if (!queue.ok || !board.ok) throw new Error('refused');
    // The engine gives every eligible idea a cost; a board with a cost missing is written here.
    const envelope = board.value.envelopes[0]!;
    const unpriced = { ...envelope, finalistsCost: 800_000, unpriced: [b.number], candidates: envelope.candidates.map((c) => (c.idea.id === b.id ? { ...c, idea: { ...c.idea, cost: null } } : c)) };
    const view = renderStaffHome(h.committee.services, { status, phaseState: state, figures, queue: queue.value, board: { ...board.value, envelopes: [unpriced] }, pages: FIRST_PAGES, cardLinks: new Map(), notice: null, now: engine.now() });
    const text = allText(view as unknown as Json);
    expect(text).toContain(`:warning: Sans coût estimé : #${b.number}. Elles ne peuvent pas être soumises au vote avant d'être estimées.`);
    expect(rows(view as unknown as Json).find((r) => r.startsWith(`*#${b.number}*`))).toContain('Coût à estimer avant le vote');
    expect(rows(view as unknown as Json).find((r) => r.startsWith(`*#${a.number}*`))).not.toContain('Coût à estimer');
    expect(BlockKitValidator.shared().checkView(view, 'home')).toEqual([]);
  });
});

describe('the App Home’s texts', () => {
  it('has every key in all five languages', () => {
    const keys = (locale: string, file: string): string[] =>
      new FluentResource(readFileSync(path.join(SLACK_LOCALES_DIR, locale, file), 'utf8')).body.map((m) => m.id).sort();
    for (const file of ['home.ftl', 'refusals-home.ftl']) {
      const english = keys('en', file);
      expect(english.length).toBeGreaterThan(0);
      for (const locale of SLACK_LOCALES) expect(keys(locale, file), `${locale}/${file}`).toEqual(english);
    }
  });
});
