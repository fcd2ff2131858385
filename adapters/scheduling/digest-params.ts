/**
 * The digest figures as message parameters: nested records flattened to dotted keys
 * (`newRegistrations.thisWeek`, `byAgeBand.18-34`), leaves kept as numbers, strings,
 * booleans or null, so any messenger adapter can render them without knowing the shape.
 */
import type { MessageParams } from '../../core/domain/domain-error.ts';

type Leaf = string | number | boolean | null;

/** Flattens `value` into `out` under `prefix` (dotted). Non-finite numbers become null. */
export function flattenParams(value: unknown, prefix = '', out: Record<string, Leaf> = {}): Record<string, Leaf> {
  if (value === null || value === undefined) {
    if (prefix !== '') out[prefix] = null;
  } else if (typeof value === 'number') {
    out[prefix] = Number.isFinite(value) ? value : null;
  } else if (typeof value === 'string' || typeof value === 'boolean') {
    out[prefix] = value;
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => flattenParams(v, prefix === '' ? String(i) : `${prefix}.${i}`, out));
  } else if (typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) flattenParams(v, prefix === '' ? k : `${prefix}.${k}`, out);
  }
  return out;
}

/** Message parameters of a scheduled digest or update: the figures plus the occurrence. */
export function scheduledParams(figures: object, schedule: string, occurrence: number): MessageParams {
  return { ...flattenParams(figures), schedule, occurrence: new Date(occurrence).toISOString() };
}
