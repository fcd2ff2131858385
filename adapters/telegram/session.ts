/**
 * The small per-chat session of the residents' bot, kept in the chat-state port (so another
 * instance or a restarted one sees it). It is read back through zod: a value written by an
 * older version, or damaged, becomes an empty session rather than a crash.
 */
import { z } from 'zod';

/** Deep-link payloads the bot understands (`/start <payload>`): `idea_<number>`, `invite_<code>`. */
export const START_PAYLOAD = z.string().regex(/^(idea_[1-9][0-9]{0,8}|invite_[A-Za-z0-9-]{4,32})$/);

const sessionSchema = z
  .object({
    /** A deep link opened before registration was complete, resumed once it is. */
    pendingStart: START_PAYLOAD.nullable().optional(),
    /** Message id of the last main menu sent (edited in place when possible). */
    menuMessageId: z.number().int().positive().nullable().optional(),
  })
  .catchall(z.unknown());

/** The session. Features may add their own optional fields (validated where they read them). */
export type BotSession = z.infer<typeof sessionSchema>;

/** A session as read from the store: validated, or a fresh one. */
export function parseSession(value: unknown): BotSession {
  const parsed = sessionSchema.safeParse(value);
  return parsed.success ? parsed.data : {};
}
