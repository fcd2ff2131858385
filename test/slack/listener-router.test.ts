/**
 * The listener router runs the features' listeners from one global middleware, matching as
 * Bolt's `App` matches them (see adapters/slack/listener-router.ts): driven here through a
 * Bolt `App` and `processEvent`, with no network.
 */
import { App } from '@slack/bolt';
import type { Receiver } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { ListenerRouter } from '../../adapters/slack/listener-router.ts';

const receiver: Receiver = { init: () => {}, start: async () => undefined, stop: async () => undefined };

function appWithRouter(): { app: App; router: ListenerRouter; errors: unknown[] } {
  const errors: unknown[] = [];
  const app = new App({ receiver, authorize: async () => ({ botToken: 'xoxb-not-a-real-token', botUserId: 'UBOT' }) });
  app.error(async (e) => {
    errors.push((e as { original?: unknown }).original ?? e);
  });
  const router = new ListenerRouter();
  app.use(router.middleware as never);
  return { app, router, errors };
}

const user = { id: 'U1', username: 'u', name: 'u', team_id: 'T1' };
function press(actionId: string): Record<string, unknown> {
  return { type: 'block_actions', team: { id: 'T1' }, user, api_app_id: 'A1', token: 'x', trigger_id: '1.2', channel: { id: 'C1' }, actions: [{ type: 'button', action_id: actionId, block_id: 'b', value: 'v', action_ts: '1' }] };
}
function view(type: 'view_submission' | 'view_closed', callbackId: string): Record<string, unknown> {
  return { type, team: { id: 'T1' }, user, api_app_id: 'A1', token: 'x', view: { id: 'V1', type: 'modal', callback_id: callbackId, state: { values: {} }, private_metadata: '' } };
}

async function deliver(app: App, body: Record<string, unknown>): Promise<number> {
  let acks = 0;
  await app.processEvent({ body, ack: async () => void acks++ });
  return acks;
}

describe('the listener router', () => {
  it('runs the listeners whose constraints match, every one of them, and no other', async () => {
    const { app, router } = appWithRouter();
    const ran: string[] = [];
    router.listeners.action('card.eligible', async ({ ack }) => {
      ran.push('exact');
      await ack();
    });
    router.listeners.action(/^card\./, async () => void ran.push('pattern'));
    router.listeners.action({ action_id: 'card.eligible', block_id: 'other' }, async () => void ran.push('other block'));
    router.listeners.action('home.refresh', async () => void ran.push('home'));
    router.listeners.command('/pnyx', async () => void ran.push('command'));
    expect(await deliver(app, press('card.eligible'))).toBe(1);
    expect(ran.sort()).toEqual(['exact', 'pattern']);
  });

  it('takes a bare callback id for submissions only, as App.view does', async () => {
    const { app, router } = appWithRouter();
    const ran: string[] = [];
    router.listeners.view('reject', async () => void ran.push('submitted'));
    router.listeners.view({ callback_id: 'reject', type: 'view_closed' }, async () => void ran.push('closed'));
    await deliver(app, view('view_submission', 'reject'));
    await deliver(app, view('view_closed', 'reject'));
    await deliver(app, view('view_submission', 'estimate'));
    expect(ran).toEqual(['submitted', 'closed']);
  });

  it('still runs listeners registered on the App, and reports a listener’s failure', async () => {
    const { app, router, errors } = appWithRouter();
    const ran: string[] = [];
    app.action('card.eligible', async () => void ran.push('on the app'));
    router.listeners.action('card.eligible', async () => {
      ran.push('routed');
      throw new Error('listener broke');
    });
    await deliver(app, press('card.eligible'));
    expect(ran.sort()).toEqual(['on the app', 'routed']);
    expect(errors.map((e) => (e as Error).message)).toEqual(['listener broke']);
  });
});
