/**
 * The assisted ballot (SPEC §2.4): an ambassador fills in, with a resident who has no
 * Telegram, the same ballot builder residents use (vote.ts `ballotBuilder`), bound to that
 * resident: their envelopes, their fair order, their current ballot. The cast press does not
 * cast: the confirmation stays and asks for the resident's one-time code, typed in the next
 * message; only a code naming that same resident casts (`castAssistedBallot`, under the
 * resident's voter key, flagged assisted in the audit log). A wrong code casts nothing.
 *
 * Only an ambassador (or staff) has a voter here: for anyone else every `avote` button is
 * expired and nothing changes. The engine checks the role again at the cast.
 */
import type { BallotSlot } from '../../../core/ballots/ballot.ts';
import type { MessageReferences } from '../../../core/ports/message-references.ts';
import { readVoteSession } from '../ballot-builder-state.ts';
import type { BotServices, PnyxContext } from '../context.ts';
import { defineBuilderCallback } from '../render/ballot-builder.ts';
import { refusalText } from '../render/refusal-text.ts';
import { readAmbFlow, readAssist, writeAmbFlow, writeAssist } from './ambassador-session.ts';
import { helpsResidents } from './main-menu.ts';
import { ballotBuilder } from './vote.ts';
import type { BallotBuilder, BuilderBinding } from './vote.ts';

/** Assisted builders' buttons: the builder's parts under their own prefix. */
export const assistedVoteCallback = defineBuilderCallback('avote');

/** The message-references key of an ambassador's builder for `voterId`'s `slot`. */
export function assistedRefKey(ambassadorId: string, voterId: string, slot: BallotSlot): string {
  return `assist:${ambassadorId}:${voterId}:${slot}`;
}

/** The assisted ballot's builder and what the ambassador feature calls. */
export interface AssistedBallot {
  readonly builder: BallotBuilder;
  /** Opens the builder for `voterId` (a resident found by their code). */
  open(ctx: PnyxContext, voterId: string): Promise<void>;
  /** The message after the cast press: the resident's code. True when it was taken. */
  confirmWithCode(ctx: PnyxContext, code: string): Promise<boolean>;
}

/** The assisted ballot over the bot's services. */
export function assistedBallot(services: BotServices, options: { readonly messageRefs: MessageReferences }): AssistedBallot {
  const { engine, campaign, translate: t } = services;
  const localeOf = (ctx: PnyxContext): string => ctx.resident?.locale ?? campaign.defaultLocale;
  const binding: BuilderBinding = {
    codec: assistedVoteCallback,
    voter: (ctx) => (helpsResidents(ctx.resident?.role) ? (readAssist(ctx.session)?.voter ?? null) : null),
    read: (ctx) => readVoteSession(readAssist(ctx.session)?.builders),
    write: (ctx, builders) => {
      const a = readAssist(ctx.session);
      if (a !== null) writeAssist(ctx.session, { ...a, builders });
    },
    refKey: (ctx, voterId, slot) => assistedRefKey(ctx.resident?.id ?? '', voterId, slot),
    beforeCast: async (ctx, _voterId, slot, check) => {
      const a = readAssist(ctx.session);
      if (a !== null) writeAssist(ctx.session, { ...a, waiting: { slot, check } });
      writeAmbFlow(ctx.session, { step: 'vote-confirm' });
      return t(localeOf(ctx), 'amb-vote-code-prompt');
    },
  };
  const builder = ballotBuilder(services, options, binding);

  return {
    builder,
    async open(ctx, voterId) {
      const before = readAssist(ctx.session);
      // Another resident: a fresh set of builders (the previous resident's are not theirs).
      writeAssist(ctx.session, { voter: voterId, builders: before?.voter === voterId ? before.builders : {}, waiting: null });
      await builder.open(ctx, null);
    },
    async confirmWithCode(ctx, code) {
      const me = ctx.resident;
      const a = readAssist(ctx.session);
      if (me === null || a === null || a.waiting === null) return false;
      const say = (html: string) => ctx.reply(html, { parse_mode: 'HTML' });
      const who = await engine.residentByCode(code);
      if (!who.ok || who.value.id !== a.voter) {
        // Nothing cast; the confirmation keeps waiting for the right code.
        await say(who.ok || who.code === 'code.unknown' || who.code === 'code.malformed' ? t(localeOf(ctx), 'amb-vote-wrong-code') : refusalText(t, localeOf(ctx), campaign, who));
        return true;
      }
      const { slot, check } = a.waiting;
      writeAmbFlow(ctx.session, null);
      writeAssist(ctx.session, { ...a, waiting: null });
      const taken = await builder.castWaiting(ctx, slot, check, (_voterId, choices) => engine.castAssistedBallot(me.id, code, slot, choices, String(ctx.update.update_id)));
      if (!taken) await say(t(localeOf(ctx), 'amb-vote-nothing-waiting'));
      return true;
    },
  };
}

/** Whether the chat's next message is a resident's code confirming an assisted ballot. */
export function waitsForBallotCode(ctx: PnyxContext): boolean {
  return readAmbFlow(ctx.session)?.step === 'vote-confirm';
}
