/**
 * Every Redis key of one campaign, built from its prefix (`pnyx:{bertrix-2026}:`, see
 * `redisPrefixFor` in bot/compose.ts).
 *
 * One campaign lives in one hash slot: the prefix carries a hash tag (`{…}`), so on a Redis
 * Cluster every key of the campaign is on one master and every multi-key script may touch
 * any of them. Scripts never build a key themselves: each receives every key it touches in
 * KEYS, so a cluster (and any proxy) can route and check it.
 *
 * Namespaces that take an id (`res:`, `rcodes:`, `code:`, `phone:`, `idea:`, `sup:`, `q:`, `qmsg:`,
 * `qown:`, `qsaid:`, `b:`, `benv:`, `pu:`, `chat:`, `chatowner:`, `lease:`, `done:`, `bc:`)
 * never share a first segment with the fixed keys, so no id can collide with a fixed key.
 *
 * Ballot secrecy: ballots live under the pseudonymous voter key (`b:<slot>:<voterKey>`);
 * residents under their id (`res:<id>`); no key or value maps one to the other.
 */
import type { BallotSlot } from '../../core/ballots/ballot.ts';
import type { QuestionState } from '../../core/questions/question.ts';

/** The key builders of one prefix. */
export interface RedisKeys {
  readonly prefix: string;
  /** Done marker of one write call (short-lived, holds the call's reply). */
  done(requestId: string): string;
  /** Hash v/d: the phase state. */
  readonly phase: string;
  /** Set while `pnyx migrate` restores into this prefix; a store refuses to open on it. */
  readonly migrating: string;
  /** String: results JSON. */
  readonly results: string;
  /** String: the PNYX_SECRET check value. */
  readonly secret: string;
  /** Hash v/d: one resident. */
  resident(id: string): string;
  /** Zset (score 0, lexicographic): resident ids. */
  readonly residentIds: string;
  /**
   * Zset (score 0, lexicographic): `subscribedMember(id, area)` of every resident who
   * `receivesBroadcasts` — in id order, each member naming the area too, so one index serves
   * "everyone" and "one area" (filtered on the member, never on the record). One entry per
   * resident rather than one per index keeps a resident under 1 KiB.
   */
  readonly subscribed: string;
  /** Member of `subscribed`: `<id> NUL <area or ''>` (ids hold no NUL, so members sort as ids do). */
  subscribedMember(id: string, area: string | null): string;
  /** Hash: one broadcast (d = fixed JSON, s/c/q/t/fo/fi/v = progress). */
  broadcast(id: string): string;
  /** Zset (score 0, lexicographic): `broadcastMember(startedAt, id)` of every broadcast. */
  readonly broadcasts: string;
  /** Member of `broadcasts`: zero-padded startedAt, `:`, id — lexicographic = chronological. */
  broadcastMember(startedAt: number, id: string): string;
  /** Hash r/b/i/u: one one-time code. */
  code(code: string): string;
  /**
   * Set: the one-time codes claimed by or reserved for one resident — how erasing the
   * resident finds the codes that name them. Deleted with the resident.
   */
  residentCodes(residentId: string): string;
  /**
   * Hash h/a: the claim of one phone key (holder pseudonym, claimed at) — a keyed hash of a
   * number, never the number. Kept when the holder erases their data (ResidentStore).
   */
  phone(phoneKey: string): string;
  /** Hash v/s/d: one idea. */
  idea(id: string): string;
  /** Zset: idea ids scored by number. */
  readonly ideaNumbers: string;
  /** Hash: idea state -> count. */
  readonly ideaStates: string;
  /** String counter: last idea number handed out. */
  readonly ideaNumber: string;
  /** Set: supporter keys of an idea. */
  supports(ideaId: string): string;
  /** Hash v/s/o/n/c/d: one question (version, state, owner, number, createdAt, JSON). */
  question(id: string): string;
  /** List: a question's messages as JSON, index i holding seq i+1. */
  questionThread(id: string): string;
  /** Zset: every question id scored by number. */
  readonly questionNumbers: string;
  /** Zset: the question ids in one state, scored by number. */
  questionsIn(state: QuestionState): string;
  /** Zset: one resident's question ids scored by createdAt. */
  questionOwner(ownerId: string): string;
  /** Zset: one resident's own messages (`<question id>:<seq>`) scored by their instant. */
  questionSaid(ownerId: string): string;
  /** String counter: last question number handed out. */
  readonly questionNumber: string;
  /** Hash: one voter key's ballot in one slot (versions and request ids). */
  ballot(slot: BallotSlot, voterKey: string): string;
  /** Member of an envelope index. */
  ballotMember(slot: BallotSlot, voterKey: string): string;
  /** Set of ballot members in one envelope. */
  envelope(envelopeId: string): string;
  /** Hash: envelope id -> current ballots. */
  readonly envelopeCounts: string;
  /** String counter: distinct voters. */
  readonly voters: string;
  /** String counter: current ballots cast with an ambassador's help. */
  readonly assistedBallots: string;
  readonly auditList: string;
  readonly auditHead: string;
  readonly outboxSeq: string;
  readonly outboxKeys: string;
  readonly outboxDraft: string;
  readonly outboxStatus: string;
  readonly outboxAttempts: string;
  readonly outboxError: string;
  readonly outboxNotBefore: string;
  readonly outboxReady: string;
  readonly outboxWait: string;
  readonly outboxCounts: string;
  /** Hash: seq -> `<c|a|r|f>:<token>`, the last claim's token and what it did (claimed, ack, retry, fail). */
  readonly outboxToken: string;
  /** Zset: a held message's seq scored by the seq of the predecessor it waits for. */
  readonly outboxHeld: string;
  /** Zset (score 0, lexicographic): `<residentId>\0<seq>` of messages to one resident (erasure). */
  readonly outboxByResident: string;
  /** Hash: `<status>:<group>` -> count of the group's messages in that status. */
  readonly outboxGroups: string;
  /** Hash: reason (`lastError` of a failed message) -> count of failed messages with it. */
  readonly outboxFailedReasons: string;
  /** Hash: reference key -> reference JSON. */
  readonly refByKey: string;
  /** Hash: `<platform>\0<chat>\0<messageId>` -> reference key. */
  readonly refByMessage: string;
  /** Zset (score 0, lexicographic): `<owner>\0<key>` of references with an owner. */
  readonly refOwned: string;
  /** String: one inbound update's state (in progress under a lease, or done). */
  processed(key: string): string;
  /** Hash d/o/x: one chat state entry (JSON text, owner, expiry instant), PX = its TTL. */
  chat(key: string): string;
  /** Set: the chat state keys last written with one owner (may hold keys since expired or rewritten). */
  chatOwner(owner: string): string;
  /** String: a leader lease's owner token. */
  lease(name: string): string;
}

/** Member of the subscription index: `<id> NUL <area or ''>`. */
export function subscribedMember(id: string, area: string | null): string {
  return `${id}\u0000${area ?? ''}`;
}

/** Member of the broadcast index: zero-padded startedAt (16 digits), `:`, id. */
export function broadcastMember(startedAt: number, id: string): string {
  return `${String(startedAt).padStart(16, '0')}:${id}`;
}

/** Builds the keys of `prefix`. */
export function redisKeys(prefix: string): RedisKeys {
  const p = prefix;
  return {
    prefix: p,
    done: (requestId) => `${p}done:${requestId}`,
    phase: `${p}campaign:phase`,
    migrating: `${p}migrating`,
    results: `${p}campaign:results`,
    secret: `${p}campaign:secret`,
    resident: (id) => `${p}res:${id}`,
    residentIds: `${p}idx:residents`,
    subscribed: `${p}idx:subscribed`,
    subscribedMember,
    broadcast: (id) => `${p}bc:${id}`,
    broadcasts: `${p}idx:broadcasts`,
    broadcastMember,
    code: (code) => `${p}code:${code}`,
    residentCodes: (id) => `${p}rcodes:${id}`,
    phone: (phoneKey) => `${p}phone:${phoneKey}`,
    idea: (id) => `${p}idea:${id}`,
    ideaNumbers: `${p}idx:ideas`,
    ideaStates: `${p}count:idea-states`,
    ideaNumber: `${p}count:idea-number`,
    supports: (ideaId) => `${p}sup:${ideaId}`,
    question: (id) => `${p}q:${id}`,
    questionThread: (id) => `${p}qmsg:${id}`,
    questionNumbers: `${p}idx:questions`,
    questionsIn: (state) => `${p}idx:q-state:${state}`,
    questionOwner: (ownerId) => `${p}qown:${ownerId}`,
    questionSaid: (ownerId) => `${p}qsaid:${ownerId}`,
    questionNumber: `${p}count:question-number`,
    ballot: (slot, voterKey) => `${p}b:${slot}:${voterKey}`,
    ballotMember: (slot, voterKey) => `${slot}:${voterKey}`,
    envelope: (envelopeId) => `${p}benv:${envelopeId}`,
    envelopeCounts: `${p}count:envelopes`,
    voters: `${p}count:voters`,
    assistedBallots: `${p}count:assisted`,
    auditList: `${p}audit:list`,
    auditHead: `${p}audit:head`,
    outboxSeq: `${p}ob:seq`,
    outboxKeys: `${p}ob:keys`,
    outboxDraft: `${p}ob:draft`,
    outboxStatus: `${p}ob:status`,
    outboxAttempts: `${p}ob:attempts`,
    outboxError: `${p}ob:error`,
    outboxNotBefore: `${p}ob:nb`,
    outboxReady: `${p}ob:ready`,
    outboxWait: `${p}ob:wait`,
    outboxCounts: `${p}ob:counts`,
    outboxToken: `${p}ob:token`,
    outboxHeld: `${p}ob:held`,
    outboxByResident: `${p}ob:by-resident`,
    outboxGroups: `${p}ob:groups`,
    outboxFailedReasons: `${p}ob:failed-reasons`,
    refByKey: `${p}mref:key`,
    refByMessage: `${p}mref:msg`,
    refOwned: `${p}mref:owned`,
    processed: (key) => `${p}pu:${key}`,
    chat: (key) => `${p}chat:${key}`,
    chatOwner: (owner) => `${p}chatowner:${owner}`,
    lease: (name) => `${p}lease:${name}`,
  };
}
