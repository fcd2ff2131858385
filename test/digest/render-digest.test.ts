/** The digest chart: size, not blank, every locale, zero figures, long names, and its text alternative. */
import { describe, expect, it } from 'vitest';
import { loadImage, createCanvas } from '@napi-rs/canvas';
import { renderDigest, DIGEST_WIDTH, DIGEST_HEIGHT, CAPTION_LIMIT } from '../../adapters/digest/render-digest.ts';
import { DIGEST_TEXTS } from '../../adapters/digest/digest-texts.ts';
import { flattenParams } from '../../core/phases/scheduled-messages.ts';

const campaign = {
  name: { en: 'Bertrix 2027', fr: 'Bertrix 2027' },
  categories: [
    { id: 'mobility', name: { en: 'Mobility', fr: 'Mobilité' } },
    { id: 'green', name: { en: 'Green spaces', fr: 'Espaces verts' } },
    { id: 'culture', name: { en: 'Culture', fr: 'Culture' } },
  ],
};

const figures = {
  at: Date.UTC(2027, 2, 8),
  population: 9137,
  registered: 412,
  registeredPercent: 4.5,
  newRegistrations: { thisWeek: 57, lastWeek: 31, delta: 26 },
  newIdeas: { thisWeek: 9, lastWeek: 14, delta: -5 },
  registrationsByWeek: [3, 8, 21, 40, 77, 101, 31, 57],
  ideasByWeek: [0, 1, 2, 5, 8, 6, 14, 9],
  ideasByCategory: { mobility: 23, green: 17, culture: 5 },
  backlog: 11,
  voters: 263,
  turnoutPercent: 63.8,
  assistedBallots: 19,
  phase: 'vote',
  daysLeft: 6,
};

async function pixels(png: Buffer) {
  const img = await loadImage(png);
  const c = createCanvas(img.width, img.height);
  const ctx = c.getContext('2d');
  ctx.drawImage(img, 0, 0);
  return { img, data: ctx.getImageData(0, 0, img.width, img.height).data };
}

function colours(data: Uint8ClampedArray, width: number, y0: number, y1: number): Set<number> {
  const set = new Set<number>();
  for (let y = y0; y < y1; y += 2) {
    for (let x = 0; x < width; x += 2) {
      const i = (y * width + x) * 4;
      set.add(((data[i]! >> 4) << 8) | ((data[i + 1]! >> 4) << 4) | (data[i + 2]! >> 4));
    }
  }
  return set;
}

describe('renderDigest', () => {
  it('renders a PNG of the announced size whose chart areas are not blank', async () => {
    const d = await renderDigest({ figures, locale: 'en', campaign });
    expect(d.png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(d.png.readUInt32BE(16)).toBe(DIGEST_WIDTH);
    expect(d.png.readUInt32BE(20)).toBe(DIGEST_HEIGHT);
    const { img, data } = await pixels(d.png);
    expect([img.width, img.height]).toEqual([d.width, d.height]);
    // the weekly chart (blue and orange bars) and the category bars (green) are drawn
    expect(colours(data, img.width, 240, 520).size).toBeGreaterThan(4);
    expect(colours(data, img.width, 600, 890).size).toBeGreaterThan(4);
  });

  it('accepts the flattened outbox params like the figures object', async () => {
    const a = await renderDigest({ figures, locale: 'fr', campaign });
    const b = await renderDigest({ figures: flattenParams(figures), locale: 'fr', campaign });
    expect(b.text).toBe(a.text);
    expect(b.png.equals(a.png)).toBe(true);
  });

  it('puts every figure, the trend and every category in the text alternative', async () => {
    const { text, caption } = await renderDigest({ figures, locale: 'en', campaign });
    for (const n of ['412', '9137', '4.5', '57', '31', '↑ +26', '↓ -5', '11', '263', '63.8', '19', '6', '23', '17']) {
      expect(text).toContain(n);
    }
    expect(text).toContain('Mobility: 23');
    expect(text).toContain('Assisted ballots: 19');
    expect(text).toContain('Registrations 101');
    expect(caption.length).toBeLessThanOrEqual(CAPTION_LIMIT);
  });

  it('has every label in every locale and renders each', async () => {
    const keys = Object.keys(DIGEST_TEXTS.en);
    for (const [locale, texts] of Object.entries(DIGEST_TEXTS)) {
      expect(Object.keys(texts).sort(), locale).toEqual([...keys].sort());
      for (const v of Object.values(texts)) expect(v.trim(), locale).not.toBe('');
      const d = await renderDigest({ figures, locale, campaign });
      expect(d.text).toContain(texts.byCategory);
      expect(d.png.readUInt32BE(16)).toBe(DIGEST_WIDTH);
    }
  });

  it('survives zero figures and omits absent optional ones', async () => {
    const d = await renderDigest({ figures: { at: 0 }, locale: 'de', campaign: { ...campaign, categories: [] } });
    expect(d.png.readUInt32BE(20)).toBe(DIGEST_HEIGHT);
    expect(d.text).not.toContain(DIGEST_TEXTS.de.assistedBallots);
    expect(d.text).toContain('= 0');
  });

  it('clips long category names inside the label column and keeps a long caption within the limit', async () => {
    const long = 'Aménagement durable des espaces publics et de la mobilité douce '.repeat(20);
    const cats = Array.from({ length: 40 }, (_, i) => ({ id: `c${i}`, name: { en: `${long}${i}` } }));
    const d = await renderDigest({ figures, locale: 'en', campaign: { ...campaign, categories: cats } });
    const { data } = await pixels(d.png);
    // labels are right-aligned against the bars: unclipped, they would run left into the 40 px margin
    let inked = 0;
    for (let y = 600; y < 890; y++) for (let x = 0; x < 36; x++) if (data[(y * DIGEST_WIDTH + x) * 4]! < 200) inked++;
    expect(inked).toBe(0);
    expect(colours(data, DIGEST_WIDTH, 600, 890).size).toBeGreaterThan(4);
    expect(d.caption.length).toBe(CAPTION_LIMIT);
    expect(d.text.length).toBeGreaterThan(CAPTION_LIMIT);
  });
});
