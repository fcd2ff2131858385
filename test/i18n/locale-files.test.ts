/**
 * The shipped texts: every locale has the same keys in the same files, every file parses,
 * every refusal code and resident notice has a text that uses only the params the engine
 * passes, and Dutch and German are real translations (not copies of English or French).
 */
import { describe, expect, it } from 'vitest';
import { BOT_LOCALES } from '../../adapters/telegram/i18n.ts';
import { noticeKey, RESIDENT_NOTICE_TEMPLATES, GENERIC_NOTICE_KEY } from '../../adapters/telegram/render/notice-text.ts';
import { refusalKey, GENERIC_REFUSAL_KEY } from '../../adapters/telegram/render/refusal-text.ts';
import { variableName } from '../../adapters/telegram/render/text-format.ts';
import { NOTICE_LINE_KEYS } from '../../adapters/telegram/render/notice-message.ts';
import { NOTICE_TEMPLATES, REFUSAL_CODES } from '../../core/domain/codes.ts';
import { ftlFile, ftlFiles, localeFolders, variablesOf } from './ftl-files.ts';
import { NOTICE_PARAMS, REFUSAL_PARAMS } from './engine-params.ts';

const MY_FILES = ['common.ftl', 'notices.ftl', 'refusals.ftl'];
const REQUIRED_COMMON = [
  'common-back',
  'common-cancel',
  'common-confirm',
  'common-yes',
  'common-no',
  'common-next',
  'common-previous',
  'common-page',
  'common-expired-button',
  'common-error',
  'common-too-fast',
  'common-main-menu',
  'common-dont-know',
  'common-skip',
  'common-town-wide',
];

describe('locale files', () => {
  it('ships one folder per bot locale', () => {
    expect(localeFolders()).toEqual([...BOT_LOCALES].sort());
  });

  it.each([...BOT_LOCALES])('%s: every file parses, with no duplicate or unreadable message', (locale) => {
    for (const f of ftlFiles(locale)) {
      expect(f.errors, `${locale}/${f.file}`).toEqual([]);
      expect(new Set(f.declared).size, `${locale}/${f.file}: duplicate ids`).toBe(f.declared.length);
      // The runtime parser skips what it cannot read: a declared id it lost is a syntax error.
      expect(f.declared.filter((id) => !f.bundle.hasMessage(id)), `${locale}/${f.file}: unparsable`).toEqual([]);
      for (const id of f.declared) {
        const errors: Error[] = [];
        const m = f.bundle.getMessage(id);
        if (m?.value != null) f.bundle.formatPattern(m.value, undefined, errors);
        expect(errors.filter((e) => !(e instanceof ReferenceError && /Unknown variable/.test(e.message))), `${locale}/${f.file} ${id}`).toEqual([]);
      }
    }
  });

  it.each(BOT_LOCALES.filter((l) => l !== 'en'))('%s has exactly the keys of en in each file', (locale) => {
    const en = ftlFiles('en');
    const other = ftlFiles(locale);
    expect(other.map((f) => f.file)).toEqual(en.map((f) => f.file));
    for (const f of en) {
      const o = other.find((x) => x.file === f.file)!;
      expect([...o.declared].sort(), `${locale}/${f.file}`).toEqual([...f.declared].sort());
    }
  });

  it('keys start with their file’s feature name', () => {
    for (const locale of BOT_LOCALES) {
      for (const file of MY_FILES) {
        const prefix = { 'common.ftl': 'common-', 'notices.ftl': 'notice-', 'refusals.ftl': 'refusal-' }[file]!;
        expect(ftlFile(locale, file).declared.filter((id) => !id.startsWith(prefix))).toEqual([]);
      }
    }
  });

  it('has a text for every refusal code and nothing else', () => {
    const expected = [...REFUSAL_CODES.map(refusalKey), GENERIC_REFUSAL_KEY].sort();
    for (const locale of BOT_LOCALES) expect([...ftlFile(locale, 'refusals.ftl').declared].sort(), locale).toEqual(expected);
  });

  it('has a text for every notice to people and nothing else', () => {
    expect(RESIDENT_NOTICE_TEMPLATES.every((t) => NOTICE_TEMPLATES.includes(t))).toBe(true);
    for (const t of NOTICE_TEMPLATES.filter((x) => x.startsWith('notify.') || x.startsWith('announce.'))) expect(RESIDENT_NOTICE_TEMPLATES).toContain(t);
    const expected = [...RESIDENT_NOTICE_TEMPLATES.map(noticeKey), GENERIC_NOTICE_KEY, ...NOTICE_LINE_KEYS].sort();
    for (const locale of BOT_LOCALES) expect([...ftlFile(locale, 'notices.ftl').declared].sort(), locale).toEqual(expected);
  });

  it('has the shared words the features use', () => {
    for (const locale of BOT_LOCALES) expect(ftlFile(locale, 'common.ftl').declared).toEqual(expect.arrayContaining(REQUIRED_COMMON));
  });

  it('uses in each refusal only variables its code passes', () => {
    for (const locale of BOT_LOCALES) {
      const { bundle } = ftlFile(locale, 'refusals.ftl');
      for (const code of REFUSAL_CODES) {
        const passed = new Set([...Object.keys(REFUSAL_PARAMS[code]).map(variableName), 'campaign']);
        const unknown = [...variablesOf(bundle, refusalKey(code))].filter((v) => !passed.has(v));
        expect(unknown, `${locale} ${code}`).toEqual([]);
      }
      expect([...variablesOf(bundle, GENERIC_REFUSAL_KEY)].filter((v) => v !== 'campaign'), locale).toEqual([]);
    }
  });

  it('uses in each notice only variables its template passes', () => {
    for (const locale of BOT_LOCALES) {
      const { bundle } = ftlFile(locale, 'notices.ftl');
      for (const template of RESIDENT_NOTICE_TEMPLATES) {
        const params = NOTICE_PARAMS[template];
        expect(params, template).toBeDefined();
        const passed = new Set([...Object.keys(params ?? {}).map(variableName), 'campaign']);
        const unknown = [...variablesOf(bundle, noticeKey(template))].filter((v) => !passed.has(v));
        expect(unknown, `${locale} ${template}`).toEqual([]);
      }
      for (const key of NOTICE_LINE_KEYS) expect([...variablesOf(bundle, key)], `${locale} ${key}`).toEqual(['days']);
    }
  });

  it('common texts use only their documented variables', () => {
    const allowed: Record<string, string[]> = { 'common-page': ['page', 'pages'], 'common-error': ['ref'] };
    for (const locale of BOT_LOCALES) {
      const { bundle, declared } = ftlFile(locale, 'common.ftl');
      for (const id of declared) expect([...variablesOf(bundle, id)], `${locale} ${id}`).toEqual(allowed[id] ?? []);
    }
  });

  it.each(['nl', 'de'])('%s is a translation: nearly no text equals its English or French one', (locale) => {
    for (const file of MY_FILES) {
      const mine = ftlFile(locale, file);
      const others = ['en', 'fr'].map((l) => ftlFile(l, file));
      const same = mine.declared.filter((id) => {
        const text = mine.bundle.formatPattern(mine.bundle.getMessage(id)!.value!, undefined, []);
        return others.some((o) => o.bundle.hasMessage(id) && o.bundle.formatPattern(o.bundle.getMessage(id)!.value!, undefined, []) === text);
      });
      // Words like "Vote" or "Finalist" may coincide; whole texts may not.
      expect(same.length, `${locale}/${file}: ${same.join(', ')}`).toBeLessThanOrEqual(Math.max(2, Math.floor(mine.declared.length * 0.1)));
    }
  });
});
