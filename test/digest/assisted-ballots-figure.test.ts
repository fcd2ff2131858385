/**
 * The assisted-ballot figure (SPEC §2.4: every assisted action is counted in the figures)
 * from the figures to what the mayor reads: the digest text in every locale and the CLI.
 */
import { describe, expect, it } from 'vitest';
import { participationFigures } from '../../core/figures/participation-figures.ts';
import { renderDigest } from '../../adapters/digest/render-digest.ts';
import { DIGEST_TEXTS } from '../../adapters/digest/digest-texts.ts';
import { renderDigestFigures } from '../../bot/render/digest-figures.ts';
import { testCampaign } from '../support/test-campaign.ts';

const campaign = testCampaign();
const figures = participationFigures(
  campaign,
  { residents: [], ideas: [], ballotsByEnvelope: { town: 40 }, voters: 31, assistedBallots: 7, status: { kind: 'open', phase: 'voting', closesAt: null, held: null }, nextPhase: null },
  0,
);

describe('assisted ballots in the figures', () => {
  it('are carried from the snapshot', () => {
    expect(figures.assistedBallots).toBe(7);
  });

  it('are shown in the digest text in every locale', async () => {
    for (const [locale, t] of Object.entries(DIGEST_TEXTS)) {
      const d = await renderDigest({ figures, locale, campaign });
      expect(d.text, locale).toContain(`${t.assistedBallots}: 7`);
    }
  });

  it('are listed by the CLI digest figures', () => {
    expect(renderDigestFigures(campaign, figures)).toMatch(/assisted ballots +7\n/);
  });
});
