/**
 * Telegram's send limits as the stand-in enforces them, over sliding windows: messages per
 * second per bot, per second per private chat, per minute per group. A send over a limit is
 * answered 429 with `retry_after`; a send inside a `retry_after` it was given is a client bug
 * (Telegram punishes it with longer waits), recorded as a violation.
 */

/** Limits; an absent one is not enforced. Tests scale them (e.g. 300/s) to stay fast. */
export interface SendLimitOptions {
  /** Messages per second for the bot token. Telegram: about 30. */
  readonly perSecond?: number;
  /** Messages per second into one private chat. Telegram: 1. */
  readonly perChatPerSecond?: number;
  /** Messages per minute into one group (chat id < 0). Telegram: 20. */
  readonly perGroupPerMinute?: number;
  /** `retry_after` given with a 429, in seconds (Telegram gives whole seconds). Default 1. */
  readonly retryAfterSeconds?: number;
  /**
   * A send arriving at most this many ms after the 429 that began the wait it falls in was on
   * its way before the client could have read that 429 (several sends in flight, a loaded
   * machine): refused with 429 like any other, counted in `inFlightRefusals`, but not taken
   * for a client ignoring `retry_after`. Default 0: every send inside a wait is flagged.
   */
  readonly inFlightGraceMs?: number;
}

/** A send answered 429: into which chat, when, and the `retry_after` (s) it was given. */
export interface RefusedSend {
  readonly chatId: number;
  readonly at: number;
  readonly retryAfter: number;
}

/** The verdict on one send attempt. */
export type SendVerdict = { readonly ok: true } | { readonly ok: false; readonly retryAfter: number; readonly ignoredRetryAfter: boolean };

class SlidingWindow {
  readonly #stamps: number[] = [];
  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /**
   * Room for one more at `now`: in every window (x − W, x] that would hold it (x from `now` to
   * `now` + W), fewer than `limit` sends. Sends judged a little out of their arrival order
   * are counted in every window they fall in, so none lets one more through. Stamps older
   * than two windows go.
   */
  hasRoom(now: number): boolean {
    const w = this.windowMs;
    const st = this.#stamps;
    while (st.length > 0 && st[0]! <= now - 2 * w) st.shift();
    // Ends of the windows to check: `now`, and every stamp in [now, now + W).
    let from = 0;
    while (from < st.length && st[from]! <= now - w) from++;
    for (let i = from; i < st.length && st[i]! < now + w; i++) {
      const end = st[i]!;
      if (end < now) continue;
      while (st[from]! <= end - w) from++;
      // Stamps from..i are in (end − W, end]; with this send, one more.
      if (i - from + 2 > this.limit) return false;
    }
    // The window ending at `now` itself.
    let n = 0;
    for (let i = 0; i < st.length && st[i]! <= now; i++) if (st[i]! > now - w) n++;
    return n + 1 <= this.limit;
  }

  /** Records a send at `now`, kept in order (sends are judged at arrival, which may be a little out of order). */
  add(now: number): void {
    let i = this.#stamps.length;
    while (i > 0 && this.#stamps[i - 1]! > now) i--;
    this.#stamps.splice(i, 0, now);
  }
}

/** Tracks every window and the `retry_after` promises given. */
export class SendLimits {
  readonly #options: SendLimitOptions;
  readonly #global: SlidingWindow | null;
  readonly #chats = new Map<number, SlidingWindow>();
  /** Scope (`bot` or a chat id) → instant before which no send may come. */
  readonly #blockedUntil = new Map<string, number>();
  /** Scope → instant its running wait began (the 429 that started it). */
  readonly #blockedSince = new Map<string, number>();
  /** Sends accepted, in order, with their instants — for rate measurements. */
  readonly accepted: Array<{ readonly chatId: number; readonly at: number }> = [];
  /** Sends answered 429, in order (`tooManyRequests` counts them). */
  readonly refused: RefusedSend[] = [];
  /** Sends accepted per chat (duplicate detection). */
  readonly #perChat = new Map<number, number>();
  tooManyRequests = 0;
  /** Sends refused inside a wait within `inFlightGraceMs` of its start (see the option). */
  inFlightRefusals = 0;

  constructor(options: SendLimitOptions = {}) {
    this.#options = options;
    this.#global = options.perSecond === undefined ? null : new SlidingWindow(options.perSecond, 1000);
  }

  #chatWindow(chatId: number): SlidingWindow | null {
    const group = chatId < 0;
    const limit = group ? this.#options.perGroupPerMinute : this.#options.perChatPerSecond;
    if (limit === undefined) return null;
    let w = this.#chats.get(chatId);
    if (w === undefined) {
      w = new SlidingWindow(limit, group ? 60_000 : 1000);
      this.#chats.set(chatId, w);
    }
    return w;
  }

  /** Judges one send into `chatId` at `now`, recording it when accepted. */
  judge(chatId: number, now: number): SendVerdict {
    const retryAfter = this.#options.retryAfterSeconds ?? 1;
    const waits = [`bot`, `chat:${chatId}`].filter((s) => (this.#blockedUntil.get(s) ?? 0) > now);
    const grace = this.#options.inFlightGraceMs ?? 0;
    const inFlight = waits.length > 0 && waits.every((s) => now - (this.#blockedSince.get(s) ?? 0) <= grace);
    if (inFlight) this.inFlightRefusals++;
    const ignored = waits.length > 0 && !inFlight;
    const chat = this.#chatWindow(chatId);
    const over: string[] = [];
    if (this.#global !== null && !this.#global.hasRoom(now)) over.push('bot');
    if (chat !== null && !chat.hasRoom(now)) over.push(`chat:${chatId}`);
    if (over.length > 0 || ignored) {
      this.tooManyRequests++;
      this.refused.push({ chatId, at: now, retryAfter });
      for (const s of over) {
        // A new wait begins only where none is running (a send refused inside one does not restart it).
        if ((this.#blockedUntil.get(s) ?? 0) <= now) this.#blockedSince.set(s, now);
        this.#blockedUntil.set(s, now + retryAfter * 1000);
      }
      return { ok: false, retryAfter, ignoredRetryAfter: ignored };
    }
    this.#global?.add(now);
    chat?.add(now);
    this.accepted.push({ chatId, at: now });
    this.#perChat.set(chatId, (this.#perChat.get(chatId) ?? 0) + 1);
    return { ok: true };
  }

  /** Sends accepted into `chatId` so far. */
  sentTo(chatId: number): number {
    return this.#perChat.get(chatId) ?? 0;
  }

  /** Chats that got more than one send, with how many each. */
  repeatedChats(): Map<number, number> {
    return new Map([...this.#perChat].filter(([, n]) => n > 1));
  }

  /**
   * 429s not followed by an accepted send into the same chat at least `retry_after` later
   * (a refused message the sender dropped, or retried too early and gave up on).
   */
  unansweredRefusals(): RefusedSend[] {
    const lastOk = new Map<number, number>();
    for (const a of this.accepted) lastOk.set(a.chatId, a.at);
    return this.refused.filter((r) => (lastOk.get(r.chatId) ?? -Infinity) < r.at + r.retryAfter * 1000);
  }
}
