/**
 * `pnyx digest FILE --out digest.png [--locale xx] [--data-dir DIR]`: renders the mayor's
 * digest of the stored campaign's current figures (the chart the digest recipients get),
 * writes the PNG and prints the text alternative. Exit codes: 0 written, 1 no store or write
 * failure, 2 bad input.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { renderDigest } from '../../adapters/digest/render-digest.ts';
import { DIGEST_TEXTS } from '../../adapters/digest/digest-texts.ts';
import type { CliCommand } from './command.ts';
import { openStoredCampaign } from './stored-campaign.ts';

const USAGE = `Usage: pnyx digest FILE --out digest.png [--locale ${Object.keys(DIGEST_TEXTS).join('|')}] [--data-dir DIR]\n`;

const Args = z.object({
  out: z.string({ message: '--out FILE.png is required' }).regex(/\.png$/i, { message: '--out must name a .png file' }),
  locale: z.enum(Object.keys(DIGEST_TEXTS) as [string, ...string[]], { message: `--locale must be one of ${Object.keys(DIGEST_TEXTS).join(', ')}` }).optional(),
});

/** The `digest` command. */
export const digestCommand: CliCommand = async (args, io) => {
  const opened = await openStoredCampaign<{ 'data-dir'?: string; help?: boolean; out?: string; locale?: string }>(
    'digest', USAGE, args, io, { out: { type: 'string' }, locale: { type: 'string' } },
  );
  if (!opened.ok) return opened.exitCode;
  const { composed, campaign } = opened;
  try {
    const parsed = Args.safeParse(opened.values);
    if (!parsed.success) {
      io.stderr(`pnyx digest: ${parsed.error.issues.map((i) => i.message).join('; ')}\n${USAGE}`);
      return 2;
    }
    const locale = parsed.data.locale ?? (campaign.defaultLocale in DIGEST_TEXTS ? campaign.defaultLocale : 'en');
    const figures = await composed.engine.digestFigures();
    const digest = await renderDigest({ figures, locale, campaign });
    const out = path.resolve(io.cwd, parsed.data.out);
    try {
      await writeFile(out, digest.png);
    } catch (e) {
      io.stderr(`pnyx digest: cannot write ${parsed.data.out}: ${(e as NodeJS.ErrnoException).code ?? 'error'}\n`);
      return 1;
    }
    io.stdout(`${digest.text}\n\n${parsed.data.out}: ${digest.width}×${digest.height} PNG\n`);
    return 0;
  } finally {
    await composed.close();
  }
};
