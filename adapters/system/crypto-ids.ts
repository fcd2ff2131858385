import { randomBytes } from 'node:crypto';
import type { IdSource } from '../../core/ports/id-source.ts';
import { checkIdPrefix, CODE_ALPHABET, ID_ALPHABET, ID_RANDOM_LENGTH, ONE_TIME_CODE_LENGTH, RECEIPT_LENGTH } from './code-alphabet.ts';

// CSPRNG bytes are read 4 KiB at a time and handed out once each: one system call per
// ~400 codes instead of one per code (a vote draws a receipt).
const POOL_SIZE = 4096;
let pool = Buffer.alloc(0);
let used = 0;

function secureBytes(n: number): Buffer {
  if (used + n > pool.length) {
    pool = randomBytes(POOL_SIZE);
    used = 0;
  }
  const out = pool.subarray(used, used + n);
  used += n;
  return out;
}

/** `length` symbols of a 32-symbol alphabet: 32 divides 256, so `byte & 31` has no bias. */
function draw32(alphabet: string, length: number): string {
  if (alphabet.length !== 32) throw new Error('draw32 needs a 32-symbol alphabet');
  const bytes = secureBytes(length);
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[bytes[i]! & 31];
  return out;
}

/**
 * Production ids and codes from the operating system's CSPRNG (one `randomBytes` read per
 * code; the alphabets have 32 symbols, so every symbol is equally likely). Ids are `<prefix>_<16 symbols>` (80 bits), receipts 10
 * symbols (50 bits), one-time codes 8 symbols (40 bits) of the unambiguous alphabet.
 */
export class CryptoIds implements IdSource {
  newId(prefix: string): string {
    checkIdPrefix(prefix);
    return `${prefix}_${draw32(ID_ALPHABET, ID_RANDOM_LENGTH)}`;
  }

  receiptCode(): string {
    return draw32(CODE_ALPHABET, RECEIPT_LENGTH);
  }

  oneTimeCode(): string {
    return draw32(CODE_ALPHABET, ONE_TIME_CODE_LENGTH);
  }
}
