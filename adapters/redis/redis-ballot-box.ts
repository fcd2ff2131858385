import type { BallotChoice, BallotSlot, StoredBallot } from '../../core/ballots/ballot.ts';
import type { BallotBox, CastOutcome, CastRequest } from '../../core/ports/ballot-box.ts';
import type { SideRecords } from '../../core/ports/side-records.ts';
import { outcomeOf } from './outcomes.ts';
import type { RedisContext } from './redis-context.ts';
import { TurnBatch } from './turn-batch.ts';

/** Envelope members asked per SSCAN call in `list` (a hint: Redis may return a few more or less). */
export const LIST_PAGE = 1000;
/**
 * Ballots per read script call in `list`: small enough that a call stays well under 10 ms on
 * a busy server (about 1.4 ms measured with the machine's load at 9 on 2 cores).
 */
export const LIST_READ = 200;

/** A ballot as stored: compact, without voter key, slot and version (they are in its key and field). */
interface BallotBody {
  /** envelope id */
  readonly e: string;
  /** choices [ideaId, points], sorted by idea id */
  readonly c: readonly (readonly [string, number])[];
  /** receipt */
  readonly r: string;
  /** castAt */
  readonly t: number;
  /** assisted 0|1 */
  readonly a: 0 | 1;
  /** request id */
  readonly q: string;
}

function byId(a: { ideaId: string }, b: { ideaId: string }): number {
  return a.ideaId < b.ideaId ? -1 : a.ideaId > b.ideaId ? 1 : 0;
}

/** Copies of `choices` sorted by idea id (the engine sends them sorted: then no sort runs). */
function sortedChoices(choices: readonly BallotChoice[]): BallotChoice[] {
  const out = choices.map((c) => ({ ideaId: c.ideaId, points: c.points }));
  for (let i = 1; i < out.length; i++) if (out[i - 1]!.ideaId > out[i]!.ideaId) return out.sort(byId);
  return out;
}

/** The stored JSON body of a cast (what lua/ballot-cast.lua writes in a version field). */
export function ballotBody(req: CastRequest): string {
  const body: BallotBody = {
    e: req.envelopeId,
    c: sortedChoices(req.choices).map((c) => [c.ideaId, c.points] as const),
    r: req.receipt,
    t: req.at,
    a: req.assisted ? 1 : 0,
    q: req.requestId,
  };
  return JSON.stringify(body);
}

/** The stored ballot of one version field of a ballot hash (its JSON body). */
export function ballotFrom(voterKey: string, slot: BallotSlot, version: unknown, json: unknown): StoredBallot {
  const b = JSON.parse(String(json)) as BallotBody;
  return {
    voterKey,
    slot,
    envelopeId: b.e,
    choices: b.c.map(([ideaId, points]) => ({ ideaId, points })),
    version: Number(version),
    receipt: b.r,
    castAt: b.t,
    assisted: b.a === 1,
    requestId: b.q,
  };
}

/** One cast's reply from the cast script: `version * 2 + replaced` when recorded, an array otherwise. */
type CastReply = number | unknown[];

/** A cast script reply saying the current ballot is in an envelope the call did not name. */
function isConflict(reply: CastReply): reply is unknown[] {
  return typeof reply !== 'number' && outcomeOf('ballot-cast', reply[0], ['duplicate', 'closed', 'exists', 'stale', 'conflict']) === 'conflict';
}

/** Calls of the cast script after the first that may find the ballot in an unnamed envelope. */
const MAX_ENVELOPE_RETRIES = 8;

/**
 * Most casts one call of the cast script takes; a full batch is sent at once (turn-batch.ts).
 * 64 votes in flight on Redis, 2 shared cores, one paired series: batches of 64 held to the
 * end of the turn 13,600–14,400 casts/s, this process busy ~70 % of the time; batches of 32
 * or 16 sent as they fill 19,300–25,500, this process busy ~100 % (and the server ~60 %).
 * A call of 32 first ballots holds the server for about half a millisecond.
 */
export const CAST_BATCH = 32;

function hasSideRecords(side: SideRecords): boolean {
  return (side.audit?.length ?? 0) + (side.outbox?.length ?? 0) + (side.broadcasts?.length ?? 0) > 0;
}

/**
 * The ballot box in Redis. One hash per voter key and slot holds every version and the
 * request ids that produced them; a set per envelope lists its ballots; counters hold
 * ballots per envelope, distinct voters and assisted ballots. A cast is taken by a script (lua/ballot-cast.lua)
 * in one atomic step: entirely recorded with its side records, or not at all; concurrent
 * casts for one voter are serialised by Redis, so versions run 1, 2, 3… without gap or repeat.
 *
 * Casts without side records (every resident's own vote) that arrive in the same turn of the
 * event loop share one call of the script, up to CAST_BATCH: when many residents vote at
 * once, a round trip, a script start and the counter writes per vote were most of the cost
 * on both sides (turn-batch.ts). Each cast keeps its own outcome.
 */
export class RedisBallotBox implements BallotBox {
  readonly #ctx: RedisContext;
  readonly #batch: TurnBatch<CastRequest, CastOutcome>;

  constructor(ctx: RedisContext) {
    this.#ctx = ctx;
    this.#batch = new TurnBatch(
      CAST_BATCH,
      (requests) => this.#call(requests, {}, []),
      (request, replies, n) => this.#settle(request, {}, replies[n] as CastReply),
      () => ctx.sendNow(),
    );
  }

  cast(request: CastRequest, side: SideRecords): Promise<CastOutcome> {
    if (hasSideRecords(side)) return this.#call([request], side, []).then(([reply]) => this.#settle(request, side, reply!));
    return this.#batch.add(request);
  }

  #settle(request: CastRequest, side: SideRecords, reply: CastReply): CastOutcome | Promise<CastOutcome> {
    return isConflict(reply) ? this.#castAgain(request, side, reply) : this.#outcome(request, reply);
  }

  /** After RC_CONFLICT: the current ballot is in an envelope the first call did not name. */
  async #castAgain(request: CastRequest, side: SideRecords, conflict: unknown[]): Promise<CastOutcome> {
    let reply: CastReply = conflict;
    // The current ballot is in another envelope than this cast's (the voter moved area): call
    // again naming every envelope the campaign has counted ballots in, plus the one reported
    // (its index key must be in KEYS). Each call checks again, atomically, so a concurrent
    // cast that moved the ballot meanwhile only costs one more call.
    for (let attempt = 0; isConflict(reply); attempt++) {
      if (attempt === MAX_ENVELOPE_RETRIES) throw new Error('redis store: ballots.cast kept finding the ballot in an envelope it was not told about');
      const known = await this.#ctx.guard('ballots.cast', () => this.#ctx.redis.hkeys(this.#ctx.keys.envelopeCounts));
      reply = (await this.#call([request], side, [...new Set([String(reply[1]), ...known])]))[0]!;
    }
    return this.#outcome(request, reply);
  }

  /**
   * One call of the cast script for `requests` (side records only with a single request);
   * `previous`: envelopes a current ballot may be in (own_key(3n + 5…)). One reply per request.
   */
  #call(requests: readonly CastRequest[], side: SideRecords, previous: readonly string[]): Promise<CastReply[]> {
    const k = this.#ctx.keys;
    const keys = [k.envelopeCounts, k.voters, k.phase, k.assistedBallots];
    const args = [String(requests.length)];
    for (const request of requests) {
      const other: BallotSlot = request.slot === 'town' ? 'area' : 'town';
      keys.push(k.ballot(request.slot, request.voterKey), k.ballot(other, request.voterKey), k.envelope(request.envelopeId));
      args.push(
        request.requestId,
        String(request.at),
        String(request.closesAt),
        request.allowReplace ? '1' : '0',
        request.envelopeId,
        k.ballotMember(request.slot, request.voterKey),
        ballotBody(request),
        request.phaseVersion === undefined || request.phaseVersion === null ? '' : String(request.phaseVersion),
        request.assisted ? '1' : '0',
      );
    }
    for (const id of previous) {
      keys.push(k.envelope(id));
      args.push(id);
    }
    return this.#ctx.write('ballots.cast', 'ballot-cast', side, keys, args, false) as Promise<CastReply[]>;
  }

  #outcome(request: CastRequest, reply: CastReply): CastOutcome {
    if (typeof reply === 'number') {
      // Recorded, and the stored body is the one sent: the ballot is built from the request.
      const ballot: StoredBallot = {
        voterKey: request.voterKey,
        slot: request.slot,
        envelopeId: request.envelopeId,
        choices: sortedChoices(request.choices),
        version: Math.floor(reply / 2),
        receipt: request.receipt,
        castAt: request.at,
        assisted: request.assisted,
        requestId: request.requestId,
      };
      return { status: 'recorded', ballot, replaced: reply % 2 === 1 };
    }
    const outcome = outcomeOf('ballot-cast', reply[0], ['duplicate', 'closed', 'exists', 'stale']);
    if (outcome === 'closed') return { status: 'closed' };
    if (outcome === 'stale') return { status: 'stale' };
    const ballot = ballotFrom(request.voterKey, request.slot, reply[1], reply[2]);
    return { status: outcome, ballot };
  }

  async get(voterKey: string, slot: BallotSlot): Promise<StoredBallot | null> {
    const rows = (await this.#ctx.script('ballots.get', 'ballot-read', [this.#ctx.keys.ballot(slot, voterKey)], ['one'])) as unknown[];
    return rows.length === 0 ? null : ballotFrom(voterKey, slot, rows[1], rows[2]);
  }

  /**
   * Paged: SSCAN of the envelope index, about LIST_PAGE members at a time, then their ballots
   * by short scripts of LIST_READ ballots each (lua/ballot-read-many.lua), one call after
   * the other. No call holds the server for long however large the envelope (the one
   * script this replaced held it for seconds at 500,000 ballots). Not one snapshot: a ballot cast while listing
   * may or may not be seen; SSCAN may repeat a member, which is dropped, so each ballot comes
   * once, whole, at the version current when its page was read.
   */
  async list(envelopeId: string): Promise<readonly StoredBallot[]> {
    const k = this.#ctx.keys;
    const index = k.envelope(envelopeId);
    const seen = new Set<string>();
    const out: StoredBallot[] = [];
    const scan = (cursor: string) => this.#ctx.guard('ballots.list', () => this.#ctx.redis.sscan(index, cursor, 'COUNT', LIST_PAGE));
    const readPart = async (members: readonly string[]): Promise<void> => {
      const page = members.map((m): [BallotSlot, string] => {
        const sep = m.indexOf(':');
        return [m.slice(0, sep) as BallotSlot, m.slice(sep + 1)];
      });
      const rows = (await this.#ctx.script('ballots.list', 'ballot-read-many', page.map(([slot, vk]) => k.ballot(slot, vk)), [])) as unknown[];
      page.forEach(([slot, voterKey], n) => {
        // A member whose ballot hash is gone (none today: ballots are never deleted) is skipped.
        if (rows[2 * n] !== '') out.push(ballotFrom(voterKey, slot, rows[2 * n], rows[2 * n + 1]));
      });
    };
    // One call at a time: with several out, the server's calls ran twice as long on a busy
    // machine (it and this process fought for the CPU) and the whole list was no faster.
    let cursor = '0';
    do {
      const [next, members] = await scan(cursor);
      cursor = next;
      const fresh = members.filter((m) => {
        if (seen.has(m)) return false;
        seen.add(m);
        return true;
      });
      for (let i = 0; i < fresh.length; i += LIST_READ) await readPart(fresh.slice(i, i + LIST_READ));
    } while (cursor !== '0');
    return out.sort((a, b) => (a.voterKey < b.voterKey ? -1 : a.voterKey > b.voterKey ? 1 : a.slot < b.slot ? -1 : a.slot > b.slot ? 1 : 0));
  }

  async countByEnvelope(): Promise<Readonly<Record<string, number>>> {
    const raw = await this.#ctx.guard('ballots.countByEnvelope', () => this.#ctx.redis.hgetall(this.#ctx.keys.envelopeCounts));
    const out: Record<string, number> = {};
    for (const [envelope, n] of Object.entries(raw)) if (Number(n) > 0) out[envelope] = Number(n);
    return out;
  }

  async countVoters(): Promise<number> {
    const n = await this.#ctx.guard('ballots.countVoters', () => this.#ctx.redis.get(this.#ctx.keys.voters));
    return n === null ? 0 : Number(n);
  }

  /** The counter the cast script moves (lua/ballot-cast.lua, own_key(4)). */
  async countAssisted(): Promise<number> {
    const n = await this.#ctx.guard('ballots.countAssisted', () => this.#ctx.redis.get(this.#ctx.keys.assistedBallots));
    return n === null ? 0 : Number(n);
  }
}
