/**
 * Exact rational numbers on BigInt, written by hand.
 *
 * Why not a package: `core/` may import no npm package (dependency-cruiser enforces it), and
 * the tally needs exact arithmetic — budgets and costs such as `446829.4`, `0.9` or `1.09`,
 * and MES shares such as `400/7` — where a float drifts and flips ties. Keeping it small also
 * keeps it fast: values are always normalized (gcd = 1, denominator > 0), with fast paths for
 * integers and equal denominators; the MES hot loop works on scaled BigInts directly
 * (see `mes.ts`) and uses this type only at its edges.
 */

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

/** Greatest common divisor of two BigInts (non-negative result; gcd(0, 0) = 0). */
export function bigGcd(a: bigint, b: bigint): bigint {
  return gcd(a, b);
}

/** An exact rational `n/d`, always normalized: `d > 0` and `gcd(|n|, d) = 1`. Immutable. */
export class Rational {
  /** Numerator (carries the sign). */
  readonly n: bigint;
  /** Denominator, always positive. */
  readonly d: bigint;

  private constructor(n: bigint, d: bigint) {
    this.n = n;
    this.d = d;
  }

  /** 0. */
  static readonly ZERO = new Rational(0n, 1n);
  /** 1. */
  static readonly ONE = new Rational(1n, 1n);

  /** `n/d`, normalized. Throws on a zero denominator (a bug, not an input error). */
  static of(n: bigint, d: bigint = 1n): Rational {
    if (d === 0n) throw new RangeError('Rational: zero denominator');
    if (d < 0n) {
      n = -n;
      d = -d;
    }
    if (d === 1n) return new Rational(n, 1n);
    const g = gcd(n, d);
    return g === 1n ? new Rational(n, d) : new Rational(n / g, d / g);
  }

  /** An integer (a JS number must be a safe integer). */
  static int(v: number | bigint): Rational {
    if (typeof v === 'number' && !Number.isSafeInteger(v)) throw new RangeError(`Rational.int: not a safe integer: ${v}`);
    return new Rational(BigInt(v), 1n);
  }

  /**
   * Parses a plain decimal: optional sign, digits, optional `.` or `,` fraction ("446829.4",
   * "8000,0", "-3", ".5"). No exponent, no thousands separators. Returns null when malformed.
   */
  static parse(text: string): Rational | null {
    const m = /^([+-]?)(\d*)(?:[.,](\d*))?$/.exec(text.trim());
    if (m === null) return null;
    const [, sign = '', whole = '', frac = ''] = m;
    if (whole === '' && frac === '') return null;
    const digits = BigInt((whole === '' ? '0' : whole) + frac);
    const r = Rational.of(sign === '-' ? -digits : digits, 10n ** BigInt(frac.length));
    return r;
  }

  add(o: Rational): Rational {
    if (this.d === o.d) return Rational.of(this.n + o.n, this.d);
    return Rational.of(this.n * o.d + o.n * this.d, this.d * o.d);
  }

  sub(o: Rational): Rational {
    if (this.d === o.d) return Rational.of(this.n - o.n, this.d);
    return Rational.of(this.n * o.d - o.n * this.d, this.d * o.d);
  }

  mul(o: Rational): Rational {
    return Rational.of(this.n * o.n, this.d * o.d);
  }

  /** Division; throws on division by zero (a bug). */
  div(o: Rational): Rational {
    if (o.n === 0n) throw new RangeError('Rational: division by zero');
    return Rational.of(this.n * o.d, this.d * o.n);
  }

  /** -1, 0 or 1. */
  cmp(o: Rational): -1 | 0 | 1 {
    const l = this.d === o.d ? this.n : this.n * o.d;
    const r = this.d === o.d ? o.n : o.n * this.d;
    return l < r ? -1 : l > r ? 1 : 0;
  }

  eq(o: Rational): boolean {
    return this.n === o.n && this.d === o.d;
  }
  lt(o: Rational): boolean {
    return this.cmp(o) < 0;
  }
  lte(o: Rational): boolean {
    return this.cmp(o) <= 0;
  }
  gt(o: Rational): boolean {
    return this.cmp(o) > 0;
  }
  gte(o: Rational): boolean {
    return this.cmp(o) >= 0;
  }
  isZero(): boolean {
    return this.n === 0n;
  }
  isNegative(): boolean {
    return this.n < 0n;
  }
  isInteger(): boolean {
    return this.d === 1n;
  }

  /** Largest integer ≤ this. */
  floor(): bigint {
    const q = this.n / this.d;
    return this.n < 0n && q * this.d !== this.n ? q - 1n : q;
  }

  /** Nearest float (for display and statistics only, never for decisions). */
  toNumber(): number {
    if (this.d === 1n) return Number(this.n);
    const scale = 10n ** 18n;
    return Number((this.n * scale) / this.d) / 1e18;
  }

  /**
   * Decimal text with "." as separator, no exponent, no trailing zeros ("12000", "446829.4").
   * Exact when the expansion terminates within `maxFractionDigits` (default 12); otherwise
   * rounded half away from zero to that many digits.
   */
  toDecimal(maxFractionDigits = 12): string {
    const neg = this.n < 0n;
    const a = neg ? -this.n : this.n;
    const scale = 10n ** BigInt(maxFractionDigits);
    let scaled = (a * scale) / this.d;
    const rem = (a * scale) % this.d;
    if (rem * 2n >= this.d) scaled += 1n;
    const whole = scaled / scale;
    let frac = (scaled % scale).toString().padStart(maxFractionDigits, '0').replace(/0+$/, '');
    if (maxFractionDigits === 0) frac = '';
    const body = frac === '' ? whole.toString() : `${whole}.${frac}`;
    return neg && body !== '0' ? `-${body}` : body;
  }

  /** `n/d` (or `n` for integers), for debugging and test messages. */
  toString(): string {
    return this.d === 1n ? this.n.toString() : `${this.n}/${this.d}`;
  }
}

/** Sum of rationals. */
export function sumRationals(values: Iterable<Rational>): Rational {
  let s = Rational.ZERO;
  for (const v of values) s = s.add(v);
  return s;
}
