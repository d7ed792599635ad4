import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Tx } from '../db/connect.js';
import type { AuditLogTable } from '../db/schema.js';
import type { Ctx } from '../context.js';
import { newId } from '../ids.js';

export const GENESIS_HASH = '0'.repeat(64);
const AUDIT_LOCK_KEY = 715_303_2026;

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId?: string | null;
  changes?: unknown;
  /** For sign-in attempts that have no signed-in actor yet. */
  actorOverride?: { id: string | null; name: string | null; role: string | null };
};

const sm3 = (s: string) => createHash('sm3').update(s, 'utf8').digest('hex');

export function hashOf(row: Omit<AuditLogTable, 'hash'>): string {
  return sm3(
    JSON.stringify([
      row.seq, row.id, row.at, row.actorId, row.actorName, row.actorRole, row.action, row.entityType, row.entityId,
      row.changes, row.ip, row.userAgent, row.requestId, row.prevHash,
    ]),
  );
}

/** The changed fields as {field: [before, after]}, for an update's audit row. */
export function diff<T extends Record<string, unknown>>(before: T, after: Partial<T>): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const [k, v] of Object.entries(after)) {
    if (v !== undefined && JSON.stringify(before[k]) !== JSON.stringify(v)) out[k] = [before[k], v];
  }
  return out;
}

/**
 * Appends one hash-chained audit row. Call it inside the transaction that makes the change:
 * if this insert fails, the change fails with it.
 */
export async function writeAudit(ctx: Ctx, trx: Tx, entry: AuditEntry): Promise<void> {
  if (ctx.dialect === 'postgres') {
    // Serialise appends so the chain has one head; released at commit.
    await sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(trx);
  }
  const last = await trx.selectFrom('auditLog').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const actor = ctx.actor;
  const row: Omit<AuditLogTable, 'hash'> = {
    seq: (last?.seq ?? 0) + 1,
    id: newId(),
    at: ctx.now().getTime(),
    actorId: entry.actorOverride ? entry.actorOverride.id : (actor?.userId ?? null),
    actorName: entry.actorOverride ? entry.actorOverride.name : (actor?.username ?? null),
    actorRole: entry.actorOverride ? entry.actorOverride.role : (actor ? (actor.roles[0] ?? actor.via) : null),
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    changes: entry.changes === undefined ? null : JSON.stringify(entry.changes),
    ip: ctx.meta.ip,
    userAgent: ctx.meta.userAgent ? ctx.meta.userAgent.slice(0, 300) : null,
    requestId: ctx.meta.requestId,
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  await trx.insertInto('auditLog').values({ ...row, hash: hashOf(row) }).execute();
}

export type VerifyResult = { ok: boolean; checked: number; firstBrokenSeq: number | null; reason: string | null };

/** Walks the chain in order and names the first row whose link or content does not match. */
export async function verifyAuditChain(db: Tx, batch = 2000): Promise<VerifyResult> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const rows = await db
      .selectFrom('auditLog')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(batch)
      .execute();
    if (rows.length === 0) break;
    for (const r of rows) {
      if (r.seq !== expectedSeq) return { ok: false, checked, firstBrokenSeq: expectedSeq, reason: `row ${expectedSeq} is missing` };
      if (r.prevHash !== prevHash) return { ok: false, checked, firstBrokenSeq: r.seq, reason: 'link to the previous row is broken' };
      const { hash, ...rest } = r;
      if (hashOf(rest) !== hash) return { ok: false, checked, firstBrokenSeq: r.seq, reason: 'row content does not match its hash' };
      prevHash = hash;
      expectedSeq++;
      checked++;
    }
  }
  return { ok: true, checked, firstBrokenSeq: null, reason: null };
}
