/**
 * Telegram's HTML parse mode, as the Bot API documents it ("Formatting options"), for the
 * stand-in: which tags exist, that they nest and close, that `<`, `>` and `&` outside tags are
 * escaped as `&lt;` `&gt;` `&amp;` (`&quot;` and numeric entities too), and the plain text
 * left after parsing — the text whose length the 4,096 / 1,024 limits apply to (UTF-16 units,
 * as Telegram counts entity offsets).
 */

/** Tags Telegram accepts in HTML mode, with the attributes each may carry. */
const TAGS: Readonly<Record<string, readonly string[]>> = {
  b: [],
  strong: [],
  i: [],
  em: [],
  u: [],
  ins: [],
  s: [],
  strike: [],
  del: [],
  span: ['class'],
  'tg-spoiler': [],
  a: ['href'],
  'tg-emoji': ['emoji-id'],
  code: ['class'],
  pre: [],
  blockquote: ['expandable'],
};

const NAMED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"' };

export type HtmlParse = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly error: string };

function decodeEntity(src: string, at: number): { text: string; end: number } | null {
  const semi = src.indexOf(';', at);
  if (semi < 0 || semi - at > 10) return null;
  const name = src.slice(at + 1, semi);
  if (Object.hasOwn(NAMED, name)) return { text: NAMED[name]!, end: semi + 1 };
  const num = /^#(\d+)$/u.exec(name) ?? /^#[xX]([0-9a-fA-F]+)$/u.exec(name);
  if (num === null) return null;
  const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(num[1]!, 16) : Number(num[1]);
  if (!Number.isFinite(code) || code > 0x10ffff) return null;
  return { text: String.fromCodePoint(code), end: semi + 1 };
}

/** Parses Telegram HTML; an error names what Telegram would refuse. */
export function parseTelegramHtml(src: string): HtmlParse {
  let text = '';
  const open: string[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === '&') {
      const e = decodeEntity(src, i);
      if (e === null) return { ok: false, error: `unescaped "&" at byte offset ${i}` };
      text += e.text;
      i = e.end;
      continue;
    }
    if (c === '>') return { ok: false, error: `unescaped ">" at offset ${i}` };
    if (c !== '<') {
      text += c;
      i++;
      continue;
    }
    const close = src.indexOf('>', i);
    if (close < 0) return { ok: false, error: `unclosed "<" at offset ${i}` };
    const inner = src.slice(i + 1, close);
    if (inner.startsWith('/')) {
      const name = inner.slice(1).trim().toLowerCase();
      if (open.pop() !== name) return { ok: false, error: `unexpected end tag "${name}" at offset ${i}` };
    } else {
      const m = /^([a-z-]+)((?:\s+[a-z-]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*$/iu.exec(inner);
      if (m === null) return { ok: false, error: `unsupported start tag at offset ${i}` };
      const name = m[1]!.toLowerCase();
      const allowed = TAGS[name];
      if (allowed === undefined) return { ok: false, error: `unsupported start tag "${name}" at offset ${i}` };
      for (const attr of m[2]!.matchAll(/([a-z-]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?/giu)) {
        if (!allowed.includes(attr[1]!.toLowerCase())) return { ok: false, error: `unsupported attribute "${attr[1]}" of "${name}"` };
      }
      if (name === 'span' && !/class\s*=\s*["']?tg-spoiler/iu.test(m[2]!)) return { ok: false, error: 'a span needs class="tg-spoiler"' };
      if (name === 'a' && !/href\s*=/iu.test(m[2]!)) return { ok: false, error: 'an <a> needs href' };
      open.push(name);
    }
    i = close + 1;
  }
  if (open.length > 0) return { ok: false, error: `unclosed tag "${open[open.length - 1]}"` };
  return { ok: true, text };
}
