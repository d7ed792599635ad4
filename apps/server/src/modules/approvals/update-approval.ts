import type { z } from 'zod';
import type { updateApprovalBody } from '@liaison/contracts';
import { diff, writeAudit } from '../../kernel/audit/audit.js';
import { shanghaiDate } from '../../kernel/calendar/working-calendar.js';
import type { Ctx } from '../../kernel/context.js';
import type { ProjectApprovalTable } from '../../kernel/db/schema.js';
import { inTransaction } from '../../kernel/db/tx.js';
import { AppError, notFound, staleVersion, type FieldError } from '../../kernel/errors/app-error.js';
import { notify } from '../../kernel/notify/notify.js';
import { canHandleItem, canManageChain, TRANSITIONS } from './approvals.policy.js';
import { findChainRow } from './approvals.repository.js';
import { findAgent, getApproval, loadChainContext } from './chain.service.js';

type Body = z.infer<typeof updateApprovalBody>;

/** The date field each status sets when an item reaches it. */
const DATE_OF: Record<string, keyof ProjectApprovalTable> = {
  preparing: 'preparingOn', submitted: 'submittedOn', accepted: 'acceptedOn', approved: 'approvedOn', sent_back: 'sentBackOn',
};

/**
 * Moves an item along its steps, corrects its dates, ticks off materials, or hands it to another agent. Every date
 * is a past or present Hangzhou date, and they follow each other: submitted ≤ accepted ≤ approved.
 */
export async function updateApproval(ctx: Ctx, projectId: string, id: string, input: Body) {
  const { actor, project, rel } = await loadChainContext(ctx, projectId);
  const row = await findChainRow(ctx.db, projectId, id);
  if (!row) throw notFound('approval item');
  const { version, agentId, ...progress } = input;
  if (agentId !== undefined && !canManageChain(actor, rel)) throw new AppError('FORBIDDEN', 'only the project\'s commissioner or the organisation department chooses the agent');
  if (!canHandleItem(actor, rel, row)) throw new AppError('FORBIDDEN', 'only the agent, the project\'s commissioner or the organisation department moves this item');
  if (project.archivedAt !== null) throw new AppError('RULE_VIOLATED', 'the project is archived');
  if (row.version !== version) throw staleVersion();
  if (agentId && !(await findAgent(ctx.db, agentId))) throw new AppError('VALIDATION_FAILED', 'not an active department handler', [{ path: 'agentId', message: 'not an active department handler' }]);

  const today = shanghaiDate(ctx.now());
  const patch: Partial<ProjectApprovalTable> = {};
  for (const k of ['plannedOn', 'preparingOn', 'submittedOn', 'acceptedOn', 'approvedOn', 'sentBackOn', 'sentBackReason', 'note'] as const) {
    if (progress[k] !== undefined) patch[k] = progress[k];
  }
  if (agentId !== undefined) patch.agentId = agentId;
  if (progress.checklist) patch.checklist = JSON.stringify(progress.checklist);

  if (progress.status && progress.status !== row.status) {
    const to = progress.status;
    if (!TRANSITIONS[row.status]?.includes(to)) {
      throw new AppError('CONFLICT', `an item cannot go from ${row.status} to ${to}`, undefined, { from: row.status, to });
    }
    (patch as Record<string, unknown>)[DATE_OF[to] as string] ??= today;
    patch.status = to;
    // Handing in again after a send-back opens a new round at the authority.
    if (to === 'submitted') Object.assign(patch, { acceptedOn: progress.acceptedOn ?? null, approvedOn: null });
    if (to === 'sent_back' && !progress.sentBackReason) {
      throw new AppError('VALIDATION_FAILED', 'say why the authority sent it back', [{ path: 'sentBackReason', message: 'required when sending back' }]);
    }
    if (to === 'submitted') {
      const list = JSON.parse(patch.checklist ?? row.checklist) as { name: string; done: boolean }[];
      const missing = list.filter((m) => !m.done).map((m) => m.name);
      // 一次性告知: the file goes in complete, or the authority sends it back.
      if (missing.length) throw new AppError('RULE_VIOLATED', `materials not ready: ${missing.join('、')}`, [{ path: 'checklist', message: 'every material must be ticked off before submission' }]);
    }
  }
  const next = { ...row, ...patch };
  const errors: FieldError[] = [];
  for (const k of ['preparingOn', 'submittedOn', 'acceptedOn', 'approvedOn', 'sentBackOn'] as const) {
    if (patch[k] && (patch[k] as string) > today) errors.push({ path: k, message: 'a date in the future' });
  }
  const order: [keyof typeof next, keyof typeof next][] = [['submittedOn', 'acceptedOn'], ['acceptedOn', 'approvedOn'], ['submittedOn', 'approvedOn']];
  // sentBackOn stays as "last sent back" after the item is handed in again; it follows the submission only meanwhile.
  if (next.status === 'sent_back') order.push(['submittedOn', 'sentBackOn']);
  for (const [a, b] of order) {
    if (next[a] && next[b] && (next[b] as string) < (next[a] as string)) errors.push({ path: b as string, message: `before ${a as string}` });
  }
  if (errors.length) throw new AppError('RULE_VIOLATED', 'the dates do not fit together', errors);

  await inTransaction(ctx, async (trx) => {
    const res = await trx.updateTable('projectApprovals').set({ ...patch, version: version + 1, updatedAt: ctx.now().getTime() })
      .where('id', '=', id).where('version', '=', version).executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw staleVersion();
    await writeAudit(ctx, trx, { action: 'approval.item_updated', entityType: 'project_approval', entityId: id, changes: diff(row as unknown as Record<string, unknown>, patch) });
    if (agentId && agentId !== row.agentId) {
      await notify(ctx, trx, {
        userIds: [agentId], kind: 'approval.agent_assigned', title: `【审批代办】${project.name}`, body: `请代办：${row.itemName}`,
        entityType: 'project', entityId: projectId, link: `/projects/${projectId}/approvals`,
      });
    }
  });
  return getApproval(ctx, projectId, id);
}
