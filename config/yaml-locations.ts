/** Finds the source line of a value in a parsed YAML document, to point issues at lines. */
import { isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Document, LineCounter, Node } from 'yaml';

/**
 * The 1-based line of the deepest node of `path` present in `doc`: the key's line for a
 * mapping entry, the item's line for a sequence index. A path that goes past what the file
 * contains (a missing key) resolves to its nearest existing ancestor. Undefined when not even
 * the first segment is found.
 */
export function lineOfPath(doc: Document, lineCounter: LineCounter, path: readonly PropertyKey[]): number | undefined {
  let node: unknown = doc.contents;
  let line: number | undefined;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
      if (pair === undefined) break;
      const key = pair.key as Node;
      if (key.range) line = lineCounter.linePos(key.range[0]).line;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined;
      if (item === undefined || item === null) break;
      if (item.range) line = lineCounter.linePos(item.range[0]).line;
      node = item;
    } else {
      break;
    }
  }
  return line;
}
