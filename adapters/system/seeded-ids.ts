import type { IdSource } from '../../core/ports/id-source.ts';
import { checkIdPrefix, CODE_ALPHABET, drawCode, ID_ALPHABET, ID_RANDOM_LENGTH, ONE_TIME_CODE_LENGTH, RECEIPT_LENGTH } from './code-alphabet.ts';
import { SeededRandom } from './seeded-random.ts';

/**
 * Ids and codes from a seeded generator, for `pnyx simulate --seed`: the same seed gives the
 * same ids, receipts and one-time codes, so the simulation's output is reproducible. Same
 * shapes as {@link CryptoIds}; guessable by anyone who knows the seed, so never for a real
 * campaign. Ids, receipts and codes come from separate streams: adding a ballot does not
 * shift the ids of ideas.
 */
export class SeededIds implements IdSource {
  readonly #ids: SeededRandom;
  readonly #receipts: SeededRandom;
  readonly #codes: SeededRandom;
  readonly #issued = new Set<string>();

  constructor(seed: string | number) {
    const root = new SeededRandom(`ids:${String(seed)}`);
    this.#ids = root.fork('ids');
    this.#receipts = root.fork('receipts');
    this.#codes = root.fork('codes');
  }

  /** Draws until the value is new: a collision is astronomically rare, but must not happen. */
  #unique(draw: () => string): string {
    for (;;) {
      const v = draw();
      if (!this.#issued.has(v)) {
        this.#issued.add(v);
        return v;
      }
    }
  }

  newId(prefix: string): string {
    checkIdPrefix(prefix);
    return this.#unique(() => `${prefix}_${drawCode(ID_ALPHABET, ID_RANDOM_LENGTH, (n) => this.#ids.int(n))}`);
  }

  receiptCode(): string {
    return this.#unique(() => drawCode(CODE_ALPHABET, RECEIPT_LENGTH, (n) => this.#receipts.int(n)));
  }

  oneTimeCode(): string {
    return this.#unique(() => drawCode(CODE_ALPHABET, ONE_TIME_CODE_LENGTH, (n) => this.#codes.int(n)));
  }
}
