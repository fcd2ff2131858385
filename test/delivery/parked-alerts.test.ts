/**
 * Parked Telegram messages reach the committee as one Slack alert per reason and episode, its
 * count edited in place — not one message per parked message — whichever of two instances
 * parked them: the real sending engine (two in-process dispatchers on one SQLite outbox, each
 * with its own ParkedAlerts, as two instances would be) against the Telegram stand-in behind a
 * proxy that refuses some chats (400 chat not found) and answers others with 502, then the
 * committee sender against the strict Slack stand-in (Block Kit checked). The texts are in the
 * committee's language and name no resident and no chat; every locale draws valid blocks.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ParkedAlerts, PARKED_ALERT_TEMPLATE } from '../../adapters/delivery/parked-alerts.ts';
import { OutboxDispatcher } from '../../adapters/delivery/outbox-dispatcher.ts';
import { renderParkedAlert } from '../../adapters/slack/blocks/notice-parked.ts';
import type { ParkedAlertView } from '../../adapters/slack/blocks/notice-parked.ts';
import { CommitteeDispatcher } from '../../adapters/slack/committee-dispatcher.ts';
import { slackFormat } from '../../adapters/slack/format.ts';
import { SLACK_LOCALES, slackTranslator } from '../../adapters/slack/i18n.ts';
import { startCommittee } from '../support/slack/committee-harness.ts';
import type { CommitteeHarness } from '../support/slack/committee-harness.ts';
import { BlockKitValidator } from '../support/slack/block-kit-validator.ts';
import { testCampaign } from '../support/test-campaign.ts';
import { makeSqliteFixture } from '../sqlite/sqlite-fixture.ts';
import { deliveryWorld, plainRender, silent } from './delivery-fixture.ts';
import type { DeliveryWorld } from './delivery-fixture.ts';

const EPISODE = 900_000;
const MINUTE = 60_000;

let cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
});

interface World {
  readonly c: CommitteeHarness;
  readonly w: DeliveryWorld;
  /** Two "instances": a dispatcher each, each with its own ParkedAlerts. */
  readonly instances: readonly OutboxDispatcher[];
  readonly committee: CommitteeDispatcher;
}

async function world(): Promise<World> {
  const f = await makeSqliteFixture();
  cleanups.push(() => f.cleanup());
  const c = await startCommittee({ features: [], stores: f.stores });
  cleanups.push(() => c.stop());
  const w = await deliveryWorld(f.stores);
  cleanups.push(() => w.stop());
  // Episodes are windows of the clock: start a little after one begins.
  c.h.clock.set(Math.ceil(c.h.clock.now() / EPISODE) * EPISODE + 1_000);
  const instances = [0, 1].map(
    () =>
      new OutboxDispatcher({
        outbox: f.stores.outbox,
        engine: w.h.engine,
        api: w.newApi(),
        render: plainRender,
        clock: c.h.clock,
        logger: silent,
        backoffMs: 1,
        maxAttempts: 3,
        onParked: new ParkedAlerts({ outbox: f.stores.outbox, clock: c.h.clock, logger: silent }).onParked,
      }),
  );
  return { c, w, instances, committee: new CommitteeDispatcher({ services: c.committee.services }) };
}

/** Sends every due resident message, the two instances taking turns, retries included (the clock moves 10 ms a round). */
async function sendAll(x: World): Promise<void> {
  for (let i = 0; i < 50; i++) {
    const pending = (await x.c.h.stores.outbox.list(0, 1000)).filter((m) => m.recipient.kind === 'resident' && m.status === 'pending');
    if (pending.length === 0) return;
    await x.instances[i % 2]!.round();
    x.c.h.clock.advance(10);
  }
  throw new Error('resident messages still pending');
}

async function drain(d: CommitteeDispatcher): Promise<void> {
  while ((await d.drainOnce()) > 0);
}

/** Top-level messages of the committee channel: their text and blocks as read. */
function alerts(c: CommitteeHarness): Array<{ ts: string; text: string }> {
  return c.slack
    .messages('C-COMMITTEE')
    .filter((m) => m.threadTs === null)
    .map((m) => ({ ts: m.ts, text: `${m.text}\n${JSON.stringify(m.blocks)}` }));
}

describe('the committee’s alert of parked messages', () => {
  it('one Slack message per reason, whichever instance parked them, its count edited in place at most once a minute', async () => {
    const x = await world();
    const { c, w } = x;
    const refusedChats = [9701, 9702, 9703];
    const downChats = [9711, 9712];
    const ids = await w.residents([...refusedChats, ...downChats, 9720]);
    for (const chat of refusedChats) w.proxy.failures.set(chat, { status: 400, remaining: 1_000, description: 'Bad Request: chat not found' });
    for (const chat of downChats) w.proxy.failures.set(chat, { status: 502, remaining: 1_000 });

    // First: one refused message and one still failing after its attempts.
    await w.enqueueFor([ids[0]!, ids[3]!], 'a');
    await sendAll(x);
    await drain(x.committee);
    let shown = alerts(c);
    expect(shown).toHaveLength(2);
    const refused = shown.find((a) => a.text.includes('telegram 400: chat not found'))!;
    const down = shown.find((a) => a.text.includes('telegram 502'))!;
    expect(refused.text).toContain('Telegram a refusé 1 message*');
    expect(down.text).toContain('Telegram a répondu par des erreurs de serveur : 1 message mis de côté* après 3 tentatives');

    // More of both, parked by either instance, plus one delivered: no new Slack message.
    await w.enqueueFor([ids[1]!, ids[2]!, ids[4]!, ids[5]!], 'b');
    await w.enqueueFor([ids[0]!, ids[1]!, ids[3]!], 'c');
    await sendAll(x);
    await drain(x.committee);
    expect(alerts(c)).toEqual(shown);
    // The count is edited once the minute is over.
    c.h.clock.advance(MINUTE);
    await drain(x.committee);
    shown = alerts(c);
    expect(shown.map((a) => a.ts)).toEqual([refused.ts, down.ts]);
    expect(shown[0]!.text).toContain('Telegram a refusé 5 messages*');
    expect(shown[1]!.text).toContain('Telegram a répondu par des erreurs de serveur : 3 messages mis de côté*');
    // One edit per reason for the minute, however many were parked in it.
    expect(c.slack.calls.filter((k) => k.method === 'chat.update')).toHaveLength(2);

    // A later episode: a fresh alert for a reason parked again.
    c.h.clock.advance(EPISODE);
    await w.enqueueFor([ids[2]!], 'd');
    await sendAll(x);
    await drain(x.committee);
    shown = alerts(c);
    expect(shown).toHaveLength(3);
    expect(shown[2]!.text).toContain('Telegram a refusé 6 messages*');

    // Nothing about the recipients, and every alert delivered.
    for (const a of shown) for (const secret of [...refusedChats, ...downChats].map(String).concat(ids)) expect(a.text).not.toContain(secret);
    const mine = (await c.h.stores.outbox.list(0, 1000)).filter((m) => m.template === PARKED_ALERT_TEMPLATE);
    // Every alert delivered but the last episode's edit, due at the end of its minute.
    expect(mine.filter((m) => m.status !== 'sent').map((m) => [m.status, m.notBefore > c.h.clock.now()])).toEqual([['pending', true]]);
    // The residents' delivered message went out; the parked ones did not.
    expect(w.api.botMessages(9720)).toHaveLength(1);
  });

  it('draws valid blocks in every language, with no untranslated text', () => {
    const campaign = testCampaign();
    const kit = BlockKitValidator.shared();
    const views: ParkedAlertView[] = [
      { reason: 'telegram 400: chat not found', kind: 'refused', attempts: 1, count: 12, since: 0, at: 60_000 },
      { reason: 'telegram 502', kind: 'transient', attempts: 10, count: 1, since: 0, at: 0 },
      { reason: 'network error', kind: 'transient', attempts: 10, count: 3, since: 0, at: 0 },
      { reason: 'rendering failed', kind: 'transient', attempts: 10, count: 2, since: 0, at: 0 },
    ];
    for (const locale of SLACK_LOCALES) {
      const services = { t: slackTranslator(locale), format: slackFormat(campaign, locale) };
      const texts = views.map((v) => {
        const content = renderParkedAlert(services, v);
        expect(kit.checkMessageBlocks(content.blocks), locale).toEqual([]);
        const text = `${content.text}\n${(content.blocks[0] as { text: { text: string } }).text.text}\n${JSON.stringify(content.blocks[1])}`;
        expect(text, locale).not.toMatch(/notice-parked/u);
        expect(text, locale).toContain(v.reason);
        expect(text, locale).toContain(String(v.count));
        return text;
      });
      // Four different headlines: refused, server errors, unreachable, other.
      expect(new Set(texts.map((t) => t.split('\n')[1]!.slice(0, 80))).size, locale).toBe(4);
    }
  });
});
