/**
 * What every feature of the committee app is built from, and what the app's middleware adds
 * to Bolt's context for each request.
 */
import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import type { Campaign, StaffMember } from '../../core/campaign/campaign.ts';
import type { CampaignEngine } from '../../core/engine/campaign-engine.ts';
import type { Clock } from '../../core/ports/clock.ts';
import type { BroadcastStore } from '../../core/ports/broadcast-store.ts';
import type { MessageReferences } from '../../core/ports/message-references.ts';
import type { Outbox } from '../../core/ports/outbox.ts';
import type { ProcessedUpdates } from '../../core/ports/processed-updates.ts';
import type { SlackTranslate } from './i18n.ts';
import type { SlackFormat } from './format.ts';
import type { SlackListeners } from './listener-router.ts';

/** The stores the committee app reads beyond the engine (narrow, like the bot's). */
export interface CommitteeStores {
  /** Replayed requests are handled once. */
  readonly processed: ProcessedUpdates;
  /** Which Slack message shows what (cards, question threads, progress messages). */
  readonly messageRefs: MessageReferences;
  /** Broadcast records, for the progress message. */
  readonly broadcasts: BroadcastStore;
  /** Delivery counts, for failed-delivery alerts. */
  readonly outbox: Outbox;
}

/** One CSV file for the committee (an export, a batch of one-time codes). */
export interface CsvFile {
  readonly filename: string;
  readonly title: string;
  readonly content: string;
}

/**
 * The campaign's exports as CSV files (ideas, results, anonymised ballots, audit…), built by
 * the composition root from the same code as `pnyx export`, so Slack and the CLI agree.
 */
export type CampaignExporter = () => Promise<readonly CsvFile[]>;

/**
 * Bytes of a resident's photo by its Telegram file id, fetched by the composition root through
 * the Bot API (the file URL holds the bot token: it never reaches Slack nor a log). Null when
 * the photo cannot be had (expired, too large); the card then says so.
 */
export type PhotoSource = (telegramFileId: string) => Promise<{ readonly bytes: Buffer; readonly filename: string } | null>;

/** What the features are built from. */
export interface SlackServices {
  readonly engine: CampaignEngine;
  readonly campaign: Campaign;
  readonly stores: CommitteeStores;
  /** The committee's language (the campaign's default locale). */
  readonly t: SlackTranslate;
  /** Dates, money and ages in the campaign's time zone and currency, in the committee's language. */
  readonly format: SlackFormat;
  readonly clock: Clock;
  readonly logger: Logger;
  /** The Web API client of the app's bot token (Bolt's, with the bounded retries). */
  readonly client: WebClient;
  readonly exporter: CampaignExporter | null;
  readonly photos: PhotoSource | null;
}

/** Added to Bolt's `context` by the staff guard, for every request from a staff member. */
export interface StaffContext {
  /** The configured staff member behind the request's user; absent for anyone else. */
  staff?: StaffMember;
}

/** A feature: registers its listeners (with the `App`'s listener methods, see listener-router.ts). */
export type SlackFeature = (app: SlackListeners, services: SlackServices) => void;
