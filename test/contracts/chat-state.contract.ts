/**
 * Contract of `ChatStateStore` (core/ports/chat-state-store.ts), run unchanged by every
 * backend. Expiry is judged by the `now` arguments only; TTLs here are hours long so that a
 * store which also lets its server expire keys on the wall clock (Redis PX) never drops an
 * entry during a test on a slow machine.
 */
import { describe, expect, it } from 'vitest';
import { CHAT_STATE_MAX_BYTES } from '../../core/ports/chat-state-store.ts';
import type { JsonValue } from '../../core/ports/chat-state-store.ts';
import type { MakeStores } from './stores-fixture.ts';
import { T0, fixtures, range } from './contract-helpers.ts';

const HOUR = 3_600_000;
const A = 'tg:1001';
const B = 'tg:2002';
const at = (now: number, owner = A, ttlMs = HOUR) => ({ owner, ttlMs, now });

/** A string value whose JSON text is exactly `bytes` UTF-8 bytes, written with `unit` (1, 2, 3 or 4 bytes a character). */
function valueOfBytes(bytes: number, unit: string): string {
  const per = new TextEncoder().encode(unit).length;
  const body = bytes - 2;
  const fill = 'x'.repeat(body % per);
  return fill + unit.repeat(Math.floor(body / per));
}

const NESTED: JsonValue = {
  step: 'ballot.choose',
  slot: 'town',
  picks: [{ ideaId: 'idea_7', points: 2 }, { ideaId: 'idea_9', points: 1 }],
  draft: { title: 'Bänke am Fluss — «ombre» 🌳', cost: 120_000.5, tags: [], empty: {}, none: null, yes: true, no: false },
  depth: { a: { b: { c: [[1, [2, [3]]], -0.25, 1e21] } } },
  'key with spaces and "quotes"': '\n\t\\',
};

export function describeChatStateContract(label: string, make: MakeStores): void {
  describe(`ChatStateStore contract [${label}]`, () => {
    const open = fixtures(make);

    it('reads back nested JSON exactly as written; an unknown key is undefined', async () => {
      const { stores } = await open();
      expect(await stores.chat.read('session:1', T0)).toBeUndefined();
      expect(await stores.chat.write('session:1', NESTED, at(T0))).toBe('written');
      expect(await stores.chat.read('session:1', T0 + 1)).toEqual(NESTED);
      for (const [i, v] of ([null, 0, 'text', false, [], {}, [null, 'a', 1.5]] as JsonValue[]).entries()) {
        expect(await stores.chat.write(`scalar:${i}`, v, at(T0))).toBe('written');
        expect(await stores.chat.read(`scalar:${i}`, T0)).toEqual(v);
      }
      // null is a value, not an absence.
      expect(await stores.chat.read('scalar:0', T0)).toBeNull();
    });

    it('hands out a fresh copy: changing what was read changes nothing stored', async () => {
      const { stores } = await open();
      await stores.chat.write('session:1', { step: 1, list: [1] }, at(T0));
      const first = (await stores.chat.read('session:1', T0)) as { step: number; list: number[] };
      first.step = 99;
      first.list.push(2);
      expect(await stores.chat.read('session:1', T0)).toEqual({ step: 1, list: [1] });
    });

    it('keeps keys independent, whatever characters they hold', async () => {
      const { stores } = await open();
      const keys = ['a', 'a:b', 'a:b:c', 'conv:12345', 'sp ace', 'glob*?[x]', 'ünï-ç😀de', '{tag}'];
      for (const [i, k] of keys.entries()) await stores.chat.write(k, { i }, at(T0));
      for (const [i, k] of keys.entries()) expect(await stores.chat.read(k, T0)).toEqual({ i });
      await stores.chat.delete('a:b');
      expect(await stores.chat.read('a', T0)).toEqual({ i: 0 });
      expect(await stores.chat.read('a:b:c', T0)).toEqual({ i: 2 });
    });

    it('reads started together each get their own entry, absent and expired ones undefined', async () => {
      const { stores } = await open();
      // More than one batch of the Redis store's turn-batched reads (CHAT_READ_BATCH = 64).
      const keys = Array.from({ length: 150 }, (_, i) => `conv:${i}`);
      await Promise.all(keys.map((k, i) => (i % 3 === 2 ? Promise.resolve() : stores.chat.write(k, { i, text: `é${i}` }, { ...at(T0), ttlMs: i % 3 === 1 ? 10 : 60_000 }))));
      const read = await Promise.all(keys.map((k) => stores.chat.read(k, T0 + 100)));
      expect(read).toEqual(keys.map((_, i) => (i % 3 === 0 ? { i, text: `é${i}` } : undefined)));
    });

    it('expires an entry ttlMs after its write, judged by the now argument', async () => {
      const { stores } = await open();
      await stores.chat.write('session:1', { step: 1 }, at(T0, A, 2 * HOUR));
      expect(await stores.chat.read('session:1', T0 + 2 * HOUR - 1)).toEqual({ step: 1 });
      expect(await stores.chat.read('session:1', T0 + 2 * HOUR)).toBeUndefined();
      expect(await stores.chat.read('session:1', T0 + 3 * HOUR)).toBeUndefined();
    });

    it('refreshes the TTL on every write, and a write after expiry starts a new entry', async () => {
      const { stores } = await open();
      await stores.chat.write('session:1', { step: 1 }, at(T0));
      await stores.chat.write('session:1', { step: 2 }, at(T0 + HOUR - 10));
      expect(await stores.chat.read('session:1', T0 + HOUR + 10)).toEqual({ step: 2 });
      expect(await stores.chat.read('session:1', T0 + 2 * HOUR - 11)).toEqual({ step: 2 });
      expect(await stores.chat.read('session:1', T0 + 2 * HOUR - 10)).toBeUndefined();
      // Long gone; written again it lives again, from the new write.
      await stores.chat.write('session:1', { step: 3 }, at(T0 + 5 * HOUR, B));
      expect(await stores.chat.read('session:1', T0 + 6 * HOUR - 1)).toEqual({ step: 3 });
      expect(await stores.chat.eraseOwner(B)).toBe(1);
    });

    it('accepts a value of exactly the limit and refuses one byte more, counting UTF-8 bytes', async () => {
      const { stores } = await open();
      for (const unit of ['x', 'é', '€', '🌳']) {
        const fits = valueOfBytes(CHAT_STATE_MAX_BYTES, unit);
        expect(new TextEncoder().encode(JSON.stringify(fits)).length).toBe(CHAT_STATE_MAX_BYTES);
        expect(await stores.chat.write(`fits:${unit}`, fits, at(T0)), unit).toBe('written');
        expect(await stores.chat.read(`fits:${unit}`, T0)).toBe(fits);
        const over = valueOfBytes(CHAT_STATE_MAX_BYTES + 1, unit);
        expect(await stores.chat.write(`over:${unit}`, over, at(T0)), unit).toBe('too_large');
        expect(await stores.chat.read(`over:${unit}`, T0)).toBeUndefined();
      }
      // Fewer UTF-16 code units than the limit, more bytes: still refused.
      const wide = 'é'.repeat(CHAT_STATE_MAX_BYTES / 2);
      expect(wide.length).toBeLessThan(CHAT_STATE_MAX_BYTES);
      expect(await stores.chat.write('wide', { wide }, at(T0))).toBe('too_large');
    });

    it('a refused write leaves the old value, its owner and its expiry as they were', async () => {
      const { stores } = await open();
      await stores.chat.write('session:1', { step: 1 }, at(T0, A));
      const huge = { blob: 'x'.repeat(CHAT_STATE_MAX_BYTES) };
      expect(await stores.chat.write('session:1', huge, at(T0 + HOUR - 10, B))).toBe('too_large');
      expect(await stores.chat.read('session:1', T0 + HOUR - 11)).toEqual({ step: 1 });
      // Not refreshed by the refused write.
      expect(await stores.chat.read('session:1', T0 + HOUR)).toBeUndefined();
      await stores.chat.write('session:2', { step: 1 }, at(T0, A));
      expect(await stores.chat.write('session:2', huge, at(T0, B))).toBe('too_large');
      expect(await stores.chat.eraseOwner(B)).toBe(0);
      expect(await stores.chat.read('session:2', T0)).toEqual({ step: 1 });
    });

    it('deletes a key; deleting an absent key is not an error', async () => {
      const { stores } = await open();
      await stores.chat.write('session:1', { step: 1 }, at(T0));
      await stores.chat.write('session:2', { step: 1 }, at(T0));
      await stores.chat.delete('session:1');
      expect(await stores.chat.read('session:1', T0)).toBeUndefined();
      expect(await stores.chat.read('session:2', T0)).toEqual({ step: 1 });
      await expect(stores.chat.delete('session:1')).resolves.toBeUndefined();
      await expect(stores.chat.delete('never')).resolves.toBeUndefined();
      expect(await stores.chat.eraseOwner(A)).toBe(1);
    });

    it("eraseOwner removes every entry of that owner and only those, by the owner of each entry's last write", async () => {
      const { stores } = await open();
      for (const k of ['session:1001', 'conv:1001', 'ballot:1001']) await stores.chat.write(k, { who: A }, at(T0, A));
      for (const k of ['session:2002', 'conv:2002']) await stores.chat.write(k, { who: B }, at(T0, B));
      // Written by A, then by B: it now belongs to B.
      await stores.chat.write('shared', { who: A }, at(T0, A));
      await stores.chat.write('shared', { who: B }, at(T0, B));
      expect(await stores.chat.eraseOwner(A)).toBe(3);
      for (const k of ['session:1001', 'conv:1001', 'ballot:1001']) expect(await stores.chat.read(k, T0)).toBeUndefined();
      for (const k of ['session:2002', 'conv:2002', 'shared']) expect(await stores.chat.read(k, T0)).toEqual({ who: B });
      expect(await stores.chat.eraseOwner(A)).toBe(0);
      expect(await stores.chat.eraseOwner('tg:never')).toBe(0);
      // A writes again after being erased (registering anew): only that entry is theirs.
      await stores.chat.write('session:1001', { again: true }, at(T0 + 1, A));
      expect(await stores.chat.eraseOwner(A)).toBe(1);
      expect(await stores.chat.eraseOwner(B)).toBe(3);
      for (const k of ['session:2002', 'conv:2002', 'shared']) expect(await stores.chat.read(k, T0)).toBeUndefined();
    });

    it('two handles see each other’s writes, deletes and erasures', async () => {
      const { stores, reopen } = await open();
      const other = await reopen();
      await stores.chat.write('conv:1', { step: 'title' }, at(T0));
      expect(await other.chat.read('conv:1', T0 + 1)).toEqual({ step: 'title' });
      await other.chat.write('conv:1', { step: 'cost' }, at(T0 + 2));
      expect(await stores.chat.read('conv:1', T0 + 3)).toEqual({ step: 'cost' });
      await other.chat.delete('conv:1');
      expect(await stores.chat.read('conv:1', T0 + 4)).toBeUndefined();
      await stores.chat.write('conv:2', { step: 1 }, at(T0));
      expect(await other.chat.eraseOwner(A)).toBe(1);
      expect(await stores.chat.read('conv:2', T0)).toBeUndefined();
    });

    it('throws on a TTL that is not a positive number of ms', async () => {
      const { stores } = await open();
      for (const ttlMs of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
        await expect(stores.chat.write('k', 1, at(T0, A, ttlMs))).rejects.toThrow(RangeError);
      }
      expect(await stores.chat.read('k', T0)).toBeUndefined();
    });

    it('race: concurrent writes of one key through two handles leave one whole value, last wins, owner index intact', async () => {
      const { stores, reopen } = await open();
      const other = await reopen();
      const owners = range(1, 6).map((i) => `tg:${i}`);
      const value = (i: number): JsonValue => ({ writer: i, owner: owners[i % owners.length]!, pad: String(i).repeat(4000), list: range(0, 50).map((n) => n * i) });
      await Promise.all(range(1, 24).map((i) => (i % 2 ? stores : other).chat.write('conv:42', value(i), at(T0 + i, owners[i % owners.length]!))));
      const final = (await stores.chat.read('conv:42', T0 + 100)) as { writer: number; owner: string };
      expect(final).toEqual(value(final.writer));
      expect(await other.chat.read('conv:42', T0 + 100)).toEqual(final);
      // The entry belongs to the owner of the value that won, and to no one else.
      for (const o of owners.filter((o) => o !== final.owner)) expect(await other.chat.eraseOwner(o)).toBe(0);
      expect(await stores.chat.read('conv:42', T0 + 100)).toEqual(final);
      expect(await stores.chat.eraseOwner(final.owner)).toBe(1);
      expect(await other.chat.read('conv:42', T0 + 100)).toBeUndefined();
    });

    it('race: erasing an owner while it writes leaves no entry the owner index lost', async () => {
      const { stores, reopen } = await open();
      const other = await reopen();
      const writes = range(1, 30).map((i) => stores.chat.write(`k:${i}`, { i }, at(T0, A)));
      const erased = other.chat.eraseOwner(A);
      await Promise.all([...writes, erased]);
      // Whatever the erase did not see, a second erase finds: every written entry is indexed.
      const left = await Promise.all(range(1, 30).map(async (i) => (await stores.chat.read(`k:${i}`, T0)) !== undefined));
      expect(await stores.chat.eraseOwner(A)).toBe(left.filter(Boolean).length);
      for (const i of range(1, 30)) expect(await other.chat.read(`k:${i}`, T0)).toBeUndefined();
    });
  });
}
