/**
 * Counting over sliding windows, as Telegram and the stand-in count sends: the most instants
 * that fall in any half-open window (t − windowMs, t].
 */

/** The largest number of `times` (ms, any order) inside one sliding window of `windowMs`. */
export function maxInWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let max = 0;
  let from = 0;
  for (let to = 0; to < sorted.length; to++) {
    while (sorted[from]! <= sorted[to]! - windowMs) from++;
    max = Math.max(max, to - from + 1);
  }
  return max;
}
