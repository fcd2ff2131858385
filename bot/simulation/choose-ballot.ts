/**
 * How a synthetic voter fills in a ballot under each rule of SPEC §2.3, from their taste
 * (an appeal per finalist, a little noise, a preference for their own area's ideas).
 */
import type { BallotRule, Envelope } from '../../core/campaign/campaign.ts';
import type { ChoiceInput } from '../../core/ballots/ballot-rules.ts';
import type { Idea } from '../../core/ideas/idea.ts';
import type { SeededRandom } from '../../adapters/system/index.ts';

/** A finalist as a voter sees it: the idea and how much this voter likes it (> 0). */
export interface Liked {
  readonly idea: Idea;
  readonly liking: number;
}

/** The voter's liking of each finalist. */
export function likings(rng: SeededRandom, finalists: readonly Idea[], appeal: (ideaId: string) => number, voterArea: string | null): Liked[] {
  return finalists.map((idea) => ({ idea, liking: appeal(idea.id) * (idea.area !== null && idea.area === voterArea ? 1.6 : 1) * (0.4 + rng.next() * 1.2) }));
}

function drawWithout(rng: SeededRandom, pool: Liked[], n: number): Liked[] {
  const left = [...pool];
  const out: Liked[] = [];
  while (out.length < n && left.length > 0) {
    const i = rng.weighted(left.map((l) => l.liking * l.liking));
    out.push(left[i] as Liked);
    left.splice(i, 1);
  }
  return out;
}

/**
 * Choices for `rule` in `envelope`, or null when no valid ballot exists (e.g. no finalist
 * fits the envelope on a knapsack ballot).
 */
export function chooseBallot(rng: SeededRandom, rule: BallotRule, envelope: Envelope, liked: readonly Liked[]): ChoiceInput[] | null {
  if (liked.length === 0) return null;
  switch (rule.kind) {
    case 'single':
      return drawWithout(rng, [...liked], 1).map((l) => ({ ideaId: l.idea.id }));
    case 'approval': {
      const max = Math.min(rule.maxChoices, liked.length);
      if (max < rule.minChoices) return null;
      const n = rule.minChoices + rng.int(max - rule.minChoices + 1);
      return drawWithout(rng, [...liked], Math.max(1, n)).map((l) => ({ ideaId: l.idea.id }));
    }
    case 'knapsack': {
      const order = drawWithout(rng, [...liked], liked.length);
      const out: ChoiceInput[] = [];
      let total = 0;
      for (const l of order) {
        const cost = l.idea.cost ?? 0;
        if (total + cost > envelope.amount) continue;
        out.push({ ideaId: l.idea.id });
        total += cost;
        // Most voters stop before the envelope is full.
        if (rng.chance(0.3)) break;
      }
      return out.length === 0 ? null : out;
    }
    case 'cumulative': {
      const points = new Map<string, number>();
      for (let spent = 0; spent < rule.points; spent++) {
        const open = liked.filter((l) => (points.get(l.idea.id) ?? 0) < rule.maxPerIdea);
        if (open.length === 0) break;
        const pick = open[rng.weighted(open.map((l) => l.liking * l.liking))] as Liked;
        points.set(pick.idea.id, (points.get(pick.idea.id) ?? 0) + 1);
      }
      return [...points].map(([ideaId, p]) => ({ ideaId, points: p }));
    }
  }
}
