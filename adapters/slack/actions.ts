/**
 * Action ids and values of the moderation card's buttons, shared by the card renderer
 * (blocks/card.ts) and the moderation feature (features/moderation.ts). A button's value is
 * `<ideaId>:<version>`: the version the card showed, so a second moderator acting on the
 * same card is refused (`moderation.already_decided`) instead of overwriting the first.
 * Values from Slack are parsed with zod; anything else is refused and changes nothing.
 */
import { z } from 'zod';

export const CARD_ACTIONS = {
  eligible: 'card.eligible',
  changes: 'card.changes',
  reject: 'card.reject',
  merge: 'card.merge',
  rewrite: 'card.rewrite',
  estimate: 'card.estimate',
} as const;

export type CardAction = (typeof CARD_ACTIONS)[keyof typeof CARD_ACTIONS];

/** Matches every card action id (for `app.action`). */
export const CARD_ACTION_PATTERN = /^card\.(eligible|changes|reject|merge|rewrite|estimate)$/;

const cardValue = z
  .string()
  .max(200)
  .regex(/^[A-Za-z0-9_-]{1,120}:[1-9][0-9]{0,8}$/)
  .transform((v) => {
    const [ideaId, version] = v.split(':') as [string, string];
    return { ideaId, version: Number(version) };
  });

/** The value of a card button for an idea at a version. */
export function cardValueOf(ideaId: string, version: number): string {
  return `${ideaId}:${version}`;
}

/** Parses a card button's value; null when it is not one. */
export function parseCardValue(value: unknown): { ideaId: string; version: number } | null {
  const parsed = cardValue.safeParse(value);
  return parsed.success ? parsed.data : null;
}
