/**
 * The residents' bot end to end for tests: a strict Bot API stand-in on 127.0.0.1, the engine
 * on the given stores with a fixed clock, and the bot polling the stand-in through grammY's
 * runner (sequential per chat, as in production). `stop()` stops the runner, then checks no
 * Bot API call was one Telegram would refuse.
 */
import { pino } from 'pino';
import { run } from '@grammyjs/runner';
import type { RunnerHandle } from '@grammyjs/runner';
import type { Campaign } from '../../../core/campaign/campaign.ts';
import type { Stores } from '../../../core/ports/stores.ts';
import { createResidentBot } from '../../../adapters/telegram/resident-bot.ts';
import type { ResidentBot } from '../../../adapters/telegram/resident-bot.ts';
import { harness } from '../engine-harness.ts';
import type { Harness } from '../engine-harness.ts';
import { createMemoryStores } from '../memory/memory-stores.ts';
import { testCampaign } from '../test-campaign.ts';
import { TelegramStandIn } from './bot-api-stand-in.ts';

export const BOT_TOKEN = '7000000001:AAtest-token-for-the-stand-in';

/** A running bot with its stand-in and engine. */
export interface BotHarness {
  readonly api: TelegramStandIn;
  readonly h: Harness;
  readonly bot: ResidentBot;
  /** Stops the bot (not the stand-in): a restart is `restart()`. */
  stopBot(): Promise<void>;
  /** A new bot process on the same stores and stand-in (the old one stopped first). */
  restart(): Promise<void>;
  /** Stops everything and fails on any Bot API violation. */
  stop(): Promise<void>;
}

/** Options of {@link startBot}. */
export interface BotHarnessOptions {
  readonly campaign?: Campaign;
  readonly stores?: Stores;
  /** Engine clock start (epoch ms); default one second into submission. */
  readonly start?: number;
  /** Updates per resident per 3 s before the polite refusal; default high (tests type fast). */
  readonly rateLimit?: number;
  /** Reuse a running stand-in (two instances on one API). */
  readonly api?: TelegramStandIn;
}

/** Starts a stand-in (unless given) and the bot polling it. */
export async function startBot(options: BotHarnessOptions = {}): Promise<BotHarness> {
  const campaign = options.campaign ?? testCampaign();
  const stores = options.stores ?? createMemoryStores();
  const h = harness(campaign, stores, options.start ?? campaign.phases.submission.start + 1000);
  const api = options.api ?? (await TelegramStandIn.start({ token: BOT_TOKEN }));
  const logger = pino({ level: process.env['TEST_LOG_LEVEL'] ?? 'silent' });
  const make = (): ResidentBot => createResidentBot({ token: BOT_TOKEN, apiRoot: api.apiRoot, engine: h.engine, chatState: stores.chat, messageRefs: stores.messageRefs, loadResults: () => stores.campaign.loadResults(), clock: h.clock, logger, rateLimit: options.rateLimit ?? 1000 });
  let bot = make();
  let runner: RunnerHandle | null = null;
  const launch = async (): Promise<void> => {
    await bot.bot.init();
    runner = run(bot.bot, { runner: { fetch: { timeout: 1 } } });
  };
  const stopBot = async (): Promise<void> => {
    if (runner?.isRunning() === true) await runner.stop();
    runner = null;
  };
  await launch();
  return {
    api,
    h,
    get bot() {
      return bot;
    },
    stopBot,
    async restart() {
      await stopBot();
      bot = make();
      await launch();
    },
    async stop() {
      await stopBot();
      if (options.api === undefined) await api.stop();
      api.expectNoViolations();
    },
  };
}
