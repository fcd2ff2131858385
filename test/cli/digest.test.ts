/** `pnyx digest`: the PNG of a simulated campaign's figures, the text on stdout, and bad arguments refused. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulateCommand } from '../../bot/commands/simulate.ts';
import { digestCommand } from '../../bot/commands/digest.ts';
import { DIGEST_HEIGHT, DIGEST_WIDTH } from '../../adapters/digest/render-digest.ts';
import { bertrixFile, recordingIo, tempDir } from './cli-fixture.ts';

describe('pnyx digest', () => {
  it('writes the chart of the stored figures and prints them; refuses bad arguments', async () => {
    const { dir, cleanup } = await tempDir('digest');
    try {
      const env = { PNYX_DATA_DIR: path.join(dir, 'data') };
      expect(await simulateCommand([bertrixFile, '--residents', '60', '--seed', '2'], recordingIo(dir, env))).toBe(0);
      const dataDir = path.join(dir, 'data', 'simulations');
      const io = recordingIo(dir, env);
      expect(await digestCommand([bertrixFile, '--data-dir', dataDir, '--out', 'd.png', '--locale', 'fr'], io)).toBe(0);
      const png = await readFile(path.join(dir, 'd.png'));
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([DIGEST_WIDTH, DIGEST_HEIGHT]);
      expect(io.out()).toMatch(/Inscrits: 60 \//);
      expect(io.out()).toContain('Idées par catégorie');

      const bad = recordingIo(dir, env);
      expect(await digestCommand([bertrixFile, '--data-dir', dataDir, '--out', 'd.png', '--locale', 'xx'], bad)).toBe(2);
      expect(bad.err()).toContain('--locale must be one of');
      const noOut = recordingIo(dir, env);
      expect(await digestCommand([bertrixFile, '--data-dir', dataDir], noOut)).toBe(2);
      expect(noOut.err()).toContain('--out FILE.png is required');
    } finally {
      await cleanup();
    }
  }, 120_000);
});
