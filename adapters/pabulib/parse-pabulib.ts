/**
 * Reads a Pabulib `.pb` file. All-or-nothing: the first problem throws a
 * `PabulibFormatError` naming the section, the line and the problem.
 */
import { readFile } from 'node:fs/promises';
import { Rational } from '../../core/tally/index.ts';
import type { VoteType } from '../../core/tally/index.ts';
import { CsvSyntaxError, readCsv } from './csv.ts';
import { PabulibFormatError, VOTE_TYPES } from './pabulib-file.ts';
import type { PabulibElection, PabulibProject, PabulibSection, PabulibVote } from './pabulib-file.ts';

/** Reads and parses a `.pb` file from disk. */
export async function readPabulibFile(path: string): Promise<PabulibElection> {
  return parsePabulib(await readFile(path, 'utf8'));
}

/** Parses the text of a `.pb` file (a UTF-8 BOM is allowed). */
export function parsePabulib(text: string): PabulibElection {
  let section: PabulibSection | null = null;
  let header: string[] | null = null;
  let lastLine = 0;
  const meta = new Map<string, string>();
  const metaLine = new Map<string, number>();
  const projects: PabulibProject[] = [];
  const projectIndex = new Set<string>();
  const votes: PabulibVote[] = [];
  const voterIds = new Set<string>();
  let projectColumns: string[] = [];
  let voteColumns: string[] = [];
  let budget: Rational | null = null;
  let voteType = 'approval' as VoteType;
  let idCol = -1;
  let costCol = -1;
  let voteCol = -1;
  let pointsCol = -1;
  const order: PabulibSection[] = ['META', 'PROJECTS', 'VOTES'];
  const fail = (line: number, problem: string): never => {
    throw new PabulibFormatError(section ?? 'file', line, problem);
  };

  const endOfMeta = (line: number): void => {
    const b = meta.get('budget');
    if (b === undefined) fail(line, 'META has no "budget"');
    const parsed = Rational.parse(b!);
    if (parsed === null || parsed.isNegative()) {
      section = 'META';
      fail(metaLine.get('budget')!, `budget "${b}" is not a non-negative decimal number`);
    }
    budget = parsed;
    const vt = meta.get('vote_type');
    if (vt === undefined) fail(line, 'META has no "vote_type"');
    if (!(VOTE_TYPES as readonly string[]).includes(vt!)) {
      section = 'META';
      fail(metaLine.get('vote_type')!, `unknown vote_type "${vt}" (expected ${VOTE_TYPES.join(', ')})`);
    }
    voteType = vt as VoteType;
  };

  try {
    for (const rec of readCsv(text)) {
      lastLine = rec.line;
      const f = rec.fields;
      if (f.length === 1 && (order as readonly string[]).includes(f[0]!.toUpperCase())) {
        const next = f[0]!.toUpperCase() as PabulibSection;
        const expected: PabulibSection | undefined = order[section === null ? 0 : order.indexOf(section) + 1];
        if (next !== expected) fail(rec.line, `section ${next} found where ${expected ?? 'the end of the file'} was expected`);
        if (section !== null && header === null) fail(rec.line, `section ${section} has no column header`);
        if (next === 'PROJECTS') endOfMeta(rec.line);
        section = next;
        header = null;
        continue;
      }
      if (section === null) fail(rec.line, 'the file must start with META');
      if (header === null) {
        header = f.map((h) => h.toLowerCase());
        if (section === 'META' && (header[0] !== 'key' || header[1] !== 'value')) fail(rec.line, 'META header must be "key;value"');
        if (section === 'PROJECTS') {
          projectColumns = f;
          idCol = header.indexOf('project_id');
          costCol = header.indexOf('cost');
          if (idCol < 0 || costCol < 0) fail(rec.line, 'PROJECTS header needs "project_id" and "cost"');
        }
        if (section === 'VOTES') {
          voteColumns = f;
          idCol = header.indexOf('voter_id');
          voteCol = header.indexOf('vote');
          pointsCol = header.indexOf('points');
          if (idCol < 0 || voteCol < 0) fail(rec.line, 'VOTES header needs "voter_id" and "vote"');
          if ((voteType === 'cumulative' || voteType === 'scoring') && pointsCol < 0) {
            fail(rec.line, `a ${voteType} file needs a "points" column`);
          }
        }
        continue;
      }
      if (section === 'META') {
        if (f.length < 2) fail(rec.line, 'a META row needs a key and a value');
        const key = f[0]!;
        if (meta.has(key)) fail(rec.line, `duplicate META key "${key}"`);
        meta.set(key, f.slice(1).join(';'));
        metaLine.set(key, rec.line);
      } else if (section === 'PROJECTS') {
        if (f.length !== header.length) fail(rec.line, `expected ${header.length} fields, found ${f.length}`);
        const id = f[idCol]!;
        if (id === '') fail(rec.line, 'empty project_id');
        if (projectIndex.has(id)) fail(rec.line, `duplicate project_id "${id}"`);
        const cost = Rational.parse(f[costCol]!);
        if (cost === null || cost.isNegative()) fail(rec.line, `cost "${f[costCol]}" of project "${id}" is not a non-negative decimal number`);
        projectIndex.add(id);
        projects.push({ id, cost: cost!, values: f });
      } else {
        if (f.length !== header.length) fail(rec.line, `expected ${header.length} fields, found ${f.length}`);
        votes.push(parseVote(f, rec.line));
      }
    }
  } catch (e) {
    if (e instanceof CsvSyntaxError) throw new PabulibFormatError(section ?? 'file', e.line, e.problem);
    throw e;
  }
  if (section !== 'VOTES') fail(lastLine, `the file ends before section ${section === 'PROJECTS' ? 'VOTES' : section === 'META' ? 'PROJECTS' : 'META'}`);
  if (header === null) fail(lastLine, 'section VOTES has no column header');
  checkCount('num_projects', projects.length);
  checkCount('num_votes', votes.length);
  return { meta, budget: budget!, voteType, projectColumns, projects, voteColumns, votes };

  function checkCount(key: string, actual: number): void {
    const v = meta.get(key);
    if (v === undefined) return;
    if (!/^\d+$/.test(v) || Number(v) !== actual) {
      section = 'META';
      fail(metaLine.get(key)!, `${key} is ${v} but the file has ${actual}`);
    }
  }

  function parseVote(f: string[], line: number): PabulibVote {
    const voterId = f[idCol]!;
    if (voterId === '') fail(line, 'empty voter_id');
    if (voterIds.has(voterId)) fail(line, `duplicate voter_id "${voterId}"`);
    voterIds.add(voterId);
    const raw = f[voteCol]!;
    const listed = raw === '' ? [] : raw.split(',').map((s) => s.trim());
    const seen = new Set<string>();
    for (const p of listed) {
      if (!projectIndex.has(p)) fail(line, `voter "${voterId}" votes for unknown project "${p}"`);
      if (seen.has(p)) fail(line, `voter "${voterId}" lists project "${p}" twice`);
      seen.add(p);
    }
    if (voteType === 'choose-1' && listed.length > 1) fail(line, `voter "${voterId}" chose ${listed.length} projects in a choose-1 vote`);
    if (voteType === 'cumulative' || voteType === 'scoring') {
      const rawPoints = f[pointsCol]!;
      const points = rawPoints === '' ? [] : rawPoints.split(',').map((s) => s.trim());
      if (points.length !== listed.length) fail(line, `voter "${voterId}" has ${listed.length} projects but ${points.length} points`);
      const nums = points.map((p) => {
        if (!/^\d+$/.test(p)) fail(line, `voter "${voterId}": points "${p}" is not a non-negative integer`);
        return Number(p);
      });
      return { voterId, projects: listed, points: nums, values: f };
    }
    return { voterId, projects: listed, values: f };
  }
}
