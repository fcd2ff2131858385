/**
 * Reads the shipped Fluent files for the i18n tests: each file parsed with @fluent/bundle (the
 * parser @grammyjs/i18n itself uses), its message ids, and the variables each message uses.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { FluentBundle, FluentResource } from '@fluent/bundle';
import { LOCALES_DIR } from '../../adapters/telegram/i18n.ts';

/** One parsed .ftl file. */
export interface FtlFile {
  readonly locale: string;
  readonly file: string;
  readonly source: string;
  /** Ids of the messages written in the file (every line `id =` at the start). */
  readonly declared: readonly string[];
  readonly bundle: FluentBundle;
  /** Errors of adding the file to a bundle (duplicates). */
  readonly errors: readonly Error[];
}

/** The locale folders on disk. */
export function localeFolders(): string[] {
  return readdirSync(LOCALES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

/** Every .ftl file of `locale`, parsed. */
export function ftlFiles(locale: string): FtlFile[] {
  const dir = path.join(LOCALES_DIR, locale);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ftl'))
    .sort()
    .map((file) => {
      const source = readFileSync(path.join(dir, file), 'utf8');
      const bundle = new FluentBundle(locale, { useIsolating: false });
      const errors = bundle.addResource(new FluentResource(source));
      const declared = [...source.matchAll(/^(-?[A-Za-z][A-Za-z0-9_-]*)[ \t]*=/gmu)].map((m) => m[1]!);
      return { locale, file, source, declared, bundle, errors };
    });
}

/** The .ftl file `file` of `locale`. */
export function ftlFile(locale: string, file: string): FtlFile {
  const f = ftlFiles(locale).find((x) => x.file === file);
  if (f === undefined) throw new Error(`no ${file} in ${locale}`);
  return f;
}

type Node = unknown;

function collect(node: Node, out: Set<string>): void {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const n of node) collect(n, out);
    return;
  }
  const n = node as { type?: string; name?: string };
  if (n.type === 'var' && typeof n.name === 'string') out.add(n.name);
  for (const v of Object.values(node)) collect(v, out);
}

/** The variables message `id` uses (value and attributes, every variant). */
export function variablesOf(bundle: FluentBundle, id: string): Set<string> {
  const out = new Set<string>();
  const m = bundle.getMessage(id);
  if (m !== undefined) collect([m.value, m.attributes], out);
  return out;
}
