/**
 * The residents' bot: a grammY `Bot` with its plugins in the order they must run, and the
 * features. Transport (long polling or webhook) is chosen by the caller (transport/): this
 * file builds the bot only, so tests and benchmarks drive the same bot either way.
 *
 * Order: per-chat sequencing (before sessions and conversations, as grammY's runner
 * requires), the resident behind the update, texts in their language, a per-resident rate
 * limit, the session, conversations, then the features; the last handler answers presses on
 * buttons nobody recognised ("expired"). `bot.catch` is the one error boundary.
 */
import { randomBytes } from 'node:crypto';
import { Bot, session } from 'grammy';
import type { ApiClientOptions, Middleware, StorageAdapter } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import { conversations } from '@grammyjs/conversations';
import type { ConversationData, VersionedState } from '@grammyjs/conversations';
import { autoRetry } from '@grammyjs/auto-retry';
import { limit } from '@grammyjs/ratelimiter';
import { sequentialize } from '@grammyjs/runner';
import type { Logger } from 'pino';
import type { CampaignEngine } from '../../core/engine/campaign-engine.ts';
import type { ChatStateStore } from '../../core/ports/chat-state-store.ts';
import type { MessageReferences } from '../../core/ports/message-references.ts';
import type { StoredResults } from '../../core/ballots/results.ts';
import type { Clock } from '../../core/ports/clock.ts';
import { pickLocale } from '../../core/residents/registration.ts';
import { telegramResidentId } from '../../core/engine/resident-usecases.ts';
import { chatStateStorage } from './chat-state-storage.ts';
import type { BotServices, PnyxContext } from './context.ts';
import { createI18n, translatorOf } from './i18n.ts';
import { parseSession } from './session.ts';
import type { BotSession } from './session.ts';
import { registrationFeature } from './features/registration.ts';
import { mainMenuFeature, showMenu } from './features/main-menu.ts';
import type { MainMenuOptions, MenuAction } from './features/main-menu.ts';
import { ideaCardFeature, openIdeaCard } from './features/idea-card.ts';
import { browseFeature } from './features/browse.ts';
import { articlesFeature } from './features/articles.ts';
import { questionsFeature } from './features/questions.ts';
import { ideaWizardFeature } from './features/idea-wizard.ts';
import { myIdeasFeature } from './features/my-ideas.ts';
import { voteFeature } from './features/vote.ts';
import { resultsFeature } from './features/results.ts';
import { settingsFeature } from './features/settings.ts';
import { myDataFeature } from './features/my-data.ts';
import { fallbackFeature } from './features/fallback.ts';
import { ambassadorFeature } from './features/ambassador.ts';

/** How long an untouched session or unfinished wizard is kept (ms): 30 days. */
export const CHAT_STATE_TTL_MS = 30 * 24 * 3600_000;

/**
 * Version of the conversations' code (the idea wizard, the question step). Bump it when a
 * conversation's steps change: wizards in progress at the deploy are then dropped (their
 * buttons answer "expired") instead of being replayed against different code.
 */
export const CONVERSATIONS_VERSION = 1;

/** Options of {@link createResidentBot}. */
export interface ResidentBotOptions {
  readonly token: string;
  /** Bot API base URL (TELEGRAM_API_ROOT); default Telegram's. */
  readonly apiRoot?: string | undefined;
  /**
   * The HTTP client's `fetch` (default grammY's, node-fetch). The conversations plugin builds
   * each conversation's Api from these client options, so a wrapper given here sees every Bot
   * API call, including those made inside the idea wizard (the benchmark times them).
   */
  readonly fetch?: ApiClientOptions['fetch'];
  readonly engine: CampaignEngine;
  /** Sessions and conversations are kept here. */
  readonly chatState: ChatStateStore;
  /** Ballot-builder messages are recorded here (`builder:<residentId>:<slot>`). */
  readonly messageRefs: MessageReferences;
  /** The results the count stored (`CampaignStore.loadResults`). */
  readonly loadResults: () => Promise<StoredResults | null>;
  readonly clock: Clock;
  readonly logger: Logger;
  /** The bot's own user, when known (skips `getMe` at start: tests, benchmarks). */
  readonly botInfo?: UserFromGetMe;
  /**
   * Updates per resident per `rateWindowMs` before the polite refusal (default 12 per 3 s:
   * above what a person pressing buttons does, below what a script sends).
   */
  readonly rateLimit?: number;
  readonly rateWindowMs?: number;
  /** Bounded retries of a refused Bot API call (429 with retry_after, 5xx): default 3 and 10 s. */
  readonly maxRetryAttempts?: number;
  readonly maxRetryDelaySeconds?: number;
}

/** The bot and what the transports and senders need from it. */
export interface ResidentBot {
  readonly bot: Bot<PnyxContext>;
  readonly services: BotServices;
}

/** The resident id a chat's state belongs to: private chats only, where chat id = user id. */
export function ownerOfChatKey(key: string): string {
  return `tg:${key}`;
}

/** Builds the residents' bot (not started). */
export function createResidentBot(options: ResidentBotOptions): ResidentBot {
  const { engine, logger } = options;
  const campaign = engine.campaign;
  const log = logger.child({ module: 'telegram' });
  const bot = new Bot<PnyxContext>(options.token, {
    ...(options.botInfo === undefined ? {} : { botInfo: options.botInfo }),
    client: { ...(options.apiRoot === undefined ? {} : { apiRoot: options.apiRoot }), ...(options.fetch === undefined ? {} : { fetch: options.fetch }) },
  });
  const retry = autoRetry({ maxRetryAttempts: options.maxRetryAttempts ?? 3, maxDelaySeconds: options.maxRetryDelaySeconds ?? 10 });
  bot.api.config.use(retry);

  const i18n = createI18n<PnyxContext>({
    defaultLocale: campaign.defaultLocale,
    localeNegotiator: (ctx) => ctx.resident?.locale ?? pickLocale(campaign, ctx.from?.language_code),
  });
  const services: BotServices = { engine, campaign, translate: translatorOf(i18n), logger: log };

  // Updates of one chat one after the other (the runner handles many chats at once).
  bot.use(sequentialize((ctx) => ctx.chat?.id.toString() ?? ctx.from?.id.toString()));
  bot.use(residentLoader(engine));
  bot.use(i18n);
  const toldTooFast = new OncePerWindow(options.rateWindowMs ?? 3000);
  bot.use(
    limit<PnyxContext, never>({
      timeFrame: options.rateWindowMs ?? 3000,
      limit: options.rateLimit ?? 12,
      keyGenerator: (ctx) => ctx.from?.id.toString(),
      onLimitExceeded: async (ctx) => {
        // A press must always be answered (the client spins otherwise); a message gets the
        // polite refusal once per window, not once per message of the burst.
        if (ctx.callbackQuery !== undefined) await ctx.answerCallbackQuery({ text: ctx.t('common-too-fast') });
        else if (ctx.chat?.type === 'private' && ctx.from !== undefined && toldTooFast.first(ctx.from.id, Date.now())) await ctx.reply(ctx.t('common-too-fast'));
      },
    }),
  );
  const storageOf = <T>(namespace: string) => chatStateStorage<T>({ store: options.chatState, namespace, ownerOf: ownerOfChatKey, ttlMs: CHAT_STATE_TTL_MS, clock: options.clock });
  const sessionStorage = storageOf<BotSession>('session');
  bot.use(
    session<BotSession, PnyxContext>({
      initial: () => ({}),
      getSessionKey: (ctx) => (ctx.chat?.type === 'private' ? ctx.chat.id.toString() : undefined),
      storage: sessionWrites(sessionStorage),
    }),
  );
  bot.use(
    conversations<PnyxContext, PnyxContext>({
      // Versioned: a state written by other conversation code is dropped, not replayed wrongly.
      storage: { type: 'key', version: CONVERSATIONS_VERSION, adapter: storageOf<VersionedState<ConversationData>>('conv') },
      // Conversations build their own Api: give it the same bounded retries.
      plugins: [
        async (ctx, next) => {
          ctx.api.config.use(retry);
          await next();
        },
      ],
    }) as unknown as Middleware<PnyxContext>,
  );

  // The menu offers an action only once its feature is installed below.
  const installed = new Set<MenuAction>();
  const menu: MainMenuOptions = { installed };
  bot.use(registrationFeature(services, { openIdea: (ctx, n) => openIdeaCard(ctx, services, n), showMenu: (ctx) => showMenu(ctx, services, menu) }));
  bot.use(mainMenuFeature(services, menu));
  // First after the menu: an open ask step (a conversation) sees other commands and buttons
  // before their features, and steps aside; the idea wizard does the same.
  bot.use(questionsFeature(services));
  // The wizard before "my ideas", which enters it to resubmit.
  bot.use(ideaWizardFeature(services));
  // After the wizard, which it enters for an assisted idea.
  bot.use(ambassadorFeature(services, { messageRefs: options.messageRefs }));
  installed.add('ambassador');
  bot.use(myIdeasFeature(services));
  bot.use(ideaCardFeature(services));
  bot.use(browseFeature(services));
  bot.use(articlesFeature(services));
  bot.use(voteFeature(services, { messageRefs: options.messageRefs }));
  bot.use(resultsFeature(services, { loadResults: options.loadResults }));
  for (const action of ['submit', 'mine', 'browse', 'articles', 'ask', 'vote', 'results'] as const) installed.add(action);
  bot.use(settingsFeature(services));
  installed.add('settings');
  bot.use(myDataFeature(services));
  // Last of the features: whatever none of them took.
  bot.use(fallbackFeature(services, { showMenu: (ctx) => showMenu(ctx, services, menu) }));

  // A press nobody recognised: a button of an older message or a forged one.
  bot.on('callback_query', async (ctx) => {
    await ctx.answerCallbackQuery({ text: ctx.t('common-expired-button'), show_alert: false });
  });

  bot.catch(async (err) => {
    const ref = randomBytes(4).toString('hex');
    const e = err.error as { name?: string; message?: string; code?: string };
    // The update's content is never logged: only its id and the error's kind.
    log.error({ ref, updateId: err.ctx.update.update_id, err: { name: e?.name, code: e?.code, message: typeof e?.message === 'string' ? e.message.slice(0, 300) : undefined } }, 'update failed');
    try {
      if (err.ctx.callbackQuery !== undefined) await err.ctx.answerCallbackQuery({ text: err.ctx.t('common-error', { ref }) });
      else if (err.ctx.chat?.type === 'private') await err.ctx.reply(err.ctx.t('common-error', { ref }));
    } catch {
      // The apology could not be sent either (blocked bot, API down): the log line is enough.
    }
  });
  return { bot, services };
}

/**
 * Loads the resident behind an update in a private chat. Only a message creates one (first
 * contact): a button press, an edit or a block/unblock from someone unknown — e.g. right after
 * "forget me" — finds no resident and must not bring their record back.
 */
function residentLoader(engine: CampaignEngine): Middleware<PnyxContext> {
  return async (ctx, next) => {
    ctx.resident = null;
    const from = ctx.from;
    if (from !== undefined && !from.is_bot && (ctx.chat === undefined || ctx.chat.type === 'private')) {
      if (ctx.update.message !== undefined) {
        const name = [from.first_name, from.last_name].filter((s) => s !== undefined && s !== '').join(' ');
        ctx.resident = await engine.openResident(from.id, name === '' ? null : name, from.language_code ?? null);
      } else {
        const found = await engine.getResident(telegramResidentId(from.id));
        ctx.resident = found.ok ? found.value : null;
      }
    }
    await next();
  };
}

/** Remembers, per key, that something was done in the last `windowMs` (bounded: old keys are dropped). */
class OncePerWindow {
  readonly #until = new Map<number, number>();
  constructor(readonly windowMs: number) {}

  /** True the first time for `key` in a window. */
  first(key: number, now: number): boolean {
    const until = this.#until.get(key);
    if (until !== undefined && until > now) return false;
    if (this.#until.size > 10_000) for (const [k, u] of this.#until) if (u <= now) this.#until.delete(k);
    this.#until.set(key, now + this.windowMs);
    return true;
  }
}

/**
 * The session storage as grammY sees it: values read back through zod, and writes skipped
 * when nothing changed (grammY writes the session back after every update it read it in),
 * an empty session deleted rather than stored. So most updates cost one read and no write,
 * and a chat that never needed a session (or whose resident was erased) keeps none. The TTL
 * therefore runs from the last change, not the last update.
 */
function sessionWrites(storage: StorageAdapter<BotSession>): StorageAdapter<BotSession> {
  // What each key held when this update read it (JSON), until the update writes it back.
  const readAs = new Map<string, string>();
  const isEmpty = (v: BotSession): boolean => Object.values(v).every((x) => x === undefined || x === null);
  return {
    read: async (key) => {
      const v = await storage.read(key);
      const session = v === undefined ? undefined : parseSession(v);
      if (readAs.size > 10_000) readAs.clear(); // updates that failed before writing back
      readAs.set(key, session === undefined ? '' : JSON.stringify(session));
      return session;
    },
    write: async (key, value) => {
      const before = readAs.get(key);
      readAs.delete(key);
      if (isEmpty(value)) {
        if (before !== '') await storage.delete(key);
        return;
      }
      if (before !== JSON.stringify(value)) await storage.write(key, value);
    },
    delete: async (key) => {
      readAs.delete(key);
      await storage.delete(key);
    },
  };
}
