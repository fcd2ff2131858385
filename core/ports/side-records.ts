import type { MessageParams } from '../domain/domain-error.ts';
import type { BroadcastDraft } from '../broadcasts/broadcast.ts';

/**
 * Records written atomically *with* a state change: if the change is stored, so are these;
 * if it is refused (version conflict, closed), none of them is. Every store method that
 * changes state accepts them.
 */
export interface SideRecords {
  readonly audit?: readonly AuditDraft[];
  readonly outbox?: readonly OutboxDraft[];
  /**
   * Broadcasts started by the change (e.g. the announcement of a phase entered), stored as
   * `fanning_out` with no message yet (BroadcastStore). A draft whose id exists is ignored.
   */
  readonly broadcasts?: readonly BroadcastDraft[];
}

/** An audit entry before it is linked into the chain. */
export interface AuditDraft {
  /** Epoch ms. */
  readonly at: number;
  /**
   * Actor ref, e.g. `staff:U123`, `ambassador:p_…`, `system:scheduler`. Residents and
   * ambassadors appear only by keyed pseudonym (core/engine/actor-refs.ts): audit entries
   * outlive a resident's erasure and cannot be rewritten without breaking the chain.
   */
  readonly actor: string;
  /** What happened, e.g. `idea.moderated`, `phase.entered`, `ballot.assisted`. */
  readonly action: string;
  /** What it happened to, e.g. `idea:idea_x`, `campaign:bertrix`. */
  readonly subject: string;
  /** Details; JSON-serialisable. Never personal data (no resident id, name or contact), never a ballot's choices. */
  readonly data: Readonly<Record<string, unknown>>;
  /** True for actions taken by an ambassador on someone's behalf. */
  readonly assisted: boolean;
}

/**
 * Who a message goes to. (Many residents at once is a broadcast, core/broadcasts: one
 * message per resident. The `digest` and `subscribers` kinds of earlier versions are gone;
 * a store may still hold such a message from then, which no sender claims.)
 */
export type Recipient =
  /** One resident, in their language (resolved at send time: an erased resident gets nothing). */
  | { readonly kind: 'resident'; readonly residentId: string }
  /** The committee's Slack channel (moderation cards, notices, alerts). */
  | { readonly kind: 'committee' }
  /** One Telegram chat that is not a resident's (a digest recipient: the mayor's chat, a group). */
  | { readonly kind: 'telegramChat'; readonly chatId: number }
  /** One Slack user, by direct message (a digest recipient). */
  | { readonly kind: 'slackUser'; readonly userId: string };

/** A message to send later, as data: the messenger adapters render `template` per language. */
export interface OutboxDraft {
  /**
   * Idempotency key: enqueueing a draft whose key is already in the outbox is a no-op, so a
   * retried use case never sends twice (e.g. `idea.state:idea_x:v4:author`).
   */
  readonly key: string;
  readonly recipient: Recipient;
  /**
   * Message template key, e.g. `notify.idea_eligible`, `card.moderation`. Stores keep it as
   * an opaque string; the engine builds only templates of the catalogue (`NoticeTemplate`,
   * core/domain/codes.ts), which the renderers translate.
   */
  readonly template: string;
  readonly params: MessageParams;
  /** Epoch ms; not sent before this instant. */
  readonly notBefore: number;
  /**
   * Key of a message this one must follow (e.g. a card update after its card): not handed
   * out before that message is sent. Absent: no predecessor.
   */
  readonly after?: string;
  /**
   * Group whose delivery counters this message counts in (a broadcast id): the outbox keeps
   * pending / sent / failed per group. Absent: no group.
   */
  readonly group?: string;
}
