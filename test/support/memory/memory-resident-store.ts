import type { AccessCode, ClaimAndSaveOutcome, ClaimOutcome, PhoneClaim, PhoneClaimOutcome, ResidentStore } from '../../../core/ports/resident-store.ts';
import type { SaveOutcome } from '../../../core/ports/campaign-store.ts';
import type { SideRecords } from '../../../core/ports/side-records.ts';
import type { Resident } from '../../../core/residents/resident.ts';
import { receivesBroadcasts } from '../../../core/broadcasts/broadcast.ts';
import { applySide, frozenCopy, roundTrip } from './memory-state.ts';
import type { MemoryHandle } from './memory-state.ts';

/**
 * In-memory `ResidentStore`. Phone claims are not touched by `erase` (see the port). The store owns `version`: a saved record gets
 * `expectedVersion + 1` (or 1) whatever the caller put in the field. Residents are listed
 * in code-unit order of their ids (the same as byte order for the ASCII ids in use).
 */
export class MemoryResidentStore implements ResidentStore {
  constructor(private readonly handle: MemoryHandle) {}

  async get(id: string): Promise<Resident | null> {
    await roundTrip();
    return this.handle.open().residents.get(id) ?? null;
  }

  async save(resident: Resident, expectedVersion: number | null, side: SideRecords): Promise<SaveOutcome> {
    await roundTrip();
    const s = this.handle.open();
    const current = s.residents.get(resident.id)?.version ?? null;
    if (current !== expectedVersion) return 'conflict';
    s.residents.set(resident.id, frozenCopy({ ...resident, version: (expectedVersion ?? 0) + 1 }));
    if (receivesBroadcasts(resident)) s.subscribed.set(resident.id, resident.area);
    else s.subscribed.delete(resident.id);
    applySide(s, side);
    return 'saved';
  }

  async erase(id: string, expectedVersion: number, side: SideRecords): Promise<SaveOutcome> {
    await roundTrip();
    const s = this.handle.open();
    const current = s.residents.get(id);
    if (current === undefined || current.version !== expectedVersion) return 'conflict';
    s.residents.delete(id);
    for (const [code, c] of s.codes) {
      if (c.residentId !== id) continue;
      if (c.usedAt === null) s.codes.delete(code);
      else s.codes.set(code, frozenCopy({ ...c, residentId: null }));
    }
    s.subscribed.delete(id);
    applySide(s, side);
    return 'saved';
  }

  async list(afterId: string | null, limit: number): Promise<readonly Resident[]> {
    await roundTrip();
    const all = [...this.handle.open().residents.values()]
      .filter((r) => afterId === null || r.id > afterId)
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return Object.freeze(all.slice(0, Math.max(0, limit)));
  }

  async listSubscribed(area: string | null, afterId: string | null, limit: number): Promise<readonly Resident[]> {
    await roundTrip();
    const s = this.handle.open();
    // Chosen from the index alone; only the residents returned are read.
    const ids = [...s.subscribed]
      .filter(([id, a]) => (area === null || a === area) && (afterId === null || id > afterId))
      .map(([id]) => id)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
      .slice(0, Math.max(0, limit));
    s.subscribedReads += ids.length;
    return Object.freeze(ids.map((id) => s.residents.get(id)!));
  }

  async addCodes(codes: readonly AccessCode[]): Promise<void> {
    await roundTrip();
    const s = this.handle.open();
    for (const c of codes) if (!s.codes.has(c.code)) s.codes.set(c.code, frozenCopy(c));
  }

  async claimCode(code: string, residentId: string, at: number, side: SideRecords): Promise<ClaimOutcome> {
    await roundTrip();
    const s = this.handle.open();
    const refused = codeRefusal(s.codes.get(code), residentId);
    if (refused !== null) return refused;
    const claimed = frozenCopy({ ...s.codes.get(code)!, residentId, usedAt: at });
    s.codes.set(code, claimed);
    applySide(s, side);
    return { status: 'claimed', code: claimed };
  }

  async claimCodeAndSave(code: string, resident: Resident, expectedVersion: number | null, at: number, side: SideRecords): Promise<ClaimAndSaveOutcome> {
    await roundTrip();
    const s = this.handle.open();
    const refused = codeRefusal(s.codes.get(code), resident.id);
    if (refused !== null) return refused;
    if ((s.residents.get(resident.id)?.version ?? null) !== expectedVersion) return { status: 'conflict' };
    const claimed = frozenCopy({ ...s.codes.get(code)!, residentId: resident.id, usedAt: at });
    s.codes.set(code, claimed);
    s.residents.set(resident.id, frozenCopy({ ...resident, version: (expectedVersion ?? 0) + 1 }));
    if (receivesBroadcasts(resident)) s.subscribed.set(resident.id, resident.area);
    else s.subscribed.delete(resident.id);
    applySide(s, side);
    return { status: 'claimed', code: claimed };
  }

  async getCode(code: string): Promise<AccessCode | null> {
    await roundTrip();
    return this.handle.open().codes.get(code) ?? null;
  }

  async claimPhoneAndSave(phoneKey: string, holder: string, resident: Resident, expectedVersion: number | null, at: number, side: SideRecords): Promise<PhoneClaimOutcome> {
    await roundTrip();
    const s = this.handle.open();
    const current = s.phoneClaims.get(phoneKey);
    if (current !== undefined && current.holder !== holder) return { status: 'taken' };
    if ((s.residents.get(resident.id)?.version ?? null) !== expectedVersion) return { status: 'conflict' };
    if (current === undefined) s.phoneClaims.set(phoneKey, frozenCopy({ phoneKey, holder, claimedAt: at }));
    s.residents.set(resident.id, frozenCopy({ ...resident, version: (expectedVersion ?? 0) + 1 }));
    if (receivesBroadcasts(resident)) s.subscribed.set(resident.id, resident.area);
    else s.subscribed.delete(resident.id);
    applySide(s, side);
    return { status: 'claimed' };
  }

  async getPhoneClaim(phoneKey: string): Promise<PhoneClaim | null> {
    await roundTrip();
    return this.handle.open().phoneClaims.get(phoneKey) ?? null;
  }
}

/** Why `current` cannot be claimed by `residentId` (null: it can). */
function codeRefusal(current: AccessCode | undefined, residentId: string): ClaimOutcome | null {
  if (current === undefined) return { status: 'unknown' };
  if (current.usedAt !== null) return { status: 'used', residentId: current.residentId };
  // Pre-assigned to someone else: for this claimant it is as good as used.
  if (current.residentId !== null && current.residentId !== residentId) return { status: 'used', residentId: current.residentId };
  return null;
}
