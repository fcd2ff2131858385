/**
 * Refusal and notice texts as residents get them: every code and template in every locale
 * renders to valid Telegram HTML with no Fluent placeholder left, params formatted (dates in
 * the campaign time zone, money, names) and escaped, unknown codes answered generically.
 */
import { describe, expect, it } from 'vitest';
import { BOT_LOCALES, createI18n, translatorOf } from '../../adapters/telegram/i18n.ts';
import { noticeText, RESIDENT_NOTICE_TEMPLATES } from '../../adapters/telegram/render/notice-text.ts';
import { refusalKey, refusalText } from '../../adapters/telegram/render/refusal-text.ts';
import { formatFor } from '../../adapters/telegram/render/text-format.ts';
import { REFUSAL_CODES } from '../../core/domain/codes.ts';
import { testCampaign } from '../support/test-campaign.ts';
import { parseTelegramHtml } from '../support/telegram/telegram-html.ts';
import { NOTICE_PARAMS, OPENS, REFUSAL_PARAMS } from '../i18n/engine-params.ts';

const t = translatorOf(createI18n({ defaultLocale: 'en', localeNegotiator: () => undefined }));
const campaign = testCampaign();

function plain(html: string): string {
  const p = parseTelegramHtml(html);
  if (!p.ok) throw new Error(`${p.error} in ${html}`);
  return p.text;
}

describe('refusal texts', () => {
  it.each([...BOT_LOCALES])('%s: every code renders, valid HTML, no placeholder left', (locale) => {
    for (const code of REFUSAL_CODES) {
      const text = refusalText(t, locale, campaign, { code, params: REFUSAL_PARAMS[code] });
      expect(text, `${locale} ${code}`).not.toMatch(/[{}]/);
      expect(text, `${locale} ${code}`).not.toMatch(/\bnone\b/);
      expect(plain(text).trim().length, `${locale} ${code}`).toBeGreaterThan(10);
      expect(text).not.toBe(refusalText(t, locale, campaign, { code: 'no.such_code' }));
    }
  });

  it('keys follow the code', () => {
    expect(refusalKey('voting.not_yet')).toBe('refusal-voting-not-yet');
    expect(refusalKey('phase.guard.not_tallied')).toBe('refusal-phase-guard-not-tallied');
  });

  it('says when voting opens, in the campaign time zone and the resident’s language', () => {
    const params = REFUSAL_PARAMS['voting.not_yet'];
    expect(refusalText(t, 'en', campaign, { code: 'voting.not_yet', params })).toContain('June 1, 2026');
    expect(refusalText(t, 'fr', campaign, { code: 'voting.not_yet', params })).toContain('1 juin 2026');
    expect(refusalText(t, 'nl', campaign, { code: 'voting.not_yet', params })).toContain('1 juni 2026');
    expect(refusalText(t, 'de', campaign, { code: 'voting.not_yet', params })).toContain('1. Juni 2026');
    expect(refusalText(t, 'pl', campaign, { code: 'voting.not_yet', params })).toContain('1 czerwca 2026');
  });

  it('shows a midnight deadline as the last minute of the day before', () => {
    const text = refusalText(t, 'en', campaign, { code: 'registration.area_locked', params: { closesAt: Date.UTC(2026, 5, 30, 22) } });
    expect(text).toContain('June 30, 2026');
    expect(text).toContain('23:59');
  });

  it('formats money in the campaign currency', () => {
    const en = refusalText(t, 'en', campaign, { code: 'ballot.over_budget', params: REFUSAL_PARAMS['ballot.over_budget'] });
    expect(en).toContain('€23,500');
    expect(en).toContain('€20,000');
    expect(en).toContain('€3,500');
    const fr = refusalText(t, 'fr', campaign, { code: 'idea.cost_out_of_bounds', params: REFUSAL_PARAMS['idea.cost_out_of_bounds'] });
    expect(plain(fr)).toMatch(/25\s000,50\s€/u);
  });

  it('names campaign things in the resident’s language and escapes what people typed', () => {
    expect(refusalText(t, 'fr', campaign, { code: 'idea.unknown_category', params: { category: 'mobility' } })).toContain('Mobilité');
    const evil = refusalText(t, 'en', campaign, { code: 'idea.unknown_area', params: { area: '<b>x</b>&' } });
    expect(evil).toContain('&lt;b&gt;x&lt;/b&gt;&amp;');
    expect(plain(evil)).toContain('<b>x</b>&');
  });

  it('answers an unknown code, odd params or an unknown locale without throwing', () => {
    const generic = refusalText(t, 'de', campaign, { code: 'brand.new_code', params: { x: 1 } });
    expect(generic).toContain('nichts geändert');
    expect(() => refusalText(t, 'xx', campaign, { code: 'voting.not_yet', params: { opensAt: Number.NaN } })).not.toThrow();
    expect(refusalText(t, 'fr-BE', campaign, { code: 'code.used' })).toContain('déjà été utilisé');
  });
});

describe('notice texts', () => {
  it.each([...BOT_LOCALES])('%s: every resident notice renders, valid HTML, no placeholder left', (locale) => {
    for (const template of RESIDENT_NOTICE_TEMPLATES) {
      const text = noticeText(t, locale, campaign, { template, params: NOTICE_PARAMS[template] });
      expect(text, `${locale} ${template}`).not.toMatch(/[{}]/);
      expect(text, `${locale} ${template}`).not.toMatch(/\bnone\b/);
      expect(plain(text).trim().length, `${locale} ${template}`).toBeGreaterThan(10);
    }
  });

  it('escapes the idea title, the committee comment and the answer', () => {
    const text = noticeText(t, 'en', campaign, { template: 'notify.question_answered', params: NOTICE_PARAMS['notify.question_answered'] });
    expect(plain(text)).toContain('Yes, on <Monday> & Tuesday.');
    const idea = noticeText(t, 'en', campaign, { template: 'notify.idea_submitted', params: NOTICE_PARAMS['notify.idea_submitted'] });
    expect(plain(idea)).toContain('A bench <by> the “river” & the school');
    expect(idea).toContain('#12 ');
  });

  it('gives a rejection its criterion in the resident’s language', () => {
    const fr = noticeText(t, 'fr', campaign, { template: 'notify.idea_rejected', params: NOTICE_PARAMS['notify.idea_rejected'] });
    expect(fr).toContain('Compétence communale');
  });

  it('falls back to a generic notice for a template without a text', () => {
    expect(noticeText(t, 'nl', campaign, { template: 'card.moderation', params: {} })).toContain('Testville');
  });
});

describe('formatFor', () => {
  it('formats dates, money and numbers per locale', () => {
    const de = formatFor('de', campaign);
    expect(de.date(OPENS)).toBe('1. Juni 2026');
    expect(de.date(OPENS + 9.5 * 3600_000)).toBe('1. Juni 2026 um 09:30');
    expect(de.money(2_000_000)).toMatch(/^20\.000\s€$/u);
    expect(de.money(12_345)).toMatch(/^123,45\s€$/u);
    expect(de.number(8000)).toBe('8.000');
    expect(formatFor('en', { ...campaign, currency: 'PLN', currencyMinorUnits: 1 }).money(500)).toContain('500');
  });
});
