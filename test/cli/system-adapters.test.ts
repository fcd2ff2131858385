import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, CryptoIds, SeededIds, SeededRandom, SteppingClock, SystemClock } from '../../adapters/system/index.ts';

const code = (n: number) => new RegExp(`^[${CODE_ALPHABET}]{${n}}$`);

describe('system adapters', () => {
  it('CryptoIds makes prefixed URL-safe ids, 10-character receipts and 8-character one-time codes', () => {
    const ids = new CryptoIds();
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const id = ids.newId('idea');
      expect(id).toMatch(/^idea_[a-z2-9]{16}$/);
      expect(id.length).toBeLessThanOrEqual(32);
      seen.add(id);
      expect(ids.receiptCode()).toMatch(code(10));
      expect(ids.oneTimeCode()).toMatch(code(8));
    }
    expect(seen.size).toBe(2000);
    expect(() => ids.newId('bad prefix')).toThrow(/id prefix/);
  });

  it('the code alphabet has 32 symbols without 0, O, 1 or I', () => {
    expect(new Set(CODE_ALPHABET).size).toBe(32);
    expect(CODE_ALPHABET).not.toMatch(/[0O1I]/);
  });

  it('SeededIds repeats its sequence for a seed and differs across seeds', () => {
    const draw = (seed: string) => {
      const ids = new SeededIds(seed);
      return [ids.newId('r'), ids.receiptCode(), ids.oneTimeCode(), ids.newId('idea'), ids.receiptCode()];
    };
    expect(draw('7')).toEqual(draw('7'));
    expect(draw('7')).not.toEqual(draw('8'));
    const [id, receipt, otc] = draw('7');
    expect(id).toMatch(/^r_[a-z2-9]{16}$/);
    expect(receipt).toMatch(code(10));
    expect(otc).toMatch(code(8));
  });

  it('SeededRandom is reproducible and its forks are independent streams', () => {
    const a = new SeededRandom('x');
    const b = new SeededRandom('x');
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new SeededRandom('x').fork('one').next()).not.toBe(new SeededRandom('x').fork('two').next());
    const r = new SeededRandom(3);
    for (let i = 0; i < 200; i++) {
      const k = r.between(2, 5);
      expect(k).toBeGreaterThanOrEqual(2);
      expect(k).toBeLessThanOrEqual(5);
    }
    expect(r.shuffle([1, 2, 3, 4]).sort()).toEqual([1, 2, 3, 4]);
  });

  it('SteppingClock moves forward only; SystemClock reads the real time', () => {
    const clock = new SteppingClock(1000);
    clock.advance(500);
    expect(clock.now()).toBe(1500);
    clock.set(2000);
    expect(clock.now()).toBe(2000);
    expect(() => clock.set(1999)).toThrow(/cannot move back/);
    const before = Date.now();
    const now = new SystemClock().now();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });
});
