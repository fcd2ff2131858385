/**
 * The idea wizard lives in the chat-state port, not in a process: a restart in the middle
 * continues at the same step (SQLite and Redis), and two bot instances on one Redis continue
 * each other's wizard, update by update.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Api } from 'grammy';
import type { Update } from 'grammy/types';
import { afterEach, describe, expect, it } from 'vitest';
import { openRedisStores } from '../../adapters/redis/index.ts';
import { openSqliteStores } from '../../adapters/sqlite/index.ts';
import { CHAT_STATE_MAX_BYTES, encodeChatState } from '../../core/ports/chat-state-store.ts';
import type { Stores } from '../../core/ports/stores.ts';
import { BOT_TOKEN, startBot } from '../support/telegram/bot-harness.ts';
import type { BotHarness } from '../support/telegram/bot-harness.ts';
import { deletePrefix, describeWithRedis, redisUrl, uniquePrefix } from '../support/redis.ts';
import { PROMPTS, Resident } from './idea-wizard-driver.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const p = PROMPTS.en;

/** Title and description, restart, then every other step and Confirm: one idea with every field. */
async function restartInTheMiddle(stores: Stores): Promise<void> {
  const run = await startBot({ stores });
  cleanups.push(() => run.stop());
  const residentId = await run.h.register(701);
  await run.h.engine.setLanguage(residentId, 'en');
  const r = new Resident(run, run.api.user({ id: 701, firstName: 'Rita', languageCode: 'en' }));
  await r.say('/idea', p.title);
  await r.say('Trees on the market square', p.description);
  await r.say('Plant six linden trees around the market square for shade in summer.', p.category);

  await run.restart();

  // The new process is at the category step: its buttons (from the old process) still work.
  await r.press('pick', 'nature', p.area);
  await r.press('pick', 'centre', p.cost);
  await r.say('8 500', p.photo);
  let photoId = '';
  await r.expect(p.location, () => {
    photoId = r.user.sendPhoto().fileId;
  });
  await run.restart();
  const summary = await r.expect(p.summary, () => r.user.sendLocation(49.85, 5.24));
  expect(summary.plain).toContain('Trees on the market square');
  // The whole wizard so far is the conversation's replay log in the port: well under its limit.
  const state = await stores.chat.read('conv:701', run.h.clock.now());
  expect(state).toBeDefined();
  const bytes = encodeChatState(state!).bytes;
  expect(bytes).toBeLessThan(CHAT_STATE_MAX_BYTES / 8);
  await r.press('confirm', '', p.sent);
  // Once confirmed, the wizard's state is gone (deleted when the update ends, just after
  // the confirmation was sent: wait for it rather than race it).
  let gone = false;
  for (let i = 0; i < 100 && !gone; i++) {
    gone = (await stores.chat.read('conv:701', run.h.clock.now())) === undefined;
    if (!gone) await new Promise((r) => setTimeout(r, 50));
  }
  expect(gone).toBe(true);
  const ideas = await run.h.stores.ideas.list();
  expect(ideas).toHaveLength(1);
  expect(ideas[0]).toMatchObject({
    authorId: residentId,
    title: 'Trees on the market square',
    description: 'Plant six linden trees around the market square for shade in summer.',
    category: 'nature',
    area: 'centre',
    cost: 850_000,
    photo: photoId,
    location: { lat: 49.85, lon: 5.24 },
    state: 'submitted',
  });
}

describe('the idea wizard across a restart, on SQLite', () => {
  it('continues at the same step and stores one idea with every field', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pnyx-wizard-'));
    const stores = openSqliteStores({ file: path.join(dir, 'campaign.sqlite') });
    cleanups.push(async () => {
      await stores.close();
      rmSync(dir, { recursive: true, force: true });
    });
    await restartInTheMiddle(stores);
  });
});

describeWithRedis('the idea wizard on Redis', () => {
  const openOnPrefix = async (prefix: string): Promise<Stores> => {
    const stores = await openRedisStores({ url: redisUrl, prefix, connectTimeoutMs: 2000 });
    cleanups.push(() => stores.close());
    return stores;
  };

  it('continues at the same step across a restart and stores one idea with every field', async () => {
    const prefix = uniquePrefix('wiz');
    cleanups.push(async () => {
      await deletePrefix(prefix);
    });
    await restartInTheMiddle(await openOnPrefix(prefix));
  });

  it('two instances on one prefix, taking the updates of one chat in turn, continue each other’s wizard', async () => {
    const prefix = uniquePrefix('wiz2');
    cleanups.push(async () => {
      await deletePrefix(prefix);
    });
    // Two processes: each its own connection to the same Redis prefix, its own engine and bot.
    const one = await startBot({ stores: await openOnPrefix(prefix) });
    cleanups.push(() => one.stop());
    // The stand-in, like Telegram, serves one getUpdates at a time (a second poller ends the
    // first with 409): the instances do not poll here. A dispatcher below reads the updates
    // once and hands them to the instances in turn with `handleUpdate`, as a webhook behind a
    // load balancer would. `one` stops polling before `two` starts, so they never conflict.
    await one.stopBot();
    const two = await startBot({ stores: await openOnPrefix(prefix), api: one.api });
    cleanups.push(() => two.stop());
    await two.stopBot();
    const instances: BotHarness[] = [one, two];
    const api = new Api(BOT_TOKEN, { apiRoot: one.api.apiRoot });
    let offset = 0;
    let turn = 0;
    const handledBy: number[] = [];
    let stopped = false;
    const dispatch = (async () => {
      while (!stopped) {
        const updates: Update[] = await api.getUpdates({ offset, timeout: 0 });
        for (const u of updates) {
          offset = u.update_id + 1;
          const i = turn++ % 2;
          handledBy.push(i);
          await instances[i]!.bot.bot.handleUpdate(u);
        }
        await new Promise((res) => setTimeout(res, 10));
      }
    })();

    const residentId = await one.h.register(702);
    await one.h.engine.setLanguage(residentId, 'en');
    const r = new Resident(one, one.api.user({ id: 702, firstName: 'Ivo', languageCode: 'en' }));
    try {
      await r.say('/idea', p.title); // one
      await r.say('Trees on the market square', p.description); // two
      await r.say('Plant six linden trees around the market square for shade in summer.', p.category); // one
      await r.press('pick', 'nature', p.area); // two
      await r.press('town', '', p.cost); // one
      await r.press('dontknow', '', p.photo); // two
      await r.press('skip', '', p.location); // one
      await r.press('skip', '', p.summary); // two
      await r.press('confirm', '', p.sent); // one
    } finally {
      stopped = true;
      await dispatch;
    }
    expect(handledBy).toEqual([0, 1, 0, 1, 0, 1, 0, 1, 0]);
    const ideas = await two.h.stores.ideas.list();
    expect(ideas).toHaveLength(1);
    expect(ideas[0]).toMatchObject({ authorId: residentId, title: 'Trees on the market square', category: 'nature', area: null, cost: null, photo: null, location: null });
  });
});
