/**
 * Voting in the residents' bot (SPEC §2.3, issue #11): one builder message per ballot (the
 * resident's area envelope and the town-wide one), edited in place as the resident chooses;
 * a confirmation screen; the cast through the engine with the update id as request id (a
 * re-delivered press is a duplicate, never a second ballot); the receipt; "change my vote".
 *
 * Where things are kept, so that a restart or another instance carries on: the builder's
 * selection in the session (chat-state port, zod-read), the builder message's chat and id in
 * the message-references port under `builder:<residentId>:<slot>`. A press is judged at the
 * press: voting open by the engine's clock, the resident still eligible, and the press made on
 * the current builder message at its current generation — anything else is answered (closed,
 * refusal, stale), never applied to another state.
 *
 * The builder itself (`ballotBuilder`) is bound to whose ballots it fills in: the resident's
 * own here, a resident helped by an ambassador in ambassador-ballot.ts, whose confirmation
 * waits for that resident's one-time code before anything is cast.
 */
import { Composer, InlineKeyboard } from 'grammy';
import type { BallotSlot, StoredBallot } from '../../../core/ballots/ballot.ts';
import type { BallotOption, CastResult } from '../../../core/engine/ballot-usecases.ts';
import type { Outcome } from '../../../core/domain/domain-error.ts';
import type { Idea } from '../../../core/ideas/idea.ts';
import type { Resident } from '../../../core/residents/resident.ts';
import type { MessageReferences } from '../../../core/ports/message-references.ts';
import { builderRefKey, newBuilderState, readVoteSession } from '../ballot-builder-state.ts';
import type { BuilderState, VoteSession } from '../ballot-builder-state.ts';
import type { BotServices, PnyxContext } from '../context.ts';
import { applyPress, choicesOf, fairOrder, selectionCheck, SLOT_CODE, voteCallback } from '../render/ballot-builder.ts';
import type { BuilderCodec, BuilderInput, BuilderPress } from '../render/ballot-builder.ts';
import { confirmView, doneView, stateView } from '../render/ballot-builder-view.ts';
import type { BuilderMeta, BuilderView } from '../render/ballot-builder-view.ts';
import { escapeHtml } from '../render/html.ts';
import { refusalText } from '../render/refusal-text.ts';
import { fitCaption } from '../render/split.ts';
import type { RefusalLike } from '../render/refusal-text.ts';
import { menuCallback } from './main-menu.ts';
import { judgeVoting, plainAnswer } from './vote-judge.ts';

/** What the vote feature needs besides the services. */
export interface VoteFeatureOptions {
  /** Where each builder message's reference is kept (`builder:<residentId>:<slot>`). */
  readonly messageRefs: MessageReferences;
}

/** One of the resident's ballots as the builder shows it. */
interface SlotView {
  readonly option: BallotOption;
  readonly input: BuilderInput;
  readonly meta: BuilderMeta;
}

const SLOT_OF = { a: 'area', t: 'town' } as const;

/** Orders already drawn, per finalists list (one per envelope and process while voting is open). */
const ordersOf = new WeakMap<readonly Idea[], { readonly finalists: readonly Idea[]; readonly byVoter: Map<string, readonly Idea[]> }>();
const ORDERS_KEPT = 10_000;

/**
 * The finalists of `option` in `voterId`'s fair order. Every press asks for it; while voting
 * is open the engine hands out the same finalists list each time, so the filtered list and
 * each voter's order are kept with it (not rebuilt, nor looked up by a key naming every idea).
 */
function fairOrderOf(voterId: string, option: BallotOption): readonly Idea[] {
  let memo = ordersOf.get(option.finalists);
  if (memo === undefined) {
    memo = { finalists: option.finalists.filter((i) => i.state === 'finalist'), byVoter: new Map() };
    ordersOf.set(option.finalists, memo);
  }
  const key = `${voterId}\u0000${option.envelope.id}`;
  let order = memo.byVoter.get(key);
  if (order === undefined) {
    order = fairOrder(voterId, option.envelope.id, memo.finalists);
    if (memo.byVoter.size >= ORDERS_KEPT) memo.byVoter.clear();
    memo.byVoter.set(key, order);
  }
  return order;
}

const picksOf = (ballot: StoredBallot | null): Record<string, number> => Object.fromEntries((ballot?.choices ?? []).map((c) => [c.ideaId, c.points]));

/**
 * Whose ballots a builder fills in, where its state is kept, and how its confirmation casts.
 * The resident's own (`ownBallots`) or an assisted resident's (ambassador-ballot.ts).
 */
export interface BuilderBinding {
  /** The builders' button data (a prefix of their own, so each press reaches its binding). */
  readonly codec: BuilderCodec;
  /** The resident whose ballots these are, or null when this chat may not fill them in now. */
  voter(ctx: PnyxContext): string | null;
  /** The builders of this chat (validated), and how to keep them. */
  read(ctx: PnyxContext): VoteSession;
  write(ctx: PnyxContext, session: VoteSession): void;
  /** Message-references key of the builder message of `voterId`'s `slot` in this chat. */
  refKey(ctx: PnyxContext, voterId: string, slot: BallotSlot): string;
  /**
   * The cast press on the confirmation. Absent: cast at once (`castBallot`). Present: nothing
   * is cast yet; it returns the HTML shown under the confirmation (what must come first), and
   * the cast is made later by `castWaiting`.
   */
  beforeCast?(ctx: PnyxContext, voterId: string, slot: BallotSlot, check: string): Promise<string>;
}

/** The builder of one binding: open one, answer its presses, cast a confirmation that waited. */
export interface BallotBuilder {
  /** Sends a fresh builder message for `slot` (or the first ballot still to cast) and records it. */
  open(ctx: PnyxContext, slot: BallotSlot | null): Promise<void>;
  /** Handles a press on this binding's buttons (`codec.filter`). */
  press(ctx: PnyxContext): Promise<void>;
  /**
   * Casts the confirmation of `slot` left waiting by `beforeCast`, if it still shows the
   * selection `check`: judged again (voting open, voter eligible), then `cast`; the builder
   * message shows the receipt or the refusal. False when no such confirmation waits.
   */
  castWaiting(ctx: PnyxContext, slot: BallotSlot, check: string, cast: (voterId: string, choices: ReturnType<typeof choicesOf>) => Promise<Outcome<CastResult>>): Promise<boolean>;
}

/** The resident's own ballots: state in `session.vote`, builder messages under `builder:<residentId>:<slot>`. */
export const ownBallots: BuilderBinding = {
  codec: voteCallback,
  voter: (ctx) => ctx.resident?.id ?? null,
  read: (ctx) => readVoteSession(ctx.session.vote),
  write: (ctx, session) => {
    ctx.session.vote = session;
  },
  refKey: (_ctx, voterId, slot) => builderRefKey(voterId, slot),
};

/** `/vote`, the menu's vote button, and every builder button. */
export function voteFeature(services: BotServices, options: VoteFeatureOptions): Composer<PnyxContext> {
  const builder = ballotBuilder(services, options, ownBallots);
  const composer = new Composer<PnyxContext>();
  const privateChat = composer.chatType('private');
  privateChat.command('vote', (ctx) => builder.open(ctx, null));
  privateChat.callbackQuery(menuCallback.filter, async (ctx, next) => {
    if (menuCallback.decode(ctx.callbackQuery.data)?.[0] !== 'vote') return next();
    await ctx.answerCallbackQuery();
    return builder.open(ctx, null);
  });
  privateChat.callbackQuery(voteCallback.filter, (ctx) => builder.press(ctx));
  return composer;
}

/** The resident's record loaded for this update, when the ballots are theirs (the engine then needs not read it again). */
const ownRecord = (ctx: PnyxContext, voterId: string): Resident | undefined => (ctx.resident?.id === voterId ? ctx.resident : undefined);

/** The ballot builder over `binding` (see {@link BuilderBinding}). */
export function ballotBuilder(services: BotServices, options: VoteFeatureOptions, binding: BuilderBinding): BallotBuilder {
  const { engine, campaign, translate: t } = services;
  const refs = options.messageRefs;
  const codec = binding.codec;
  const localeOf = (ctx: PnyxContext): string => ctx.resident?.locale ?? campaign.defaultLocale;
  const refusal = (ctx: PnyxContext, r: RefusalLike): string => refusalText(t, localeOf(ctx), campaign, r);

  const slotView = (ctx: PnyxContext, voterId: string, all: readonly BallotOption[], option: BallotOption, closesAt: number | null): SlotView => {
    return {
      option,
      input: { rule: campaign.ballot, envelope: option.envelope, order: fairOrderOf(voterId, option) },
      meta: { t, locale: localeOf(ctx), campaign, slot: option.slot, index: all.indexOf(option) + 1, total: all.length, closesAt, codec },
    };
  };

  /** The view of a state; the receipt screen with `ballot` (the current one unless given). */
  const render = (all: readonly BallotOption[], v: SlotView, state: BuilderState, cast?: { ballot: StoredBallot; replaced: boolean }): BuilderView => {
    const ballot = cast?.ballot ?? v.option.current;
    if (state.view !== 'done' || ballot === null) return stateView(v.meta, state.view === 'done' ? { ...state, view: 'build' } : state, v.input);
    const castSlots = new Set(all.filter((o) => o.current !== null).map((o) => o.slot));
    castSlots.add(v.option.slot);
    const next = all.find((o) => !castSlots.has(o.slot)) ?? null;
    return doneView(v.meta, state, v.input, ballot, {
      justCast: cast !== undefined,
      replaced: cast?.replaced ?? false,
      done: castSlots.size,
      canChange: campaign.ballot.allowChange,
      next: next === null ? null : { slot: next.slot, envelope: next.envelope },
    });
  };

  const saveState = (ctx: PnyxContext, session: VoteSession, slot: BallotSlot, state: BuilderState): void => {
    binding.write(ctx, { ...session, [slot]: state });
  };

  const openVote = async (ctx: PnyxContext, slot: BallotSlot | null): Promise<void> => {
    const r = ctx.resident;
    const voterId = binding.voter(ctx);
    if (r === null || voterId === null || ctx.chat === undefined) return;
    const judged = await judgeVoting(services);
    if (!judged.open) {
      await ctx.reply(refusal(ctx, judged.refusal), { parse_mode: 'HTML' });
      return;
    }
    const opts = await engine.ballotOptions(voterId, ownRecord(ctx, voterId));
    if (!opts.ok) {
      await ctx.reply(refusal(ctx, opts), { parse_mode: 'HTML' });
      return;
    }
    const all = opts.value;
    const option = slot === null ? (all.find((o) => o.current === null) ?? all[0]) : all.find((o) => o.slot === slot);
    if (option === undefined) {
      await ctx.reply(refusal(ctx, { code: 'ballot.no_such_ballot', params: { slot } }), { parse_mode: 'HTML' });
      return;
    }
    const session = binding.read(ctx);
    const old = session[option.slot];
    const gen = (old?.gen ?? 0) + 1;
    let state: BuilderState;
    if (option.current !== null) state = newBuilderState(option.envelope.id, gen, picksOf(option.current), 'done');
    else if (old !== undefined && old.envelopeId === option.envelope.id && old.view !== 'done') state = { ...old, gen };
    else state = newBuilderState(option.envelope.id, gen);
    const v = slotView(ctx, voterId, all, option, judged.closesAt);
    const view = render(all, v, state);
    // The generation is saved with the session at the end of this update; the reference right
    // after the send, so the next press (here or on another instance) finds this message.
    saveState(ctx, session, option.slot, state);
    const sent = await ctx.reply(view.text, { parse_mode: 'HTML', reply_markup: view.keyboard });
    await refs.put({ key: binding.refKey(ctx, voterId, option.slot), platform: 'telegram', chat: String(ctx.chat.id), messageId: String(sent.message_id), owner: r.id, at: engine.now() });
  };

  /** What to do with a cast's outcome: the receipt on the builder message, or the refusal. */
  const settle = async (
    ctx: PnyxContext,
    at: { all: readonly BallotOption[]; v: SlotView; session: VoteSession; slot: BallotSlot; state: BuilderState },
    cast: Outcome<CastResult>,
    io: { tell: (html: string, alert: boolean) => Promise<void>; edit: (view: { text: string; keyboard?: BuilderView['keyboard'] }) => Promise<void>; endWith: (why: RefusalLike) => Promise<void> },
  ): Promise<void> => {
    const { all, v, session, slot, state } = at;
    if (!cast.ok) {
      if (cast.code === 'voting.closed') return io.endWith(cast);
      const back: BuilderState = { ...state, view: 'build' };
      saveState(ctx, session, slot, back);
      const html = refusal(ctx, cast);
      await io.tell(html, true);
      const view = render(all, v, back);
      await io.edit({ text: `${html}\n\n${view.text}`, keyboard: view.keyboard });
      return;
    }
    // A new generation: a second press on this cast button (a double tap) is stale.
    const done: BuilderState = { ...state, view: 'done', gen: state.gen + 1, card: null, picks: picksOf(cast.value.ballot) };
    saveState(ctx, session, slot, done);
    await io.tell(ctx.t('vote-cast-toast'), false);
    await io.edit(render(all, v, done, { ballot: cast.value.ballot, replaced: cast.value.replaced }));
  };

  const press = async (ctx: PnyxContext): Promise<void> => {
    const data = ctx.callbackQuery?.data;
    const parsed = data === undefined ? null : codec.decode(data);
    const r = ctx.resident;
    const voterId = binding.voter(ctx);
    const message = ctx.callbackQuery?.message;
    if (parsed === null || r === null || voterId === null || message === undefined) {
      await ctx.answerCallbackQuery({ text: ctx.t('common-expired-button') });
      return;
    }
    const [slotCode, gen, op, arg, check] = parsed;
    const slot = SLOT_OF[slotCode];
    const key = binding.refKey(ctx, voterId, slot);
    // Two independent reads, side by side: one store round trip of latency, not two.
    const [ref, judged] = await Promise.all([refs.get(key), judgeVoting(services)]);
    const current = ref !== null && ref.chat === String(message.chat.id) && ref.messageId === String(message.message_id);
    const edit = async (view: { text: string; keyboard?: BuilderView['keyboard'] }): Promise<void> => {
      if (ref === null) return;
      await ctx.api.editMessageText(ref.chat, Number(ref.messageId), view.text, { parse_mode: 'HTML', ...(view.keyboard === undefined ? {} : { reply_markup: view.keyboard }) });
    };
    /** A refusal that ends this builder: said on the message (once), and in the answer. */
    const endWith = async (why: RefusalLike): Promise<void> => {
      const html = refusal(ctx, why);
      await ctx.answerCallbackQuery({ text: plainAnswer(html), show_alert: true });
      if (current) {
        await edit({ text: html });
        await refs.delete(key);
      }
    };

    if (!judged.open) return endWith(judged.refusal);
    // Only a cast (its receipt counts the ballots cast) and "change my vote" use the ballots
    // already cast; the other presses — most of them — leave them unread: they never reach the
    // receipt view, the one view that shows a cast ballot.
    const withCast = op === 'cs' || op === 'ch';
    const opts = withCast ? await engine.ballotOptions(voterId, ownRecord(ctx, voterId)) : await engine.ballotSlots(voterId, ownRecord(ctx, voterId));
    if (!opts.ok) return endWith(opts);
    const all: readonly BallotOption[] = withCast ? (opts.value as readonly BallotOption[]) : opts.value.map((o) => ({ ...o, current: null }));
    const option = all.find((o) => o.slot === slot);
    if (option === undefined) return endWith({ code: 'ballot.no_such_ballot', params: { slot } });
    if (op === 'nx') {
      await ctx.answerCallbackQuery();
      return openVote(ctx, slot);
    }
    const session = binding.read(ctx);
    const state = session[slot];
    if (!current || state === undefined || state.gen !== gen || state.envelopeId !== option.envelope.id) {
      await ctx.answerCallbackQuery({ text: ctx.t('vote-stale'), show_alert: true });
      return;
    }
    const v = slotView(ctx, voterId, all, option, judged.closesAt);

    switch (op) {
      case 'ph': {
        const idea = v.input.order[arg];
        await ctx.answerCallbackQuery();
        if (idea?.photo == null) return;
        await ctx.replyWithPhoto(idea.photo, { caption: fitCaption(`<b>#${idea.number}</b> ${escapeHtml(idea.title)}`), parse_mode: 'HTML' });
        return;
      }
      case 'ch': {
        if (state.view !== 'done') {
          await ctx.answerCallbackQuery({ text: ctx.t('vote-stale'), show_alert: true });
          return;
        }
        if (!campaign.ballot.allowChange || option.current === null) {
          await ctx.answerCallbackQuery({ text: plainAnswer(refusal(ctx, { code: 'ballot.already_cast', params: { receipt: option.current?.receipt ?? '' } })), show_alert: true });
          return;
        }
        const next: BuilderState = { ...state, view: 'build', page: 0, card: null, picks: picksOf(option.current) };
        saveState(ctx, session, slot, next);
        await ctx.answerCallbackQuery();
        await edit(render(all, v, next));
        return;
      }
      case 'cs': {
        if (state.view !== 'confirm' || check !== selectionCheck(state)) {
          await ctx.answerCallbackQuery({ text: ctx.t('vote-stale'), show_alert: true });
          return;
        }
        if (binding.beforeCast !== undefined) {
          // Nothing is cast yet: the confirmation stays, with what must come first under it.
          const below = await binding.beforeCast(ctx, voterId, slot, check);
          await ctx.answerCallbackQuery();
          const view = confirmView(v.meta, state, v.input);
          const edits = new InlineKeyboard().text(ctx.t('vote-button-edit'), codec.encode(SLOT_CODE[slot], state.gen, 'bk', 0, '-'));
          await edit({ text: `${view.text}\n\n${below}`, keyboard: edits });
          return;
        }
        const cast = await engine.castBallot(voterId, slot, choicesOf(state, v.input), String(ctx.update.update_id));
        const tell = async (html: string, alert: boolean): Promise<void> => {
          await ctx.answerCallbackQuery(alert ? { text: plainAnswer(html), show_alert: true } : { text: plainAnswer(html) });
        };
        return settle(ctx, { all, v, session, slot, state }, cast, { tell, edit, endWith });
      }
      default: {
        const press: BuilderPress = op === 'pg' ? { op, page: arg } : op === 'bk' || op === 'rv' ? { op } : { op, index: arg };
        const result = applyPress(state, press, v.input);
        if (result.kind === 'stale') {
          await ctx.answerCallbackQuery({ text: ctx.t('vote-stale'), show_alert: true });
          return;
        }
        if (result.kind === 'refused') {
          await ctx.answerCallbackQuery({ text: plainAnswer(refusal(ctx, result.refusal)), show_alert: true });
          return;
        }
        await ctx.answerCallbackQuery();
        if (!result.changed) return;
        saveState(ctx, session, slot, result.state);
        await edit(render(all, v, result.state));
      }
    }
  };

  const castWaiting: BallotBuilder['castWaiting'] = async (ctx, slot, check, castFn) => {
    const voterId = binding.voter(ctx);
    if (voterId === null) return false;
    const session = binding.read(ctx);
    const state = session[slot];
    const key = binding.refKey(ctx, voterId, slot);
    const ref = await refs.get(key);
    if (state === undefined || ref === null || state.view !== 'confirm' || selectionCheck(state) !== check) return false;
    const edit = async (view: { text: string; keyboard?: BuilderView['keyboard'] }): Promise<void> => {
      await ctx.api.editMessageText(ref.chat, Number(ref.messageId), view.text, { parse_mode: 'HTML', ...(view.keyboard === undefined ? {} : { reply_markup: view.keyboard }) });
    };
    const tell = async (html: string): Promise<void> => {
      await ctx.reply(html, { parse_mode: 'HTML' });
    };
    const endWith = async (why: RefusalLike): Promise<void> => {
      const html = refusal(ctx, why);
      await tell(html);
      await edit({ text: html });
      await refs.delete(key);
    };
    const judged = await judgeVoting(services);
    if (!judged.open) {
      await endWith(judged.refusal);
      return true;
    }
    const opts = await engine.ballotOptions(voterId, ownRecord(ctx, voterId));
    if (!opts.ok) {
      await endWith(opts);
      return true;
    }
    const all = opts.value;
    const option = all.find((o) => o.slot === slot);
    if (option === undefined || option.envelope.id !== state.envelopeId) return false;
    const v = slotView(ctx, voterId, all, option, judged.closesAt);
    const cast = await castFn(voterId, choicesOf(state, v.input));
    await settle(ctx, { all, v, session, slot, state }, cast, { tell, edit, endWith });
    return true;
  };

  return { open: openVote, press, castWaiting };
}
