/**
 * Telegram's HTML parse mode. Every text a resident or the committee wrote goes through
 * `escapeHtml` before it is put into a message: `<`, `>` and `&` are the only characters
 * Telegram's parser treats specially outside tags.
 */

/** Escapes text for Telegram's HTML parse mode. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes a value for a double-quoted HTML attribute (an `<a href="…">`). */
export function escapeAttribute(text: string): string {
  return escapeHtml(text).replace(/"/g, '&quot;');
}

/** `<b>text</b>` with the text escaped. */
export function bold(text: string): string {
  return `<b>${escapeHtml(text)}</b>`;
}
