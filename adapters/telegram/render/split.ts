/**
 * Fits Telegram HTML into Telegram's limits: a message text is at most 4,096 characters and a
 * caption 1,024, counted AFTER parsing — tags count nothing, an entity (`&amp;`) counts as the
 * character it stands for, and characters are UTF-16 code units (an emoji outside the BMP
 * counts 2), as Telegram measures entity offsets.
 *
 * The input is HTML our renderers built (balanced tags, escaped text). A cut never falls
 * inside a tag, an entity or a surrogate pair; tags open at a cut are closed at the end of the
 * chunk and opened again (same attributes) at the start of the next, so every chunk parses on
 * its own.
 */

/** A piece of the input: a tag (counts 0) or one visible character / entity. */
type TagToken = { readonly kind: 'open' | 'close'; readonly name: string; readonly raw: string };
type Token = TagToken | { readonly kind: 'text'; readonly raw: string; readonly size: number; readonly ws: '' | ' ' | '\n' };

/** Telegram's limit on a message text, after parsing. */
export const MESSAGE_LIMIT = 4096;
/** Telegram's limit on a media caption, after parsing. */
export const CAPTION_LIMIT = 1024;

const ENTITY = /^&(?:[a-zA-Z]{2,8}|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});/u;

function entitySize(raw: string): number {
  const body = raw.slice(1, -1);
  if (body[0] !== '#') return 1;
  const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
  return Number.isFinite(code) && code > 0xffff && code <= 0x10ffff ? 2 : 1;
}

function tokenize(html: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < html.length) {
    const c = html[i]!;
    if (c === '<') {
      const end = html.indexOf('>', i);
      if (end > i) {
        const raw = html.slice(i, end + 1);
        const closing = raw[1] === '/';
        const name = (/^<\/?\s*([a-zA-Z-]+)/u.exec(raw)?.[1] ?? '').toLowerCase();
        out.push({ kind: closing ? 'close' : 'open', name, raw });
        i = end + 1;
        continue;
      }
    }
    if (c === '&') {
      const m = ENTITY.exec(html.slice(i, i + 12));
      if (m !== null) {
        out.push({ kind: 'text', raw: m[0], size: entitySize(m[0]), ws: '' });
        i += m[0].length;
        continue;
      }
    }
    const code = html.codePointAt(i)!;
    const raw = String.fromCodePoint(code);
    out.push({ kind: 'text', raw, size: raw.length, ws: raw === '\n' ? '\n' : raw === ' ' || raw === '\t' ? ' ' : '' });
    i += raw.length;
  }
  return out;
}

/** The visible length of Telegram HTML: what the 4,096 / 1,024 limits count. */
export function visibleLength(html: string): number {
  let n = 0;
  for (const t of tokenize(html)) if (t.kind === 'text') n += t.size;
  return n;
}

/** Tags open after `tokens[from, to)` applied to `stack` (a new array). */
function advance(stack: readonly TagToken[], tokens: readonly Token[], from: number, to: number): TagToken[] {
  const s = [...stack];
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    if (t.kind === 'open') s.push(t);
    else if (t.kind === 'close') {
      const at = s.map((x) => x.name).lastIndexOf(t.name);
      if (at >= 0) s.splice(at, 1);
    }
  }
  return s;
}

function closers(stack: readonly TagToken[]): string {
  return [...stack]
    .reverse()
    .map((t) => `</${t.name}>`)
    .join('');
}

/**
 * The HTML of `tokens[from, to)` as a chunk: opened by the tags open at `from`, closed at the
 * end, whitespace at both ends dropped (Telegram trims it anyway).
 */
function chunkOf(tokens: readonly Token[], stack: readonly TagToken[], from: number, to: number, tail = ''): { html: string; text: boolean } {
  const blank = (t: Token) => t.kind === 'text' && t.ws !== '';
  const visible = (t: Token) => t.kind === 'text' && t.ws === '';
  let hasText = false;
  for (let k = from; k < to; k++) if (visible(tokens[k]!)) hasText = true;
  let html = stack.map((t) => t.raw).join('');
  let leading = true;
  let lastVisible = -1;
  for (let k = from; k < to; k++) if (visible(tokens[k]!)) lastVisible = k;
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    if (blank(t) && (leading || k > lastVisible)) continue;
    if (visible(t)) leading = false;
    html += t.raw;
  }
  html += tail + closers(advance(stack, tokens, from, to));
  return { html, text: hasText || tail !== '' };
}

const PRIORITY = { paragraph: 3, line: 2, space: 1 } as const;

/**
 * Splits Telegram HTML into chunks of at most `limit` visible characters each (default 4,096),
 * cutting preferably at a paragraph break, then a line break, then a space (one at least half
 * a chunk in; else the latest break there is; else mid-word), never inside a tag or an entity.
 * Every chunk is valid HTML on its own; none is empty. Returns `[html]` when it already fits.
 */
export function splitHtml(html: string, limit = MESSAGE_LIMIT): string[] {
  if (!Number.isInteger(limit) || limit < 2) throw new RangeError(`splitHtml: limit must be an integer ≥ 2, got ${limit}`);
  const tokens = tokenize(html);
  let total = 0;
  for (const t of tokens) if (t.kind === 'text') total += t.size;
  if (total <= limit) return [html];
  const chunks: string[] = [];
  let stack: TagToken[] = [];
  let start = 0;
  while (start < tokens.length) {
    let size = 0;
    let end = start;
    // Break candidates: cut after token k; `size` visible characters before it.
    const breaks: { at: number; size: number; priority: number }[] = [];
    while (end < tokens.length) {
      const t = tokens[end]!;
      if (t.kind === 'text') {
        if (size + t.size > limit) break;
        size += t.size;
        if (t.ws === '\n') {
          const prev = tokens[end - 1];
          breaks.push({ at: end + 1, size, priority: prev?.kind === 'text' && prev.ws === '\n' ? PRIORITY.paragraph : PRIORITY.line });
        } else if (t.ws === ' ') breaks.push({ at: end + 1, size, priority: PRIORITY.space });
      }
      end++;
    }
    let cut = end;
    if (end < tokens.length) {
      const late = breaks.filter((b) => b.size >= limit / 2);
      const pool = late.length > 0 ? late : breaks;
      const best = pool.reduce<(typeof breaks)[number] | null>((a, b) => (a === null || b.priority > a.priority || (b.priority === a.priority && b.at > a.at) ? b : a), null);
      if (best !== null && best.at > start) cut = best.at;
    } else {
      cut = tokens.length;
    }
    const chunk = chunkOf(tokens, stack, start, cut);
    if (chunk.text) chunks.push(chunk.html);
    stack = advance(stack, tokens, start, cut);
    start = cut;
  }
  return chunks.length > 0 ? chunks : [html];
}

/**
 * Fits Telegram HTML into a caption of at most `limit` visible characters (default 1,024):
 * unchanged when it fits, else cut (at a space in the last fifth when there is one) and ended
 * with "…", its open tags closed, so it stays valid HTML.
 */
export function fitCaption(html: string, limit = CAPTION_LIMIT): string {
  if (!Number.isInteger(limit) || limit < 2) throw new RangeError(`fitCaption: limit must be an integer ≥ 2, got ${limit}`);
  const tokens = tokenize(html);
  let total = 0;
  for (const t of tokens) if (t.kind === 'text') total += t.size;
  if (total <= limit) return html;
  const room = limit - 1;
  let size = 0;
  let end = 0;
  let space = -1;
  while (end < tokens.length) {
    const t = tokens[end]!;
    if (t.kind === 'text') {
      if (size + t.size > room) break;
      size += t.size;
      if (t.ws !== '' && size >= room * 0.8) space = end;
    }
    end++;
  }
  const cut = space >= 0 ? space : end;
  return chunkOf(tokens, [], 0, cut, '…').html;
}
