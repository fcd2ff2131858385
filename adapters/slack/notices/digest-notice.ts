/**
 * The mayor's weekly digest (SPEC §2.5) to a Slack user (`slackUser` recipient, template
 * `digest.weekly`): opens the DM (conversations.open), uploads the chart PNG there with
 * files.uploadV2, the full text alternative as its initial comment so a screen reader gets
 * every figure next to the image. The params are the flattened figures, nothing else is read.
 */
import { renderDigest } from '../../digest/render-digest.ts';
import type { NoticeHandler, NoticeHandlers } from './notice-handler.ts';
import { UndeliverableNotice } from './notice-handler.ts';

/** The Slack user of a `slackUser` recipient (C2), or null for any other kind. */
function slackUserOf(recipient: unknown): string | null {
  const r = recipient as { kind?: unknown; userId?: unknown } | null;
  return r?.kind === 'slackUser' && typeof r.userId === 'string' && r.userId !== '' ? r.userId : null;
}

const digestWeekly: NoticeHandler = async (services, message) => {
  const userId = slackUserOf(message.recipient);
  if (userId === null) throw new UndeliverableNotice('digest addressed to no Slack user');
  const locale = services.campaign.defaultLocale;
  const digest = await renderDigest({ figures: message.params, locale, campaign: services.campaign });
  const opened = await services.client.conversations.open({ users: userId });
  const channel = opened.channel?.id;
  if (channel === undefined) throw new Error('conversations.open answered without a channel');
  await services.client.filesUploadV2({
    channel_id: channel,
    file: digest.png,
    filename: 'digest.png',
    title: digest.text.split('\n')[0] ?? 'digest',
    initial_comment: digest.text,
  });
  return {};
};

export const DIGEST_NOTICES: NoticeHandlers = { 'digest.weekly': digestWeekly };
