import type { z } from 'zod';
import type { blockApprovalBody, escalateApprovalBody } from '@liaison/contracts';
import { writeAudit } from '../../kernel/audit/audit.js';
import type { Ctx } from '../../kernel/context.js';
import { inTransaction, withTrx } from '../../kernel/db/tx.js';
import { AppError, notFound, staleVersion } from '../../kernel/errors/app-error.js';
import { createCase } from '../cases/use-cases/create-case.js';
import { dispatchCase } from '../cases/use-cases/dispatch-case.js';
import { acceptCase } from '../cases/use-cases/triage-case.js';
import { canHandleItem, canManageChain, LEVEL_RANK, levelOfUnitKind } from './approvals.policy.js';
import { isOpenCase } from './approvals.presenter.js';
import { findBlockCases, findChainRow } from './approvals.repository.js';
import { getApproval, loadChainContext } from './chain.service.js';

const LEVEL_NAME = { street: '街道', district: '区级部门', city: '市级部门' } as const;

async function findUnit(ctx: Ctx, unitId: string, path: string) {
  const unit = await ctx.db.selectFrom('units').select(['id', 'name', 'kind']).where('id', '=', unitId).where('isActive', '=', 1).where('kind', '!=', 'district').executeTakeFirst();
  if (!unit) throw new AppError('VALIDATION_FAILED', 'unknown or inactive unit', [{ path, message: 'unknown or inactive unit' }]);
  return unit;
}

async function loadItem(ctx: Ctx, projectId: string, id: string) {
  const c = await loadChainContext(ctx, projectId);
  const row = await findChainRow(ctx.db, projectId, id);
  if (!row) throw notFound('approval item');
  const blockCase = row.blockCaseId ? (await findBlockCases(ctx.db, [row.blockCaseId])).get(row.blockCaseId) : undefined;
  return { ...c, row, blockCase };
}

/**
 * 审批受阻: whatever blocks an item becomes an `approval` case on the project, linked to the item, in the same
 * transaction. When the caller is the project's dispatcher and names a unit, the case is accepted and dispatched to
 * it at once; otherwise it waits in the dispatcher's queue like any case, the unit named in it as a suggestion.
 */
export async function blockApproval(ctx: Ctx, projectId: string, id: string, input: z.infer<typeof blockApprovalBody>) {
  const { actor, rel, project, row, blockCase } = await loadItem(ctx, projectId, id);
  if (!canHandleItem(actor, rel, row)) throw new AppError('FORBIDDEN', 'only the agent, the project\'s commissioner or the organisation department reports what blocks this item');
  if (row.status === 'approved') throw new AppError('RULE_VIOLATED', 'the item is approved already');
  if (isOpenCase(blockCase)) throw new AppError('CONFLICT', `case ${blockCase!.number} about this item is still open`);
  const unit = input.unitId ? await findUnit(ctx, input.unitId, 'unitId') : null;
  let level = row.level;
  await inTransaction(ctx, async (trx) => {
    const c = withTrx(ctx, trx);
    const created = await createCase(c, {
      projectId, type: 'approval', category: row.itemName.slice(0, 40), priority: input.priority,
      title: input.title ?? `【审批受阻】${row.itemName}`,
      description: `${project.name}「${row.itemName}」（${row.itemAuthority}）：${input.description}${unit ? `（建议协调单位：${unit.name}）` : ''}`,
    }, { sourceRefType: 'project_approval', sourceRefId: row.id });
    if (unit && created.allowedActions.includes('accept')) {
      const accepted = await acceptCase(c, created.id, {});
      if (accepted.allowedActions.includes('dispatch')) {
        await dispatchCase(c, created.id, { unitId: unit.id, note: `审批事项「${row.itemName}」受阻，请协调` });
        level = levelOfUnitKind(unit.kind) ?? level;
      }
    }
    const res = await trx.updateTable('projectApprovals').set({ blockCaseId: created.id, level, version: row.version + 1, updatedAt: ctx.now().getTime() })
      .where('id', '=', row.id).where('version', '=', row.version).executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw staleVersion();
    await writeAudit(ctx, trx, { action: 'approval.blocked', entityType: 'project_approval', entityId: row.id, changes: { caseId: created.id, number: created.number, unitId: unit?.id ?? null, level } });
  });
  return getApproval(ctx, projectId, id);
}

/**
 * 逐级协调: an item that needs a higher level's decision (the city's, for extra parking spaces 超配车位) goes up
 * street → district → city by dispatching its open case to a unit of the higher level. The case engine decides
 * whether the caller may dispatch it now (a unit that has signed must return it first).
 */
export async function escalateApproval(ctx: Ctx, projectId: string, id: string, input: z.infer<typeof escalateApprovalBody>) {
  const { actor, rel, row, blockCase } = await loadItem(ctx, projectId, id);
  if (!canManageChain(actor, rel)) throw new AppError('FORBIDDEN', 'only the project\'s commissioner or the organisation department escalates');
  if (!blockCase || !isOpenCase(blockCase)) throw new AppError('CONFLICT', 'nothing open blocks this item; report the blockage first');
  const unit = await findUnit(ctx, input.unitId, 'unitId');
  const to = levelOfUnitKind(unit.kind);
  if (!to) throw new AppError('VALIDATION_FAILED', 'escalate to a street, a district department or a city department', [{ path: 'unitId', message: 'not a street, department or city department' }]);
  const from = row.level as keyof typeof LEVEL_RANK | null;
  if (from && LEVEL_RANK[to] <= LEVEL_RANK[from]) throw new AppError('RULE_VIOLATED', `the item is coordinated at ${from} level already; escalation goes street → district → city`);
  await inTransaction(ctx, async (trx) => {
    const c = withTrx(ctx, trx);
    if (blockCase.status === 'submitted') await acceptCase(c, blockCase.id, {});
    await dispatchCase(c, blockCase.id, { unitId: unit.id, note: `提级至${LEVEL_NAME[to]}协调：${input.reason}` });
    const res = await trx.updateTable('projectApprovals').set({ level: to, version: row.version + 1, updatedAt: ctx.now().getTime() })
      .where('id', '=', row.id).where('version', '=', row.version).executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw staleVersion();
    await writeAudit(ctx, trx, { action: 'approval.escalated', entityType: 'project_approval', entityId: row.id, changes: { caseId: blockCase.id, from, to, unitId: unit.id, reason: input.reason } });
  });
  return getApproval(ctx, projectId, id);
}
