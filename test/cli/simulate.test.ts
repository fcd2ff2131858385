import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulateCommand } from '../../bot/commands/simulate.ts';
import { tallyCampaign } from '../../bot/commands/tally-campaign.ts';
import { auditCommand } from '../../bot/commands/audit.ts';
import { exportCommand } from '../../bot/commands/export.ts';
import { bertrixFile, cityFile, figure, minor, recordingIo, resultsTable, tempDir } from './cli-fixture.ts';

describe('pnyx simulate bertrix --residents 800, then tally, audit, export', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let simDir: string;
  let first: string;
  const env = () => ({ PNYX_DATA_DIR: path.join(dir, 'data') });

  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir('bertrix'));
    simDir = path.join(dir, 'data', 'simulations');
    const io = recordingIo(dir, env());
    const code = await simulateCommand([bertrixFile, '--residents', '800', '--seed', '1'], io);
    expect(io.err()).toBe('');
    expect(code).toBe(0);
    first = io.out();
  });
  afterAll(async () => {
    await cleanup();
  });

  it('says where its store is', () => {
    expect(first).toContain('Pnyx simulation — Bertrix participatory budget 2026 (bertrix-2026)');
    expect(first).toContain(`Simulation store: ${path.join('data', 'simulations', 'bertrix-2026.sqlite')}`);
    expect(first).toContain(`pnyx tally ${bertrixFile} --data-dir ${path.join('data', 'simulations')}`);
    expect(first).toMatch(/tallying → announced/);
    expect(first).toMatch(/refused actions {2}none/);
  });

  it('runs every kind of action: assisted registrations, moderation outcomes, rewrites, replaced and assisted ballots', () => {
    expect(figure(first, /registrations +(\d[\d,]*) \(/)).toBe(800);
    expect(figure(first, /\((\d+) registered by \d+ ambassadors/)).toBeGreaterThan(0);
    expect(figure(first, /ideas +(\d+) submitted/)).toBe(45);
    expect(figure(first, /supports +(\d[\d,]*)/)).toBeGreaterThan(100);
    expect(figure(first, /moderation +(\d+) eligible/)).toBeGreaterThan(20);
    expect(figure(first, /(\d+) rejected/)).toBeGreaterThan(0);
    expect(figure(first, /(\d+) merged/)).toBeGreaterThan(0);
    expect(figure(first, /(\d+) rewrites proposed/)).toBeGreaterThan(0);
    expect(figure(first, /ballots +[\d,]+ cast \((\d+) assisted\)/)).toBeGreaterThan(0);
    expect(figure(first, /(\d+) replaced by a later vote/)).toBeGreaterThan(0);
  });

  it('adds up: ballots = voters, funded total ≤ envelope, turnout = voters / registered', () => {
    const table = resultsTable(first);
    const ballots = figure(table, /\n {2}ballots (\d[\d,]*)/);
    const voters = figure(table, /\n {2}voters {2}(\d[\d,]*)/);
    expect(ballots).toBe(voters);
    expect(figure(table, /Results — .*?, (\d[\d,]*) ballots,/)).toBe(ballots);
    // Funded rows: their costs add up to what was spent, within the envelope.
    const funded = [...table.matchAll(/^ +\d+ +#\d+ +.+? +[\d,]+ +([\d,]+\.\d\d) +funded +([\d,]+\.\d\d)$/gm)];
    expect(funded.length).toBeGreaterThan(0);
    const spent = funded.reduce((s, m) => s + minor(m[1] as string), 0);
    const printedSpent = minor((/spent ([\d,.]+) EUR of 20,000\.00 EUR, left ([\d,.]+) EUR/.exec(table) ?? [])[1] ?? 'NaN');
    const left = minor((/spent [\d,.]+ EUR of 20,000\.00 EUR, left ([\d,.]+) EUR/.exec(table) ?? [])[1] ?? 'NaN');
    expect(spent).toBe(printedSpent);
    expect(spent).toBeLessThanOrEqual(2_000_000);
    expect(spent + left).toBe(2_000_000);
    expect(minor((funded.at(-1) as RegExpMatchArray)[2] as string)).toBe(left);
    // The digest: registered 800 = 10 % of 8,000; turnout = voters / registered.
    expect(first).toMatch(/registered +800 \(10\.0 % of 8,000 inhabitants\)/);
    const turnout = /turnout +(\d+\.\d) % \((\d[\d,]*) voters \/ (\d[\d,]*) registered\)/.exec(first);
    expect(turnout).not.toBeNull();
    const [, pct, v, reg] = turnout as RegExpExecArray;
    expect(Number(v)).toBe(voters);
    expect(Number(reg)).toBe(800);
    expect(Number(pct)).toBe(Math.round((voters / 800) * 1000) / 10);
    expect(first).toMatch(new RegExp(`ballots +commune ${voters}\\n`));
    expect(first).toMatch(/backlog +0 awaiting review/);
  });

  it('gives byte-identical output for the same seed, and another for another seed', async () => {
    const again = recordingIo(dir, env());
    expect(await simulateCommand([bertrixFile, '--residents', '800', '--seed', '1'], again)).toBe(0);
    expect(again.out()).toBe(first);
    const other = recordingIo(dir, env());
    expect(await simulateCommand([bertrixFile, '--residents', '800', '--seed', '2'], other)).toBe(0);
    expect(other.out()).not.toBe(first);
    // Leave the seed-1 store behind for the next tests.
    const back = recordingIo(dir, env());
    expect(await simulateCommand([bertrixFile, '--residents', '800', '--seed', '1'], back)).toBe(0);
    expect(back.out()).toBe(first);
  });

  it('pnyx tally on the stored campaign prints the same results table, agreeing with the stored count', async () => {
    const io = recordingIo(dir, env());
    expect(await tallyCampaign([bertrixFile, '--data-dir', simDir], io)).toBe(0);
    expect(io.err()).toBe('');
    expect(resultsTable(io.out())).toBe(resultsTable(first));
    expect(io.out()).toMatch(/Stored results of 2026-07-01 02:00: identical to this recount\./);
  });

  it('pnyx audit verifies the chain and its recorded count agrees with the table', async () => {
    const io = recordingIo(dir, env());
    expect(await auditCommand([bertrixFile, '--data-dir', simDir], io)).toBe(0);
    const out = io.out();
    const entries = figure(out, /chain verified: (\d+) entries/);
    expect(entries).toBeGreaterThan(50);
    expect(out).toMatch(/system:scheduler {2}phase\.entered {2}campaign:bertrix-2026/);
    expect(out).toMatch(/resident\.registered_assisted .*\[assisted\]/);
    expect(out).toMatch(/ballot\.assisted {2}envelope:commune \[assisted\]/);
    const table = resultsTable(first);
    const fundedInTable = [...table.matchAll(/^ +\d+ +#(\d+) .* funded /gm)].map((m) => `#${m[1]}`).join(' ');
    const summary = /commune: (\d+) ballots, spent ([\d,.]+) EUR, funded (.*)\n/.exec(out);
    expect(summary).not.toBeNull();
    expect(Number(summary?.[1])).toBe(figure(table, /\n {2}voters {2}(\d[\d,]*)/));
    expect(summary?.[2]).toBe((/spent ([\d,.]+) EUR of 20,000\.00 EUR, left/.exec(table) ?? [])[1]);
    expect(summary?.[3]).toBe(fundedInTable);
    const json = recordingIo(dir, env());
    expect(await auditCommand([bertrixFile, '--data-dir', simDir, '--json'], json)).toBe(0);
    const parsed = JSON.parse(json.out()) as { verified: boolean; entries: unknown[] };
    expect(parsed.verified).toBe(true);
    expect(parsed.entries).toHaveLength(entries);
  });

  it('pnyx export writes the files with no personal data', async () => {
    const out = path.join(dir, 'export');
    const io = recordingIo(dir, env());
    expect(await exportCommand([bertrixFile, '--data-dir', simDir, '--out', out], io)).toBe(0);
    expect(io.out()).toMatch(/45 ideas, \d+ ballots/);
    const files = Object.fromEntries(
      await Promise.all(['ideas.csv', 'results.csv', 'ballots.csv', 'participation.json', 'export.json'].map(async (f) => [f, await readFile(path.join(out, f), 'utf8')] as const)),
    );
    for (const [name, text] of Object.entries(files)) {
      expect(text, name).not.toMatch(/tg:|code:r_|910\d{6}|Resident \d|voterKey|authorId|assistedBy/);
    }
    const ballots = (files['ballots.csv'] as string).trimEnd().split('\r\n');
    expect(ballots[0]).toBe('receipt,envelope,choices,version');
    const voters = figure(resultsTable(first), /\n {2}voters {2}(\d[\d,]*)/);
    expect(ballots).toHaveLength(voters + 1);
    expect(ballots[1]).toMatch(/^[A-HJ-NP-Z2-9]{10},commune,\d+,\d+$/);
    expect((files['ideas.csv'] as string).split('\r\n')[0]).toMatch(/^number,title,description,category,area,cost,/);
    expect(files['ideas.csv']).toMatch(/"I propose [^"]*, young and old, [^"]*"|"Je propose [^"]*"/);
    const participation = JSON.parse(files['participation.json'] as string) as { registered: number; voters: number };
    expect(participation.registered).toBe(800);
    expect(participation.voters).toBe(voters);
    const all = JSON.parse(files['export.json'] as string) as { ballots: unknown[]; ideas: unknown[]; resultsSource: string };
    expect(all.ballots).toHaveLength(voters);
    expect(all.ideas).toHaveLength(45);
    expect(all.resultsSource).toBe('stored');
  });

  it('reports a broken chain after one audit row is edited in the database file', async () => {
    const db = new Database(path.join(simDir, 'bertrix-2026.sqlite'));
    try {
      const row = db.prepare('SELECT seq, data FROM audit_log WHERE action = ? ORDER BY seq LIMIT 1').get('idea.moderated') as { seq: number; data: string };
      db.prepare('UPDATE audit_log SET data = ? WHERE seq = ?').run(row.data.replace(/"outcome":"\w+"/, '"outcome":"rejected"'), row.seq);
      const io = recordingIo(dir, env());
      expect(await auditCommand([bertrixFile, '--data-dir', simDir], io)).toBe(1);
      expect(io.out()).toContain(`chain BROKEN at seq ${row.seq} (hash_mismatch`);
      expect(io.err()).toContain(`chain BROKEN at seq ${row.seq}`);
      expect(io.out()).not.toContain('chain verified');
    } finally {
      db.close();
    }
  });
});

describe('pnyx simulate on the city example (knapsack ballots, area envelopes, MES add1)', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir('city'));
  });
  afterAll(async () => {
    await cleanup();
  });

  it('completes; each envelope stays within its amount; area ballots plus town ballots match the voters', async () => {
    const io = recordingIo(dir, { PNYX_DATA_DIR: 'data' });
    expect(await simulateCommand([cityFile, '--residents', '300', '--seed', '5'], io)).toBe(0);
    const out = io.out();
    expect(io.err()).toBe('');
    expect(out).toContain('ballot knapsack, tally mes/add1');
    expect(out).toContain('equalshares/add1');
    const blocks = [...out.matchAll(/Results — .*? \((\w[\w-]*)\): ([\d,.]+) EUR, (\d+) ballots?,[\s\S]*?spent ([\d,.]+) EUR of [\d,.]+ EUR, left ([\d,.]+) EUR/g)];
    expect(blocks.map((b) => b[1])).toEqual(['stad', 'centrum', 'heverlee', 'kessel-lo', 'wilsele', 'wijgmaal']);
    for (const b of blocks) {
      expect(minor(b[4] as string)).toBeLessThanOrEqual(minor(b[2] as string));
      expect(minor(b[4] as string) + minor(b[5] as string)).toBe(minor(b[2] as string));
    }
    const voters = figure(out, /\n {2}voters {2}(\d[\d,]*)/);
    const town = Number(blocks[0]?.[3]);
    const areas = blocks.slice(1).reduce((s, b) => s + Number(b[3]), 0);
    // Every voter has a town-wide ballot and one in their own area's envelope.
    expect(town).toBe(voters);
    expect(areas).toBe(voters);
    expect(figure(out, /\n {2}ballots (\d[\d,]*)/)).toBe(town + areas);
    expect(out).toMatch(/\(\d+ registered by \d+ ambassadors with one-time codes; 300 codes issued\)/);

    const tally = recordingIo(dir, { PNYX_DATA_DIR: 'data' });
    expect(await tallyCampaign([cityFile, '--data-dir', 'data/simulations'], tally)).toBe(0);
    expect(resultsTable(tally.out())).toBe(resultsTable(out));
    const audit = recordingIo(dir, { PNYX_DATA_DIR: 'data' });
    expect(await auditCommand([cityFile, '--data-dir', 'data/simulations'], audit)).toBe(0);
  });
});
