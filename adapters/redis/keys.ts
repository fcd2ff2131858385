/**
 * Every Redis key of one campaign, built from its prefix (`pnyx:{bertrix-2026}:`, see
 * `redisPrefixFor` in bot/compose.ts).
 *
 * One campaign lives in one hash slot: the prefix carries a hash tag (`{…}`), so on a Redis
 * Cluster every key of the campaign is on one master and every multi-key script may touch
 * any of them. Scripts never build a key themselves: each receives every key it touches in
 * KEYS, so a cluster (and any proxy) can route and check it.
 *
 * Namespaces that take an id (`res:`, `code:`, `idea:`, `sup:`, `b:`, `benv:`, `pu:`,
 * `lease:`, `done:`) never share a first segment with the fixed keys, so no id can collide
 * with a fixed key.
 *
 * Ballot secrecy: ballots live under the pseudonymous voter key (`b:<slot>:<voterKey>`);
 * residents under their id (`res:<id>`); no key or value maps one to the other.
 */
import type { BallotSlot } from '../../core/ballots/ballot.ts';

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
  /** Hash r/b/i/u: one one-time code. */
  code(code: string): string;
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
  /** String: one inbound update claim. */
  processed(key: string): string;
  /** String: a leader lease's owner token. */
  lease(name: string): string;
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
    code: (code) => `${p}code:${code}`,
    idea: (id) => `${p}idea:${id}`,
    ideaNumbers: `${p}idx:ideas`,
    ideaStates: `${p}count:idea-states`,
    ideaNumber: `${p}count:idea-number`,
    supports: (ideaId) => `${p}sup:${ideaId}`,
    ballot: (slot, voterKey) => `${p}b:${slot}:${voterKey}`,
    ballotMember: (slot, voterKey) => `${slot}:${voterKey}`,
    envelope: (envelopeId) => `${p}benv:${envelopeId}`,
    envelopeCounts: `${p}count:envelopes`,
    voters: `${p}count:voters`,
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
    processed: (key) => `${p}pu:${key}`,
    lease: (name) => `${p}lease:${name}`,
  };
}
