/**
 * Moderation cards end to end: the engine's outbox messages delivered by the committee sender
 * to the Web API stand-in (which checks every payload against Block Kit), and the card
 * renderer on its own for Block Kit's limits.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CARD_ACTIONS, parseCardValue } from '../../adapters/slack/actions.ts';
import { renderCard } from '../../adapters/slack/blocks/card.ts';
import { LIMITS } from '../../adapters/slack/blocks/limits.ts';
import { CommitteeDispatcher } from '../../adapters/slack/committee-dispatcher.ts';
import type { PhotoSource } from '../../adapters/slack/context.ts';
import { slackFormat } from '../../adapters/slack/format.ts';
import { SLACK_LOCALES, SLACK_LOCALES_DIR, loadSlackBundle, slackTranslator } from '../../adapters/slack/i18n.ts';
import { cardRefKey } from '../../adapters/slack/notices/card-notices.ts';
import type { CommitteeIdea } from '../../core/engine/committee-usecases.ts';
import type { Idea } from '../../core/ideas/idea.ts';
import type { IdeaInput } from '../../core/ideas/idea-rules.ts';
import { BlockKitValidator } from '../support/slack/block-kit-validator.ts';
import { startCommittee } from '../support/slack/committee-harness.ts';
import type { CommitteeHarness } from '../support/slack/committee-harness.ts';
import type { SlackMessage } from '../support/slack/web-api-stand-in.ts';
import { testCampaign } from '../support/test-campaign.ts';

type Json = Record<string, unknown>;

let c: CommitteeHarness | null = null;
afterEach(async () => {
  await c?.stop();
  c = null;
});

/** Delivers every committee message due now. */
async function drain(d: CommitteeDispatcher): Promise<number> {
  let total = 0;
  for (let n = await d.drainOnce(); n > 0; n = await d.drainOnce()) total += n;
  return total;
}

function sender(h: CommitteeHarness): CommitteeDispatcher {
  return new CommitteeDispatcher({ services: h.committee.services });
}

/** Top-level cards in the committee channel (a header first), oldest first. */
function cards(h: CommitteeHarness): SlackMessage[] {
  return h.slack.messages('C-COMMITTEE').filter((m) => m.threadTs === null && m.ephemeralTo === null && (m.blocks?.[0] as Json | undefined)?.['type'] === 'header');
}

function blocksOf(m: SlackMessage, type: string): Json[] {
  return ((m.blocks ?? []) as Json[]).filter((b) => b['type'] === type);
}

function textOf(m: SlackMessage): string {
  return JSON.stringify(m.blocks);
}

function input(title: string, extra: Partial<IdeaInput> = {}): IdeaInput {
  return { title, description: `A description long enough for ${title}, with details.`, category: 'mobility', area: null, cost: 500_000, ...extra };
}

async function submit(h: CommitteeHarness, author: string, title: string, extra: Partial<IdeaInput> = {}): Promise<Idea> {
  const r = await h.h.engine.submitIdea(author, input(title, extra));
  if (!r.ok) throw new Error(`refused: ${r.code}`);
  return r.value;
}

describe('moderation cards', () => {
  it('posts a submitted idea as a card with the moderation buttons, remembered as card:<ideaId>', async () => {
    c = await startCommittee({ features: [] });
    const author = await c.h.register(1001);
    const idea = await c.h.submit(author, 'Bike racks at the station');
    expect(await drain(sender(c))).toBe(1);

    const [card] = cards(c);
    expect(card).toBeDefined();
    expect(cards(c)).toHaveLength(1);
    expect(textOf(card!)).toContain(`#${idea.number} Bike racks at the station`);
    expect(textOf(card!)).toContain('Mobilité');
    const buttons = blocksOf(card!, 'actions')[0]!['elements'] as Json[];
    expect(buttons.map((b) => b['action_id'])).toEqual(Object.values(CARD_ACTIONS));
    for (const b of buttons) expect(parseCardValue(b['value'])).toEqual({ ideaId: idea.id, version: idea.version });
    expect(await c.h.stores.messageRefs.get(cardRefKey(idea.id))).toMatchObject({ platform: 'slack', chat: 'C-COMMITTEE', messageId: card!.ts, owner: null });
    const sent = (await c.h.stores.outbox.list(0, 50)).filter((m) => m.recipient.kind === 'committee');
    expect(sent.map((m) => m.status)).toEqual(['sent']);
  });

  it('updates the same card in place after a decision: same ts, buttons gone, outcome and who shown', async () => {
    c = await startCommittee({ features: [] });
    const author = await c.h.register(1001);
    const idea = await c.h.submit(author, 'Bike racks at the station');
    const d = sender(c);
    await drain(d);
    const before = cards(c)[0]!;

    const decided = await c.h.engine.moderateIdea('U-MOD1', idea.id, idea.version, { outcome: 'rejected', criterion: 'competence', comment: 'Regional roads' });
    expect(decided.ok).toBe(true);
    expect(await drain(d)).toBe(1);

    expect(cards(c)).toHaveLength(1);
    const after = cards(c)[0]!;
    expect(after.ts).toBe(before.ts);
    expect(after.edits).toBeGreaterThan(0);
    expect(blocksOf(after, 'actions')).toEqual([]);
    expect(textOf(after)).toContain('*Refusée* par Marc Moderator');
    expect(textOf(after)).toContain('Marc Moderator');
    expect(textOf(after)).toContain('Compétence communale');
    expect(textOf(after)).toContain('Regional roads');
  });

  it('shows the idea’s current state even when its card is delivered after a decision', async () => {
    c = await startCommittee({ features: [] });
    const author = await c.h.register(1001);
    const idea = await c.h.submit(author, 'Bike racks at the station');
    // Decided before the sender ran: the card.moderation message says "submitted", the idea is eligible.
    expect((await c.h.engine.moderateIdea('U-MOD2', idea.id, idea.version, { outcome: 'eligible', comment: null })).ok).toBe(true);
    await drain(sender(c));

    expect(cards(c)).toHaveLength(1);
    const card = cards(c)[0]!;
    expect(blocksOf(card, 'actions')).toEqual([]);
    expect(textOf(card)).toContain('*Recevable* par Mia Moderator');
  });

  it('posts a resubmitted idea as a new card with what changed, and points the old card to it', async () => {
    c = await startCommittee({ features: [] });
    const author = await c.h.register(1001);
    const idea = await c.h.submit(author, 'Bike racks at the station');
    const d = sender(c);
    await drain(d);
    const old = cards(c)[0]!;
    expect((await c.h.engine.moderateIdea('U-MOD1', idea.id, idea.version, { outcome: 'changes_requested', comment: 'Say where exactly' })).ok).toBe(true);
    await drain(d);
    c.h.clock.advance(3600_000);
    const again = await c.h.engine.resubmitIdea(author, idea.id, input('Bike racks at the north station', { cost: 700_000, area: 'north' }));
    expect(again.ok).toBe(true);
    await drain(d);

    const all = cards(c);
    expect(all).toHaveLength(2);
    const fresh = all[1]!;
    expect(fresh.ts).not.toBe(old.ts);
    expect(blocksOf(fresh, 'actions')).toHaveLength(1);
    expect(parseCardValue((blocksOf(fresh, 'actions')[0]!['elements'] as Json[])[0]!['value'])).toEqual({ ideaId: idea.id, version: again.ok ? again.value.version : 0 });
    // The diff: title, area and cost changed; the category did not.
    expect(textOf(fresh)).toContain('Bike racks at the station → Bike racks at the north station');
    expect(textOf(fresh)).toMatch(/Quartier\*.*Toute la commune → Nord/u);
    expect(textOf(fresh)).toMatch(/Coût\* : 5\s000,00\s€ → 7\s000,00\s€/u);
    expect(textOf(fresh)).not.toContain('Catégorie* :');
    // The old card has no buttons any more and sends the reader to the new one.
    const oldNow = c.slack.message('C-COMMITTEE', old.ts)!;
    expect(blocksOf(oldNow, 'actions')).toEqual([]);
    expect(textOf(oldNow)).toContain('redéposé');
    expect(textOf(oldNow)).toContain(`p${fresh.ts.replace('.', '')}`);
    expect((await c.h.stores.messageRefs.get(cardRefKey(idea.id)))?.messageId).toBe(fresh.ts);
  });

  it('refreshes the card and says in its thread that the author accepted a rewrite', async () => {
    c = await startCommittee({ features: [] });
    const author = await c.h.register(1001);
    const idea = await c.h.submit(author, 'bike racks station');
    const d = sender(c);
    await drain(d);
    const card = cards(c)[0]!;
    expect((await c.h.engine.proposeRewrite('U-MOD1', idea.id, 'Bike racks at the station', 'Twenty covered bike racks next to the station entrance.', null)).ok).toBe(true);
    expect((await c.h.engine.answerRewrite(author, idea.id, true)).ok).toBe(true);
    await drain(d);

    expect(cards(c)).toHaveLength(1);
    const now = c.slack.message('C-COMMITTEE', card.ts)!;
    expect(textOf(now)).toContain('#1 Bike racks at the station');
    expect(textOf(now)).toContain('Twenty covered bike racks');
    const [reply] = c.slack.thread('C-COMMITTEE', card.ts);
    expect(reply?.text).toContain('a *accepté* la réécriture');
    expect(reply?.text).toContain('Bike racks at the station');
  });

  it('posts a card afresh when an update finds no card to update', async () => {
    c = await startCommittee({ features: [] });
    const author = await c.h.register(1001);
    const idea = await c.h.submit(author, 'Bike racks at the station');
    const d = sender(c);
    await drain(d);
    // As when the first card was given up: no reference.
    await c.h.stores.messageRefs.delete(cardRefKey(idea.id));
    expect((await c.h.engine.moderateIdea('U-MOD1', idea.id, idea.version, { outcome: 'eligible', comment: null })).ok).toBe(true);
    await drain(d);

    const all = cards(c);
    expect(all).toHaveLength(2);
    expect(textOf(all[1]!)).toContain('*Recevable* par Marc Moderator');
    expect((await c.h.stores.messageRefs.get(cardRefKey(idea.id)))?.messageId).toBe(all[1]!.ts);
  });

  it('escapes resident text: no channel ping, no forged link', async () => {
    c = await startCommittee({ features: [] });
    const author = await c.h.register(1001);
    await submit(c, author, 'Hey <!channel> look', { description: 'Pay at <http://evil|bank> & <@U-ADMIN> for the new benches.' });
    await drain(sender(c));

    const card = cards(c)[0]!;
    const payloads = JSON.stringify(c.slack.calls.filter((x) => x.method.startsWith('chat.')).map((x) => x.args));
    expect(payloads).not.toContain('<!channel>');
    expect(payloads).not.toContain('<http://evil|bank>');
    expect(payloads).not.toContain('<@U-ADMIN>');
    expect(textOf(card)).toContain('&lt;!channel&gt;');
    expect(textOf(card)).toContain('&lt;http://evil|bank&gt; &amp; &lt;@U-ADMIN&gt;');
    expect(card.text).toContain('&lt;!channel&gt;');
  });
});

describe('photos on cards', () => {
  const TELEGRAM_TOKEN = '123456789:FAKE-telegram-token-never-in-slack';
  const FILE_ID = 'AgACAgQAAxkBAAIBZ2ZtelegramFileId';
  const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);

  it('uploads the photo with files.uploadV2, shows it with slack_file, and never sends a Telegram URL', async () => {
    const asked: string[] = [];
    // A careless source whose file name is the Telegram file URL (bot token inside).
    const photos: PhotoSource = async (id) => {
      asked.push(id);
      return { bytes: JPEG, filename: `https://api.telegram.org/file/bot${TELEGRAM_TOKEN}/photos/file_7.jpg` };
    };
    c = await startCommittee({ features: [], app: { photos } });
    const author = await c.h.register(1001);
    const idea = await submit(c, author, 'A bench under the lime tree', { photo: FILE_ID });
    const d = sender(c);
    await drain(d);

    expect(asked).toEqual([FILE_ID]);
    const card = cards(c)[0]!;
    const image = blocksOf(card, 'image')[0];
    expect(image).toBeDefined();
    const fileId = (image!['slack_file'] as { id: string }).id;
    expect(c.slack.file(fileId)).toMatchObject({ completed: true, filename: `idea-${idea.number}.jpg` });
    expect(c.slack.file(fileId)!.bytes!.includes(JPEG)).toBe(true);
    // Shared into the card's thread, so the committee may see it.
    const complete = c.slack.calls.find((x) => x.method === 'files.completeUploadExternal')!;
    expect(complete.args).toMatchObject({ channel_id: 'C-COMMITTEE', thread_ts: card.ts });

    // A decision re-renders the card from the stored file: no second fetch nor upload.
    expect((await c.h.engine.moderateIdea('U-ADMIN', idea.id, idea.version, { outcome: 'eligible', comment: null })).ok).toBe(true);
    await drain(d);
    expect(blocksOf(c.slack.message('C-COMMITTEE', card.ts)!, 'image')[0]?.['slack_file']).toEqual({ id: fileId });
    expect(asked).toHaveLength(1);
    expect(c.slack.calls.filter((x) => x.method === 'files.getUploadURLExternal')).toHaveLength(1);

    const everything = JSON.stringify(c.slack.calls.map((x) => x.args));
    expect(everything).not.toContain('api.telegram.org');
    expect(everything).not.toContain(TELEGRAM_TOKEN);
    expect(everything).not.toContain(FILE_ID);
  });

  it('says a photo exists but could not be shown when there is no photo source, or the fetch fails', async () => {
    c = await startCommittee({ features: [] });
    const author = await c.h.register(1001);
    await submit(c, author, 'A bench under the lime tree', { photo: FILE_ID });
    await drain(sender(c));
    expect(blocksOf(cards(c)[0]!, 'image')).toEqual([]);
    expect(textOf(cards(c)[0]!)).toContain("n'a pas pu être affichée");
    await c.stop();

    c = await startCommittee({ features: [], app: { photos: async () => null } });
    const other = await c.h.register(1002);
    await submit(c, other, 'A bench under the oak tree', { photo: FILE_ID });
    await drain(sender(c));
    const card = cards(c)[0]!;
    expect(blocksOf(card, 'image')).toEqual([]);
    expect(textOf(card)).toContain("n'a pas pu être affichée");
    expect(c.slack.calls.some((x) => x.method.startsWith('files.'))).toBe(false);
    await c.stop();

    // A source that throws (Telegram unreachable) does not hold the card back either.
    c = await startCommittee({ features: [], app: { photos: async () => Promise.reject(new Error(`GET https://api.telegram.org/file/bot${TELEGRAM_TOKEN}/x failed`)) } });
    const third = await c.h.register(1003);
    await submit(c, third, 'A bench under the elm tree', { photo: FILE_ID });
    await drain(sender(c));
    expect(textOf(cards(c)[0]!)).toContain("n'a pas pu être affichée");
    expect(JSON.stringify(c.slack.calls.map((x) => x.args))).not.toContain(TELEGRAM_TOKEN);
  });
});

describe('the card renderer', () => {
  const campaign = testCampaign();
  const services = { t: slackTranslator('fr'), format: slackFormat(campaign, 'fr'), campaign };
  const validator = BlockKitValidator.shared();

  function longIdea(overrides: Partial<CommitteeIdea['idea']> = {}): CommitteeIdea {
    // Worst cases for escaping: every `&` becomes five characters.
    const title = '&'.repeat(40) + '<'.repeat(40);
    const description = '&<>'.repeat(333) + '&';
    const content = { title, description, category: 'mobility', area: 'centre', cost: null, photo: null, location: null };
    return {
      idea: {
        id: 'idea_1',
        number: 1234,
        state: 'resubmitted',
        authorLocale: 'fr',
        assistedBy: 'ambassador:p_' + 'a'.repeat(40),
        costEstimatedByStaff: false,
        decision: null,
        mergedInto: null,
        rewrite: { title, description, proposedBy: 'staff:U-MOD1', at: 0, comment: description },
        revisions: [
          { at: 0, by: 'resident:p_x', reason: 'created', content: { ...content, title: '>'.repeat(80), description: '<'.repeat(1000), area: null, cost: 2_000_000, photo: 'p1' } },
          { at: 1, by: 'resident:p_x', reason: 'resubmitted', content },
        ],
        createdAt: 0,
        submittedAt: 0,
        updatedAt: 1,
        version: 3,
        ...content,
        ...overrides,
      },
      author: 'resident:p_' + 'b'.repeat(40),
      supports: 12,
    };
  }

  function withinLimits(blocks: readonly Json[]): void {
    expect(validator.checkMessageBlocks(blocks)).toEqual([]);
    expect(blocks.length).toBeLessThanOrEqual(LIMITS.messageBlocks);
    for (const b of blocks) {
      if (b['type'] === 'header') expect(((b['text'] as Json)['text'] as string).length).toBeLessThanOrEqual(LIMITS.headerText);
      if (b['type'] === 'section' && b['text'] !== undefined) expect(((b['text'] as Json)['text'] as string).length).toBeLessThanOrEqual(LIMITS.sectionText);
      for (const f of (b['fields'] as Json[] | undefined) ?? []) expect((f['text'] as string).length).toBeLessThanOrEqual(LIMITS.sectionField);
    }
  }

  it('stays within Block Kit’s limits for an 80-character title and a 1,000-character description', () => {
    const view = longIdea();
    expect([...view.idea.title]).toHaveLength(80);
    expect([...view.idea.description]).toHaveLength(1000);
    const awaiting = renderCard(services, view, 10);
    withinLimits(awaiting.blocks);
    expect(awaiting.text.length).toBeLessThanOrEqual(LIMITS.messageText);
    // The escapes are clipped whole, never cut into a half `&am`.
    const header = ((awaiting.blocks[0]!['text'] as Json)['text'] as string);
    expect(header).toMatch(/^#1234 (&amp;)+…$/u);
    const decided = renderCard(services, longIdea({ state: 'rejected', decision: { outcome: 'rejected', by: 'staff:U-MOD1', at: 5, criterion: 'competence', comment: '&'.repeat(1000) }, photo: 'p2' }), 10, { photo: { kind: 'unavailable' } });
    withinLimits(decided.blocks);
  });

  it('names the author by pseudonym only and flags an ambassador’s help', () => {
    const card = JSON.stringify(renderCard(services, longIdea(), 10).blocks);
    expect(card).toContain('p_' + 'b'.repeat(40));
    expect(card).toContain("avec l'aide de l'ambassadeur p_" + 'a'.repeat(40));
    expect(card).not.toContain('resident:');
  });
});

describe('the card and notice texts', () => {
  const keysOf = (locale: string, file: string): { keys: string[]; source: string } => {
    const source = readFileSync(path.join(SLACK_LOCALES_DIR, locale, file), 'utf8');
    return { keys: [...source.matchAll(/^([a-z][a-z0-9-]*) =/gmu)].map((m) => m[1]!).sort(), source };
  };

  it.each(['card.ftl', 'notices.ftl'])('%s has the same keys in all five languages, translated', (file) => {
    const en = keysOf('en', file);
    expect(en.keys.length).toBeGreaterThan(10);
    for (const locale of SLACK_LOCALES) {
      // Parses (loadSlackBundle throws on a syntax error) and every key formats.
      const bundle = loadSlackBundle(locale);
      const mine = keysOf(locale, file);
      expect(mine.keys, `${locale}/${file}`).toEqual(en.keys);
      for (const key of mine.keys) expect(bundle.getMessage(key)?.value, `${locale}/${file} ${key}`).toBeTruthy();
      if (locale !== 'en') {
        const english = en.source.split('\n').filter((l) => / = .*[a-z]{4}/u.test(l));
        const same = mine.source.split('\n').filter((l) => english.includes(l));
        // Proper nouns and emoji-only lines may match; whole files may not.
        expect(same.length, `${locale}/${file} copies English: ${same.join(' | ')}`).toBeLessThan(4);
      }
    }
  });
});
