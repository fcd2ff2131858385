/** The Slack Web API stand-in in a worker thread (slack-stand-in-worker.ts), seen from the bench. */
import { Worker } from 'node:worker_threads';
import type { EventLoopUtilization } from 'node:perf_hooks';

/** What the stand-in counted: calls per method and calls Slack would refuse. */
export interface SlackStandInStats {
  readonly byMethod: Readonly<Record<string, number>>;
  readonly violations: number;
  readonly firstViolations: readonly string[];
}

/** A Slack stand-in on its own thread. */
export class SlackStandInThread {
  readonly #worker: Worker;
  readonly #pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  #next = 1;
  apiUrl = '';

  private constructor(worker: Worker) {
    this.#worker = worker;
    worker.on('message', (m: { id?: number; result?: unknown; error?: string }) => {
      if (m.id === undefined) return;
      const p = this.#pending.get(m.id);
      this.#pending.delete(m.id);
      if (m.error !== undefined) p?.reject(new Error(`slack stand-in worker: ${m.error}`));
      else p?.resolve(m.result);
    });
  }

  /** Starts the worker with a stand-in accepting `token`, knowing `channels` and `users`. */
  static async start(token: string, channels: readonly string[], users: readonly string[]): Promise<SlackStandInThread> {
    // A worker does not inherit tsx's hooks for its entry file on Node 20: a JS bootstrap
    // registers them, then imports the TypeScript entry.
    const entry = new URL('./slack-stand-in-worker.ts', import.meta.url).href;
    const boot = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`;
    const worker = new Worker(boot, { eval: true, workerData: { token, channels: [...channels], users: [...users] } });
    await new Promise<void>((resolve, reject) => {
      worker.once('error', reject);
      worker.once('message', () => resolve());
    });
    const s = new SlackStandInThread(worker);
    s.apiUrl = (await s.#call('apiUrl')) as string;
    return s;
  }

  #call(op: string, ...args: unknown[]): Promise<unknown> {
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ id, op, args });
    });
  }

  /** Posts plain messages (cards to act on); returns their ts, in order. */
  post(channel: string, texts: readonly string[]): Promise<string[]> {
    return this.#call('post', channel, texts) as Promise<string[]>;
  }

  edited(channel: string): Promise<number> {
    return this.#call('edited', channel) as Promise<number>;
  }

  stats(): Promise<SlackStandInStats> {
    return this.#call('stats') as Promise<SlackStandInStats>;
  }

  /** The worker thread's event-loop utilisation (its busy share), as `performance.eventLoopUtilization` reads it. */
  elu(previous?: EventLoopUtilization): EventLoopUtilization {
    return this.#worker.performance.eventLoopUtilization(previous);
  }

  async stop(): Promise<void> {
    await this.#call('stop');
    await this.#worker.terminate();
  }
}
