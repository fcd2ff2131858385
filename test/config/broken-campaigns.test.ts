import { describe, expect, it } from 'vitest';
import { formatConfigIssues, parseCampaignYaml } from '../../config/index.ts';
import { bertrixText, issuesOf, loadMutated } from './campaign-fixtures.ts';

/** Each case breaks one thing in Bertrix; the refusal must name `path` (and say what was expected). */
const CASES: { name: string; path: string; message?: RegExp; mutate: (d: any) => void }[] = [
  { name: 'overlapping phases', path: 'phases.review.start', message: /after the end of submission/, mutate: (d) => (d.phases.review.start = '2026-05-10') },
  { name: 'reversed phase window', path: 'phases.voting.end', message: /after the start/, mutate: (d) => (d.phases.voting = { start: '2026-06-30', end: '2026-06-01' }) },
  { name: 'empty phase window (start = end)', path: 'phases.tallying.end', mutate: (d) => (d.phases.tallying.end = '2026-07-01') },
  { name: 'announced before tallying ends', path: 'phases.announced.start', mutate: (d) => (d.phases.announced.start = '2026-07-10') },
  { name: 'unknown locale', path: 'locales[2]', message: /no translation/, mutate: (d) => d.locales.push('xx') },
  { name: 'malformed locale tag', path: 'locales[1]', message: /BCP-47/, mutate: (d) => (d.locales[1] = 'en_') },
  { name: 'non-canonical locale', path: 'locales[1]', message: /"en"/, mutate: (d) => (d.locales[1] = 'EN') },
  { name: 'negative envelope', path: 'envelopes[0].amount', message: /> 0/, mutate: (d) => (d.envelopes[0].amount = -20000) },
  { name: 'envelope below the max idea cost', path: 'envelopes[0].amount', message: /ideaCost\.max/, mutate: (d) => (d.envelopes[0].amount = 15000) },
  { name: 'more decimals than the currency', path: 'envelopes[0].amount', message: /at most 2 decimals/, mutate: (d) => (d.envelopes[0].amount = 20000.505) },
  { name: 'decimals in a currency without minor unit', path: 'ideaCost.min', message: /no minor unit/, mutate: (d) => { d.currency = 'JPY'; d.ideaCost.min = 500.5; } },
  { name: 'duplicate category id', path: 'categories[3].id', message: /duplicate id "mobilite"/, mutate: (d) => (d.categories[3].id = 'mobilite') },
  { name: 'duplicate area id', path: 'areas[1].id', mutate: (d) => (d.areas[1].id = 'bertrix') },
  { name: 'duplicate review criterion id', path: 'reviewCriteria[4].id', mutate: (d) => (d.reviewCriteria[4].id = 'interet-general') },
  { name: 'duplicate age band id', path: 'ageBands[1].id', mutate: (d) => (d.ageBands = [{ id: 'a', min: 18, max: 40 }, { id: 'a', min: 41 }]) },
  { name: 'missing text in one locale', path: 'categories[2].name.en', message: /missing text/, mutate: (d) => delete d.categories[2].name.en },
  { name: 'missing article body in one locale', path: 'articles[1].body.en', mutate: (d) => delete d.articles[1].body.en },
  { name: 'missing privacy url in one locale', path: 'privacy.url.en', mutate: (d) => delete d.privacy.url.en },
  { name: 'text for a locale that is not enabled', path: 'name.nl', message: /not enabled/, mutate: (d) => (d.name.nl = 'Burgerbudget') },
  { name: 'empty text', path: 'areas[0].name.fr', mutate: (d) => (d.areas[0].name.fr = '') },
  { name: 'cron with four fields', path: 'schedules.residentUpdate', message: /five-field/, mutate: (d) => (d.schedules.residentUpdate = '0 9 * *') },
  { name: 'cron out of range', path: 'schedules.mayorDigest', mutate: (d) => (d.schedules.mayorDigest = '0 25 * * 5') },
  { name: 'reminder that is no duration', path: 'schedules.reminders[1]', message: /duration such as "3d"/, mutate: (d) => (d.schedules.reminders = ['3d', 'three days']) },
  { name: 'reminder in months', path: 'schedules.reminders[0]', message: /duration/, mutate: (d) => (d.schedules.reminders = ['P1M']) },
  { name: 'reminder of zero', path: 'schedules.reminders[0]', message: /longer than zero/, mutate: (d) => (d.schedules.reminders = ['0d']) },
  { name: 'reminder lead time listed twice', path: 'schedules.reminders[1]', message: /same lead time as reminders\[0\]/, mutate: (d) => (d.schedules.reminders = ['1d', 'PT24H']) },
  { name: 'reminder before voting opens', path: 'schedules.reminders[0]', message: /before voting opens \(the voting window is 30d\)/, mutate: (d) => (d.schedules.reminders = ['30d']) },
  { name: 'unknown time zone', path: 'timeZone', message: /IANA/, mutate: (d) => (d.timeZone = 'Europe/Bertrix') },
  { name: 'unknown key at the root', path: 'budget', message: /unknown key/, mutate: (d) => (d.budget = 20000) },
  { name: 'unknown key deep inside', path: 'phases.voting.ends', message: /allowed here: start, end/, mutate: (d) => (d.phases.voting.ends = '2026-07-01') },
  { name: 'wrong type', path: 'population', message: /expected number, got string/, mutate: (d) => (d.population = 'eight thousand') },
  { name: 'missing required key', path: 'phases.tallying', message: /missing/, mutate: (d) => delete d.phases.tallying },
  { name: 'approval with min > max', path: 'ballot.minChoices', message: /minChoices ≤ maxChoices/, mutate: (d) => (d.ballot = { rule: 'approval', minChoices: 3, maxChoices: 2 }) },
  { name: 'approval with 0 choices', path: 'ballot.maxChoices', mutate: (d) => (d.ballot = { rule: 'approval', maxChoices: 0 }) },
  { name: 'cumulative maxPerIdea > points', path: 'ballot.maxPerIdea', mutate: (d) => (d.ballot = { rule: 'cumulative', points: 5, maxPerIdea: 6 }) },
  { name: 'unknown ballot rule', path: 'ballot.rule', mutate: (d) => (d.ballot = { rule: 'ranked' }) },
  { name: 'greedy with an MES option', path: 'tally.completion', mutate: (d) => (d.tally.completion = 'add1') },
  { name: 'per-area envelope naming an unknown area', path: 'envelopes[1].area', message: /unknown area "libramont"/, mutate: (d) => d.envelopes.push({ id: 'x', area: 'libramont', name: { fr: 'X', en: 'X' }, amount: 20000 }) },
  { name: 'two town-wide envelopes', path: 'envelopes[1]', message: /at most one town-wide/, mutate: (d) => d.envelopes.push({ id: 'x', name: { fr: 'X', en: 'X' }, amount: 20000 }) },
  { name: 'no envelope', path: 'envelopes', mutate: (d) => (d.envelopes = []) },
  { name: 'idea cost bounds reversed', path: 'ideaCost.min', mutate: (d) => (d.ideaCost = { min: 5000, max: 500 }) },
  { name: 'default locale not enabled', path: 'defaultLocale', message: /enabled locales/, mutate: (d) => (d.defaultLocale = 'nl') },
  { name: 'unknown currency', path: 'currency', message: /ISO 4217/, mutate: (d) => (d.currency = 'EUX') },
  { name: 'lower-case currency', path: 'currency', mutate: (d) => (d.currency = 'eur') },
  { name: 'eligibility area unknown', path: 'eligibility.areas[1]', mutate: (d) => (d.eligibility.areas = ['bertrix', 'paliseul']) },
  { name: 'not a real date', path: 'phases.submission.start', message: /not a real date/, mutate: (d) => (d.phases.submission.start = '2026-02-30') },
  { name: 'local time skipped by daylight saving', path: 'phases.submission.start', message: /does not exist/, mutate: (d) => (d.phases.submission.start = '2026-03-29T02:30') },
  { name: 'date in another format', path: 'phases.voting.start', message: /YYYY-MM-DD/, mutate: (d) => (d.phases.voting.start = '01/06/2026') },
  { name: 'no admin among staff', path: 'staff', message: /admin/, mutate: (d) => (d.staff = d.staff.filter((s: { role: string }) => s.role !== 'admin')) },
  { name: 'bad Slack channel id', path: 'slack.committee', mutate: (d) => (d.slack.committee = '#comite') },
  { name: 'age bands with a gap', path: 'ageBands[1].min', mutate: (d) => (d.ageBands = [{ id: 'a', min: 18, max: 30 }, { id: 'b', min: 35 }]) },
  { name: 'first age band above the minimum age', path: 'ageBands[0].min', mutate: (d) => (d.eligibility.minimumAge = 16) },
  { name: 'article url not http', path: 'articles[0].url', mutate: (d) => (d.articles[0].url = 'ftp://bertrix.be/x') },
];

describe('broken campaign files are refused with the offending path', () => {
  it.each(CASES)('$name → $path', ({ path, message, mutate }) => {
    const issues = issuesOf(loadMutated(mutate));
    const hit = issues.find((i) => i.path === path);
    expect(hit, `issues were: ${JSON.stringify(issues)}`).toBeDefined();
    if (message) expect(hit?.message).toMatch(message);
    expect(hit?.message.length).toBeGreaterThan(5);
  });

  it('lists every problem at once, across sections', () => {
    const issues = issuesOf(
      loadMutated((d) => {
        d.population = -1;
        d.categories[1].id = 'mobilite';
        delete d.areas[0].name.en;
        d.phases.review.start = '2026-05-10';
        d.schedules.mayorDigest = 'weekly';
        d.extra = true;
      }),
    );
    expect(issues.map((i) => i.path)).toEqual(
      expect.arrayContaining(['population', 'categories[1].id', 'areas[0].name.en', 'phases.review.start', 'schedules.mayorDigest', 'extra']),
    );
  });

  it('points issues at their line in the file', () => {
    const text = bertrixText.replace('population: 8000', 'population: many');
    const line = text.split('\n').findIndex((l) => l.startsWith('population:')) + 1;
    const issues = issuesOf(parseCampaignYaml(text, 'b.yaml'));
    expect(issues).toContainEqual({ path: 'population', message: expect.stringMatching(/expected number/), line });
    expect(formatConfigIssues(issues, 'b.yaml')).toContain(`b.yaml:${line} population: expected number`);
  });

  it('a missing text points at the line of its mapping', () => {
    const text = bertrixText.replace('  - id: culture\n    name: { fr: Culture et patrimoine, en: Culture and heritage }', '  - id: culture\n    name: { fr: Culture et patrimoine }');
    const line = text.split('\n').findIndex((l) => l === '    name: { fr: Culture et patrimoine }') + 1;
    const issues = issuesOf(parseCampaignYaml(text, 'b.yaml'));
    expect(issues).toContainEqual({ path: 'categories[2].name.en', message: expect.any(String), line });
  });

  it('a YAML syntax error names its line', () => {
    const lines = bertrixText.split('\n');
    const at = lines.findIndex((l) => l.startsWith('population:'));
    lines.splice(at + 1, 0, 'population: 9000');
    const issues = issuesOf(parseCampaignYaml(lines.join('\n'), 'b.yaml'));
    expect(issues).toEqual([{ path: '(yaml)', message: expect.stringMatching(/^YAML syntax error: .*unique/), line: at + 2 }]);
    expect(formatConfigIssues(issues, 'b.yaml')).toBe(`b.yaml:${at + 2} (yaml): ${issues[0]?.message}`);
  });

  it('an unterminated flow sequence is a syntax error with a line', () => {
    const issues = issuesOf(parseCampaignYaml('id: x\nlocales: [fr, en\ntimeZone: Europe/Brussels\n', 'b.yaml'));
    expect(issues[0]).toMatchObject({ path: '(yaml)', line: expect.any(Number) });
  });

  it('an empty file or a list is refused at the root', () => {
    expect(issuesOf(parseCampaignYaml('', 'e.yaml'))).toEqual([{ path: '(root)', message: expect.stringMatching(/empty/) }]);
    expect(issuesOf(parseCampaignYaml('- a\n', 'l.yaml'))[0]).toMatchObject({ path: '(root)', message: expect.stringMatching(/mapping/) });
  });
});
