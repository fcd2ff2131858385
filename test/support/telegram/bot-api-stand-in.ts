/**
 * A local stand-in of the Telegram Bot API on 127.0.0.1, strict: every call is checked against
 * `../shared/data/telegram/api.json` (method, parameter names and types, documented limits,
 * Telegram's HTML) and against the state a real server keeps (known chats, editable messages,
 * callback queries answered once, files by id, webhook vs. polling, send limits). A call
 * Telegram would refuse is answered as Telegram answers it *and* recorded as a violation, so
 * `expectNoViolations()` fails the test. Tests feed updates (`TelegramUser` helpers), read what
 * the bot sent (`messages`), and wait for it (`waitFor`). Benchmarks use it too.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { BotApiSchema, isUpload } from './api-schema.ts';
import type { UploadedFile } from './api-schema.ts';
import { SendLimits } from './send-limits.ts';
import type { SendLimitOptions } from './send-limits.ts';
import { parseTelegramHtml } from './telegram-html.ts';
import { TelegramUser } from './telegram-user.ts';
import type { UserInit } from './telegram-user.ts';
import { sharedData } from '../shared-data.ts';

type Json = Record<string, unknown>;

/** One call the bot made, as received, with the stand-in's answer. */
export interface RecordedCall {
  readonly method: string;
  readonly params: Readonly<Json>;
  readonly at: number;
  readonly status: number;
  readonly response: unknown;
}

/** A message in a chat, as the stand-in keeps it (the bot's and the users'). */
export interface ChatMessage {
  readonly message_id: number;
  readonly chatId: number;
  readonly fromBot: boolean;
  text?: string;
  caption?: string;
  /** The text after HTML parsing (what the person reads). */
  plain?: string;
  parse_mode?: string;
  reply_markup?: Json;
  photo?: string;
  document?: { readonly file_id: string; readonly file_name: string; readonly bytes: Buffer };
  location?: { readonly latitude: number; readonly longitude: number };
  edits: number;
  deleted: boolean;
  readonly date: number;
}

export interface StandInOptions {
  /** The one token accepted (others get 401). */
  readonly token: string;
  readonly botId?: number;
  readonly botUsername?: string;
  /** Send limits enforced over sliding windows (none by default). */
  readonly limits?: SendLimitOptions;
  /** Chats (user ids) that blocked the bot: every call into them gets 403, as after `block`. */
  readonly blockedChats?: Iterable<number>;
  /**
   * Time each call (except `getUpdates`) takes before it is answered, in ms — Telegram's round
   * trip, so a sender's pacing is measured against a realistic latency. A number, or a range
   * drawn uniformly per call. Limits are judged on arrival, as Telegram does. Default 0.
   */
  readonly responseDelayMs?: number | { readonly min: number; readonly max: number };
  /** Path of api.json; default ../shared/data/telegram/api.json. */
  readonly schemaFile?: string;
}

class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly description: string,
    readonly parameters?: Json,
  ) {
    super(description);
  }
}

/** The stand-in server. */
export class TelegramStandIn {
  readonly schema: BotApiSchema;
  readonly calls: RecordedCall[] = [];
  readonly violations: string[] = [];
  readonly limits: SendLimits;
  readonly bot: { readonly id: number; readonly is_bot: true; readonly first_name: string; readonly username: string };
  readonly #token: string;
  readonly #server: http.Server;
  readonly #users = new Map<number, TelegramUser>();
  readonly #blocked = new Set<number>();
  readonly #messages = new Map<number, ChatMessage[]>();
  readonly #files = new Map<string, { readonly unique: string; readonly bytes: Buffer; readonly path: string }>();
  readonly #callbacks = new Map<string, { answered: boolean }>();
  readonly #updates: Json[] = [];
  #nextUpdateId = 100_000;
  #nextMessageId = 1;
  #confirmed = 0;
  #poller: { cancel: (error: ApiError) => void } | null = null;
  #webhook: { url: string; secret: string | null } | null = null;
  #commands = new Map<string, unknown>();
  #port = 0;
  #stopping = false;
  /** Arrival instant of the call whose handler runs now (set just before it is called). */
  #arrivedAt = 0;
  readonly #delay: { readonly min: number; readonly max: number };

  private constructor(options: StandInOptions) {
    this.#token = options.token;
    this.schema = BotApiSchema.load(options.schemaFile ?? sharedData('telegram', 'api.json'));
    this.limits = new SendLimits(options.limits ?? {});
    for (const id of options.blockedChats ?? []) this.#blocked.add(id);
    const d = options.responseDelayMs ?? 0;
    this.#delay = typeof d === 'number' ? { min: d, max: d } : d;
    if (!(this.#delay.min >= 0 && this.#delay.max >= this.#delay.min)) throw new Error('stand-in: responseDelayMs must be ≥ 0 (min ≤ max)');
    this.bot = { id: options.botId ?? 7_000_000_001, is_bot: true, first_name: 'Pnyx', username: options.botUsername ?? 'pnyx_test_bot' };
    this.#server = http.createServer((req, res) => void this.#serve(req, res));
    this.#server.keepAliveTimeout = 60_000;
  }

  /** Starts a stand-in on a free 127.0.0.1 port. */
  static async start(options: StandInOptions): Promise<TelegramStandIn> {
    const s = new TelegramStandIn(options);
    await new Promise<void>((resolve) => s.#server.listen(0, '127.0.0.1', resolve));
    s.#port = (s.#server.address() as AddressInfo).port;
    return s;
  }

  /** Base URL for the bot (`TELEGRAM_API_ROOT`, grammY's `client.apiRoot`). */
  get apiRoot(): string {
    return `http://127.0.0.1:${this.#port}`;
  }

  async stop(): Promise<void> {
    // A long poll still open is ended by the shutdown itself: not the bot's mistake.
    this.#stopping = true;
    this.#poller?.cancel(new ApiError(502, 'Bad Gateway'));
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  // ---- people and updates -------------------------------------------------------------

  /** A Telegram user who can talk to the bot (a private chat with the same id). */
  user(init: UserInit): TelegramUser {
    const u = new TelegramUser(this, init);
    this.#users.set(u.id, u);
    return u;
  }

  /** The user blocked the bot: sends to them get 403. */
  block(userId: number): void {
    this.#blocked.add(userId);
  }

  /** True when `userId` blocked the bot. */
  isBlocked(userId: number): boolean {
    return this.#blocked.has(userId);
  }

  /** Registers many users at once (private chats `id`, first name `R<id>`, language `languageCode`). */
  users(ids: Iterable<number>, languageCode = 'fr'): void {
    for (const id of ids) this.user({ id, firstName: `R${id}`, languageCode });
  }

  /** Queues an update (assigning `update_id`); returns its id. */
  pushUpdate(update: Json): number {
    const update_id = this.#nextUpdateId++;
    this.#updates.push({ update_id, ...update });
    this.#wakePoller();
    return update_id;
  }

  /** Records a message a user sent (so the bot can later reply to or see it). */
  recordUserMessage(chatId: number, fields: Partial<ChatMessage>): ChatMessage {
    const m: ChatMessage = { message_id: this.#nextMessageId++, chatId, fromBot: false, edits: 0, deleted: false, date: Math.floor(Date.now() / 1000), ...fields };
    this.#chat(chatId).push(m);
    return m;
  }

  /** A file the user uploaded (a photo they sent); returns its file id. */
  addFile(bytes: Buffer, ext: string): { file_id: string; file_unique_id: string } {
    const file_unique_id = randomBytes(8).toString('base64url');
    const file_id = `AgAC${randomBytes(24).toString('base64url')}`;
    this.#files.set(file_id, { unique: file_unique_id, bytes, path: `files/${file_unique_id}.${ext}` });
    return { file_id, file_unique_id };
  }

  /** A callback query id the bot must answer once. */
  newCallbackQuery(): string {
    const id = randomBytes(8).toString('hex');
    this.#callbacks.set(id, { answered: false });
    return id;
  }

  /** Every message of a chat, oldest first (deleted ones included, flagged). */
  messages(chatId: number): readonly ChatMessage[] {
    return this.#chat(chatId);
  }

  /** The bot's messages in a chat that are still there. */
  botMessages(chatId: number): readonly ChatMessage[] {
    return this.#chat(chatId).filter((m) => m.fromBot && !m.deleted);
  }

  message(chatId: number, messageId: number): ChatMessage | undefined {
    return this.#chat(chatId).find((m) => m.message_id === messageId);
  }

  /** The commands set per scope+language (`setMyCommands`). */
  commands(languageCode = ''): unknown {
    return this.#commands.get(languageCode);
  }

  get webhook(): { url: string; secret: string | null } | null {
    return this.#webhook;
  }

  /** Updates queued and not yet confirmed by a `getUpdates` offset. */
  get pendingUpdates(): number {
    return this.#updates.filter((u) => (u.update_id as number) >= this.#confirmed).length;
  }

  /** Polls `probe` until it returns something truthy; fails after `timeoutMs`. */
  async waitFor<T>(probe: () => T | undefined | null | false, what: string, timeoutMs = 10_000): Promise<T> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const v = probe();
      if (v !== undefined && v !== null && v !== false) return v;
      if (Date.now() > until) throw new Error(`Telegram stand-in: timed out waiting for ${what}; last calls: ${this.calls.slice(-5).map((c) => `${c.method}→${c.status}`).join(', ')}; violations: ${this.violations.join(' | ') || 'none'}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** Fails (throws) when any call broke the API's rules. */
  expectNoViolations(): void {
    if (this.violations.length > 0) throw new Error(`Telegram stand-in: ${this.violations.length} call(s) Telegram would refuse:\n- ${this.violations.join('\n- ')}`);
  }

  // ---- HTTP ---------------------------------------------------------------------------

  async #serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    // Limits are judged at the request's arrival, as Telegram counts them: the time this
    // stand-in then spends reading and checking the call must not move a send into the next
    // window (or out of it).
    const arrivedAt = Date.now();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const file = /^\/file\/bot([^/]+)\/(.+)$/u.exec(url.pathname);
    if (file !== null) return this.#serveFile(file[1]!, file[2]!, res);
    const m = /^\/bot([^/]+)\/([A-Za-z]+)$/u.exec(url.pathname);
    if (m === null) return this.#answer(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    const [, token, rawMethod] = m as unknown as [string, string, string];
    if (token !== this.#token) return this.#answer(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
    const method = Object.keys(this.#methods).find((k) => k.toLowerCase() === rawMethod.toLowerCase()) ?? rawMethod;
    let params: Json;
    try {
      params = await this.#readParams(req, url, method);
    } catch (e) {
      this.violations.push(`${method}: unreadable request body (${(e as Error).message})`);
      return this.#answer(res, 400, { ok: false, error_code: 400, description: 'Bad Request: invalid request body' });
    }
    const at = Date.now();
    let status = 200;
    let body: unknown;
    try {
      const problems = this.schema.checkCall(method, params);
      if (problems.length > 0) throw new ApiError(400, `Bad Request: ${problems.join('; ')}`);
      const handler = this.#methods[method];
      if (handler === undefined) {
        this.violations.push(`${method}: valid per api.json but not implemented by the stand-in (add it before relying on it)`);
        throw new ApiError(501, `Not Implemented: ${method}`);
      }
      this.#arrivedAt = arrivedAt;
      body = { ok: true, result: await handler(params) };
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      status = e.status;
      body = { ok: false, error_code: e.status, description: e.description, ...(e.parameters === undefined ? {} : { parameters: e.parameters }) };
      // 403 (blocked) and 429 (limits) are the platform's answers, not the bot's mistakes;
      // everything else is a call Telegram would refuse.
      if (!this.#stopping && status !== 403 && status !== 429 && status !== 501 && !(status === 409 && method === 'getUpdates')) this.violations.push(`${method}: ${e.description}`);
    }
    this.calls.push({ method, params, at, status, response: body });
    const { min, max } = this.#delay;
    if (max > 0 && method !== 'getUpdates') await new Promise((r) => setTimeout(r, min + Math.random() * (max - min)));
    this.#answer(res, status, body);
  }

  #answer(res: http.ServerResponse, status: number, body: unknown): void {
    if (res.destroyed) return;
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  }

  #serveFile(token: string, path: string, res: http.ServerResponse): void {
    const f = [...this.#files.values()].find((x) => x.path === path);
    if (token !== this.#token || f === undefined) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(f.bytes);
  }

  async #readParams(req: http.IncomingMessage, url: URL, method: string): Promise<Json> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const type = req.headers['content-type'] ?? '';
    const params: Json = {};
    for (const [k, v] of url.searchParams) params[k] = this.schema.decodeFormValue(method, k, v);
    if (body.length === 0) return params;
    if (type.startsWith('application/json')) return { ...params, ...(JSON.parse(body.toString('utf8')) as Json) };
    if (type.startsWith('application/x-www-form-urlencoded')) {
      for (const [k, v] of new URLSearchParams(body.toString('utf8'))) params[k] = this.schema.decodeFormValue(method, k, v);
      return params;
    }
    if (type.startsWith('multipart/form-data')) {
      const uploads = new Map<string, UploadedFile>();
      for (const part of parseMultipart(body, type)) {
        if (part.filename === null) params[part.name] = this.schema.decodeFormValue(method, part.name, part.bytes.toString('utf8'));
        else uploads.set(part.name, { kind: 'upload', name: part.filename, size: part.bytes.length, bytes: part.bytes });
      }
      // grammY names a file part and refers to it as `attach://<part>`.
      for (const [k, v] of Object.entries(params)) {
        if (typeof v === 'string' && v.startsWith('attach://')) {
          const up = uploads.get(v.slice('attach://'.length));
          if (up !== undefined) {
            params[k] = up;
            uploads.delete(v.slice('attach://'.length));
          }
        }
      }
      for (const [k, up] of uploads) if (!(k in params)) params[k] = up;
      return params;
    }
    throw new Error(`unsupported content type ${type}`);
  }

  // ---- state helpers ------------------------------------------------------------------

  #chat(chatId: number): ChatMessage[] {
    let list = this.#messages.get(chatId);
    if (list === undefined) {
      list = [];
      this.#messages.set(chatId, list);
    }
    return list;
  }

  #knownChat(raw: unknown): number {
    const id = typeof raw === 'string' && /^-?\d+$/u.test(raw) ? Number(raw) : raw;
    if (typeof id !== 'number' || !this.#users.has(id)) throw new ApiError(400, 'Bad Request: chat not found');
    if (this.#blocked.has(id)) throw new ApiError(403, 'Forbidden: bot was blocked by the user');
    return id;
  }

  #limit(chatId: number): void {
    // Send handlers are synchronous, so this is the arrival of the call being handled.
    const v = this.limits.judge(chatId, this.#arrivedAt);
    if (v.ok) return;
    if (v.ignoredRetryAfter) this.violations.push(`send to ${chatId} inside a retry_after it was given`);
    throw new ApiError(429, `Too Many Requests: retry after ${v.retryAfter}`, { retry_after: v.retryAfter });
  }

  #wakePoller(): void {
    const p = this.#poller as unknown as { wake?: () => void } | null;
    p?.wake?.();
  }

  #render(m: ChatMessage): Json {
    const chat = { id: m.chatId, type: m.chatId < 0 ? 'group' : 'private', first_name: this.#users.get(m.chatId)?.firstName ?? 'Group' };
    const out: Json = { message_id: m.message_id, date: m.date, chat, from: m.fromBot ? this.bot : this.#users.get(m.chatId)?.asUser() };
    if (m.text !== undefined) out.text = m.plain ?? m.text;
    if (m.caption !== undefined) out.caption = m.plain ?? m.caption;
    if (m.reply_markup !== undefined) out.reply_markup = m.reply_markup;
    if (m.photo !== undefined) out.photo = [{ file_id: m.photo, file_unique_id: this.#files.get(m.photo)?.unique ?? 'u', width: 800, height: 600 }];
    if (m.document !== undefined) out.document = { file_id: m.document.file_id, file_unique_id: 'd', file_name: m.document.file_name, file_size: m.document.bytes.length };
    if (m.location !== undefined) out.location = m.location;
    return out;
  }

  #text(v: unknown, mode: unknown, empty: 'refuse' | 'allow'): { raw: string; plain: string } {
    const raw = typeof v === 'string' ? v : '';
    let plain = raw;
    if (mode === 'HTML') {
      const p = parseTelegramHtml(raw);
      if (!p.ok) throw new ApiError(400, `Bad Request: can't parse entities: ${p.error}`);
      plain = p.text;
    }
    if (empty === 'refuse' && plain.trim().length === 0) throw new ApiError(400, 'Bad Request: message text is empty');
    return { raw, plain };
  }

  #fileRef(v: unknown): string {
    if (isUpload(v)) {
      if (v.size === 0) throw new ApiError(400, 'Bad Request: file must be non-empty');
      return this.addFile(v.bytes, 'bin').file_id;
    }
    if (typeof v === 'string') {
      if (/\/file\/bot/u.test(v)) this.violations.push('a Telegram file URL (it contains the bot token) was sent as a file reference');
      if (this.#files.has(v)) return v;
      throw new ApiError(400, 'Bad Request: wrong file identifier/HTTP URL specified');
    }
    throw new ApiError(400, 'Bad Request: no file');
  }

  #editable(params: Json): ChatMessage {
    if (params.inline_message_id !== undefined) throw new ApiError(400, 'Bad Request: the stand-in has no inline messages');
    const chatId = this.#knownChat(params.chat_id);
    const m = this.message(chatId, Number(params.message_id));
    if (m === undefined || m.deleted) throw new ApiError(400, 'Bad Request: message to edit not found');
    if (!m.fromBot) throw new ApiError(400, "Bad Request: message can't be edited");
    return m;
  }

  readonly #methods: Record<string, (p: Json) => unknown> = {
    getMe: () => ({ ...this.bot, can_join_groups: false, can_read_all_group_messages: false, supports_inline_queries: false }),
    logOut: () => true,
    close: () => true,
    getUpdates: (p) => this.#getUpdates(p),
    setWebhook: (p) => {
      const url = String(p.url);
      if (url !== '' && !url.startsWith('https://')) throw new ApiError(400, 'Bad Request: bad webhook: An HTTPS URL must be provided for webhook');
      if (p.secret_token !== undefined && !/^[A-Za-z0-9_-]{1,256}$/u.test(String(p.secret_token))) throw new ApiError(400, 'Bad Request: secret token contains unallowed characters');
      this.#webhook = url === '' ? null : { url, secret: p.secret_token === undefined ? null : String(p.secret_token) };
      if (p.drop_pending_updates === true) this.#confirmed = this.#nextUpdateId;
      this.#poller?.cancel(new ApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first"));
      return true;
    },
    deleteWebhook: (p) => {
      this.#webhook = null;
      if (p.drop_pending_updates === true) this.#confirmed = this.#nextUpdateId;
      return true;
    },
    getWebhookInfo: () => ({ url: this.#webhook?.url ?? '', has_custom_certificate: false, pending_update_count: this.pendingUpdates }),
    setMyCommands: (p) => {
      this.#commands.set(String(p.language_code ?? ''), p.commands);
      return true;
    },
    getMyCommands: (p) => this.#commands.get(String(p.language_code ?? '')) ?? [],
    deleteMyCommands: (p) => {
      this.#commands.delete(String(p.language_code ?? ''));
      return true;
    },
    setMyDescription: () => true,
    setMyShortDescription: () => true,
    setChatMenuButton: () => true,
    sendChatAction: (p) => {
      this.#knownChat(p.chat_id);
      return true;
    },
    sendMessage: (p) => {
      const chatId = this.#knownChat(p.chat_id);
      const t = this.#text(p.text, p.parse_mode, 'refuse');
      this.#limit(chatId);
      return this.#render(this.#push(chatId, { text: t.raw, plain: t.plain, parse_mode: p.parse_mode as string, reply_markup: p.reply_markup as Json }));
    },
    sendPhoto: (p) => {
      const chatId = this.#knownChat(p.chat_id);
      const t = this.#text(p.caption, p.parse_mode, 'allow');
      const photo = this.#fileRef(p.photo);
      this.#limit(chatId);
      return this.#render(this.#push(chatId, { photo, ...(p.caption === undefined ? {} : { caption: t.raw, plain: t.plain }), reply_markup: p.reply_markup as Json }));
    },
    sendDocument: (p) => {
      const chatId = this.#knownChat(p.chat_id);
      const t = this.#text(p.caption, p.parse_mode, 'allow');
      const doc = p.document;
      if (!isUpload(doc)) throw new ApiError(400, 'Bad Request: the stand-in takes uploaded documents only');
      const file_id = this.#fileRef(doc);
      this.#limit(chatId);
      return this.#render(this.#push(chatId, { document: { file_id, file_name: doc.name, bytes: doc.bytes }, ...(p.caption === undefined ? {} : { caption: t.raw, plain: t.plain }) }));
    },
    sendLocation: (p) => {
      const chatId = this.#knownChat(p.chat_id);
      this.#limit(chatId);
      return this.#render(this.#push(chatId, { location: { latitude: Number(p.latitude), longitude: Number(p.longitude) }, reply_markup: p.reply_markup as Json }));
    },
    editMessageText: (p) => {
      const m = this.#editable(p);
      const t = this.#text(p.text, p.parse_mode, 'refuse');
      if (m.text === undefined) throw new ApiError(400, 'Bad Request: there is no text in the message to edit');
      const markup = p.reply_markup as Json | undefined;
      if (m.plain === t.plain && JSON.stringify(m.reply_markup) === JSON.stringify(markup)) throw new ApiError(400, 'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message');
      Object.assign(m, { text: t.raw, plain: t.plain, parse_mode: p.parse_mode, reply_markup: markup, edits: m.edits + 1 });
      return this.#render(m);
    },
    editMessageCaption: (p) => {
      const m = this.#editable(p);
      const t = this.#text(p.caption, p.parse_mode, 'allow');
      if (m.photo === undefined && m.document === undefined) throw new ApiError(400, 'Bad Request: there is no caption in the message to edit');
      Object.assign(m, { caption: t.raw, plain: t.plain, reply_markup: p.reply_markup, edits: m.edits + 1 });
      return this.#render(m);
    },
    editMessageReplyMarkup: (p) => {
      const m = this.#editable(p);
      if (JSON.stringify(m.reply_markup) === JSON.stringify(p.reply_markup)) throw new ApiError(400, 'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message');
      Object.assign(m, { reply_markup: p.reply_markup, edits: m.edits + 1 });
      return this.#render(m);
    },
    deleteMessage: (p) => {
      const chatId = this.#knownChat(p.chat_id);
      const m = this.message(chatId, Number(p.message_id));
      if (m === undefined || m.deleted) throw new ApiError(400, 'Bad Request: message to delete not found');
      m.deleted = true;
      return true;
    },
    answerCallbackQuery: (p) => {
      const q = this.#callbacks.get(String(p.callback_query_id));
      if (q === undefined || q.answered) throw new ApiError(400, 'Bad Request: query is too old and response timeout expired or query ID is invalid');
      if (p.text !== undefined && String(p.text).length > 200) throw new ApiError(400, 'Bad Request: callback query answer text is too long (0-200 characters)');
      q.answered = true;
      return true;
    },
    getFile: (p) => {
      const f = this.#files.get(String(p.file_id));
      if (f === undefined) throw new ApiError(400, 'Bad Request: invalid file_id');
      return { file_id: p.file_id, file_unique_id: f.unique, file_size: f.bytes.length, file_path: f.path };
    },
  };

  #push(chatId: number, fields: Partial<ChatMessage>): ChatMessage {
    const clean = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<ChatMessage>;
    const m: ChatMessage = { message_id: this.#nextMessageId++, chatId, fromBot: true, edits: 0, deleted: false, date: Math.floor(Date.now() / 1000), ...clean };
    this.#chat(chatId).push(m);
    return m;
  }

  #getUpdates(p: Json): Promise<Json[]> | Json[] {
    if (this.#webhook !== null) throw new ApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
    const offset = typeof p.offset === 'number' ? p.offset : null;
    if (offset !== null && offset > this.#confirmed) this.#confirmed = offset;
    const limit = typeof p.limit === 'number' ? Math.min(Math.max(p.limit, 1), 100) : 100;
    const timeout = typeof p.timeout === 'number' ? p.timeout : 0;
    const take = (): Json[] => this.#updates.filter((u) => (u.update_id as number) >= this.#confirmed).slice(0, limit);
    // A second getUpdates ends the first with 409, as Telegram does.
    this.#poller?.cancel(new ApiError(409, 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running'));
    this.#poller = null;
    const now = take();
    if (now.length > 0 || timeout === 0) return now;
    return new Promise<Json[]>((resolve, reject) => {
      const poller = {
        cancel: (error: ApiError) => {
          clearTimeout(timer);
          if (this.#poller === poller) this.#poller = null;
          reject(error);
        },
        wake: () => {
          clearTimeout(timer);
          if (this.#poller === poller) this.#poller = null;
          resolve(take());
        },
      };
      const timer = setTimeout(() => poller.wake(), timeout * 1000);
      this.#poller = poller;
    });
  }
}

/**
 * A multipart/form-data body's parts. Hand-written because grammY writes part headers the way
 * Telegram accepts them (`content-disposition:form-data;name="x";filename=a.json`: no spaces,
 * filename unquoted) and undici's `Request.formData()` refuses exactly that.
 */
function parseMultipart(body: Buffer, contentType: string): { name: string; filename: string | null; bytes: Buffer }[] {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/iu.exec(contentType);
  if (boundary === null) throw new Error('multipart body without a boundary');
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const parts: { name: string; filename: string | null; bytes: Buffer }[] = [];
  let at = body.indexOf(delimiter);
  if (at === -1) throw new Error('multipart body without its boundary');
  for (;;) {
    const start = at + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') return parts;
    const next = body.indexOf(delimiter, start);
    if (next === -1) throw new Error('multipart body not closed');
    // Each part: CRLF, headers, CRLF CRLF, content, CRLF before the next delimiter.
    const raw = body.subarray(start + 2, next - 2);
    const split = raw.indexOf('\r\n\r\n');
    if (split === -1) throw new Error('multipart part without headers');
    const headers = raw.subarray(0, split).toString('utf8');
    const disposition = /^content-disposition:\s*form-data\s*;(.*)$/imu.exec(headers)?.[1];
    if (disposition === undefined) throw new Error('multipart part without content-disposition');
    const field = (key: string): string | null => {
      const m = new RegExp(`(?:^|;)\\s*${key}=(?:"([^"]*)"|([^;]*))`, 'iu').exec(disposition);
      return m === null ? null : (m[1] ?? m[2] ?? '').trim();
    };
    const name = field('name');
    if (name === null) throw new Error('multipart part without a name');
    parts.push({ name, filename: field('filename'), bytes: Buffer.from(raw.subarray(split + 4)) });
    at = next;
  }
}
