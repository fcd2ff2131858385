/**
 * The modal of `/pnyx announce` (Block Kit), pure. One view, two faces:
 * - *compose*: a text per language of the campaign (the default language required, the
 *   others optional: a language left empty gets the default language's text) and the
 *   audience (every subscribed resident, or one area); its button asks for a preview;
 * - *preview*: on top, exactly what residents will read, language by language — the same
 *   header the bot puts above an announcement, then the text as typed — and below, the same
 *   inputs, still editable; its button sends. The texts travel in the view's own inputs, so
 *   nothing is stored between the two steps (see features/command-announce.ts).
 */
import { BROADCAST_TEXT_MAX } from '../../../core/broadcasts/broadcast.ts';
import type { Campaign } from '../../../core/campaign/campaign.ts';
import { escapeSlack } from '../mrkdwn.ts';
import type { Block, RenderServices } from './command-common.ts';
import { areaName, configName, context, header, languageLabel, languageName, modalText, plainSection, section } from './command-common.ts';
import { LIMITS } from './limits.ts';

/** Callback, block and action ids of the announcement modal. */
export const ANNOUNCE_IDS = {
  view: 'pnyx.announce',
  /** `text_<locale>`: one input per language. */
  textPrefix: 'text_',
  audience: 'audience',
  input: 'value',
} as const;

/** Longest text the modal takes: Slack's input cap (3,000) or the engine's, whichever is lower. */
export const ANNOUNCE_INPUT_MAX = Math.min(3000, BROADCAST_TEXT_MAX);

/** Areas offered as audiences (a static select holds 100 options, one of them "everyone"). */
export const ANNOUNCE_AREAS_MAX = LIMITS.selectOptions - 1;

/** Who an announcement goes to, as the select names it: `all` or `area:<id>`. */
export type AudienceValue = 'all' | `area:${string}`;

/** What the modal shows. */
export interface AnnounceDraft {
  /** What was typed per language (empty when left empty). */
  readonly typed: Readonly<Record<string, string>>;
  readonly audience: AudienceValue;
}

function audienceOption(services: RenderServices, value: AudienceValue): Record<string, unknown> {
  const { t, campaign } = services;
  const label = value === 'all' ? t('command-announce-audience-all') : t('command-announce-audience-area', { area: areaName(campaign, value.slice('area:'.length)) });
  return { value, text: { type: 'plain_text', text: label.slice(0, LIMITS.optionText) } };
}

/** The audience's name for the preview (area names come escaped from `areaName`). */
function audienceText(services: RenderServices, value: AudienceValue): string {
  return (audienceOption(services, value)['text'] as { text: string }).text;
}

/**
 * Cuts an escaped text into pieces of at most `max` characters for consecutive sections,
 * preferring a line break, never splitting an escape (`&amp;`) nor a surrogate pair.
 */
export function splitForSections(text: string, max: number = LIMITS.sectionText): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let end = rest.lastIndexOf('\n', max);
    if (end < max / 2) {
      end = max;
      const amp = rest.lastIndexOf('&', end - 1);
      if (amp !== -1 && amp > end - 5 && !rest.slice(amp, end).includes(';')) end = amp;
      const code = rest.charCodeAt(end - 1);
      if (code >= 0xd800 && code <= 0xdbff) end--;
    }
    out.push(rest.slice(0, end));
    rest = rest.slice(end).replace(/^\n/u, '');
  }
  if (rest.length > 0) out.push(rest);
  return out;
}

/** The text each language's residents get: what was typed, else the default language's. */
export function effectiveTexts(campaign: Pick<Campaign, 'locales' | 'defaultLocale'>, typed: Readonly<Record<string, string>>): Record<string, string> {
  const fallback = (typed[campaign.defaultLocale] ?? '').trim();
  return Object.fromEntries(campaign.locales.map((l) => [l, (typed[l] ?? '').trim() || fallback]));
}

/** What residents of `locale` read: the bot's announcement header, then the text. */
function previewBlocks(services: RenderServices, locale: string, text: string, borrowed: boolean): Block[] {
  const { t, campaign } = services;
  const lang = languageName(campaign.defaultLocale, locale);
  const label = languageLabel(campaign.defaultLocale, locale);
  const name = configName(campaign, campaign.name, campaign.id, locale);
  const blocks: Block[] = [context(borrowed ? t('command-announce-preview-borrowed', { label, language: lang, fallback: languageName(campaign.defaultLocale, campaign.defaultLocale) }) : t('command-announce-preview-language', { label, language: lang }))];
  blocks.push(section(`📣 *${name}*`));
  // Plain text: the bot sends the text as typed, with no formatting, and so does the preview.
  for (const piece of splitForSections(escapeSlack(text))) blocks.push(plainSection(piece));
  blocks.push({ type: 'divider' });
  return blocks;
}

/** The modal; `preview` adds what residents will read and turns the button into *Send*. */
export function announceView(services: RenderServices, draft: AnnounceDraft, options: { readonly preview: boolean; readonly metadata: string; readonly notice?: string }): Record<string, unknown> {
  const { t, campaign } = services;
  const blocks: Block[] = [];
  if (options.notice !== undefined) blocks.push(section(`:warning: ${options.notice}`));
  if (options.preview) {
    blocks.push(header(t('command-announce-preview-title')));
    blocks.push(context(t('command-announce-preview-audience', { audience: audienceText(services, draft.audience) })));
    const texts = effectiveTexts(campaign, draft.typed);
    for (const locale of campaign.locales) blocks.push(...previewBlocks(services, locale, texts[locale] ?? '', (draft.typed[locale] ?? '').trim() === '' && locale !== campaign.defaultLocale));
    blocks.push(section(t('command-announce-preview-edit')));
  } else {
    blocks.push(section(t('command-announce-intro', { language: languageName(campaign.defaultLocale, campaign.defaultLocale) })));
  }
  for (const locale of campaign.locales) {
    const required = locale === campaign.defaultLocale;
    const typed = draft.typed[locale] ?? '';
    blocks.push({
      type: 'input',
      block_id: `${ANNOUNCE_IDS.textPrefix}${locale}`,
      optional: !required,
      label: { type: 'plain_text', text: t(required ? 'command-announce-text-required' : 'command-announce-text-optional', { language: languageName(campaign.defaultLocale, locale) }) },
      element: { type: 'plain_text_input', action_id: ANNOUNCE_IDS.input, multiline: true, max_length: ANNOUNCE_INPUT_MAX, ...(typed === '' ? {} : { initial_value: typed }) },
    });
  }
  const audiences: AudienceValue[] = ['all', ...campaign.areas.slice(0, ANNOUNCE_AREAS_MAX).map((a) => `area:${a.id}` as const)];
  blocks.push({
    type: 'input',
    block_id: ANNOUNCE_IDS.audience,
    label: { type: 'plain_text', text: t('command-announce-audience') },
    element: { type: 'static_select', action_id: ANNOUNCE_IDS.input, options: audiences.map((a) => audienceOption(services, a)), initial_option: audienceOption(services, draft.audience) },
  });
  return {
    type: 'modal',
    callback_id: ANNOUNCE_IDS.view,
    title: modalText(t(options.preview ? 'command-announce-title-preview' : 'command-announce-title')),
    submit: modalText(t(options.preview ? 'command-announce-send' : 'command-announce-preview')),
    close: modalText(t('command-cancel')),
    private_metadata: options.metadata,
    blocks,
  };
}
