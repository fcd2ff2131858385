import type { BallotSlot, StoredBallot } from '../../core/ballots/ballot.ts';
import type { BallotBox, CastOutcome, CastRequest } from '../../core/ports/ballot-box.ts';
import type { SideRecords } from '../../core/ports/side-records.ts';
import { outcomeOf } from './outcomes.ts';
import type { RedisContext } from './redis-context.ts';

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

function bodyOf(req: CastRequest): string {
  const body: BallotBody = {
    e: req.envelopeId,
    c: [...req.choices].sort(byId).map((c) => [c.ideaId, c.points] as const),
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

/** Ballots read per script call by `list`. */
const LIST_CHUNK = 500;

/** `<slot>:<voterKey>` (an envelope index member, keys.ts `ballotMember`) split in two. */
function splitMember(member: string): [BallotSlot, string] {
  const sep = member.indexOf(':');
  return [member.slice(0, sep) as BallotSlot, member.slice(sep + 1)];
}

/** Calls of the cast script after the first that may find the ballot in an unnamed envelope. */
const MAX_ENVELOPE_RETRIES = 8;

/**
 * The ballot box in Redis. One hash per voter key and slot holds every version and the
 * request ids that produced them; a set per envelope lists its ballots; counters hold
 * ballots per envelope and distinct voters. A cast is one script (lua/ballot-cast.lua):
 * entirely recorded with its side records, or not at all; concurrent casts for one voter are
 * serialised by Redis, so versions run 1, 2, 3… without gap or repeat.
 */
export class RedisBallotBox implements BallotBox {
  readonly #ctx: RedisContext;

  constructor(ctx: RedisContext) {
    this.#ctx = ctx;
  }

  async cast(request: CastRequest, side: SideRecords): Promise<CastOutcome> {
    let reply = await this.#cast(request, side, []);
    // The current ballot is in another envelope than this cast's (the voter moved area): call
    // again naming every envelope the campaign has counted ballots in, plus the one reported
    // (its index key must be in KEYS). Each call checks again, atomically, so a concurrent
    // cast that moved the ballot meanwhile only costs one more call.
    for (let attempt = 0; outcomeOf('ballot-cast', reply[0], ['ok', 'duplicate', 'closed', 'exists', 'stale', 'conflict']) === 'conflict'; attempt++) {
      if (attempt === MAX_ENVELOPE_RETRIES) throw new Error('redis store: ballots.cast kept finding the ballot in an envelope it was not told about');
      const known = await this.#ctx.guard('ballots.cast', () => this.#ctx.redis.hkeys(this.#ctx.keys.envelopeCounts));
      reply = await this.#cast(request, side, [...new Set([String(reply[1]), ...known])]);
    }
    return this.#outcome(request, reply);
  }

  /** One call of the cast script; `previous`: envelopes the current ballot may be in (own_key(7…)). */
  #cast(request: CastRequest, side: SideRecords, previous: readonly string[]): Promise<unknown[]> {
    const k = this.#ctx.keys;
    const other: BallotSlot = request.slot === 'town' ? 'area' : 'town';
    return this.#ctx.write(
      'ballots.cast',
      'ballot-cast',
      side,
      [
        k.ballot(request.slot, request.voterKey),
        k.ballot(other, request.voterKey),
        k.envelope(request.envelopeId),
        k.envelopeCounts,
        k.voters,
        k.phase,
        ...previous.map((id) => k.envelope(id)),
      ],
      [
        JSON.stringify([
          request.requestId,
          String(request.at),
          String(request.closesAt),
          request.allowReplace ? '1' : '0',
          request.envelopeId,
          k.ballotMember(request.slot, request.voterKey),
          bodyOf(request),
          previous,
          request.phaseVersion === undefined || request.phaseVersion === null ? '' : String(request.phaseVersion),
        ]),
      ],
      false,
    ) as Promise<unknown[]>;
  }

  #outcome(request: CastRequest, reply: unknown[]): CastOutcome {
    const outcome = outcomeOf('ballot-cast', reply[0], ['ok', 'duplicate', 'closed', 'exists', 'stale']);
    if (outcome === 'closed') return { status: 'closed' };
    if (outcome === 'stale') return { status: 'stale' };
    if (outcome === 'ok') {
      // The stored body is the one sent: build the ballot from the request, no JSON round trip.
      const ballot: StoredBallot = {
        voterKey: request.voterKey,
        slot: request.slot,
        envelopeId: request.envelopeId,
        choices: [...request.choices].sort(byId).map((c) => ({ ideaId: c.ideaId, points: c.points })),
        version: Number(reply[1]),
        receipt: request.receipt,
        castAt: request.at,
        assisted: request.assisted,
        requestId: request.requestId,
      };
      return { status: 'recorded', ballot, replaced: reply[3] === 1 };
    }
    const ballot = ballotFrom(request.voterKey, request.slot, reply[1], reply[2]);
    return { status: outcome, ballot };
  }

  async get(voterKey: string, slot: BallotSlot): Promise<StoredBallot | null> {
    const rows = (await this.#ctx.script('ballots.get', 'ballot-read', [this.#ctx.keys.ballot(slot, voterKey)], ['one'])) as unknown[];
    return rows.length === 0 ? null : ballotFrom(voterKey, slot, rows[1], rows[2]);
  }

  /**
   * Reads the envelope's index, then its ballots `LIST_CHUNK` at a time, each chunk in one
   * script that skips a ballot which left the envelope meanwhile. When nothing is cast
   * meanwhile (a count after the vote closed) the list is exact; while votes arrive it holds
   * each ballot at most once, as current at the moment its chunk was read.
   */
  async list(envelopeId: string): Promise<readonly StoredBallot[]> {
    const k = this.#ctx.keys;
    const index = k.envelope(envelopeId);
    const members = await this.#ctx.guard('ballots.list', () => this.#ctx.redis.smembers(index));
    const out: StoredBallot[] = [];
    for (let from = 0; from < members.length; from += LIST_CHUNK) {
      const chunk = members.slice(from, from + LIST_CHUNK);
      const keys = chunk.map((m) => {
        const [slot, voterKey] = splitMember(m);
        return k.ballot(slot, voterKey);
      });
      const rows = (await this.#ctx.script('ballots.list', 'ballot-read', [index, ...keys], ['envelope', ...chunk])) as unknown[];
      for (let i = 0; i + 2 < rows.length; i += 3) {
        const [slot, voterKey] = splitMember(String(rows[i]));
        out.push(ballotFrom(voterKey, slot, rows[i + 1], rows[i + 2]));
      }
    }
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
}
