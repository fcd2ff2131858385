/**
 * Small pieces the `/pnyx` renderers share: names of phases, languages, areas and actors in
 * the committee's language, and Block Kit text blocks clipped to their limits.
 */
import type { Campaign } from '../../../core/campaign/campaign.ts';
import type { SlackServices } from '../context.ts';
import type { SlackTranslate } from '../i18n.ts';
import { clip, escapeSlack } from '../mrkdwn.ts';
import { LIMITS } from './limits.ts';

/** What the renderers read. */
export type RenderServices = Pick<SlackServices, 't' | 'format' | 'campaign'>;

/** A Block Kit block, as the renderers build it. */
export type Block = Record<string, unknown>;

/** A phase's name in the committee's language. */
export function phaseName(t: SlackTranslate, phase: string): string {
  const key = `command-phase-${phase}`;
  const name = t(key);
  return name === key ? phase : name;
}

/** A language's name in the committee's language, as a sentence uses it (`fr` → `anglais`… `French`, `Französisch`). */
export function languageName(committeeLocale: string, locale: string): string {
  try {
    return new Intl.DisplayNames([committeeLocale], { type: 'language' }).of(locale) ?? locale;
  } catch {
    return locale;
  }
}

/** A language's name to start a label with (capitalised). */
export function languageLabel(committeeLocale: string, locale: string): string {
  const n = languageName(committeeLocale, locale);
  return n.charAt(0).toLocaleUpperCase(committeeLocale) + n.slice(1);
}

/** An area's name in the committee's language (its id when unknown), escaped for Slack. */
export function areaName(campaign: Pick<Campaign, 'areas' | 'defaultLocale'>, areaId: string): string {
  const area = campaign.areas.find((a) => a.id === areaId);
  return escapeSlack(area === undefined ? areaId : (area.name[campaign.defaultLocale] ?? Object.values(area.name)[0] ?? area.id));
}

/** A configured name (campaign, envelope) in `locale`, else the default language's, escaped for Slack. */
export function configName(campaign: Pick<Campaign, 'defaultLocale'>, name: Readonly<Record<string, string>>, fallback: string, locale: string = campaign.defaultLocale): string {
  return escapeSlack(name[locale] ?? name[campaign.defaultLocale] ?? Object.values(name)[0] ?? fallback);
}

/** Who did something, for mrkdwn: a staff member as a Slack mention, anyone else as a word. */
export function actorText(t: SlackTranslate, actorRef: string): string {
  const staff = /^staff:([A-Z0-9-]{1,40})$/u.exec(actorRef);
  if (staff !== null) return `<@${staff[1]}>`;
  return t('command-actor-system');
}

/** A mrkdwn section, clipped. */
export function section(text: string): Block {
  return { type: 'section', text: { type: 'mrkdwn', text: clip(text, LIMITS.sectionText) } };
}

/** A plain-text section (what it shows is shown literally), clipped. */
export function plainSection(text: string): Block {
  return { type: 'section', text: { type: 'plain_text', text: clip(text, LIMITS.sectionText), emoji: true } };
}

/** A context line, clipped. */
export function context(text: string): Block {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: clip(text, LIMITS.sectionText) }] };
}

/** A header, clipped. */
export function header(text: string): Block {
  return { type: 'header', text: { type: 'plain_text', text: clip(text, LIMITS.headerText), emoji: true } };
}

/** A plain-text object for a modal's title, submit or close button (24 characters at most). */
export function modalText(text: string): { type: 'plain_text'; text: string } {
  return { type: 'plain_text', text: clip(text, LIMITS.modalTitle) };
}

/** A staff-typed text (a reason) for mrkdwn: escaped, so it cannot ping nor forge a link. */
export function staffText(text: string, max: number): string {
  return clip(escapeSlack(text), max);
}
