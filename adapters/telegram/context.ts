/**
 * The context every handler of the residents' bot sees: grammY's, with the i18n plugin, the
 * session, the conversations plugin, and the resident behind the update (loaded once per
 * update by `residentLoader`), plus the services the features are built from.
 */
import type { Context, SessionFlavor } from 'grammy';
import type { ConversationFlavor } from '@grammyjs/conversations';
import type { I18nFlavor } from '@grammyjs/i18n';
import type { Logger } from 'pino';
import type { Campaign } from '../../core/campaign/campaign.ts';
import type { CampaignEngine } from '../../core/engine/campaign-engine.ts';
import type { Resident } from '../../core/residents/resident.ts';
import type { Translator } from './i18n.ts';
import type { BotSession } from './session.ts';

/** What the bot adds to grammY's context. */
export interface PnyxFlavor {
  /**
   * The resident who sent the update, created on first contact (null for updates without a
   * sender in a private chat: channel posts, group chats, which the bot does not serve).
   */
  resident: Resident | null;
}

/** The context outside conversations. */
export type BaseContext = Context & I18nFlavor & SessionFlavor<BotSession> & PnyxFlavor;
/** The context of the bot's middleware. */
export type PnyxContext = ConversationFlavor<BaseContext>;
/** The context inside a conversation (a plain grammY context: texts come from `Translator`). */
export type WizardContext = Context;

/** What the features are built from (narrow: no store, no configuration file). */
export interface BotServices {
  readonly engine: CampaignEngine;
  readonly campaign: Campaign;
  readonly translate: Translator;
  readonly logger: Logger;
}
