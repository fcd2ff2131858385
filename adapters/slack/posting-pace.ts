/**
 * Slack's posting pace for the committee sender. Slack lets an app post about one message per
 * second per channel (chat.postMessage, or a file shared into the channel), with short bursts
 * tolerated and a 429 `Retry-After` beyond; other methods (chat.update, conversations.open,
 * files.getUploadURLExternal…) have per-method tiers of tens of calls a minute, which the
 * sender never approaches and leaves to Slack's `Retry-After`.
 *
 * {@link PostingPace} keeps, per channel, when the next post may go: one interval after the
 * last post's answer came back (measuring from the answer, not the request, keeps the gap on
 * Slack's side at least the interval whatever the latency), or later when Slack answered 429
 * with a `Retry-After`. It lives in the process: only the holder of the `slack-dispatch` lease
 * runs the committee sender, so one gate per process is one gate for the campaign. Posts made
 * elsewhere (a feature answering a click, on any instance) are not counted; they are rare, and
 * a 429 they cause comes back to the sender as a `Retry-After` for that channel.
 *
 * {@link pacedClient} wraps the Web API client one delivery uses. Before its first post a
 * delivery that finds the channel busy is told so ({@link PostingPaced}: nothing was posted yet,
 * so the sender may run it again later and deliver other channels' messages meanwhile); a
 * delivery that already posted (a card, then its photo in the thread) waits for its channel
 * instead, and waits out a short `Retry-After` on a later post rather than throwing — a throw
 * after a post would have the sender run the delivery again and post twice.
 */
import { ErrorCode } from '@slack/web-api';
import type { WebClient } from '@slack/web-api';

/** Options of {@link PostingPace}. */
export interface PostingPaceOptions {
  /** Least time between two posts to one channel, ms (default 1,000; 0 turns pacing off). */
  readonly intervalMs?: number;
  /** Monotonic milliseconds (default `performance.now`). */
  readonly now?: () => number;
}

/** When each channel may take its next post; see the module comment. */
export class PostingPace {
  readonly #interval: number;
  readonly #now: () => number;
  /** Channel → the instant (this pace's clock) its next post may go. */
  readonly #next = new Map<string, number>();

  constructor(options: PostingPaceOptions = {}) {
    this.#interval = Math.max(0, options.intervalMs ?? 1000);
    this.#now = options.now ?? (() => performance.now());
  }

  now(): number {
    return this.#now();
  }

  /** Ms until `channel` may take a post (0: now). */
  waitMs(channel: string): number {
    return Math.max(0, (this.#next.get(channel) ?? 0) - this.#now());
  }

  /** A post to `channel` was answered (accepted or refused): the next one waits an interval. */
  posted(channel: string): void {
    this.#hold(channel, this.#now() + this.#interval);
    // Forget channels long idle (DMs of many digest recipients), so the map stays small.
    if (this.#next.size > 1000) for (const [c, at] of this.#next) if (at < this.#now()) this.#next.delete(c);
  }

  /** Slack answered 429 for `channel`: nothing goes there for `ms`. */
  rateLimited(channel: string, ms: number): void {
    this.#hold(channel, this.#now() + Math.max(ms, this.#interval));
  }

  #hold(channel: string, until: number): void {
    this.#next.set(channel, Math.max(until, this.#next.get(channel) ?? 0));
  }
}

/** Thrown before a delivery's first post when its channel is busy: run it again in `ms`. */
export class PostingPaced extends Error {
  override readonly name = 'PostingPaced';
  constructor(
    readonly channel: string,
    readonly ms: number,
  ) {
    super(`channel busy for ${Math.ceil(ms)} ms`);
  }
}

/** What one delivery did with its paced client. */
export interface PacedDelivery {
  /** A post of this delivery went out (from then on it waits, never throws PostingPaced). */
  posted: boolean;
}

/** Options of {@link pacedClient}. */
export interface PacedClientOptions {
  /** The longest `Retry-After` a delivery that already posted waits out in place, ms (default 10,000). */
  readonly maxInlineWaitMs?: number;
  /** Waits `ms` (real time); the sender's abortable sleep with a signal that is never aborted mid-delivery. */
  readonly wait: (ms: number) => Promise<void>;
  /**
   * Ms a channel is held for messages claimed before this one that are waiting for it (0:
   * none): a channel whose pace ran out while the sender worked on later messages must still
   * take its earlier message first, so one channel's messages keep their order.
   */
  readonly heldFor?: (channel: string) => number;
}

function retryAfterMs(e: unknown): number | null {
  if (typeof e !== 'object' || e === null || (e as { code?: unknown }).code !== ErrorCode.RateLimitedError) return null;
  const seconds = Number((e as { retryAfter?: unknown }).retryAfter);
  return (Number.isFinite(seconds) && seconds > 0 ? seconds : 1) * 1000;
}

/**
 * The Web API client of one delivery: `chat.postMessage` and `filesUploadV2` into a channel go
 * through `pace`; every other method is the client's own. See the module comment.
 */
export function pacedClient(client: WebClient, pace: PostingPace, delivery: PacedDelivery, options: PacedClientOptions): WebClient {
  const maxInline = options.maxInlineWaitMs ?? 10_000;
  const gated = async <T>(channel: unknown, call: () => Promise<T>): Promise<T> => {
    if (typeof channel !== 'string' || channel === '') return call();
    for (let attempt = 0; ; attempt++) {
      const wait = Math.max(pace.waitMs(channel), options.heldFor?.(channel) ?? 0);
      if (wait > 0) {
        if (!delivery.posted) throw new PostingPaced(channel, wait);
        await options.wait(wait);
      }
      let result: T;
      try {
        result = await call();
      } catch (e) {
        const ms = retryAfterMs(e);
        if (ms === null) {
          pace.posted(channel);
          throw e;
        }
        pace.rateLimited(channel, ms);
        // Nothing posted yet: the sender reschedules. Posted already: wait a short Retry-After once.
        if (!delivery.posted || ms > maxInline || attempt > 0) throw e;
        continue;
      }
      pace.posted(channel);
      delivery.posted = true;
      return result;
    }
  };
  const chat = new Proxy(client.chat, {
    get(target, prop) {
      if (prop === 'postMessage') return (args: Parameters<WebClient['chat']['postMessage']>[0]) => gated(args.channel, () => target.postMessage(args));
      return Reflect.get(target, prop, target) as unknown;
    },
  });
  return new Proxy(client, {
    get(target, prop) {
      if (prop === 'chat') return chat;
      if (prop === 'filesUploadV2') {
        return (args: Parameters<WebClient['filesUploadV2']>[0]) => gated((args as { channel_id?: unknown }).channel_id, () => target.filesUploadV2(args));
      }
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
