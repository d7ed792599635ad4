import type { z } from 'zod';
import type { auditListQuery } from '@liaison/contracts';
import { assertCan } from '../../kernel/access/assert.js';
import { verifyAuditChain } from '../../kernel/audit/audit.js';
import type { Ctx } from '../../kernel/context.js';
import { toIso } from '../../kernel/db/tx.js';

/** 三员分立: only the security admin and the auditor read the log; nobody changes it through the API. */
export async function listAudit(ctx: Ctx, q: z.infer<typeof auditListQuery>) {
  assertCan(ctx, 'audit.read');
  let query = ctx.db.selectFrom('auditLog');
  if (q.actorId) query = query.where('actorId', '=', q.actorId);
  if (q.action) query = query.where('action', '=', q.action);
  if (q.entityType) query = query.where('entityType', '=', q.entityType);
  if (q.entityId) query = query.where('entityId', '=', q.entityId);
  if (q.from) query = query.where('at', '>=', new Date(q.from).getTime());
  if (q.to) query = query.where('at', '<', new Date(q.to).getTime());
  const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query.selectAll().orderBy('seq', q.sort === 'seq' ? 'asc' : 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
  return {
    items: rows.map((r) => ({
      seq: r.seq, id: r.id, at: toIso(r.at)!, actorId: r.actorId, actorName: r.actorName, actorRole: r.actorRole,
      action: r.action, entityType: r.entityType, entityId: r.entityId, changes: r.changes ? JSON.parse(r.changes) : null,
      ip: r.ip, userAgent: r.userAgent, requestId: r.requestId, hash: r.hash,
    })),
    total: Number(total.n), page: q.page, pageSize: q.pageSize,
  };
}

export async function verifyAudit(ctx: Ctx) {
  assertCan(ctx, 'audit.read');
  return verifyAuditChain(ctx.db);
}
