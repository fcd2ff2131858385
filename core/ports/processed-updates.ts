/**
 * Inbound de-duplication: a Telegram `update_id` or a Slack payload id is handled once,
 * whichever instance receives it and however often the platform redelivers it.
 */
export interface ProcessedUpdates {
  /**
   * Claims `key` (e.g. `tg:123456`, `slack:Ev0123`) at `now`. True for the first claim only;
   * atomic across processes. Claims expire after `ttlMs` (platforms stop redelivering
   * after a day; keep 7 days by default).
   */
  claim(key: string, now: number, ttlMs: number): Promise<boolean>;
  /** Forgets a claim so a failed handling can be retried on redelivery. */
  release(key: string): Promise<void>;
}
