/**
 * Articles end to end: the current phase's first, then those of every phase, then the rest;
 * links kept; a long article paged within Telegram's limit and paged in place; none → a
 * friendly message. Also the menu's actions this branch installs (browse, ask, articles).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Article } from '../../core/campaign/campaign.ts';
import { articlesInOrder } from '../../adapters/telegram/features/articles.ts';
import { startBot } from '../support/telegram/bot-harness.ts';
import type { BotHarness } from '../support/telegram/bot-harness.ts';
import type { ChatMessage } from '../support/telegram/bot-api-stand-in.ts';
import { testCampaign } from '../support/test-campaign.ts';

let run: BotHarness | null = null;
afterEach(async () => {
  await run?.stop();
  run = null;
});

const textOf = (m: ChatMessage): string => m.plain ?? m.text ?? '';
const seen = (b: BotHarness, u: { id: number }): number => b.api.botMessages(u.id).length;

async function nextBotMessage(b: BotHarness, user: { id: number }, after: number, text: string): Promise<ChatMessage> {
  return b.api.waitFor(() => b.api.botMessages(user.id).slice(after).find((m) => textOf(m).includes(text)), `a bot message containing ${JSON.stringify(text)}`);
}

const art = (id: string, phase: Article['phase'], fr: string, en: string, url: string | null = null, body?: string): Article => ({
  id,
  phase,
  title: { fr, en },
  body: { fr: body ?? `Texte de ${fr}.`, en: body ?? `Text of ${en}.` },
  url,
});

const ARTICLES: readonly Article[] = [
  art('how-to-vote', 'voting', 'Comment voter', 'How to vote'),
  art('what-is-it', null, 'Le budget participatif', 'The participatory budget'),
  art('how-to-submit', 'submission', 'Comment proposer une idée', 'How to submit an idea', 'https://example.org/proposer?a=1&b=2'),
  art('review', 'review', "L'examen par le comité", 'The committee review'),
  art('calendar', null, 'Le calendrier', 'The calendar'),
];

describe('articles in Telegram', () => {
  it('orders by phase: the current phase first, then every phase, then the rest', () => {
    expect(articlesInOrder(ARTICLES, 'submission').map((a) => a.id)).toEqual(['how-to-submit', 'what-is-it', 'calendar', 'how-to-vote', 'review']);
    expect(articlesInOrder(ARTICLES, 'review').map((a) => a.id)).toEqual(['review', 'what-is-it', 'calendar', 'how-to-vote', 'how-to-submit']);
    expect(articlesInOrder(ARTICLES, null).map((a) => a.id)).toEqual(['what-is-it', 'calendar', 'how-to-vote', 'how-to-submit', 'review']);
  });

  it('shows the phase’s articles first with their links, from /news and from the menu, and follows the phase (fr, en)', async () => {
    run = await startBot({ campaign: testCampaign({ articles: ARTICLES }) });
    const b = run;
    await b.h.register(801);
    const kim = b.api.user({ id: 801, firstName: 'Kim', languageCode: 'fr' });
    kim.say('/news');
    const news = await nextBotMessage(b, kim, 0, 'Comment proposer une idée');
    const t = textOf(news);
    const order = ['Comment proposer une idée', 'Le budget participatif', 'Le calendrier', 'Comment voter', "L'examen par le comité"].map((x) => t.indexOf(x));
    expect(order.every((x) => x >= 0)).toBe(true);
    expect([...order].sort((x, y) => x - y)).toEqual(order);
    expect(news.text).toContain('<a href="https://example.org/proposer?a=1&amp;b=2">Lire la suite</a>');

    // From the menu, in English, during the review: the review's article comes first.
    const id = await b.h.register(802);
    await b.h.engine.setLanguage(id, 'en');
    b.h.clock.set(b.h.campaign.phases.review.start + 1000);
    await b.h.engine.tick();
    const lou = b.api.user({ id: 802, firstName: 'Lou', languageCode: 'en' });
    lou.say('/menu');
    await nextBotMessage(b, lou, 0, 'What would you like to do?');
    const n = seen(b, lou);
    lou.pressLabel('News');
    const en = await nextBotMessage(b, lou, n, 'The committee review');
    expect(textOf(en).indexOf('The committee review')).toBeLessThan(textOf(en).indexOf('The participatory budget'));
  });

  it('pages a long article within Telegram’s limit, in place, and says so when there is no news', async () => {
    const long = Array.from({ length: 120 }, (_, i) => `Paragraphe ${i + 1} : le budget participatif de la commune expliqué en détail.`).join('\n');
    run = await startBot({ campaign: testCampaign({ articles: [art('long', null, 'Tout savoir', 'All about it', 'https://example.org/tout', long), art('short', null, 'En bref', 'In short')] }) });
    const b = run;
    await b.h.register(803);
    const max = b.api.user({ id: 803, firstName: 'Max', languageCode: 'fr' });
    max.say('/news');
    const first = await nextBotMessage(b, max, 0, 'Tout savoir (1/');
    const pages = Number(/Page 1 \/ (\d+)/.exec(textOf(first))?.[1]);
    expect(pages).toBeGreaterThanOrEqual(3);
    const bodies: string[] = [textOf(first)];
    for (let p = 2; p <= pages; p++) {
      const before = b.api.message(max.id, first.message_id)?.edits ?? 0;
      max.press(first.message_id, `art|${p}`);
      const m = await b.api.waitFor(() => {
        const x = b.api.message(max.id, first.message_id);
        return x !== undefined && x.edits > before && textOf(x).includes(`Page ${p} / ${pages}`) ? x : undefined;
      }, `page ${p}`);
      bodies.push(textOf(m));
    }
    for (const body of bodies) expect(body.length).toBeLessThanOrEqual(4096);
    const all = bodies.join('\n');
    // Every paragraph shown once, the link at the end of the article, the short one after it.
    for (let i = 1; i <= 120; i++) expect(all.split(`Paragraphe ${i} :`).length - 1).toBe(1);
    expect(all.indexOf('Lire la suite')).toBeLessThan(all.indexOf('En bref'));
    expect(b.api.botMessages(max.id)).toHaveLength(1);

    await run.stop();
    run = await startBot();
    await run.h.register(804);
    const ned = run.api.user({ id: 804, firstName: 'Ned', languageCode: 'fr' });
    ned.say('/news');
    await nextBotMessage(run, ned, 0, "Pas encore d'actualités");
  });
});
