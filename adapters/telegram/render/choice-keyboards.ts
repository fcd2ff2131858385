/**
 * The choice keyboards of registration, written once: the resident's own registration, an
 * ambassador's registration of someone else, and the language setting all show the same
 * buttons, each with its own button data (`encode`).
 */
import { InlineKeyboard } from 'grammy';
import type { AgeBand, Campaign } from '../../../core/campaign/campaign.ts';
import { languageName, localized } from './localized.ts';

/** Adds `items` as buttons, `perRow` to a row. */
function grid<T>(kb: InlineKeyboard, items: readonly T[], perRow: number, button: (item: T) => readonly [label: string, data: string]): InlineKeyboard {
  items.forEach((item, i) => {
    const [label, data] = button(item);
    kb.text(label, data);
    if (i % perRow === perRow - 1) kb.row();
  });
  return kb;
}

/** The campaign's languages, each in its own name. */
export function languageKeyboard(campaign: Pick<Campaign, 'locales'>, encode: (locale: string) => string, kb = new InlineKeyboard()): InlineKeyboard {
  return grid(kb, campaign.locales, 2, (l) => [languageName(l), encode(l)]);
}

/** An age band as a button label: `18–34`, `65+`. */
export function ageBandLabel(band: AgeBand): string {
  return band.max === null ? `${band.min}+` : `${band.min}–${band.max}`;
}

/** The campaign's age bands. */
export function ageKeyboard(campaign: Pick<Campaign, 'ageBands'>, encode: (bandId: string) => string, kb = new InlineKeyboard()): InlineKeyboard {
  return grid(kb, campaign.ageBands, 3, (b) => [ageBandLabel(b), encode(b.id)]);
}

/** The campaign's areas, named in `locale`. */
export function areaKeyboard(campaign: Pick<Campaign, 'areas' | 'defaultLocale'>, locale: string, encode: (areaId: string) => string, kb = new InlineKeyboard()): InlineKeyboard {
  return grid(kb, campaign.areas, 2, (a) => [localized(campaign, a.name, locale), encode(a.id)]);
}
