/**
 * Contract of `ProcessedUpdates` (core/ports/processed-updates.ts), run unchanged by every
 * backend. Expiry is judged by the `now` argument only (never the wall clock), so a store
 * must keep the claim instant or expiry instant and compare it with `now`. A refused claim
 * does not extend the existing one. The exact boundary instant (`now === claimedAt + ttlMs`)
 * is left to the store; the suite tests one millisecond on either side.
 */
import { describe, expect, it } from 'vitest';
import type { MakeStores } from './stores-fixture.ts';
import { T0, fixtures, range } from './contract-helpers.ts';

const TTL = 7 * 86_400_000;

export function describeProcessedUpdatesContract(label: string, make: MakeStores): void {
  describe(`ProcessedUpdates contract [${label}]`, () => {
    const open = fixtures(make);

    it('is true for the first claim only', async () => {
      const { stores } = await open();
      expect(await stores.processed.claim('tg:1', T0, TTL)).toBe(true);
      expect(await stores.processed.claim('tg:1', T0, TTL)).toBe(false);
      expect(await stores.processed.claim('tg:1', T0 + 1000, TTL)).toBe(false);
    });

    it('keeps keys independent', async () => {
      const { stores } = await open();
      expect(await stores.processed.claim('tg:1', T0, TTL)).toBe(true);
      expect(await stores.processed.claim('tg:2', T0, TTL)).toBe(true);
      expect(await stores.processed.claim('slack:Ev1', T0, TTL)).toBe(true);
      expect(await stores.processed.claim('tg:2', T0, TTL)).toBe(false);
    });

    it('sees claims made through another handle', async () => {
      const { stores, reopen } = await open();
      const other = await reopen();
      expect(await stores.processed.claim('tg:1', T0, TTL)).toBe(true);
      expect(await other.processed.claim('tg:1', T0, TTL)).toBe(false);
    });

    it('lets a released key be claimed again', async () => {
      const { stores } = await open();
      expect(await stores.processed.claim('tg:1', T0, TTL)).toBe(true);
      await stores.processed.release('tg:1');
      expect(await stores.processed.claim('tg:1', T0 + 1, TTL)).toBe(true);
      expect(await stores.processed.claim('tg:1', T0 + 2, TTL)).toBe(false);
    });

    it('releases an unknown key without error', async () => {
      const { stores } = await open();
      await expect(stores.processed.release('tg:never')).resolves.toBeUndefined();
    });

    it('expires a claim after ttlMs, judged by the now argument', async () => {
      const { stores } = await open();
      expect(await stores.processed.claim('tg:1', T0, 1000)).toBe(true);
      expect(await stores.processed.claim('tg:1', T0 + 999, 1000)).toBe(false);
      expect(await stores.processed.claim('tg:1', T0 + 1001, 1000)).toBe(true);
      expect(await stores.processed.claim('tg:1', T0 + 1002, 1000)).toBe(false);
    });

    it('does not extend a claim on a refused claim', async () => {
      const { stores } = await open();
      expect(await stores.processed.claim('tg:1', T0, 1000)).toBe(true);
      expect(await stores.processed.claim('tg:1', T0 + 900, 1000)).toBe(false);
      expect(await stores.processed.claim('tg:1', T0 + 1001, 1000)).toBe(true);
    });

    it('honours a ttl longer than real time has passed (7 days)', async () => {
      const { stores } = await open();
      expect(await stores.processed.claim('tg:1', T0, TTL)).toBe(true);
      expect(await stores.processed.claim('tg:1', T0 + TTL - 1, TTL)).toBe(false);
      expect(await stores.processed.claim('tg:1', T0 + TTL + 1, TTL)).toBe(true);
    });

    it('race: of many concurrent claims of one key through two handles exactly one wins', async () => {
      const { stores, reopen } = await open();
      const other = await reopen();
      const outs = await Promise.all(range(1, 20).map((i) => (i % 2 ? stores : other).processed.claim('tg:42', T0, TTL)));
      expect(outs.filter(Boolean)).toHaveLength(1);
    });

    it('race: concurrent claims after expiry: exactly one wins', async () => {
      const { stores, reopen } = await open();
      const other = await reopen();
      await stores.processed.claim('tg:42', T0, 1000);
      const outs = await Promise.all(range(1, 10).map((i) => (i % 2 ? stores : other).processed.claim('tg:42', T0 + 5000, 1000)));
      expect(outs.filter(Boolean)).toHaveLength(1);
    });
  });
}
