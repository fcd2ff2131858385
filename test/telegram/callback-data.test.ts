import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineCallback, intPart } from '../../adapters/telegram/callback-data.ts';

describe('callback data codec', () => {
  const codec = defineCallback('x', z.tuple([z.enum(['a', 'b']), intPart]));

  it('encodes parts and decodes them back', () => {
    expect(codec.encode('a', 5)).toBe('x|a|5');
    expect(codec.decode('x|a|5')).toEqual(['a', 5]);
    expect(codec.decode('x|c|5')).toBeNull();
  });

  it('refuses a part its schema refuses, also after the same position accepted other values', () => {
    // Accepted values are remembered per part: a refused one must still be refused.
    for (let i = 0; i < 600; i++) codec.encode(i % 2 === 0 ? 'a' : 'b', i);
    expect(() => codec.encode('c' as never, 1)).toThrow(/does not match its schema/);
    expect(() => codec.encode('a', -1 as never)).toThrow(/does not match its schema/);
    expect(() => codec.encode('a', '01' as never)).toThrow(/does not match its schema/);
  });

  it('refuses too few or too many parts', () => {
    expect(() => (codec.encode as (...p: unknown[]) => string)('a')).toThrow(/does not match its schema/);
    expect(() => (codec.encode as (...p: unknown[]) => string)('a', 1, 2)).toThrow(/does not match its schema/);
  });

  it('decodes the same data the same way every time, remembered parts or not, and keeps refusing what it refused', () => {
    // Parses are remembered per part (and forgotten past a bound): the answers must not change.
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 700; i++) expect(codec.decode(`x|${i % 2 === 0 ? 'a' : 'b'}|${i}`)).toEqual([i % 2 === 0 ? 'a' : 'b', i]);
      expect(codec.decode('x|a|01')).toBeNull();
      expect(codec.decode('x|c|1')).toBeNull();
      expect(codec.decode('x|a')).toBeNull();
      expect(codec.decode('x|a|1|2')).toBeNull();
      expect(codec.decode('z|a|1')).toBeNull();
    }
    const withOptional = defineCallback('o', z.tuple([intPart, z.enum(['k']).optional()]));
    expect(withOptional.decode('o|3')).toEqual([3]);
    expect(withOptional.decode('o|3|k')).toEqual([3, 'k']);
    const checked = defineCallback('w', z.tuple([intPart, intPart]).refine(([a, b]) => a + b < 10));
    expect(checked.decode('w|1|2')).toEqual([1, 2]);
    expect(checked.decode('w|5|6')).toBeNull();
  });

  it('applies a check made on the whole tuple', () => {
    const small = defineCallback('y', z.tuple([intPart, intPart]).refine(([a, b]) => a + b < 10));
    expect(small.encode(1, 2)).toBe('y|1|2');
    expect(() => small.encode(5, 6)).toThrow(/does not match its schema/);
  });
});
