/**
 * One problem found in a campaign file or in the environment: where it is and what was
 * expected. Issues are values, never thrown; the CLI prints them all at once.
 */

/** A configuration problem. */
export interface ConfigIssue {
  /** Dotted path of the offending value, e.g. `phases.voting.start` or `categories[2].name.en`; `(root)` for the whole file. */
  readonly path: string;
  /** What was expected, in plain words. */
  readonly message: string;
  /** 1-based line in the source file, when known. */
  readonly line?: number;
}

/** Renders a path array (`['categories', 2, 'name', 'en']`) as `categories[2].name.en`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(root)' : out;
}

/**
 * One line per issue, `FILE:LINE path: message` (`FILE path: message` when the line is
 * unknown), in file order; issues without a line come last, in the order given.
 */
export function formatConfigIssues(issues: readonly ConfigIssue[], sourceName: string): string {
  const sorted = issues
    .map((issue, index) => ({ issue, index }))
    .sort((a, b) => (a.issue.line ?? Number.MAX_SAFE_INTEGER) - (b.issue.line ?? Number.MAX_SAFE_INTEGER) || a.index - b.index);
  return sorted
    .map(({ issue }) => `${sourceName}${issue.line === undefined ? '' : `:${issue.line}`} ${issue.path}: ${issue.message}`)
    .join('\n');
}
