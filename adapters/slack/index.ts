/**
 * The Slack adapter (@slack/bolt): the steering committee's app — moderation cards, App
 * Home, `/pnyx`, question threads — and the sender of the committee's outbox messages.
 */
export { SLACK_EVENTS_PATH, SLACK_MAX_BODY_BYTES, boltLogger, createCommitteeApp, requestKey, requestUser } from './committee-app.ts';
export type { CommitteeApp, CommitteeAppOptions } from './committee-app.ts';
export { createSocketModeReceiver, type SocketModeReceiver, type SocketModeReceiverOptions } from './socket-mode.ts';
export type { CampaignExporter, CommitteeStores, CsvFile, PhotoSource, SlackFeature, SlackServices, StaffContext } from './context.ts';
export { SLACK_LOCALES, slackTranslator } from './i18n.ts';
export { clip, escapeSlack, residentText } from './mrkdwn.ts';
export { slackFormat, slackRefusal, slackRefusalKey } from './format.ts';
export type { SlackFormat } from './format.ts';
export { CommitteeDispatcher, classifySlackFailure, type CommitteeDispatcherOptions, type SlackFailure } from './committee-dispatcher.ts';
export { BroadcastProgressReporter } from './broadcast-progress.ts';
