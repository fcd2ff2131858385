/**
 * Splitting and captions: for random Telegram HTML (text with nested tags, links, entities,
 * emoji outside the BMP, paragraphs), every chunk parses as Telegram would, fits the limit
 * after parsing, and the chunks' texts put together are the original text, whitespace at
 * the cut points aside.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../adapters/telegram/render/html.ts';
import { fitCaption, splitHtml, visibleLength } from '../../adapters/telegram/render/split.ts';
import { parseTelegramHtml } from '../support/telegram/telegram-html.ts';

function plain(html: string): string {
  const p = parseTelegramHtml(html);
  if (!p.ok) throw new Error(`${p.error}: ${html}`);
  return p.text;
}

const squash = (s: string) => s.replace(/\s+/gu, '');

const word = fc.oneof(
  fc.constantFrom('a', 'word', 'Bertrix', 'idée', 'Straße', 'zażółć', '😀', '👩‍👩‍👧', '&', '<', '>', '"', 'x&amp;y'),
  fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !/\s/u.test(s)),
);
const text = fc.array(fc.tuple(word, fc.constantFrom(' ', ' ', ' ', '\n', '\n\n', '')), { minLength: 1, maxLength: 30 }).map((parts) => escapeHtml(parts.map(([w, s]) => w + s).join('')));
const html: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    fc.tuple(fc.constantFrom('b', 'i', 'u', 's', 'code', 'tg-spoiler', 'blockquote'), tie('node')).map(([tag, inner]) => `<${tag}>${inner}</${tag}>`),
    fc.tuple(fc.webUrl(), tie('node')).map(([url, inner]) => `<a href="${escapeHtml(url).replace(/"/g, '&quot;')}">${inner}</a>`),
    fc.array(tie('node'), { minLength: 1, maxLength: 4 }).map((xs) => xs.join('')),
  ),
})).node;

describe('splitHtml', () => {
  it('gives chunks that parse, fit and keep the text', () => {
    fc.assert(
      fc.property(html, fc.integer({ min: 2, max: 120 }), (src, limit) => {
        const original = plain(src);
        const chunks = splitHtml(src, limit);
        const texts = chunks.map(plain);
        for (const t of texts) {
          expect(t.length).toBeLessThanOrEqual(limit);
          expect(t.trim().length).toBeGreaterThan(0);
        }
        expect(squash(texts.join(''))).toBe(squash(original));
      }),
      { numRuns: 400 },
    );
  });

  it('never cuts a surrogate pair or an entity', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('😀', '&amp;', '&#128512;', 'a', ' '), { minLength: 1, maxLength: 200 }), fc.integer({ min: 2, max: 9 }), (parts, limit) => {
        const src = parts.join('');
        for (const c of splitHtml(src, limit)) {
          const t = plain(c);
          expect(t.length).toBeLessThanOrEqual(limit);
          expect(t).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u);
        }
      }),
    );
  });

  it('returns short HTML as it is', () => {
    expect(splitHtml('<b>Hi</b> &amp; bye')).toEqual(['<b>Hi</b> &amp; bye']);
  });

  it('prefers paragraph breaks, then line breaks, then spaces', () => {
    const para = 'a'.repeat(60);
    expect(splitHtml(`${para} ${para}\n${para}\n\n${para}`, 200).map(plain)).toEqual([`${para} ${para}\n${para}`, para]);
    expect(splitHtml(`${para} ${para}\n${para} ${para}`, 200).map(plain)).toEqual([`${para} ${para}`, `${para} ${para}`]);
  });

  it('closes and reopens tags around a cut, attributes kept', () => {
    const chunks = splitHtml('<b>bold <a href="https://x.org/?a=1&amp;b=2">one two three</a> four</b>', 10);
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) expect(parseTelegramHtml(c).ok).toBe(true);
    expect(chunks[1]).toMatch(/^<b><a href="https:\/\/x.org\/\?a=1&amp;b=2">/u);
  });

  it('splits 10,000 characters into messages of at most 4,096', () => {
    const src = Array.from({ length: 100 }, (_, i) => `<b>Idea ${i}</b>\n${escapeHtml('Bench & tree '.repeat(7))}`).join('\n\n');
    const chunks = splitHtml(src);
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) expect(plain(c).length).toBeLessThanOrEqual(4096);
  });
});

describe('fitCaption', () => {
  it('keeps a caption that fits, and cuts one that does not with an ellipsis, valid HTML', () => {
    fc.assert(
      fc.property(html, fc.integer({ min: 2, max: 80 }), (src, limit) => {
        const out = fitCaption(src, limit);
        const t = plain(out);
        expect(t.length).toBeLessThanOrEqual(limit);
        if (visibleLength(src) <= limit) expect(out).toBe(src);
        else {
          expect(t.endsWith('…')).toBe(true);
          expect(squash(plain(src)).startsWith(squash(t.slice(0, -1)))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('counts what Telegram counts', () => {
    expect(visibleLength('<b>a&amp;b</b> 😀')).toBe(6);
    expect(fitCaption('<i>'.concat('x'.repeat(1100), '</i>'))).toBe(`<i>${'x'.repeat(1023)}…</i>`);
  });
});
