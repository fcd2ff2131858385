/**
 * `/pnyx announce`: an admin composes an announcement per language of the campaign, sees
 * exactly what residents will read, then sends it (`engine.announce`); the broadcast's
 * progress then shows in the announcements channel (notices/broadcast-notices.ts).
 *
 * Compose → preview → send happen in one modal updated in place (`response_action:
 * 'update'`), not in a pushed preview: the texts (up to 3,000 characters per language) must
 * reach the *Send* step, and a view's `private_metadata` holds 3,000 characters in all, while
 * a view's own inputs carry any length. So the preview keeps the inputs below what residents
 * will read, and its metadata holds a digest of the texts and audience it showed: *Send*
 * sends only when the submitted texts are the previewed ones — anything edited meanwhile is
 * previewed again first. Nothing is stored between the steps, so any instance can take any
 * step.
 *
 * The default language's text is required; a language left empty gets it (the engine wants a
 * text per language, and a resident is better served in the default language than not at all).
 */
import { createHash } from 'node:crypto';
import type { SlackListeners } from '../listener-router.ts';
import { z } from 'zod';
import type { StaffMember } from '../../../core/campaign/campaign.ts';
import type { BroadcastAudience } from '../../../core/broadcasts/broadcast.ts';
import { BROADCAST_TEXT_MAX } from '../../../core/broadcasts/broadcast.ts';
import type { SlackServices } from '../context.ts';
import type { AnnounceDraft, AudienceValue } from '../blocks/command-announce.ts';
import { ANNOUNCE_AREAS_MAX, ANNOUNCE_IDS, announceView, effectiveTexts } from '../blocks/command-announce.ts';
import { languageName } from '../blocks/command-common.ts';
import { adminOnly, commandRefusal, tellPrivately } from './command-support.ts';

const metaSchema = z.object({
  c: z.string().regex(/^[A-Z0-9-]{1,40}$/u).nullable(),
  /** Digest of the texts and audience last previewed; null before the first preview. */
  d: z.string().max(40).nullable(),
});

const textState = z.object({ [ANNOUNCE_IDS.input]: z.object({ value: z.string().max(BROADCAST_TEXT_MAX * 2).nullish() }) });
const audienceState = z.object({ [ANNOUNCE_IDS.input]: z.object({ selected_option: z.object({ value: z.string().max(200) }).nullish() }) });

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** Digest of what would be sent: the text each language gets, and the audience. */
export function announceDigest(texts: Readonly<Record<string, string>>, audience: AudienceValue): string {
  const ordered = Object.keys(texts)
    .sort()
    .map((l) => [l, texts[l]]);
  return createHash('sha256').update(JSON.stringify({ texts: ordered, audience })).digest('base64url').slice(0, 22);
}

/** The audiences the modal offers. */
function audiences(services: Pick<SlackServices, 'campaign'>): AudienceValue[] {
  return ['all', ...services.campaign.areas.slice(0, ANNOUNCE_AREAS_MAX).map((a) => `area:${a.id}` as const)];
}

function toAudience(value: AudienceValue): BroadcastAudience {
  return value === 'all' ? { kind: 'all' } : { kind: 'area', area: value.slice('area:'.length) };
}

/** Opens the compose view with the command's trigger; returns a text to say privately instead when refused. */
export async function openAnnounceForm(services: SlackServices, staff: StaffMember | undefined, trigger: string, channel: string | null): Promise<string | null> {
  const refused = adminOnly(services, staff);
  if (refused !== null) return refused;
  const draft: AnnounceDraft = { typed: {}, audience: 'all' };
  await services.client.views.open({ trigger_id: trigger, view: announceView(services, draft, { preview: false, metadata: JSON.stringify({ c: channel, d: null }) }) as never });
  return null;
}

/** Registers the submission of the announcement modal (both faces). */
export function registerAnnounceViews(app: SlackListeners, services: SlackServices): void {
  const { engine, t, campaign } = services;

  app.view(ANNOUNCE_IDS.view, async ({ ack, view, body, context }) => {
    const blockOf = (locale: string) => `${ANNOUNCE_IDS.textPrefix}${locale}`;
    const errors = (block: string, text: string) => ack({ response_action: 'errors', errors: { [block]: text } });
    const defaultBlock = blockOf(campaign.defaultLocale);
    const meta = metaSchema.safeParse(parseJson(view.private_metadata));
    if (!meta.success) return errors(defaultBlock, t('command-form-unreadable'));
    const refused = adminOnly(services, context['staff'] as StaffMember | undefined);
    if (refused !== null) return errors(defaultBlock, refused);
    const values = view.state.values as Record<string, unknown>;
    const typed: Record<string, string> = {};
    for (const locale of campaign.locales) {
      const state = textState.safeParse(values[blockOf(locale)] ?? { [ANNOUNCE_IDS.input]: {} });
      if (!state.success) return errors(blockOf(locale), t('command-form-unreadable'));
      typed[locale] = state.data[ANNOUNCE_IDS.input].value ?? '';
    }
    const chosen = audienceState.safeParse(values[ANNOUNCE_IDS.audience]);
    const audience = chosen.success ? chosen.data[ANNOUNCE_IDS.input].selected_option?.value : undefined;
    if (audience === undefined || !(audiences(services) as string[]).includes(audience)) return errors(ANNOUNCE_IDS.audience, t('command-announce-audience-required'));
    if (typed[campaign.defaultLocale]!.trim() === '') return errors(defaultBlock, t('command-announce-text-missing', { language: languageName(campaign.defaultLocale, campaign.defaultLocale) }));
    for (const locale of campaign.locales) {
      const length = typed[locale]!.trim().length;
      if (length > BROADCAST_TEXT_MAX) return errors(blockOf(locale), t('command-announce-text-too-long', { length, max: BROADCAST_TEXT_MAX }));
    }
    const draft: AnnounceDraft = { typed, audience: audience as AudienceValue };
    const texts = effectiveTexts(campaign, typed);
    const digest = announceDigest(texts, draft.audience);
    const c = meta.data.c;
    if (meta.data.d !== digest) {
      // First preview, or the texts changed since the one shown: show what would go out now.
      const notice = meta.data.d === null ? undefined : t('command-announce-changed');
      return ack({ response_action: 'update', view: announceView(services, draft, { preview: true, metadata: JSON.stringify({ c, d: digest }), ...(notice === undefined ? {} : { notice }) }) as never });
    }
    const outcome = await engine.announce(body.user.id, texts, toAudience(draft.audience));
    if (!outcome.ok) {
      const locale = outcome.params['locale'];
      if (typeof locale === 'string' && campaign.locales.includes(locale)) return errors(blockOf(locale), commandRefusal(services, outcome));
      return ack({ response_action: 'update', view: announceView(services, draft, { preview: true, metadata: JSON.stringify({ c, d: null }), notice: commandRefusal(services, outcome) }) as never });
    }
    await ack({ response_action: 'clear' });
    await tellPrivately(services, c, body.user.id, t('command-announce-started', { channel: `<#${campaign.slack.announcements}>` }));
  });
}
