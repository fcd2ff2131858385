/**
 * Button data. Telegram keeps at most 64 bytes of `callback_data` and hands back whatever a
 * client sends, so every button's data is built by one codec and parsed with zod on the way
 * back: `<prefix>|<part>|<part>…`. A press whose data does not parse (forged, or a button of
 * an older version of the bot) is "expired", never an exception.
 *
 * Hand-written rather than a library: grammY's menu plugin keeps menus in its own format and
 * cannot express data judged against the current phase; what is needed here is a few lines.
 */
import { z } from 'zod';

/** Telegram's limit on `callback_data`, in UTF-8 bytes. */
export const CALLBACK_DATA_MAX_BYTES = 64;

const SEPARATOR = '|';

/** Button data of one kind: encode to a string, parse back (null when not this kind or invalid). */
export interface CallbackCodec<T extends readonly unknown[]> {
  readonly prefix: string;
  /** The data string; throws (a bug) when it would not fit 64 bytes or a part holds `|`. */
  encode(...parts: T): string;
  /** The parts, validated; null when `data` is not this kind's or does not validate. */
  decode(data: string): T | null;
  /** Matches this kind's data, for `bot.callbackQuery(codec.filter, …)`. */
  readonly filter: RegExp;
}

/**
 * Defines a kind of button data. `prefix` is short and unique (`reg`, `idea`…); `parts` is a
 * zod tuple of strings or coerced numbers, e.g. `z.tuple([z.enum(['yes','no'])])`.
 */
export function defineCallback<S extends z.ZodTuple<[z.ZodType, ...z.ZodType[]] | []>>(prefix: string, parts: S): CallbackCodec<z.infer<S> & readonly unknown[]> {
  if (!/^[a-z][a-z0-9-]{0,11}$/.test(prefix)) throw new Error(`callback prefix "${prefix}" must be a short lowercase word`);
  const escaped = prefix.replace(/-/g, '\\-');
  const valid = partsValidator(parts);
  const parse = partsParser(parts);
  return {
    prefix,
    filter: new RegExp(`^${escaped}(\\|.*)?$`, 's'),
    encode(...values) {
      const strings = (values as readonly unknown[]).map((v) => String(v));
      for (const s of strings) if (s.includes(SEPARATOR)) throw new Error(`callback ${prefix}: a part holds "${SEPARATOR}"`);
      // What is sent must parse back: a part the schema refuses is a bug here, not a dead button.
      if (!valid(strings)) throw new Error(`callback ${prefix}: a part does not match its schema`);
      const data = [prefix, ...strings].join(SEPARATOR);
      const bytes = Buffer.byteLength(data, 'utf8');
      if (bytes > CALLBACK_DATA_MAX_BYTES) throw new Error(`callback ${prefix}: ${bytes} bytes, over Telegram's ${CALLBACK_DATA_MAX_BYTES}`);
      return data;
    },
    decode(data) {
      if (typeof data !== 'string' || Buffer.byteLength(data, 'utf8') > CALLBACK_DATA_MAX_BYTES) return null;
      const [head, ...rest] = data.split(SEPARATOR);
      if (head !== prefix) return null;
      return parse(rest) as (z.infer<S> & readonly unknown[]) | null;
    },
  };
}

/** Accepted strings remembered per part (a keyboard encodes the same few values again and again). */
const KNOWN_PARTS = 512;

/**
 * Whether `strings` are valid parts: the tuple's own check, made part by part with the
 * strings each part already accepted remembered — a builder message encodes some twenty
 * buttons per press, and a zod parse of each was a noticeable share of the bot's CPU. A
 * tuple with a rest element or checks of its own is checked whole every time.
 */
function partsValidator(parts: z.ZodTuple<[z.ZodType, ...z.ZodType[]] | []>): (strings: readonly string[]) => boolean {
  const def = parts.def as { items: readonly z.ZodType[]; rest?: z.ZodType | null; checks?: readonly unknown[] };
  if ((def.rest !== undefined && def.rest !== null) || (def.checks?.length ?? 0) > 0) return (strings) => parts.safeParse(strings).success;
  const items = def.items;
  const known = items.map(() => new Set<string>());
  return (strings) => {
    if (strings.length !== items.length) return false;
    for (let i = 0; i < items.length; i++) {
      const s = strings[i]!;
      const seen = known[i]!;
      if (seen.has(s)) continue;
      if (!items[i]!.safeParse(s).success) return false;
      if (seen.size >= KNOWN_PARTS) seen.clear();
      seen.add(s);
    }
    return true;
  };
}

/** A part's parse, remembered: its value, or that it does not validate. */
type KnownPart = { readonly ok: true; readonly value: unknown } | { readonly ok: false };

/**
 * The tuple's parse of `strings` (null when it does not validate), made part by part with
 * each part's parses remembered, as `partsValidator` does for encoding: every press and every
 * update a conversation replays decodes its data again, often several times (each feature
 * listening to a kind asks), and a zod parse of the whole tuple each time showed in the
 * profile. Part schemas are pure (regexes, enums, `Number`), so a string's parse never
 * changes. A tuple with a rest element, checks of its own or an optional part is parsed whole.
 */
function partsParser(parts: z.ZodTuple<[z.ZodType, ...z.ZodType[]] | []>): (strings: readonly string[]) => unknown[] | null {
  const def = parts.def as { items: readonly z.ZodType[]; rest?: z.ZodType | null; checks?: readonly unknown[] };
  const whole = (strings: readonly string[]): unknown[] | null => {
    const parsed = parts.safeParse(strings);
    return parsed.success ? (parsed.data as unknown[]) : null;
  };
  const items = def.items;
  if ((def.rest !== undefined && def.rest !== null) || (def.checks?.length ?? 0) > 0 || items.some((i) => i.safeParse(undefined).success)) return whole;
  const known = items.map(() => new Map<string, KnownPart>());
  return (strings) => {
    if (strings.length !== items.length) return null;
    const out: unknown[] = [];
    for (let i = 0; i < items.length; i++) {
      const s = strings[i]!;
      const seen = known[i]!;
      let k = seen.get(s);
      if (k === undefined) {
        const parsed = items[i]!.safeParse(s);
        k = parsed.success ? { ok: true, value: parsed.data } : { ok: false };
        if (seen.size >= KNOWN_PARTS) seen.clear();
        seen.set(s, k);
      }
      if (!k.ok) return null;
      out.push(k.value);
    }
    return out;
  };
}

/** A part that is a small non-negative integer written in decimal (idea numbers, pages). */
export const intPart = z.string().regex(/^(0|[1-9][0-9]{0,8})$/).transform(Number);
/**
 * A part that is an id: letters, digits, `_`, `-`, `+`, `.` and `:` (at most 40 characters) —
 * campaign ids (areas, age bands such as `65+`, categories), locale tags, idea ids.
 */
export const idPart = z.string().regex(/^[A-Za-z0-9_.:+-]{1,40}$/);
