/** The README carries the configuration reference between these markers (kept in sync by a test). */
export const README_START = '<!-- config-reference:start -->';
export const README_END = '<!-- config-reference:end -->';

/** The reference as embedded in the README: its own title dropped, headings one level down. */
export function readmeSection(reference: string): string {
  const body = reference.replace(/^# [^\n]*\n+/u, '');
  return body.replace(/^(#{2,5}) /gmu, '#$1 ');
}

/** `readme` with the section between the markers replaced by `reference`. */
export function readmeWithReference(readme: string, reference: string): string {
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) throw new Error('README.md has no config-reference markers');
  return `${readme.slice(0, start + README_START.length)}\n${readmeSection(reference)}\n${readme.slice(end)}`;
}
