/**
 * `check-config` accepts exactly the campaign languages the bot can speak: config's list
 * (config/ imports no adapter) equals the bot's locales and the locale folders on disk.
 */
import { describe, expect, it } from 'vitest';
import { BOT_LOCALES } from '../../adapters/telegram/i18n.ts';
import { SUPPORTED_LANGUAGES, checkLocaleTag } from '../../config/locales.ts';
import { localeFolders } from './ftl-files.ts';

describe('supported languages', () => {
  it('are the bot locales and the locale folders', () => {
    expect([...SUPPORTED_LANGUAGES].sort()).toEqual([...BOT_LOCALES].sort());
    expect(localeFolders()).toEqual([...SUPPORTED_LANGUAGES].sort());
  });

  it('refuses a campaign locale with no bot texts, accepts one with', () => {
    for (const tag of ['es', 'it', 'pt-BR', 'uk', 'ar']) expect(checkLocaleTag(tag), tag).toMatch(/no translation/);
    for (const tag of [...BOT_LOCALES, 'fr-BE', 'de-AT']) expect(checkLocaleTag(tag), tag).toBeNull();
  });
});
