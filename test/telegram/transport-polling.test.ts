/**
 * Long polling under a lease (runPolling) against the strict stand-in: it polls only while it
 * leads, after deleting a webhook set earlier; losing the lease stops the runner (updates then
 * wait for the next leader); an update already handled (a handover's unconfirmed batch) is not
 * handled again.
 */
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { Lease } from '../../adapters/scheduling/lease.ts';
import { createResidentBot } from '../../adapters/telegram/resident-bot.ts';
import { runPolling } from '../../adapters/telegram/transport/polling.ts';
import { updateKey } from '../../adapters/telegram/transport/handle-once.ts';
import { harness } from '../support/engine-harness.ts';
import { BOT_TOKEN } from '../support/telegram/bot-harness.ts';
import { TelegramStandIn } from '../support/telegram/bot-api-stand-in.ts';

const silent = pino({ level: 'silent' });

/** A lease the test hands out and takes back. */
class ManualLease implements Lease {
  readonly name = 'telegram-polling';
  #grant: (() => void) | null = null;
  #leadership: AbortController | null = null;

  grant(): void {
    this.#grant?.();
  }

  revoke(): void {
    this.#leadership?.abort();
  }

  async runWhileLeader(work: (leadership: AbortSignal) => Promise<void>, signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      await new Promise<void>((resolve) => {
        this.#grant = resolve;
        signal.addEventListener('abort', () => resolve(), { once: true });
      });
      if (signal.aborted) return;
      const leadership = new AbortController();
      this.#leadership = leadership;
      signal.addEventListener('abort', () => leadership.abort(), { once: true });
      await work(leadership.signal);
    }
  }
}

let api: TelegramStandIn | null = null;
afterEach(async () => {
  await api?.stop();
  api = null;
});

describe('long polling under the telegram-polling lease', () => {
  it('polls only while leading (after deleteWebhook), stops when the lease is lost, and skips an update already handled', async () => {
    api = await TelegramStandIn.start({ token: BOT_TOKEN });
    const a = api;
    const h = harness();
    const { bot } = createResidentBot({ token: BOT_TOKEN, apiRoot: a.apiRoot, engine: h.engine, chatState: h.stores.chat, messageRefs: h.stores.messageRefs, loadResults: () => h.stores.campaign.loadResults(), clock: h.clock, logger: silent });
    // A webhook left from an earlier deployment: getUpdates would be refused (409) until deleted.
    await bot.api.setWebhook('https://old.example.org/hook');
    const lease = new ManualLease();
    const stop = new AbortController();
    const polling = runPolling({ bot, lease, processed: h.stores.processed, clock: h.clock, logger: silent, pollTimeoutSeconds: 1 }, stop.signal);

    const ann = a.user({ id: 801, firstName: 'Ann', languageCode: 'en' });
    ann.say('/start');
    await new Promise((r) => setTimeout(r, 300));
    // Not leading: nobody polls.
    expect(a.calls.filter((c) => c.method === 'getUpdates')).toHaveLength(0);
    expect(a.botMessages(801)).toHaveLength(0);

    lease.grant();
    await a.waitFor(() => a.botMessages(801).length === 1, 'the answer once leading');
    expect(a.webhook).toBeNull();

    lease.revoke();
    await a.waitFor(() => a.calls.some((c) => c.method === 'deleteWebhook') && a.pendingUpdates === 0, 'the runner stopped');
    await new Promise((r) => setTimeout(r, 200));
    const stoppedAt = Date.now();
    ann.say('/start');
    await new Promise((r) => setTimeout(r, 1500));
    expect(a.botMessages(801)).toHaveLength(1);
    // No poll started since (`at` is when a call arrived; the aborted one is recorded late).
    expect(a.calls.filter((c) => c.method === 'getUpdates' && c.at >= stoppedAt)).toEqual([]);

    // An update the former leader handled (done in ProcessedUpdates) but had not confirmed.
    const handled = ann.say('/start');
    await h.stores.processed.finish(updateKey(handled), h.clock.now());
    lease.grant();
    // The pending /start is answered; the already-handled one is not answered again.
    await a.waitFor(() => a.botMessages(801).length === 2, 'the waiting update answered by the new leader');
    await a.waitFor(() => a.pendingUpdates === 0 || undefined, 'every update fetched');
    await new Promise((r) => setTimeout(r, 300));
    expect(a.botMessages(801)).toHaveLength(2);

    stop.abort();
    await polling;
    a.expectNoViolations();
  }, 30_000);
});
