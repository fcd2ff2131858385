/**
 * A local stand-in of the Slack Web API on 127.0.0.1 (`SLACK_API_URL=<apiUrl>`), strict:
 * every call is checked against `../shared/data/slack/methods/<method>.json` (the method
 * exists, its required arguments are there, no argument it does not know), every `blocks`
 * payload and view against the Block Kit schema and limits, and against the state Slack keeps
 * (the bot token, known channels and users, messages by ts, trigger ids valid once and for 3
 * seconds, a modal stack of at most 3 views per user, uploaded files). A call Slack would
 * refuse is answered as Slack does *and* recorded as a violation, so `expectNoViolations()`
 * fails the test.
 *
 * Posting limit (Slack: "no more than one message per second per channel", whatever posts it —
 * `chat.postMessage`, or a file shared into the channel by `files.completeUploadExternal`):
 * with `postPerChannelPerSecond` set, each channel (a DM too) takes that many posts in any
 * sliding window of one stand-in second; one more is answered HTTP 429 `ratelimited` with a
 * `Retry-After` header (whole seconds, as Slack sends it), and a post to that channel before
 * the Retry-After has passed is a violation. `secondMs` scales the stand-in's second (window
 * and Retry-After) so tests can run the limits at ten times Slack's pace.
 *
 * Modals belong to the user whose gesture gave the trigger (`newTrigger(user)`): `views.open`
 * and `views.push` file the view under that user, so two staff members' modals stay apart.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { BlockKitValidator } from './block-kit-validator.ts';
import { sharedData } from '../shared-data.ts';

type Json = Record<string, unknown>;

interface MethodSpec {
  readonly args: { readonly required?: readonly string[]; readonly properties?: Readonly<Record<string, { type?: string }>> };
}

/** One call the app made. */
export interface SlackCall {
  readonly method: string;
  readonly args: Readonly<Json>;
  readonly at: number;
  readonly response: Json;
}

/** A message in a channel. */
export interface SlackMessage {
  readonly channel: string;
  readonly ts: string;
  readonly threadTs: string | null;
  text: string;
  blocks: unknown[] | null;
  edits: number;
  deleted: boolean;
  /** Ephemeral messages are seen by one user only. */
  readonly ephemeralTo: string | null;
}

export interface SlackStandInOptions {
  readonly botToken: string;
  /** Channel ids the bot is a member of. */
  readonly channels: readonly string[];
  /** User ids of the workspace. */
  readonly users: readonly string[];
  /** chat.postMessage per channel per second (Slack: about 1, short bursts allowed). Unset: none. */
  readonly postPerChannelPerSecond?: number;
  /** Retry-After given with a 429, seconds. Default 1. */
  readonly retryAfterSeconds?: number;
  /**
   * Real milliseconds of one stand-in second: the posting window and Retry-After (default
   * 1,000; a test may run the limits scaled, e.g. 100 for ten times Slack's pace).
   */
  readonly secondMs?: number;
  /**
   * Socket Mode: the app-level token (`xapp-…`) that `apps.connections.open` takes — and only
   * that method — and the WebSocket URL it answers. Unset: the method is refused as not set up.
   */
  readonly socketMode?: { readonly appToken: string; readonly url: string };
}

class SlackError extends Error {
  constructor(
    readonly error: string,
    readonly detail = '',
    readonly violation = true,
  ) {
    super(error);
  }
}

const JSON_ARGS = new Set(['blocks', 'view', 'files', 'attachments', 'metadata', 'channels']);
/** Modal stack depth Slack allows. */
export const MODAL_STACK_MAX = 3;
const TRIGGER_TTL_MS = 3000;

/** The stand-in server. */
export class SlackStandIn {
  readonly calls: SlackCall[] = [];
  readonly violations: string[] = [];
  readonly rateLimited: Array<{ method: string; channel: string; at: number }> = [];
  /** Posts to interactions' `response_url`s, in order. */
  readonly responses: Array<{ hook: string; ephemeral: boolean; replaceOriginal: boolean; deleteOriginal: boolean; text: string; blocks: unknown[] | null }> = [];
  readonly #options: SlackStandInOptions;
  readonly #server: http.Server;
  readonly #blockKit = BlockKitValidator.shared();
  readonly #specs = new Map<string, MethodSpec | null>();
  readonly #messages = new Map<string, SlackMessage[]>();
  readonly #triggers = new Map<string, { readonly until: number; readonly user: string; used: boolean }>();
  readonly #views = new Map<string, { view: Json; readonly user: string; readonly root: string }>();
  readonly #stacks = new Map<string, string[]>();
  readonly #home = new Map<string, Json>();
  readonly #uploads = new Map<string, { readonly filename: string; readonly length: number; bytes: Buffer | null; completed: boolean; title: string }>();
  readonly #posts = new Map<string, number[]>();
  readonly #postLog = new Map<string, number[]>();
  readonly #blockedUntil = new Map<string, number>();
  #clock = 1_700_000_000;
  #port = 0;

  private constructor(options: SlackStandInOptions) {
    this.#options = options;
    this.#server = http.createServer((req, res) => void this.#serve(req, res));
  }

  static async start(options: SlackStandInOptions): Promise<SlackStandIn> {
    const s = new SlackStandIn(options);
    await new Promise<void>((resolve) => s.#server.listen(0, '127.0.0.1', resolve));
    s.#port = (s.#server.address() as AddressInfo).port;
    return s;
  }

  /** `SLACK_API_URL` (ends with `/`). */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.#port}/api/`;
  }

  async stop(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  /**
   * A trigger id, as Slack puts in the payload of `user`'s gesture (a command, a click, a
   * submission): valid once, for 3 seconds; the modal it opens is `user`'s. Default user: the
   * workspace's first (for tests that call the Web API directly).
   */
  newTrigger(user: string = this.#options.users[0] ?? 'U0NOBODY'): string {
    const id = `${Date.now()}.${randomBytes(6).toString('hex')}`;
    this.#triggers.set(id, { until: Date.now() + TRIGGER_TTL_MS, user, used: false });
    return id;
  }

  /** How many calls were answered 429 `ratelimited`. */
  get rateLimitedCount(): number {
    return this.rateLimited.length;
  }

  /** Messages of a channel (a thread's replies included), oldest first. */
  messages(channel: string): readonly SlackMessage[] {
    return this.#messages.get(channel) ?? [];
  }

  message(channel: string, ts: string): SlackMessage | undefined {
    return this.messages(channel).find((m) => m.ts === ts);
  }

  /** Replies in a thread. */
  thread(channel: string, ts: string): readonly SlackMessage[] {
    return this.messages(channel).filter((m) => m.threadTs === ts);
  }

  /** The views open for a user, root first. */
  openViews(user: string): readonly Json[] {
    return (this.#stacks.get(user) ?? []).map((id) => this.#views.get(id)!.view);
  }

  /** The Home tab published for a user. */
  home(user: string): Json | undefined {
    return this.#home.get(user);
  }

  /** Bytes and title of an uploaded file. */
  file(id: string): { filename: string; title: string; bytes: Buffer | null; completed: boolean } | undefined {
    return this.#uploads.get(id);
  }

  /** Simulates the user closing the modal stack. */
  closeViews(user: string): void {
    this.#stacks.delete(user);
  }

  async waitFor<T>(probe: () => T | undefined | null | false, what: string, timeoutMs = 10_000): Promise<T> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const v = probe();
      if (v !== undefined && v !== null && v !== false) return v;
      if (Date.now() > until) throw new Error(`Slack stand-in: timed out waiting for ${what}; last calls: ${this.calls.slice(-5).map((c) => `${c.method}→${String(c.response.ok)}`).join(', ')}; violations: ${this.violations.join(' | ') || 'none'}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  expectNoViolations(): void {
    if (this.violations.length > 0) throw new Error(`Slack stand-in: ${this.violations.length} call(s) Slack would refuse:\n- ${this.violations.join('\n- ')}`);
  }

  // ---- HTTP ---------------------------------------------------------------------------

  #spec(method: string): MethodSpec | null {
    if (!this.#specs.has(method)) {
      const file = sharedData('slack', 'methods', `${method}.json`);
      this.#specs.set(method, /^[A-Za-z.]+$/u.test(method) && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as MethodSpec) : null);
    }
    return this.#specs.get(method)!;
  }

  async #serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const upload = /^\/upload\/([A-Za-z0-9]+)$/u.exec(url.pathname);
    if (upload !== null) return this.#receiveUpload(upload[1]!, req.headers['content-type'] ?? '', body, res);
    const hook = /^\/hooks\/([A-Za-z0-9]+)$/u.exec(url.pathname);
    if (hook !== null) return this.#receiveResponse(hook[1]!, req.headers['content-type'] ?? '', body, res);
    const m = /^\/api\/([A-Za-z.]+)$/u.exec(url.pathname);
    if (m === null) {
      res.writeHead(404).end();
      return;
    }
    const method = m[1]!;
    let response: Json;
    let status = 200;
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
    let args: Json = {};
    try {
      args = this.#parse(req.headers['content-type'] ?? '', body, url);
      const auth = /^Bearer (.+)$/u.exec(req.headers.authorization ?? '')?.[1] ?? (typeof args.token === 'string' ? args.token : undefined);
      const spec = this.#spec(method);
      if (spec === null) throw new SlackError('unknown_method', method);
      if (auth === undefined) throw new SlackError('not_authed');
      if (auth !== (method === 'apps.connections.open' ? this.#options.socketMode?.appToken : this.#options.botToken)) throw new SlackError('invalid_auth');
      const known = new Set(Object.keys(spec.args.properties ?? {}));
      const unknown = Object.keys(args).filter((k) => !known.has(k));
      if (unknown.length > 0) throw new SlackError('invalid_arguments', `unknown argument(s) ${unknown.join(', ')}`);
      const missing = (spec.args.required ?? []).filter((k) => k !== 'token' && (args[k] === undefined || args[k] === ''));
      if (missing.length > 0) throw new SlackError('invalid_arguments', `missing required argument(s) ${missing.join(', ')}`);
      response = { ok: true, ...(await this.#handle(method, args)) };
    } catch (e) {
      if (e instanceof RateLimited) {
        status = 429;
        headers['retry-after'] = String(e.retryAfter);
        response = { ok: false, error: 'ratelimited' };
      } else if (e instanceof SlackError) {
        response = { ok: false, error: e.error, ...(e.detail === '' ? {} : { detail: e.detail }) };
        if (e.violation) this.violations.push(`${method}: ${e.error}${e.detail === '' ? '' : ` — ${e.detail}`}`);
      } else {
        this.violations.push(`${method}: unreadable request (${(e as Error).message})`);
        response = { ok: false, error: 'invalid_form_data' };
      }
    }
    this.calls.push({ method, args, at: Date.now(), response });
    res.writeHead(status, headers).end(JSON.stringify(response));
  }

  #parse(type: string, body: Buffer, url: URL): Json {
    const args: Json = Object.fromEntries(url.searchParams);
    if (body.length > 0) {
      if (type.startsWith('application/json')) Object.assign(args, JSON.parse(body.toString('utf8')) as Json);
      else if (type.startsWith('application/x-www-form-urlencoded')) Object.assign(args, Object.fromEntries(new URLSearchParams(body.toString('utf8'))));
      else throw new Error(`unsupported content type ${type}`);
    }
    for (const k of Object.keys(args)) {
      if (JSON_ARGS.has(k) && typeof args[k] === 'string' && /^[[{]/u.test(args[k] as string)) args[k] = JSON.parse(args[k] as string) as unknown;
    }
    return args;
  }

  /**
   * A post to an interaction's `response_url` (the harness points them here as
   * `/hooks/<id>`): JSON with `text` and/or `blocks`, checked like a message.
   */
  #receiveResponse(hook: string, type: string, body: Buffer, res: http.ServerResponse): void {
    try {
      if (!type.startsWith('application/json')) throw new SlackError('invalid_content_type', type);
      const args = JSON.parse(body.toString('utf8')) as Json;
      const content = this.#content(args);
      this.responses.push({ hook, ephemeral: args.response_type !== 'in_channel', replaceOriginal: args.replace_original === true, deleteOriginal: args.delete_original === true, ...content });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    } catch (e) {
      const error = e instanceof SlackError ? e : new SlackError('invalid_payload', (e as Error).message);
      this.violations.push(`response_url: ${error.error}${error.detail === '' ? '' : ` — ${error.detail}`}`);
      res.writeHead(400, { 'content-type': 'text/plain' }).end(error.error);
    }
  }

  #receiveUpload(id: string, type: string, raw: Buffer, res: http.ServerResponse): void {
    const u = this.#uploads.get(id);
    if (u === undefined || u.bytes !== null) {
      this.violations.push(`upload to an unknown or used upload URL ${id}`);
      res.writeHead(404).end();
      return;
    }
    // @slack/web-api posts the file as multipart/form-data (one part) or as the raw body.
    const body = type.startsWith('multipart/form-data') ? filePart(type, raw) : raw;
    if (body === null) {
      this.violations.push(`upload to ${id}: a multipart body without a file part`);
      res.writeHead(400, { 'content-type': 'text/plain' }).end('no file');
      return;
    }
    // Exactly the length announced to files.getUploadURLExternal.
    if (body.length !== u.length) {
      this.violations.push(`upload to ${id}: ${body.length} bytes, files.getUploadURLExternal announced ${u.length}`);
      res.writeHead(400, { 'content-type': 'text/plain' }).end('length mismatch');
      return;
    }
    u.bytes = body;
    res.writeHead(200, { 'content-type': 'text/plain' }).end(`OK - ${body.length}`);
  }

  #ts(): string {
    this.#clock += 1;
    return `${this.#clock}.${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
  }

  #channel(id: unknown): string {
    const c = String(id);
    if (this.#options.users.includes(c)) return c; // a DM by user id
    if (!this.#options.channels.includes(c)) throw new SlackError('channel_not_found', c);
    return c;
  }

  #user(id: unknown): string {
    const u = String(id);
    if (!this.#options.users.includes(u)) throw new SlackError('user_not_found', u);
    return u;
  }

  #content(args: Json): { text: string; blocks: unknown[] | null } {
    const text = typeof args.text === 'string' ? args.text : '';
    const blocks = args.blocks === undefined ? null : (args.blocks as unknown[]);
    if (blocks === null && text === '') throw new SlackError('no_text');
    if (blocks !== null) {
      const problems = this.#blockKit.checkMessageBlocks(blocks);
      if (problems.length > 0) throw new SlackError('invalid_blocks', problems.join('; '));
      this.#checkFiles(blocks);
      // Slack accepts blocks without `text`, but then notifications and screen readers get nothing.
      if (text === '') throw new SlackError('missing_text_fallback', 'blocks sent without a text fallback');
    }
    if (text.length > 40_000) throw new SlackError('msg_too_long');
    return { text, blocks };
  }

  #checkFiles(blocks: unknown): void {
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (typeof v === 'object' && v !== null) {
        const o = v as Json;
        if (o.slack_file !== undefined) {
          const f = o.slack_file as { id?: string; url?: string };
          if (f.id === undefined || this.#uploads.get(f.id)?.completed !== true) throw new SlackError('invalid_blocks', `slack_file ${JSON.stringify(f)} is not a completed upload`);
        }
        Object.values(o).forEach(walk);
      }
    };
    walk(blocks);
  }

  #rateLimit(method: string, channel: string): void {
    const limit = this.#options.postPerChannelPerSecond;
    if (limit === undefined) return;
    const second = this.#options.secondMs ?? 1000;
    const now = Date.now();
    const blocked = this.#blockedUntil.get(channel) ?? 0;
    if (blocked > now) this.violations.push(`${method} to ${channel} inside a Retry-After it was given`);
    const stamps = (this.#posts.get(channel) ?? []).filter((t) => t > now - second);
    if (stamps.length >= limit || blocked > now) {
      const retryAfter = this.#options.retryAfterSeconds ?? 1;
      this.#blockedUntil.set(channel, now + retryAfter * second);
      this.rateLimited.push({ method, channel, at: now });
      throw new RateLimited(retryAfter);
    }
    stamps.push(now);
    this.#posts.set(channel, stamps);
    this.#postLog.set(channel, [...(this.#postLog.get(channel) ?? []), now]);
  }

  /** Posts to `channel` accepted in the last stand-in second (what the limit counts). */
  postsInWindow(channel: string): number {
    const second = this.#options.secondMs ?? 1000;
    return (this.#posts.get(channel) ?? []).filter((t) => t > Date.now() - second).length;
  }

  /** Every accepted post's instant (real ms) by channel, oldest first: to check the pace. */
  postTimes(channel: string): readonly number[] {
    return this.#postLog.get(channel) ?? [];
  }

  /** Spends a trigger; returns the user whose gesture gave it. */
  #trigger(args: Json): string {
    const id = String(args.trigger_id ?? '');
    const t = this.#triggers.get(id);
    if (t === undefined) throw new SlackError('invalid_trigger_id', id);
    if (t.used || t.until < Date.now()) throw new SlackError('expired_trigger_id', id);
    t.used = true;
    return t.user;
  }

  #checkView(view: unknown, surface: 'modal' | 'home'): Json {
    const problems = this.#blockKit.checkView(view, surface);
    if (problems.length > 0) throw new SlackError('invalid_arguments', problems.join('; '));
    this.#checkFiles((view as Json).blocks);
    return view as Json;
  }

  async #handle(method: string, a: Json): Promise<Json> {
    switch (method) {
      case 'apps.connections.open':
        if (this.#options.socketMode === undefined) throw new SlackError('not_implemented_by_stand_in', 'start the stand-in with socketMode to open a Socket Mode connection');
        return { url: this.#options.socketMode.url };
      case 'auth.test':
        return { url: 'https://pnyx-test.slack.com/', team: 'Pnyx test', user: 'pnyx', team_id: 'T0PNYX', user_id: 'U0PNYXBOT', bot_id: 'B0PNYX' };
      case 'chat.postMessage': {
        const channel = this.#channel(a.channel);
        const thread = a.thread_ts === undefined ? null : String(a.thread_ts);
        if (thread !== null && this.message(channel, thread) === undefined) throw new SlackError('thread_not_found', thread);
        const content = this.#content(a);
        this.#rateLimit(method, channel);
        const m: SlackMessage = { channel, ts: this.#ts(), threadTs: thread, ...content, edits: 0, deleted: false, ephemeralTo: null };
        this.#list(channel).push(m);
        return { channel, ts: m.ts, message: { type: 'message', text: m.text, ts: m.ts, ...(m.blocks === null ? {} : { blocks: m.blocks }), ...(thread === null ? {} : { thread_ts: thread }) } };
      }
      case 'chat.postEphemeral': {
        const channel = this.#channel(a.channel);
        const user = this.#user(a.user);
        const content = this.#content(a);
        const m: SlackMessage = { channel, ts: this.#ts(), threadTs: a.thread_ts === undefined ? null : String(a.thread_ts), ...content, edits: 0, deleted: false, ephemeralTo: user };
        this.#list(channel).push(m);
        return { message_ts: m.ts };
      }
      case 'chat.update': {
        const channel = this.#channel(a.channel);
        const m = this.message(channel, String(a.ts));
        if (m === undefined || m.deleted || m.ephemeralTo !== null) throw new SlackError('message_not_found', String(a.ts));
        const content = this.#content({ text: a.text ?? m.text, blocks: a.blocks ?? m.blocks ?? undefined });
        Object.assign(m, content, { edits: m.edits + 1 });
        return { channel, ts: m.ts, text: m.text };
      }
      case 'chat.delete': {
        const channel = this.#channel(a.channel);
        const m = this.message(channel, String(a.ts));
        if (m === undefined || m.deleted) throw new SlackError('message_not_found', String(a.ts));
        m.deleted = true;
        return { channel, ts: m.ts };
      }
      case 'chat.getPermalink': {
        const channel = this.#channel(a.channel);
        if (this.message(channel, String(a.message_ts)) === undefined) throw new SlackError('message_not_found');
        return { channel, permalink: `https://pnyx-test.slack.com/archives/${channel}/p${String(a.message_ts).replace('.', '')}` };
      }
      case 'views.open': {
        const user = this.#trigger(a);
        const view = this.#checkView(a.view, 'modal');
        const id = `V${randomBytes(5).toString('hex').toUpperCase()}`;
        this.#views.set(id, { view: { ...view, id }, user, root: id });
        this.#stacks.set(user, [id]);
        return { view: { ...view, id, hash: randomBytes(4).toString('hex'), state: { values: {} } } };
      }
      case 'views.push': {
        const user = this.#trigger(a);
        const view = this.#checkView(a.view, 'modal');
        const stack = this.#stacks.get(user);
        if (stack === undefined || stack.length === 0) throw new SlackError('not_found', `no open modal of ${user} to push onto`);
        if (stack.length >= MODAL_STACK_MAX) throw new SlackError('push_limit_reached');
        const id = `V${randomBytes(5).toString('hex').toUpperCase()}`;
        this.#views.set(id, { view: { ...view, id }, user, root: stack[0]! });
        stack.push(id);
        return { view: { ...view, id, state: { values: {} } } };
      }
      case 'views.update': {
        const id = String(a.view_id ?? '');
        const v = this.#views.get(id) ?? [...this.#views.values()].find((x) => x.view.external_id === a.external_id);
        if (v === undefined) throw new SlackError('not_found', `view ${id}`);
        v.view = { ...this.#checkView(a.view, 'modal'), id: v.view.id };
        return { view: v.view };
      }
      case 'views.publish': {
        const user = this.#user(a.user_id);
        const view = this.#checkView(a.view, 'home');
        this.#home.set(user, view);
        return { view: { ...view, id: `VH${user}` } };
      }
      case 'users.info': {
        const user = this.#user(a.user);
        return { user: { id: user, name: user.toLowerCase(), real_name: `User ${user}`, tz: 'Europe/Brussels', locale: 'fr-FR', is_bot: false } };
      }
      case 'conversations.open': {
        const users = String(a.users ?? '').split(',');
        users.forEach((u) => this.#user(u));
        return { channel: { id: users[0] } };
      }
      case 'files.getUploadURLExternal': {
        const length = Number(a.length);
        if (!Number.isSafeInteger(length) || length <= 0) throw new SlackError('invalid_arguments', 'length must be a positive integer');
        const id = `F${randomBytes(5).toString('hex').toUpperCase()}`;
        this.#uploads.set(id, { filename: String(a.filename), length, bytes: null, completed: false, title: String(a.filename) });
        return { upload_url: `http://127.0.0.1:${this.#port}/upload/${id}`, file_id: id };
      }
      case 'files.completeUploadExternal': {
        const files = a.files as Array<{ id: string; title?: string }>;
        if (!Array.isArray(files) || files.length === 0) throw new SlackError('invalid_arguments', 'files must be a non-empty JSON array');
        const channel = a.channel_id === undefined ? null : this.#channel(a.channel_id);
        const thread = a.thread_ts === undefined ? null : String(a.thread_ts);
        if (thread !== null && (channel === null || this.message(channel, thread) === undefined)) throw new SlackError('thread_not_found', String(thread));
        for (const f of files) {
          const u = this.#uploads.get(f?.id);
          if (u === undefined || u.bytes === null) throw new SlackError('file_not_found', `${String(f?.id)} was never uploaded`);
          if (u.completed) throw new SlackError('file_not_found', `${f.id} was completed already`);
        }
        // Sharing into a channel posts a message there: it counts against the channel's posting limit.
        if (channel !== null) this.#rateLimit(method, channel);
        const done: Json[] = [];
        for (const f of files) {
          const u = this.#uploads.get(f.id)!;
          u.completed = true;
          u.title = f.title ?? u.filename;
          done.push({ id: f.id, name: u.filename, title: u.title, size: u.bytes?.length ?? 0 });
        }
        if (channel !== null) {
          const m: SlackMessage = { channel, ts: this.#ts(), threadTs: a.thread_ts === undefined ? null : String(a.thread_ts), text: String(a.initial_comment ?? ''), blocks: null, edits: 0, deleted: false, ephemeralTo: null };
          this.#list(channel).push(m);
        }
        return { files: done };
      }
      default:
        throw new SlackError('not_implemented_by_stand_in', `${method} is a Slack method the stand-in does not implement; add it before relying on it`);
    }
  }

  #list(channel: string): SlackMessage[] {
    let l = this.#messages.get(channel);
    if (l === undefined) {
      l = [];
      this.#messages.set(channel, l);
    }
    return l;
  }
}

/** The bytes of the one part of a multipart/form-data body; null when there is none. */
function filePart(type: string, body: Buffer): Buffer | null {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/u.exec(type);
  const mark = boundary?.[1] ?? boundary?.[2];
  if (mark === undefined) return null;
  const open = body.indexOf(`--${mark}\r\n`);
  if (open < 0) return null;
  const headersEnd = body.indexOf('\r\n\r\n', open);
  const close = body.indexOf(`\r\n--${mark}`, headersEnd);
  if (headersEnd < 0 || close < 0) return null;
  return body.subarray(headersEnd + 4, close);
}

class RateLimited extends Error {
  constructor(readonly retryAfter: number) {
    super('ratelimited');
  }
}
