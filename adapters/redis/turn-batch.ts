/**
 * Calls started in the same turn of the event loop, sent together: the ballot box's casts and
 * the resident store's reads (every vote makes one of each) share one script call per `max`
 * of them instead of a command each. When many residents vote at once a command per call was
 * most of the client's cost (an ioredis command object, a promise and a parsed reply each)
 * and, for casts, a script start per vote on the server.
 *
 * A batch is sent as soon as it is full, and what is left when the turn's promise jobs have
 * run: the server then works on the first batch while this process builds the next, instead
 * of the two taking turns (the stores give `RedisContext.sendNow` as `sent`, which writes
 * each batch to the socket at once). With the whole turn held back, 64 votes in flight fell into one
 * lock-step batch: this process idle while the server ran the batch, the server idle while
 * this process handled the replies (a profile showed this process idle ~55 % of the time).
 *
 * Written by hand: it is a few lines around `queueMicrotask`, and what a batch is sent as and
 * how each reply is read are the store's own. An item is never held past the turn it came in;
 * each item gets its own outcome, and an item whose reply cannot be read fails alone.
 */
export class TurnBatch<I, O> {
  readonly #max: number;
  readonly #send: (items: readonly I[]) => Promise<readonly unknown[]>;
  readonly #settle: (item: I, replies: readonly unknown[], n: number) => O | Promise<O>;
  readonly #sent: (() => void) | undefined;
  #queue: Array<{ readonly item: I; readonly resolve: (o: O | Promise<O>) => void; readonly reject: (e: unknown) => void }> = [];
  #flushing = false;

  /**
   * @param max    most items per `send`
   * @param send   sends one batch; answers the replies of the whole batch
   * @param settle the outcome of item `n` of a batch from its replies (may throw: that item fails)
   * @param sent   called right after each `send` (the stores write the batch to the socket at once)
   */
  constructor(max: number, send: (items: readonly I[]) => Promise<readonly unknown[]>, settle: (item: I, replies: readonly unknown[], n: number) => O | Promise<O>, sent?: () => void) {
    this.#max = max;
    this.#send = send;
    this.#settle = settle;
    this.#sent = sent;
  }

  /** Queues `item` for this turn's batch; resolves with its own outcome. */
  add(item: I): Promise<O> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ item, resolve, reject });
      if (this.#queue.length >= this.#max) {
        this.#flush();
        return;
      }
      if (!this.#flushing) {
        this.#flushing = true;
        // After the items started in this turn's current run of promise jobs have joined.
        queueMicrotask(() => this.#flush());
      }
    });
  }

  #flush(): void {
    this.#flushing = false;
    const queued = this.#queue;
    this.#queue = [];
    for (let from = 0; from < queued.length; from += this.#max) {
      const part = queued.length <= this.#max ? queued : queued.slice(from, from + this.#max);
      let sent: Promise<readonly unknown[]>;
      try {
        sent = this.#send(part.map((q) => q.item));
        this.#sent?.();
      } catch (e) {
        sent = Promise.reject(e);
      }
      sent.then(
        (replies) => {
          part.forEach((q, n) => {
            try {
              q.resolve(this.#settle(q.item, replies, n));
            } catch (e) {
              q.reject(e);
            }
          });
        },
        (e: unknown) => {
          for (const q of part) q.reject(e);
        },
      );
    }
  }
}
