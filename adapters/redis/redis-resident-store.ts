import type { Resident } from '../../core/residents/resident.ts';
import type { SaveOutcome } from '../../core/ports/campaign-store.ts';
import type { AccessCode, ClaimAndSaveOutcome, ClaimOutcome, PhoneClaim, PhoneClaimOutcome, ResidentStore } from '../../core/ports/resident-store.ts';
import type { SideRecords } from '../../core/ports/side-records.ts';
import { receivesBroadcasts } from '../../core/broadcasts/broadcast.ts';
import { outcomeOf } from './outcomes.ts';
import type { RedisContext } from './redis-context.ts';
import { TurnBatch } from './turn-batch.ts';
import type { RedisKeys } from './keys.ts';

/** A resident's member in the subscription index, or '' when it does not receive broadcasts (saves, restores). */
export function subscriptionMember(keys: RedisKeys, r: Resident): string {
  return receivesBroadcasts(r) ? keys.subscribedMember(r.id, r.area) : '';
}

/** How many index members a `listSubscribed` of one area reads per round trip. */
const AREA_SCAN_BATCH = 1000;

/** Stored JSON of a resident: every field but the version (kept in the hash's `v`). */
function residentJson(r: Resident): string {
  const { version: _version, ...rest } = r;
  return JSON.stringify(rest);
}

function residentFrom(v: string | null | undefined, d: string | null | undefined): Resident | null {
  if (v === null || v === undefined || d === null || d === undefined) return null;
  // The stored version is authoritative over whatever the saved object carried (set in
  // place: this is on the path of every vote).
  const resident = JSON.parse(d) as { version: number };
  resident.version = Number(v);
  return resident as unknown as Resident;
}

/** Residents read per call of the read script (see `get`; the same reasons as CAST_BATCH). */
export const READ_BATCH = 32;

/** How often `erase` re-reads a resident's code set that a concurrent claim changed. */
const ERASE_ATTEMPTS = 5;

/**
 * Residents and one-time codes in Redis — the only place with personal data. A resident is
 * one small hash `res:<id>` (v = version, d = compact JSON) plus its id in one lexicographic
 * zset for `list`, the set `rcodes:<id>` of the codes they claimed and, while they receive
 * broadcasts, `<id> NUL <area>` in the subscription zset for `listSubscribed`; the save and
 * erase scripts move them together, and "forget me" deletes every one and the id from those
 * codes. Nothing maps a resident to a voter key. Phone claims (`phone:<phone key>`, holder
 * pseudonym and instant) are left by erasure on purpose (see the port).
 */
export class RedisResidentStore implements ResidentStore {
  readonly #ctx: RedisContext;

  readonly #reads: TurnBatch<string, Resident | null>;

  constructor(ctx: RedisContext) {
    this.#ctx = ctx;
    this.#reads = new TurnBatch(
      READ_BATCH,
      (ids) => ctx.readHashes('residents.get', ids.map((id) => ctx.keys.resident(id)), ['v', 'd']),
      (_id, rows, n) => residentFrom(rows[2 * n] as string | null, rows[2 * n + 1] as string | null),
      () => ctx.sendNow(),
    );
  }

  /**
   * Reads started in the same turn of the event loop share one call of a read script, up to
   * READ_BATCH (lua/hash-read-many.lua; turn-batch.ts): every vote reads its resident
   * first. A read alone in its turn stays one HMGET. Reads only: batching changes no outcome.
   */
  get(id: string): Promise<Resident | null> {
    return this.#reads.add(id);
  }

  async save(resident: Resident, expectedVersion: number | null, side: SideRecords): Promise<SaveOutcome> {
    const k = this.#ctx.keys;
    const code = await this.#ctx.write(
      'residents.save',
      'resident-save',
      side,
      [k.resident(resident.id), k.residentIds, k.subscribed],
      [expectedVersion === null ? '' : String(expectedVersion), residentJson(resident), resident.id, subscriptionMember(k, resident)],
    );
    return outcomeOf('resident-save', code, ['ok', 'conflict']) === 'ok' ? 'saved' : 'conflict';
  }

  async erase(id: string, expectedVersion: number, side: SideRecords): Promise<SaveOutcome> {
    const k = this.#ctx.keys;
    const set = k.residentCodes(id);
    // The codes' keys must be passed to the script, so the set is read first; the script
    // answers `stale` if a claim changed it in between, and the set is read again.
    for (let attempt = 0; attempt < ERASE_ATTEMPTS; attempt++) {
      const codes = (await this.#ctx.guard('residents.erase', () => this.#ctx.redis.smembers(set))).sort();
      const reply = await this.#ctx.write(
        'residents.erase',
        'resident-erase',
        side,
        [k.resident(id), k.residentIds, k.subscribed, set, ...codes.map((c) => k.code(c))],
        [String(expectedVersion), id, ...codes],
      );
      const outcome = outcomeOf('resident-erase', reply, ['ok', 'conflict', 'stale']);
      if (outcome !== 'stale') return outcome === 'ok' ? 'saved' : 'conflict';
    }
    throw new Error('redis store: residents.erase: the code set kept changing');
  }

  async list(afterId: string | null, limit: number): Promise<readonly Resident[]> {
    if (limit <= 0) return [];
    const k = this.#ctx.keys;
    return this.#ctx.guard('residents.list', async () => {
      const ids = await this.#ctx.redis.zrangebylex(k.residentIds, afterId === null ? '-' : `(${afterId}`, '+', 'LIMIT', 0, limit);
      return this.#read(ids);
    });
  }

  async listSubscribed(area: string | null, afterId: string | null, limit: number): Promise<readonly Resident[]> {
    if (limit <= 0) return [];
    return this.#ctx.guard('residents.listSubscribed', async () => {
      const out: Resident[] = [];
      let after = afterId;
      for (;;) {
        const want = limit - out.length;
        const ids = await this.#subscribedIds(area, after, want);
        // The index and the records are read in two steps: a resident saved or erased in
        // between is judged again on its record, and the page topped up, so a short page
        // still means "no more" (what a fan-out relies on).
        for (const r of await this.#read(ids)) if (receivesBroadcasts(r) && (area === null || r.area === area)) out.push(r);
        if (ids.length < want || out.length >= limit) return out;
        after = ids.at(-1)!;
      }
    });
  }

  /**
   * Up to `limit` ids from the subscription index after `afterId`, of `area` when given —
   * chosen on the index members alone; a short answer means the index has no more.
   */
  async #subscribedIds(area: string | null, afterId: string | null, limit: number): Promise<string[]> {
    const k = this.#ctx.keys;
    const out: string[] = [];
    // Every member of an id x sorts in [x NUL, x \x01); so all ids above `afterId` start at `afterId \x01`.
    let min = afterId === null ? '-' : `[${afterId}\u0001`;
    const batch = area === null ? limit : Math.max(limit, AREA_SCAN_BATCH);
    for (;;) {
      const members = await this.#ctx.redis.zrangebylex(k.subscribed, min, '+', 'LIMIT', 0, batch);
      for (const m of members) {
        const cut = m.indexOf('\u0000');
        if (area === null || m.slice(cut + 1) === area) out.push(m.slice(0, cut));
        if (out.length >= limit) return out;
      }
      if (members.length < batch) return out;
      min = `(${members.at(-1)!}`;
    }
  }

  /** The records of `ids` in one pipeline; an id erased since it was listed is skipped. */
  async #read(ids: readonly string[]): Promise<Resident[]> {
    if (ids.length === 0) return [];
    const k = this.#ctx.keys;
    const pipe = this.#ctx.redis.pipeline();
    for (const id of ids) pipe.hmget(k.resident(id), 'v', 'd');
    const rows = (await pipe.exec()) ?? [];
    const out: Resident[] = [];
    for (const [err, row] of rows) {
      if (err) throw err;
      const [v, d] = row as (string | null)[];
      const r = residentFrom(v, d);
      if (r !== null) out.push(r);
    }
    return out;
  }

  async addCodes(codes: readonly AccessCode[]): Promise<void> {
    if (codes.length === 0) return;
    const k = this.#ctx.keys;
    const keys = codes.map((c) => k.code(c.code));
    // Codes reserved for a resident are also listed in that resident's code set.
    const sets = new Map<string, number>();
    for (const c of codes) if (c.residentId !== null && !sets.has(c.residentId)) sets.set(c.residentId, keys.length + sets.size + 1);
    keys.push(...[...sets.keys()].map((id) => k.residentCodes(id)));
    const args = codes.flatMap((c) => [
      c.code,
      c.residentId ?? '',
      c.issuedBy,
      String(c.issuedAt),
      c.usedAt === null ? '' : String(c.usedAt),
      String(c.residentId === null ? 0 : sets.get(c.residentId)),
    ]);
    await this.#ctx.script('residents.addCodes', 'codes-add', keys, args);
  }

  async claimCode(code: string, residentId: string, at: number, side: SideRecords): Promise<ClaimOutcome> {
    const k = this.#ctx.keys;
    const reply = (await this.#ctx.write('residents.claimCode', 'code-claim', side, [k.code(code), k.residentCodes(residentId)], [residentId, String(at), code])) as unknown[];
    const outcome = outcomeOf('code-claim', reply[0], ['claimed', 'used', 'unknown']);
    if (outcome === 'unknown') return { status: 'unknown' };
    if (outcome === 'used') return { status: 'used', residentId: reply[1] === '' ? null : String(reply[1]) };
    return { status: 'claimed', code: { code, residentId, issuedBy: String(reply[1]), issuedAt: Number(reply[2]), usedAt: at } };
  }

  async claimCodeAndSave(code: string, resident: Resident, expectedVersion: number | null, at: number, side: SideRecords): Promise<ClaimAndSaveOutcome> {
    const k = this.#ctx.keys;
    const reply = (await this.#ctx.write(
      'residents.claimCodeAndSave',
      'code-claim-save',
      side,
      [k.code(code), k.resident(resident.id), k.residentIds, k.subscribed, k.residentCodes(resident.id)],
      [resident.id, String(at), expectedVersion === null ? '' : String(expectedVersion), residentJson(resident), code, subscriptionMember(k, resident)],
    )) as unknown[];
    const outcome = outcomeOf('code-claim-save', reply[0], ['claimed', 'used', 'unknown', 'conflict']);
    if (outcome === 'unknown') return { status: 'unknown' };
    if (outcome === 'conflict') return { status: 'conflict' };
    if (outcome === 'used') return { status: 'used', residentId: reply[1] === '' ? null : String(reply[1]) };
    return { status: 'claimed', code: { code, residentId: resident.id, issuedBy: String(reply[1]), issuedAt: Number(reply[2]), usedAt: at } };
  }

  async claimPhoneAndSave(phoneKey: string, holder: string, resident: Resident, expectedVersion: number | null, at: number, side: SideRecords): Promise<PhoneClaimOutcome> {
    const k = this.#ctx.keys;
    const reply = (await this.#ctx.write(
      'residents.claimPhoneAndSave',
      'phone-claim-save',
      side,
      [k.phone(phoneKey), k.resident(resident.id), k.residentIds, k.subscribed],
      [holder, String(at), expectedVersion === null ? '' : String(expectedVersion), residentJson(resident), resident.id, subscriptionMember(k, resident)],
    )) as unknown[];
    // The script answers `used` for a phone another holder has: the port's `taken`.
    const outcome = outcomeOf('phone-claim-save', reply[0], ['claimed', 'used', 'conflict']);
    return { status: outcome === 'used' ? 'taken' : outcome };
  }

  async getPhoneClaim(phoneKey: string): Promise<PhoneClaim | null> {
    const [h, a] = await this.#ctx.guard('residents.getPhoneClaim', () => this.#ctx.redis.hmget(this.#ctx.keys.phone(phoneKey), 'h', 'a'));
    if (h === null || h === undefined) return null;
    return { phoneKey, holder: h, claimedAt: Number(a) };
  }

  async getCode(code: string): Promise<AccessCode | null> {
    const [r, b, i, u] = await this.#ctx.guard('residents.getCode', () => this.#ctx.redis.hmget(this.#ctx.keys.code(code), 'r', 'b', 'i', 'u'));
    if (b === null || b === undefined) return null;
    return { code, residentId: r ?? null, issuedBy: b, issuedAt: Number(i), usedAt: u === null || u === undefined ? null : Number(u) };
  }
}
