/**
 * Texts of the idea wizard (HTML): the summary of a draft before it is sent, and the
 * committee's rewrite proposal next to the idea's current text. Every resident or staff text
 * is escaped; the parts are bounded (title 80, description 1,000, comment cut to
 * `COMMENT_SHOWN`), so each text fits one message.
 */
import type { Idea } from '../../../core/ideas/idea.ts';
import type { BotServices } from '../context.ts';
import { escapeHtml } from './html.ts';
import { localized } from './localized.ts';
import { formatFor } from './text-format.ts';

/** The fields of an idea the wizard asks for, in the order it asks. */
export const DRAFT_FIELDS = ['title', 'description', 'category', 'area', 'cost', 'photo', 'location'] as const;
export type DraftField = (typeof DRAFT_FIELDS)[number];

/**
 * An idea being written. A field is answered once its key is present: `area: null` is "the
 * whole town", `cost: null` "don't know", `photo`/`location: null` "skipped".
 */
export interface IdeaDraft {
  title?: string;
  description?: string;
  category?: string;
  area?: string | null;
  cost?: number | null;
  /** Telegram file_id of the photo. */
  photo?: string | null;
  location?: { readonly lat: number; readonly lon: number } | null;
}

/** Characters of a committee comment shown in the bot (the engine keeps up to 3,000). */
export const COMMENT_SHOWN = 1000;

type TextServices = Pick<BotServices, 'campaign' | 'translate'>;

/** The value of one field as the summary shows it (HTML, escaped). */
export function draftFieldText(services: TextServices, locale: string, draft: IdeaDraft, field: DraftField): string {
  const { campaign, translate: t } = services;
  switch (field) {
    case 'title':
      return draft.title === undefined ? '—' : `<b>${escapeHtml(draft.title)}</b>`;
    case 'description':
      return draft.description === undefined ? '—' : escapeHtml(draft.description);
    case 'category': {
      const c = campaign.categories.find((x) => x.id === draft.category);
      return c === undefined ? '—' : escapeHtml(localized(campaign, c.name, locale));
    }
    case 'area': {
      if (draft.area === undefined) return '—';
      const a = draft.area === null ? undefined : campaign.areas.find((x) => x.id === draft.area);
      return a === undefined ? t(locale, 'common-town-wide') : escapeHtml(localized(campaign, a.name, locale));
    }
    case 'cost':
      return draft.cost === undefined ? '—' : draft.cost === null ? t(locale, 'common-dont-know') : formatFor(locale, campaign).money(draft.cost);
    case 'photo':
      return draft.photo == null ? t(locale, 'idea-summary-none') : t(locale, 'idea-summary-photo-yes');
    case 'location':
      return draft.location == null ? t(locale, 'idea-summary-none') : `${draft.location.lat.toFixed(5)}, ${draft.location.lon.toFixed(5)}`;
  }
}

/** The summary of a draft, with an optional heading (e.g. the committee's comment when resubmitting). */
export function draftSummaryText(services: TextServices, locale: string, draft: IdeaDraft, heading?: string): string {
  const t = services.translate;
  const lines = DRAFT_FIELDS.map((f) => t(locale, f === 'description' ? 'idea-summary-block' : 'idea-summary-line', { field: t(locale, `idea-field-${f}`), value: draftFieldText(services, locale, draft, f) }));
  return [...(heading === undefined ? [] : [heading, '']), t(locale, 'idea-summary-title'), '', ...lines, '', t(locale, 'idea-summary-check')].join('\n');
}

/** A committee comment, escaped and cut to `COMMENT_SHOWN` characters. */
export function commentText(comment: string): string {
  const chars = [...comment];
  return escapeHtml(chars.length > COMMENT_SHOWN ? `${chars.slice(0, COMMENT_SHOWN).join('')}…` : comment);
}

/** The rewrite the committee proposes, next to the idea's current title and description; '' when there is none. */
export function rewriteComparisonText(services: TextServices, locale: string, idea: Idea): string {
  const t = services.translate;
  const r = idea.rewrite;
  if (r === null) return '';
  return [
    t(locale, 'mine-rewrite-heading'),
    '',
    `<b>${t(locale, 'mine-rewrite-current')}</b>`,
    `<b>${escapeHtml(idea.title)}</b>`,
    escapeHtml(idea.description),
    '',
    `<b>${t(locale, 'mine-rewrite-proposed')}</b>`,
    `<b>${escapeHtml(r.title)}</b>`,
    escapeHtml(r.description),
    ...(r.comment === null || r.comment.trim() === '' ? [] : ['', `${t(locale, 'mine-rewrite-comment')} ${commentText(r.comment)}`]),
  ].join('\n');
}
