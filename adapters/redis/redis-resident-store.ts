import type { Resident } from '../../core/residents/resident.ts';
import type { SaveOutcome } from '../../core/ports/campaign-store.ts';
import type { AccessCode, ClaimAndSaveOutcome, ClaimOutcome, ResidentStore } from '../../core/ports/resident-store.ts';
import type { SideRecords } from '../../core/ports/side-records.ts';
import { outcomeOf } from './outcomes.ts';
import type { RedisContext } from './redis-context.ts';

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

/**
 * Residents and one-time codes in Redis — the only place with personal data. A resident is
 * one small hash `res:<id>` (v = version, d = compact JSON) plus its id in one lexicographic
 * zset for `list`; "forget me" deletes both. Nothing maps a resident to a voter key.
 */
export class RedisResidentStore implements ResidentStore {
  readonly #ctx: RedisContext;

  constructor(ctx: RedisContext) {
    this.#ctx = ctx;
  }

  get(id: string): Promise<Resident | null> {
    return this.#ctx.guard('residents.get', () => this.#ctx.redis.hmget(this.#ctx.keys.resident(id), 'v', 'd')).then(([v, d]) => residentFrom(v, d));
  }

  async save(resident: Resident, expectedVersion: number | null, side: SideRecords): Promise<SaveOutcome> {
    const k = this.#ctx.keys;
    const code = await this.#ctx.write(
      'residents.save',
      'record-save',
      side,
      [k.resident(resident.id), k.residentIds],
      [expectedVersion === null ? '' : String(expectedVersion), residentJson(resident), resident.id],
    );
    return outcomeOf('record-save', code, ['ok', 'conflict']) === 'ok' ? 'saved' : 'conflict';
  }

  async erase(id: string, expectedVersion: number, side: SideRecords): Promise<SaveOutcome> {
    const k = this.#ctx.keys;
    const code = await this.#ctx.write('residents.erase', 'record-erase', side, [k.resident(id), k.residentIds], [String(expectedVersion), id]);
    return outcomeOf('record-erase', code, ['ok', 'conflict']) === 'ok' ? 'saved' : 'conflict';
  }

  async list(afterId: string | null, limit: number): Promise<readonly Resident[]> {
    if (limit <= 0) return [];
    const k = this.#ctx.keys;
    return this.#ctx.guard('residents.list', async () => {
      const ids = await this.#ctx.redis.zrangebylex(k.residentIds, afterId === null ? '-' : `(${afterId}`, '+', 'LIMIT', 0, limit);
      if (ids.length === 0) return [];
      const pipe = this.#ctx.redis.pipeline();
      for (const id of ids) pipe.hmget(k.resident(id), 'v', 'd');
      const rows = (await pipe.exec()) ?? [];
      const out: Resident[] = [];
      for (const [err, row] of rows) {
        if (err) throw err;
        const [v, d] = row as (string | null)[];
        const r = residentFrom(v, d);
        // An id erased between the two reads is skipped.
        if (r !== null) out.push(r);
      }
      return out;
    });
  }

  async addCodes(codes: readonly AccessCode[]): Promise<void> {
    if (codes.length === 0) return;
    const keys = codes.map((c) => this.#ctx.keys.code(c.code));
    const args = codes.flatMap((c) => [c.residentId ?? '', c.issuedBy, String(c.issuedAt), c.usedAt === null ? '' : String(c.usedAt)]);
    await this.#ctx.script('residents.addCodes', 'codes-add', keys, args);
  }

  async claimCode(code: string, residentId: string, at: number, side: SideRecords): Promise<ClaimOutcome> {
    const reply = (await this.#ctx.write('residents.claimCode', 'code-claim', side, [this.#ctx.keys.code(code)], [residentId, String(at)])) as unknown[];
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
      [k.code(code), k.resident(resident.id), k.residentIds],
      [resident.id, String(at), expectedVersion === null ? '' : String(expectedVersion), residentJson(resident)],
    )) as unknown[];
    const outcome = outcomeOf('code-claim-save', reply[0], ['claimed', 'used', 'unknown', 'conflict']);
    if (outcome === 'unknown') return { status: 'unknown' };
    if (outcome === 'conflict') return { status: 'conflict' };
    if (outcome === 'used') return { status: 'used', residentId: reply[1] === '' ? null : String(reply[1]) };
    return { status: 'claimed', code: { code, residentId: resident.id, issuedBy: String(reply[1]), issuedAt: Number(reply[2]), usedAt: at } };
  }

  async getCode(code: string): Promise<AccessCode | null> {
    const [r, b, i, u] = await this.#ctx.guard('residents.getCode', () => this.#ctx.redis.hmget(this.#ctx.keys.code(code), 'r', 'b', 'i', 'u'));
    if (b === null || b === undefined) return null;
    return { code, residentId: r ?? null, issuedBy: b, issuedAt: Number(i), usedAt: u === null || u === undefined ? null : Number(u) };
  }
}
