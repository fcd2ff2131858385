/**
 * What the delivery-engine tests share: the strict Telegram stand-in behind a small HTTP
 * proxy that can hold every answer back (a real round trip takes ~100 ms, the stand-in
 * answers at once) and answer chosen chats with a server error, counting how many sends are
 * in flight at once; residents registered through the engine with a chat on the stand-in; and
 * messages recorded in the outbox.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Api } from 'grammy';
import { pino } from 'pino';
import type { Stores } from '../../core/ports/stores.ts';
import type { OutboxDraft } from '../../core/ports/side-records.ts';
import { TelegramStandIn } from '../support/telegram/bot-api-stand-in.ts';
import type { SendLimitOptions } from '../support/telegram/send-limits.ts';
import { harness } from '../support/engine-harness.ts';
import type { Harness } from '../support/engine-harness.ts';
import type { NoticeRenderer } from '../../adapters/delivery/telegram-sending.ts';

export const TOKEN = '7000000002:FAKE-delivery-tests-token';
export const silent = pino({ level: process.env['TEST_LOG_LEVEL'] ?? 'silent' });

/** Sends methods whose in-flight count the proxy keeps. */
const SENDS = new Set(['sendMessage', 'sendPhoto']);

/** An HTTP proxy in front of the stand-in. */
export class ApiProxy {
  /** Ms every answer is held back. */
  delayMs = 0;
  /** Chat id → how many more sends into it are answered with this status (a server error, or a refusal with its `description`). */
  readonly failures = new Map<number, { status: number; remaining: number; description?: string }>();
  inFlight = 0;
  maxInFlight = 0;
  /** Sends that went through this proxy. */
  sends = 0;
  /** Sends answered with an injected error. */
  injected = 0;
  readonly #server: http.Server;
  #port = 0;

  private constructor(readonly target: TelegramStandIn) {
    this.#server = http.createServer((req, res) => void this.#serve(req, res));
  }

  static async start(target: TelegramStandIn): Promise<ApiProxy> {
    const p = new ApiProxy(target);
    await new Promise<void>((resolve) => p.#server.listen(0, '127.0.0.1', resolve));
    p.#port = (p.#server.address() as AddressInfo).port;
    return p;
  }

  get apiRoot(): string {
    return `http://127.0.0.1:${this.#port}`;
  }

  async stop(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  async #serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const method = /\/([A-Za-z]+)$/u.exec(req.url ?? '')?.[1] ?? '';
    const send = SENDS.has(method);
    if (send) {
      this.sends++;
      this.inFlight++;
      this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    }
    try {
      if (this.delayMs > 0) await new Promise((r) => setTimeout(r, this.delayMs));
      const chat = send ? chatOf(req.headers['content-type'] ?? '', body) : null;
      const failure = chat === null ? undefined : this.failures.get(chat);
      if (failure !== undefined && failure.remaining > 0) {
        failure.remaining--;
        this.injected++;
        res.writeHead(failure.status, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: false, error_code: failure.status, description: failure.description ?? 'Bad Gateway' }));
        return;
      }
      const answer = await fetch(`${this.target.apiRoot}${req.url ?? '/'}`, { method: req.method ?? 'POST', headers: { 'content-type': req.headers['content-type'] ?? 'application/json' }, ...(body.length > 0 ? { body } : {}) });
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(Buffer.from(await answer.arrayBuffer()));
    } finally {
      if (send) this.inFlight--;
    }
  }
}

/** The chat id of a send (JSON or multipart body). */
function chatOf(type: string, body: Buffer): number | null {
  if (type.startsWith('application/json')) {
    const id = (JSON.parse(body.toString('utf8')) as { chat_id?: unknown }).chat_id;
    return typeof id === 'number' ? id : typeof id === 'string' ? Number(id) : null;
  }
  const m = /name="?chat_id"?\r\n\r\n(-?\d+)\r\n/u.exec(body.toString('latin1'));
  return m === null ? null : Number(m[1]);
}

/** A stand-in with its proxy and an engine over `stores`. */
export interface DeliveryWorld {
  readonly api: TelegramStandIn;
  readonly proxy: ApiProxy;
  readonly h: Harness;
  /** An Api to the proxy without auto-retry: every 429 and 5xx reaches the engine. */
  newApi(): Api;
  /** Registers residents with these Telegram ids (each with a chat on the stand-in); returns their ids. */
  residents(ids: readonly number[]): Promise<string[]>;
  /** Records one `update.weekly`-like message per resident (keys `<tag>:<resident>`). */
  enqueueFor(residentIds: readonly string[], tag?: string): Promise<void>;
  stop(): Promise<void>;
}

/** Starts a stand-in (with `limits`) and its proxy, and an engine on `stores`. */
export async function deliveryWorld(stores: Stores, limits: SendLimitOptions = {}, shared?: TelegramStandIn): Promise<DeliveryWorld> {
  const api = shared ?? (await TelegramStandIn.start({ token: TOKEN, limits }));
  const proxy = await ApiProxy.start(api);
  const h = harness(undefined, stores);
  return {
    api,
    proxy,
    h,
    newApi: () => new Api(TOKEN, { apiRoot: proxy.apiRoot }),
    async residents(ids) {
      const out: string[] = [];
      for (const id of ids) {
        api.user({ id, firstName: `R${id}`, languageCode: 'en' });
        out.push(await h.register(id));
      }
      return out;
    },
    async enqueueFor(residentIds, tag = 'note') {
      const drafts: OutboxDraft[] = residentIds.map((r) => ({ key: `${tag}:${r}`, recipient: { kind: 'resident', residentId: r }, template: 'update.weekly', params: { tag }, notBefore: 0 }));
      await stores.outbox.enqueue(drafts);
    },
    async stop() {
      await proxy.stop();
      if (shared === undefined) await api.stop();
    },
  };
}

/** A renderer that names the message (the notice texts are tested with the bot). */
export const plainRender: NoticeRenderer = async (resident, m) => `<b>${m.template}</b> for ${resident.locale} (${m.key.split(':')[0]})`;

/** Polls until `probe` is true; fails after `ms`. */
export async function until(probe: () => boolean | Promise<boolean>, what: string, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await probe())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
