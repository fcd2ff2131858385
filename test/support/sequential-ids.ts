import type { IdSource } from '../../core/ports/id-source.ts';

/** Unambiguous alphabet of codes: no 0/O, no 1/I. 32 symbols. */
export const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * A deterministic `IdSource` for tests and `simulate --seed`: the same seed gives the same
 * sequence. Ids are `<prefix>_<seed>_<n>` (n = 1, 2, … per prefix). Codes are the counter run
 * through a bijection (odd multiplier + seed offset, mod 32^length), so they look scattered
 * yet never repeat within 32^length draws; not unguessable, which is fine for tests.
 */
export class SequentialIds implements IdSource {
  private readonly counters = new Map<string, number>();
  private receipts = 0n;
  private oneTime = 0n;

  constructor(private readonly seed = 1) {
    if (!Number.isSafeInteger(seed) || seed < 0) throw new Error('SequentialIds: seed must be a non-negative integer');
  }

  newId(prefix: string): string {
    const n = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, n);
    const id = `${prefix}_${this.seed}_${n}`;
    if (id.length > 32 || !/^[A-Za-z0-9_-]+$/.test(id)) throw new Error(`SequentialIds: id "${id}" is not a short URL-safe id`);
    return id;
  }

  receiptCode(): string {
    this.receipts += 1n;
    return scrambled(this.receipts, BigInt(this.seed), 10);
  }

  oneTimeCode(): string {
    this.oneTime += 1n;
    return scrambled(this.oneTime, BigInt(this.seed) + 7n, 8);
  }
}

function scrambled(counter: bigint, seed: bigint, length: number): string {
  const modulus = 32n ** BigInt(length);
  // 0x9E3779B97F4A7C15 is odd, so n ↦ n·m + c is a bijection modulo a power of two.
  let v = (counter * 0x9e3779b97f4a7c15n + seed * 0x632be59bd9b4e019n) % modulus;
  let out = '';
  for (let i = 0; i < length; i++) {
    out = (CODE_ALPHABET[Number(v % 32n)] as string) + out;
    v /= 32n;
  }
  return out;
}
