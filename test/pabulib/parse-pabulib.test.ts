/**
 * The Pabulib reader and writer on our own synthetic fixtures (test/fixtures/pabulib): BOM,
 * CRLF, quoted fields with `;`, `""` and line breaks, decimal commas, every vote type; errors
 * name the section, the line and the problem; writing round-trips.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/shared-data.ts';
import { officialSelected, parsePabulib, PabulibFormatError, ruleFromName, toTallyInstance, writePabulib } from '../../adapters/pabulib/index.ts';
import type { PabulibElection } from '../../adapters/pabulib/index.ts';
import { tally } from '../../core/tally/index.ts';

const FIXTURES = path.join(repoRoot, 'test/fixtures/pabulib');
const read = (name: string): string => readFileSync(path.join(FIXTURES, name), 'utf8');
const FILES = [
  'approval-quoted-bom.pb',
  'cumulative-threshold.pb',
  'ordinal-321.pb',
  'choose-1-no-skip.pb',
  'scoring-default.pb',
  'mes-example-1.pb',
];

function comparable(e: PabulibElection): unknown {
  return {
    meta: [...e.meta],
    budget: e.budget.toString(),
    voteType: e.voteType,
    projectColumns: e.projectColumns,
    projects: e.projects.map((p) => ({ ...p, cost: p.cost.toString() })),
    voteColumns: e.voteColumns,
    votes: e.votes,
  };
}

describe('Pabulib reader', () => {
  it('reads BOM, CRLF, quoted fields and decimal commas exactly', () => {
    const e = parsePabulib(read('approval-quoted-bom.pb'));
    expect(e.budget.toString()).toBe('2001/2');
    expect(e.meta.get('description')).toBe('Synthetic; quoted "test" file, decimal commas');
    expect(e.meta.get('country')).toBe('Nowhere');
    expect(e.projects.map((p) => p.cost.toDecimal())).toEqual(['600.25', '500', '400.25', '0']);
    expect(e.projects[0]!.values[3]).toBe('Park; "Green" corner');
    expect(e.projects[2]!.values[3]).toBe('Bike\r\nlane');
    expect(e.votes.map((v) => v.projects.length)).toEqual([2, 3, 2, 1, 1]);
  });

  it('reads points, ranks and empty ballots', () => {
    expect(parsePabulib(read('cumulative-threshold.pb')).votes[0]!.points).toEqual([3, 2]);
    expect(parsePabulib(read('ordinal-321.pb')).votes[1]!.projects).toEqual(['o2', 'o3', 'o1']);
    expect(parsePabulib(read('choose-1-no-skip.pb')).votes[6]!.projects).toEqual([]);
    expect(parsePabulib(read('scoring-default.pb')).meta.get('default_score')).toBe('1');
  });

  for (const name of FILES) {
    it(`${name}: the META rule reproduces the fixture's selected column`, () => {
      const e = parsePabulib(read(name));
      const out = tally(toTallyInstance(e), { rule: ruleFromName(e.meta.get('rule')!, e)! });
      if (out.status !== 'ok') throw new Error('tie');
      expect([...out.selected].sort()).toEqual(officialSelected(e)!.sort());
    });

    it(`${name}: write then read gives the same election`, () => {
      const e = parsePabulib(read(name));
      const again = parsePabulib(writePabulib(e));
      expect(comparable(again)).toEqual(comparable(e));
      expect(writePabulib(again)).toBe(writePabulib(e));
    });
  }

  it('scores scoring ballots with default_score for unlisted projects', () => {
    const e = parsePabulib(read('scoring-default.pb'));
    const out = tally(toTallyInstance(e), { rule: { kind: 'greedy' } });
    if (out.status !== 'ok') throw new Error('tie');
    expect(Object.fromEntries(out.rounds.map((r) => [r.project, r.score]))).toEqual({ s1: 5, s2: 5, s3: 7 });
  });
});

describe('Pabulib reader errors: section, line, problem, nothing imported', () => {
  const base = read('choose-1-no-skip.pb');
  const cases: [string, (t: string) => string, string, number, RegExp][] = [
    ['unknown project in a vote', (t) => t.replace('6;k3', '6;k9'), 'VOTES', 27, /unknown project "k9"/],
    ['wrong field count', (t) => t.replace('k2;50;2;Middle;0', 'k2;50;2;Middle'), 'PROJECTS', 18, /expected 5 fields, found 4/],
    ['bad cost', (t) => t.replace('k3;20;', 'k3;2x0;'), 'PROJECTS', 19, /cost "2x0"/],
    ['num_votes mismatch', (t) => t.replace('num_votes;7', 'num_votes;8'), 'META', 8, /num_votes is 8 but the file has 7/],
    ['unknown vote_type', (t) => t.replace('vote_type;choose-1', 'vote_type;borda'), 'META', 10, /unknown vote_type "borda"/],
    ['missing VOTES section', (t) => t.slice(0, t.indexOf('VOTES')), 'PROJECTS', 19, /ends before section VOTES/],
    ['unterminated quote', (t) => t.replace('k1;70;3;Big;1', 'k1;70;3;"Big;1'), 'PROJECTS', 17, /unterminated quoted field/],
    ['two choices in choose-1', (t) => t.replace('1;k1', '1;k1,k2'), 'VOTES', 22, /chose 2 projects/],
    ['duplicate project', (t) => t.replace('k3;20;1;Small;0', 'k2;20;1;Small;0'), 'PROJECTS', 19, /duplicate project_id "k2"/],
    ['sections out of order', (t) => t.replace('PROJECTS', 'VOTES'), 'META', 15, /section VOTES found where PROJECTS was expected/],
  ];
  for (const [what, mutate, section, line, problem] of cases) {
    it(what, () => {
      let err: unknown;
      try {
        parsePabulib(mutate(base));
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(PabulibFormatError);
      const pe = err as PabulibFormatError;
      expect({ section: pe.section, line: pe.line }).toEqual({ section, line });
      expect(pe.problem).toMatch(problem);
      expect(pe.message).toContain(`line ${line}`);
    });
  }

  it('points that do not match the listed projects', () => {
    const t = read('cumulative-threshold.pb').replace('v1;c1,c2;3,2', 'v1;c1,c2;3');
    expect(() => parsePabulib(t)).toThrow(/section VOTES, line 24: voter "v1" has 2 projects but 1 points/);
  });
});
