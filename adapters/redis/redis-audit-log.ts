import type { AuditEntry, AuditLog } from '../../core/ports/audit-log.ts';
import type { AuditDraft } from '../../core/ports/side-records.ts';
import { outcomeOf } from './outcomes.ts';
import type { RedisContext } from './redis-context.ts';

/**
 * The audit log in Redis: a list of entry JSON (index i holds seq i + 1) and the head hash.
 * Entries are linked and hashed (SHA-256, lua/includes/sha256.lua) inside the script that
 * appends them — the same script as the change they record, for side records — so the
 * chain never forks, whichever instance appends.
 */
export class RedisAuditLog implements AuditLog {
  readonly #ctx: RedisContext;

  constructor(ctx: RedisContext) {
    this.#ctx = ctx;
  }

  async append(drafts: readonly AuditDraft[]): Promise<readonly AuditEntry[]> {
    if (drafts.length === 0) return [];
    const reply = (await this.#ctx.write('audit.append', 'side-append', { audit: drafts }, [], [])) as unknown[];
    outcomeOf('side-append', reply[0], ['ok']);
    return reply.slice(1).map((e) => JSON.parse(String(e)) as AuditEntry);
  }

  async list(afterSeq: number, limit: number): Promise<readonly AuditEntry[]> {
    if (limit <= 0) return [];
    const from = Math.max(0, afterSeq);
    const rows = await this.#ctx.guard('audit.list', () => this.#ctx.redis.lrange(this.#ctx.keys.auditList, from, from + limit - 1));
    return rows.map((e) => JSON.parse(e) as AuditEntry);
  }
}
