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

  it('applies a check made on the whole tuple', () => {
    const small = defineCallback('y', z.tuple([intPart, intPart]).refine(([a, b]) => a + b < 10));
    expect(small.encode(1, 2)).toBe('y|1|2');
    expect(() => small.encode(5, 6)).toThrow(/does not match its schema/);
  });
});
