import type { Ctx } from '../../kernel/context.js';
import type { Tx } from '../../kernel/db/connect.js';
import { appendEvents } from './cases.repository.js';
import { OPEN_STATUSES } from './cases.service.js';

/**
 * When a project changes commissioner, its open cases pass to the successor: the dispatcher is whoever holds the
 * project's appointment, so they follow it; a case the old commissioner was personally assigned is reassigned.
 * Each gets a timeline entry, and the handover record lists them.
 */
export async function moveOpenCases(ctx: Ctx, trx: Tx, projectId: string, fromUserId: string, toUserId: string) {
  const rows = await trx.selectFrom('cases').select(['id', 'number', 'title', 'dispatcherId', 'assigneeId'])
    .where('projectId', '=', projectId).where('status', 'in', OPEN_STATUSES)
    .execute();
  const t = ctx.now().getTime();
  for (const r of rows) {
    if (r.assigneeId === fromUserId) await trx.updateTable('cases').set({ assigneeId: toUserId, updatedAt: t }).where('id', '=', r.id).execute();
    await appendEvents(trx, r.id, { id: ctx.actor?.userId ?? null, name: ctx.actor?.username ?? 'system' }, t, [
      { kind: 'handed_over', payload: { from: fromUserId, to: toUserId } },
    ]);
  }
  return rows.map((r) => ({ kind: 'case', id: r.id, label: `${r.number} ${r.title}` }));
}

/** Open cases per project, for the commissioner roster. */
export async function countOpenCasesByProject(db: Tx, projectIds: string[]): Promise<Map<string, number>> {
  if (projectIds.length === 0) return new Map();
  const rows = await db.selectFrom('cases').select((eb) => ['projectId', eb.fn.countAll<number>().as('n')])
    .where('projectId', 'in', projectIds).where('status', 'in', OPEN_STATUSES).groupBy('projectId').execute();
  return new Map(rows.map((r) => [r.projectId, Number(r.n)]));
}
