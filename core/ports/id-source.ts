/** Identifiers and random codes, behind a port so tests and `pnyx simulate --seed` are reproducible. */
export interface IdSource {
  /** A new unique id with a readable prefix, e.g. `idea_…`. Unique per store, URL-safe, ≤ 32 chars. */
  newId(prefix: string): string;
  /**
   * A receipt code for a ballot: 10 characters from an unambiguous alphabet (no 0/O, 1/I),
   * unguessable in production (≥ 48 bits of randomness).
   */
  receiptCode(): string;
  /** A one-time code handed out on paper by the town: 8 characters, unambiguous alphabet. */
  oneTimeCode(): string;
}
