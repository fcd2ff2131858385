/**
 * A tiny RFC 4180 writer for exports: comma-separated, CRLF line ends, a field quoted when it
 * holds a comma, a quote, a line break or outer blanks (quotes doubled). Reuses the field
 * quoting of the Pabulib adapter with `,` as the delimiter.
 */
import { csvLine } from '../../adapters/pabulib/index.ts';

/** A whole CSV document: the header, then one line per row, each ending with CRLF. */
export function csvDocument(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | boolean | null>>): string {
  const cell = (v: string | number | boolean | null) => (v === null ? '' : typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v));
  return [header, ...rows.map((r) => r.map(cell))].map((r) => `${csvLine(r, ',')}\r\n`).join('');
}
