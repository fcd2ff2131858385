/** The time source. Tests use a fixed or stepping clock; production uses Date.now(). */
export interface Clock {
  /** Current instant in epoch milliseconds (UTC). */
  now(): number;
}
