import { randomInt } from 'node:crypto';
import type { IdSource } from '../../core/ports/id-source.ts';
import { checkIdPrefix, CODE_ALPHABET, drawCode, ID_ALPHABET, ID_RANDOM_LENGTH, ONE_TIME_CODE_LENGTH, RECEIPT_LENGTH } from './code-alphabet.ts';

/**
 * Production ids and codes from the operating system's CSPRNG (`crypto.randomInt`, which
 * draws without modulo bias). Ids are `<prefix>_<16 symbols>` (80 bits), receipts 10
 * symbols (50 bits), one-time codes 8 symbols (40 bits) of the unambiguous alphabet.
 */
export class CryptoIds implements IdSource {
  newId(prefix: string): string {
    checkIdPrefix(prefix);
    return `${prefix}_${drawCode(ID_ALPHABET, ID_RANDOM_LENGTH, (n) => randomInt(n))}`;
  }

  receiptCode(): string {
    return drawCode(CODE_ALPHABET, RECEIPT_LENGTH, (n) => randomInt(n));
  }

  oneTimeCode(): string {
    return drawCode(CODE_ALPHABET, ONE_TIME_CODE_LENGTH, (n) => randomInt(n));
  }
}
