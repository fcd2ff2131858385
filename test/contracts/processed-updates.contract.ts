/**
 * Contract of `ProcessedUpdates` (core/ports/processed-updates.ts), run unchanged by every
 * backend: `begin` → new | in_progress | done, takeover of an expired lease, `finish` by any
 * caller (a holder whose lease was taken over included), `abandon` by the current holder only,
 * and races across two handles. Instants are the `now` arguments only (never the wall clock);
 * the exact boundary instant is left to the store, so the suite tests one millisecond on
 * either side. Leases are a minute long so that a store also dropping keys on real time
 * (Redis PX) cannot expire one during a slow test run.
 */
import { describe, expect, it } from 'vitest';
import { PROCESSED_KEEP_MS } from '../../core/ports/processed-updates.ts';
import type { ProcessedUpdates, UpdateBegin } from '../../core/ports/processed-updates.ts';
import type { MakeStores } from './stores-fixture.ts';
import { T0, fixtures, range } from './contract-helpers.ts';

const LEASE = 60_000;
const KEEP = PROCESSED_KEEP_MS;

/** The lease of a `new` answer; fails the test on any other. */
function leaseOf(o: UpdateBegin): string {
  expect(o.status).toBe('new');
  return o.status === 'new' ? o.lease : '';
}

async function statusAt(p: ProcessedUpdates, key: string, now: number): Promise<UpdateBegin['status']> {
  return (await p.begin(key, now, LEASE)).status;
}

export function describeProcessedUpdatesContract(label: string, make: MakeStores): void {
  describe(`ProcessedUpdates contract [${label}]`, () => {
    const open = fixtures(make);

    it('is new for the first begin, then in progress until the lease ends', async () => {
      const { stores } = await open();
      const first = await stores.processed.begin('tg:1', T0, LEASE);
      expect(first).toMatchObject({ status: 'new', until: T0 + LEASE });
      expect(first.status === 'new' && first.lease.length).toBeGreaterThan(0);
      expect(await stores.processed.begin('tg:1', T0, LEASE)).toEqual({ status: 'in_progress', until: T0 + LEASE });
      expect(await stores.processed.begin('tg:1', T0 + LEASE - 1, LEASE)).toEqual({ status: 'in_progress', until: T0 + LEASE });
    });

    it('is done after finish, for the default week after the finish', async () => {
      const { stores } = await open();
      leaseOf(await stores.processed.begin('tg:1', T0, LEASE));
      await stores.processed.finish('tg:1', T0 + 10);
      expect(await stores.processed.begin('tg:1', T0 + 11, LEASE)).toEqual({ status: 'done', until: T0 + 10 + KEEP });
      // Long past the lease: still done, not taken over.
      expect(await statusAt(stores.processed, 'tg:1', T0 + LEASE + 1)).toBe('done');
      expect(await statusAt(stores.processed, 'tg:1', T0 + 10 + KEEP - 1)).toBe('done');
      expect(await statusAt(stores.processed, 'tg:1', T0 + 10 + KEEP + 1)).toBe('new');
    });

    it('keeps a finished key for the keepMs given', async () => {
      const { stores } = await open();
      leaseOf(await stores.processed.begin('tg:1', T0, LEASE));
      await stores.processed.finish('tg:1', T0, 5 * LEASE);
      expect(await stores.processed.begin('tg:1', T0 + 5 * LEASE - 1, LEASE)).toEqual({ status: 'done', until: T0 + 5 * LEASE });
      expect(await statusAt(stores.processed, 'tg:1', T0 + 5 * LEASE + 1)).toBe('new');
    });

    it('finishes a key that was never begun, and a finished one again (the last finish sets the instant)', async () => {
      const { stores } = await open();
      await stores.processed.finish('tg:1', T0);
      expect(await stores.processed.begin('tg:1', T0 + 1, LEASE)).toEqual({ status: 'done', until: T0 + KEEP });
      await stores.processed.finish('tg:1', T0 + 100);
      expect(await stores.processed.begin('tg:1', T0 + 101, LEASE)).toEqual({ status: 'done', until: T0 + 100 + KEEP });
    });

    it('keeps keys independent', async () => {
      const { stores } = await open();
      leaseOf(await stores.processed.begin('tg:1', T0, LEASE));
      await stores.processed.finish('tg:1', T0);
      leaseOf(await stores.processed.begin('tg:2', T0, LEASE));
      leaseOf(await stores.processed.begin('slack:Ev1', T0, LEASE));
      expect(await statusAt(stores.processed, 'tg:1', T0)).toBe('done');
      expect(await statusAt(stores.processed, 'tg:2', T0)).toBe('in_progress');
      expect(await statusAt(stores.processed, 'tg:3', T0)).toBe('new');
    });

    it('sees states set through another handle', async () => {
      const { stores, reopen } = await open();
      const other = await reopen();
      leaseOf(await stores.processed.begin('tg:1', T0, LEASE));
      expect(await statusAt(other.processed, 'tg:1', T0)).toBe('in_progress');
      await other.processed.finish('tg:1', T0);
      expect(await statusAt(stores.processed, 'tg:1', T0)).toBe('done');
    });

    it('takes an expired lease over as new, with a lease of its own', async () => {
      const { stores } = await open();
      const crashed = leaseOf(await stores.processed.begin('tg:1', T0, LEASE));
      const taken = await stores.processed.begin('tg:1', T0 + LEASE + 1, LEASE);
      expect(taken).toMatchObject({ status: 'new', until: T0 + 2 * LEASE + 1 });
      expect(leaseOf(taken)).not.toBe(crashed);
      expect(await stores.processed.begin('tg:1', T0 + LEASE + 2, LEASE)).toEqual({ status: 'in_progress', until: T0 + 2 * LEASE + 1 });
    });

    it('does not extend a lease on a refused begin', async () => {
      const { stores } = await open();
      leaseOf(await stores.processed.begin('tg:1', T0, LEASE));
      expect(await stores.processed.begin('tg:1', T0 + LEASE - 1, 10 * LEASE)).toEqual({ status: 'in_progress', until: T0 + LEASE });
      leaseOf(await stores.processed.begin('tg:1', T0 + LEASE + 1, LEASE));
    });

    it('lets a holder whose lease was taken over still record done', async () => {
      const { stores, reopen } = await open();
      const other = await reopen();
      const slow = leaseOf(await stores.processed.begin('tg:1', T0, LEASE));
      const taker = leaseOf(await other.processed.begin('tg:1', T0 + LEASE + 1, LEASE));
      await stores.processed.finish('tg:1', T0 + LEASE + 5);
      expect(await stores.processed.begin('tg:1', T0 + LEASE + 6, LEASE)).toEqual({ status: 'done', until: T0 + LEASE + 5 + KEEP });
      // Neither lease can undo it; the taker's own finish keeps it done.
      expect(await other.processed.abandon('tg:1', taker)).toBe(false);
      expect(await stores.processed.abandon('tg:1', slow)).toBe(false);
      await other.processed.finish('tg:1', T0 + LEASE + 9);
      expect(await stores.processed.begin('tg:1', T0 + 3 * LEASE, LEASE)).toEqual({ status: 'done', until: T0 + LEASE + 9 + KEEP });
    });

    it('abandon by the holder releases the key at once', async () => {
      const { stores } = await open();
      const lease = leaseOf(await stores.processed.begin('tg:1', T0, LEASE));
      expect(await stores.processed.abandon('tg:1', lease)).toBe(true);
      leaseOf(await stores.processed.begin('tg:1', T0 + 1, LEASE));
      // The old lease is spent: it cannot free the new holder's.
      expect(await stores.processed.abandon('tg:1', lease)).toBe(false);
      expect(await statusAt(stores.processed, 'tg:1', T0 + 2)).toBe('in_progress');
    });

    it('abandon by a holder whose lease was taken over changes nothing', async () => {
      const { stores, reopen } = await open();
      const other = await reopen();
      const slow = leaseOf(await stores.processed.begin('tg:1', T0, LEASE));
      const taker = leaseOf(await other.processed.begin('tg:1', T0 + LEASE + 1, LEASE));
      expect(await stores.processed.abandon('tg:1', slow)).toBe(false);
      expect(await stores.processed.begin('tg:1', T0 + LEASE + 2, LEASE)).toEqual({ status: 'in_progress', until: T0 + 2 * LEASE + 1 });
      expect(await other.processed.abandon('tg:1', taker)).toBe(true);
      expect(await statusAt(stores.processed, 'tg:1', T0 + LEASE + 3)).toBe('new');
    });

    it('abandon never undoes done, and refuses unknown keys and leases', async () => {
      const { stores } = await open();
      const lease = leaseOf(await stores.processed.begin('tg:1', T0, LEASE));
      await stores.processed.finish('tg:1', T0 + 1);
      expect(await stores.processed.abandon('tg:1', lease)).toBe(false);
      expect(await statusAt(stores.processed, 'tg:1', T0 + 2)).toBe('done');
      expect(await stores.processed.abandon('tg:never', lease)).toBe(false);
      leaseOf(await stores.processed.begin('tg:2', T0, LEASE));
      expect(await stores.processed.abandon('tg:2', 'not-a-lease')).toBe(false);
      expect(await stores.processed.abandon('tg:2', lease)).toBe(false);
      expect(await statusAt(stores.processed, 'tg:2', T0 + 1)).toBe('in_progress');
    });

    it('race: of many concurrent begins of one key through two handles exactly one is new', async () => {
      const { stores, reopen } = await open();
      const other = await reopen();
      const outs = await Promise.all(range(1, 20).map((i) => (i % 2 ? stores : other).processed.begin('tg:42', T0, LEASE)));
      expect(outs.filter((o) => o.status === 'new')).toHaveLength(1);
      expect(outs.filter((o) => o.status === 'in_progress')).toHaveLength(19);
    });

    it('race: concurrent begins after the lease expired: exactly one takes it over', async () => {
      const { stores, reopen } = await open();
      const other = await reopen();
      leaseOf(await stores.processed.begin('tg:42', T0, LEASE));
      const outs = await Promise.all(range(1, 10).map((i) => (i % 2 ? stores : other).processed.begin('tg:42', T0 + 5 * LEASE, LEASE)));
      expect(outs.filter((o) => o.status === 'new')).toHaveLength(1);
    });

    it('race: a stale abandon beside a takeover never frees the taker', async () => {
      const { stores, reopen } = await open();
      const other = await reopen();
      const slow = leaseOf(await stores.processed.begin('tg:42', T0, LEASE));
      const [, taken] = await Promise.all([stores.processed.abandon('tg:42', slow), other.processed.begin('tg:42', T0 + LEASE + 1, LEASE)]);
      leaseOf(taken);
      expect(await statusAt(stores.processed, 'tg:42', T0 + LEASE + 2)).toBe('in_progress');
    });

    it('race: begins racing a finish never answer new once it is done', async () => {
      const { stores, reopen } = await open();
      const other = await reopen();
      leaseOf(await stores.processed.begin('tg:42', T0, LEASE));
      const outs = await Promise.all([stores.processed.finish('tg:42', T0 + 1).then(() => null), ...range(1, 10).map(() => other.processed.begin('tg:42', T0 + 2, LEASE))]);
      expect(outs.filter((o) => o !== null && o.status === 'new')).toEqual([]);
      expect(await statusAt(stores.processed, 'tg:42', T0 + 3)).toBe('done');
    });
  });
}
