/**
 * Text from outside the committee (a resident's idea, question, name of a file) shown in
 * Slack. Slack parses `&`, `<` and `>` in every `mrkdwn` and `plain_text` field: `<!channel>`
 * pings the whole channel and `<http://evil|bank>` shows a forged link. Escaping the three
 * characters (Slack's own rule) makes them literal; `*`, `_` and `~` stay, as formatting in a
 * resident's text is harmless.
 */

/** Escapes `&`, `<`, `>` as Slack requires. */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Cuts `text` to at most `max` characters (UTF-16 units, as Slack counts), ending with `…`
 * when cut, never splitting a surrogate pair nor an escape such as `&amp;`.
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  const amp = text.lastIndexOf('&', end);
  if (amp !== -1 && amp > end - 5 && !text.slice(amp, end).includes(';')) end = amp;
  return `${text.slice(0, end)}…`;
}

/** A resident's text for a Block Kit field: escaped, then clipped to the field's limit. */
export function residentText(text: string, max: number): string {
  return clip(escapeSlack(text), max);
}
