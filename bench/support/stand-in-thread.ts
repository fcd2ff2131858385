/**
 * The Bot API stand-in running in a worker thread (stand-in-worker.ts), seen from the bench's
 * main thread: requests are messages to the worker; callback query ids come from a pool
 * refilled in batches, and the users' own messages are recorded without waiting for an answer,
 * so building an update costs the bot's thread next to nothing.
 */
import { Worker } from 'node:worker_threads';
import type { EventLoopUtilization } from 'node:perf_hooks';
import type { ChatMessage } from '../../test/support/telegram/bot-api-stand-in.ts';
import type { SeenMessage, SendStats, StandInWorkerData } from './stand-in-worker.ts';

export type { SeenMessage, SendStats };

/** What the stand-in counted: calls per method and calls Telegram would refuse. */
export interface StandInStats {
  readonly byMethod: Readonly<Record<string, number>>;
  readonly violations: number;
  readonly firstViolations: readonly string[];
}

const POOL_LOW = 4000;
const POOL_BATCH = 4000;

/** A stand-in on its own thread. */
export class StandInThread {
  readonly #worker: Worker;
  readonly #pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  #next = 1;
  #ids: string[] = [];
  #refilling: Promise<void> | null = null;
  apiRoot = '';

  private constructor(worker: Worker) {
    this.#worker = worker;
    worker.on('message', (m: { id?: number; result?: unknown; error?: string }) => {
      if (m.id === undefined) return;
      const p = this.#pending.get(m.id);
      this.#pending.delete(m.id);
      if (m.error !== undefined) p?.reject(new Error(`stand-in worker: ${m.error}`));
      else p?.resolve(m.result);
    });
  }

  /** Starts the worker and its stand-in accepting `token` (enforcing `options.limits`, answering after `options.responseDelayMs`). */
  static async start(token: string, options: Omit<StandInWorkerData, 'token'> = {}): Promise<StandInThread> {
    // A worker does not inherit tsx's hooks for its entry file on Node 20: a JS bootstrap
    // registers them, then imports the TypeScript entry.
    const entry = new URL('./stand-in-worker.ts', import.meta.url).href;
    const boot = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`;
    const data: StandInWorkerData = { token, ...options };
    const worker = new Worker(boot, { eval: true, workerData: data });
    await new Promise<void>((resolve, reject) => {
      worker.once('error', reject);
      worker.once('message', () => resolve());
    });
    const s = new StandInThread(worker);
    s.apiRoot = (await s.#call('apiRoot')) as string;
    await s.#refill();
    return s;
  }

  #call(op: string, ...args: unknown[]): Promise<unknown> {
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ id, op, args });
    });
  }

  #refill(): Promise<void> {
    this.#refilling ??= (this.#call('callbackIds', POOL_BATCH) as Promise<string[]>).then((ids) => {
      this.#ids = ids.concat(this.#ids);
      this.#refilling = null;
    });
    return this.#refilling;
  }

  /** Registers Telegram users (private chats) with these ids. */
  async users(ids: readonly number[]): Promise<void> {
    await this.#call('users', ids);
  }

  /** A fresh callback query id, registered with the stand-in. */
  async callbackId(): Promise<string> {
    if (this.#ids.length < POOL_LOW) void this.#refill();
    while (this.#ids.length === 0) await this.#refill();
    return this.#ids.pop()!;
  }

  /** Records a message the user sent (fire and forget: messages to the worker stay in order). */
  userMessage(chatId: number, fields: Partial<ChatMessage>): void {
    this.#worker.postMessage({ op: 'userMessage', args: [chatId, fields] });
  }

  /** The newest bot message of the chat after message `after` with a button starting with `prefix` ('' = newest). */
  latest(chatId: number, prefix: string, after = 0): Promise<SeenMessage | null> {
    return this.#call('latest', chatId, prefix, after) as Promise<SeenMessage | null>;
  }

  /** The largest id of a bot message in these chats so far (0 when none). */
  newestMessageId(chatIds: readonly number[]): Promise<number> {
    return this.#call('newestMessageId', chatIds) as Promise<number>;
  }

  /** What the stand-in counted of the bot's sends. */
  sendStats(): Promise<SendStats> {
    return this.#call('sendStats') as Promise<SendStats>;
  }

  stats(): Promise<StandInStats> {
    return this.#call('stats') as Promise<StandInStats>;
  }

  /** The worker's event-loop utilisation (pass an earlier reading for the delta). */
  utilization(since?: EventLoopUtilization): EventLoopUtilization {
    return this.#worker.performance.eventLoopUtilization(since);
  }

  async stop(): Promise<void> {
    await this.#call('stop').catch(() => undefined);
    await this.#worker.terminate();
  }
}
