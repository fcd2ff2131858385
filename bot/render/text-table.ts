/**
 * Plain-text layout helpers for CLI output: widths in code points, so accented titles
 * ("Aménagement…") line up.
 */

/** Display width of a text (code points; the CLI's titles have no wide characters). */
export function width(text: string): number {
  return [...text].length;
}

/** `text` cut to `max` code points, ending with "…" when cut. */
export function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** Pads right to `n` code points. */
export function padEnd(text: string, n: number): string {
  return text + ' '.repeat(Math.max(0, n - width(text)));
}

/** Pads left to `n` code points. */
export function padStart(text: string, n: number): string {
  return ' '.repeat(Math.max(0, n - width(text))) + text;
}

/** A column of a text table. */
export interface Column {
  readonly title: string;
  readonly align: 'left' | 'right';
}

/** Lays out rows under a header line; columns are separated by two spaces, lines indented by `indent`. */
export function layoutTable(columns: readonly Column[], rows: readonly (readonly string[])[], indent = '  '): string[] {
  const widths = columns.map((c, i) => Math.max(width(c.title), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: readonly string[]) =>
    indent +
    columns
      .map((c, i) => {
        const w = widths[i] ?? 0;
        return c.align === 'right' ? padStart(cells[i] ?? '', w) : padEnd(cells[i] ?? '', w);
      })
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.title)), ...rows.map(line)];
}

/** An integer with thousands separators (1,234). */
export function count(n: number): string {
  return new Intl.NumberFormat('en').format(n);
}
