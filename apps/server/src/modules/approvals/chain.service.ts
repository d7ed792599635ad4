import type { z } from 'zod';
import type { addApprovalBody, createChainBody } from '@liaison/contracts';
import { assertCan } from '../../kernel/access/assert.js';
import { writeAudit } from '../../kernel/audit/audit.js';
import { loadWorkingCalendar } from '../../kernel/calendar/calendar-store.js';
import { shanghaiDate } from '../../kernel/calendar/working-calendar.js';
import type { Ctx } from '../../kernel/context.js';
import type { Tx } from '../../kernel/db/connect.js';
import type { ApprovalItemTable, ProjectApprovalTable } from '../../kernel/db/schema.js';
import { inTransaction } from '../../kernel/db/tx.js';
import { AppError, notFound } from '../../kernel/errors/app-error.js';
import { newId } from '../../kernel/ids.js';
import { notify } from '../../kernel/notify/notify.js';
import { loadVisibleProject } from '../projects/project-file.service.js';
import { relationTo } from '../projects/projects.policy.js';
import { clockFrom } from './approval-clock.js';
import { canManageChain, REMOVABLE } from './approvals.policy.js';
import { isOpenCase, presentApproval, summarize } from './approvals.presenter.js';
import { findBlockCases, findChainRow, listChainRows } from './approvals.repository.js';
import { templateItems } from './catalogue.service.js';

const badField = (path: string, message: string) => new AppError('VALIDATION_FAILED', message, [{ path, message }]);

/** The project as the caller sees it (404 otherwise) and how they stand to its chain. */
export async function loadChainContext(ctx: Ctx, projectId: string) {
  const actor = assertCan(ctx, 'approval.read');
  const { project } = await loadVisibleProject(ctx, projectId);
  const rel = await relationTo(ctx.db, actor, project);
  return { actor, project, rel, manage: canManageChain(actor, rel) };
}

async function assertManager(ctx: Ctx, projectId: string) {
  const c = await loadChainContext(ctx, projectId);
  if (!c.manage) throw new AppError('FORBIDDEN', 'only the project\'s commissioner or the organisation department keeps its approval chain');
  if (c.project.archivedAt !== null) throw new AppError('RULE_VIOLATED', 'the project is archived');
  return c;
}

/** An agent (代办员) is an active department handler (区住建局 or another department). */
export async function findAgent(db: Tx, userId: string) {
  return db.selectFrom('users').innerJoin('userRoles', 'userRoles.userId', 'users.id')
    .select(['users.id', 'users.displayName']).where('users.id', '=', userId).where('users.isActive', '=', 1)
    .where('userRoles.role', '=', 'dept_handler').executeTakeFirst();
}

/** The chain in order with dates, working days and blocking cases: the timeline's data. */
export async function getChain(ctx: Ctx, projectId: string) {
  const { actor, project, rel, manage } = await loadChainContext(ctx, projectId);
  const rows = await listChainRows(ctx.db, projectId);
  const today = shanghaiDate(ctx.now());
  const [cal, cases] = await Promise.all([loadWorkingCalendar(ctx.db, clockFrom(rows, today)), findBlockCases(ctx.db, rows.map((r) => r.blockCaseId))]);
  const items = rows.map((r) => presentApproval(r, r.blockCaseId ? cases.get(r.blockCaseId) : undefined, cal, today, actor, rel));
  const live = manage && project.archivedAt === null;
  return {
    project: { id: project.id, code: project.code, name: project.name, category: project.category },
    items, summary: summarize(items, cal, today),
    allowedActions: live ? [...(rows.length === 0 ? ['from-template' as const] : []), 'add' as const, 'reorder' as const] : [],
  };
}

/** One item of the chain, as the caller sees it; 404 when it is not on this project. */
export async function getApproval(ctx: Ctx, projectId: string, id: string) {
  const { actor, rel } = await loadChainContext(ctx, projectId);
  const row = await findChainRow(ctx.db, projectId, id);
  if (!row) throw notFound('approval item');
  const today = shanghaiDate(ctx.now());
  const [cal, cases] = await Promise.all([loadWorkingCalendar(ctx.db, clockFrom([row], today)), findBlockCases(ctx.db, [row.blockCaseId])]);
  return presentApproval(row, row.blockCaseId ? cases.get(row.blockCaseId) : undefined, cal, today, actor, rel);
}

function newRow(projectId: string, item: ApprovalItemTable, position: number, agentId: string | null, plannedOn: string | null, now: number): ProjectApprovalTable {
  const materials = JSON.parse(item.materials) as string[];
  return {
    id: newId(), projectId, itemId: item.id, position, agentId, status: 'not_started', plannedOn, preparingOn: null, submittedOn: null,
    acceptedOn: null, approvedOn: null, sentBackOn: null, sentBackReason: null, checklist: JSON.stringify(materials.map((name) => ({ name, done: false }))),
    statutoryDays: item.statutoryDays, level: null, blockCaseId: null, note: null, version: 1, createdAt: now, updatedAt: now,
  };
}

async function tellAgent(ctx: Ctx, trx: Tx, agentId: string | null, projectName: string, itemNames: string[], projectId: string) {
  if (!agentId) return;
  await notify(ctx, trx, {
    userIds: [agentId], kind: 'approval.agent_assigned', title: `【审批代办】${projectName}`, body: `请代办：${itemNames.join('、')}`,
    entityType: 'project', entityId: projectId, link: `/projects/${projectId}/approvals`,
  });
}

/** Starts a project's chain from the template of its category (or the one named). */
export async function createChainFromTemplate(ctx: Ctx, projectId: string, input: z.infer<typeof createChainBody>) {
  const { project } = await assertManager(ctx, projectId);
  const existing = await ctx.db.selectFrom('projectApprovals').select('id').where('projectId', '=', projectId).limit(1).executeTakeFirst();
  if (existing) throw new AppError('CONFLICT', 'the project has an approval chain already; add items one by one');
  if (input.category) {
    const known = await ctx.db.selectFrom('approvalTemplateItems').select('category').where('category', '=', input.category).limit(1).executeTakeFirst();
    if (!known) throw badField('category', 'no template for this category');
  }
  if (input.agentId && !(await findAgent(ctx.db, input.agentId))) throw badField('agentId', 'not an active department handler');
  const items = await templateItems(ctx, input.category ?? project.category);
  const now = ctx.now().getTime();
  const rows = items.map((it, i) => newRow(projectId, it, i + 1, input.agentId ?? null, null, now));
  await inTransaction(ctx, async (trx) => {
    if (rows.length) await trx.insertInto('projectApprovals').values(rows).execute();
    await writeAudit(ctx, trx, { action: 'approval.chain_created', entityType: 'project', entityId: projectId, changes: { category: input.category ?? project.category, items: items.map((i) => i.code), agentId: input.agentId ?? null } });
    await tellAgent(ctx, trx, input.agentId ?? null, project.name, items.map((i) => i.name), projectId);
  });
  return getChain(ctx, projectId);
}

export async function addApproval(ctx: Ctx, projectId: string, input: z.infer<typeof addApprovalBody>) {
  const { project } = await assertManager(ctx, projectId);
  const item = await ctx.db.selectFrom('approvalItems').selectAll().where('id', '=', input.itemId).where('isActive', '=', 1).executeTakeFirst();
  if (!item) throw badField('itemId', 'unknown or inactive approval item');
  if (input.agentId && !(await findAgent(ctx.db, input.agentId))) throw badField('agentId', 'not an active department handler');
  const dup = await ctx.db.selectFrom('projectApprovals').select('id').where('projectId', '=', projectId).where('itemId', '=', item.id).executeTakeFirst();
  if (dup) throw new AppError('DUPLICATE', `${item.name} is on the chain already`);
  const count = (await ctx.db.selectFrom('projectApprovals').select((eb) => eb.fn.countAll<number>().as('n')).where('projectId', '=', projectId).executeTakeFirstOrThrow()).n;
  const position = Math.min(input.position ?? Number(count) + 1, Number(count) + 1);
  const row = newRow(projectId, item, position, input.agentId ?? null, input.plannedOn ?? null, ctx.now().getTime());
  await inTransaction(ctx, async (trx) => {
    await trx.updateTable('projectApprovals').set((eb) => ({ position: eb('position', '+', 1) }))
      .where('projectId', '=', projectId).where('position', '>=', position).execute();
    await trx.insertInto('projectApprovals').values(row).execute();
    await writeAudit(ctx, trx, { action: 'approval.item_added', entityType: 'project_approval', entityId: row.id, changes: { projectId, itemId: item.id, position, agentId: row.agentId } });
    await tellAgent(ctx, trx, row.agentId, project.name, [item.name], projectId);
  });
  return getApproval(ctx, projectId, row.id);
}

export async function removeApproval(ctx: Ctx, projectId: string, id: string) {
  await assertManager(ctx, projectId);
  const row = await findChainRow(ctx.db, projectId, id);
  if (!row) throw notFound('approval item');
  if (!REMOVABLE.has(row.status)) throw new AppError('CONFLICT', 'the item has been handed in; its record stays on the chain');
  const cases = await findBlockCases(ctx.db, [row.blockCaseId]);
  if (isOpenCase(row.blockCaseId ? cases.get(row.blockCaseId) : undefined)) throw new AppError('CONFLICT', 'a case about this item is still open');
  await inTransaction(ctx, async (trx) => {
    await trx.deleteFrom('projectApprovals').where('id', '=', id).execute();
    await trx.updateTable('projectApprovals').set((eb) => ({ position: eb('position', '-', 1) }))
      .where('projectId', '=', projectId).where('position', '>', row.position).execute();
    await writeAudit(ctx, trx, { action: 'approval.item_removed', entityType: 'project_approval', entityId: id, changes: { projectId, itemId: row.itemId, status: row.status } });
  });
}

export async function reorderApprovals(ctx: Ctx, projectId: string, ids: string[]) {
  await assertManager(ctx, projectId);
  const rows = await ctx.db.selectFrom('projectApprovals').select('id').where('projectId', '=', projectId).execute();
  const current = new Set(rows.map((r) => r.id));
  if (new Set(ids).size !== ids.length || ids.length !== current.size || ids.some((i) => !current.has(i))) {
    throw badField('ids', 'list every item of the chain exactly once');
  }
  await inTransaction(ctx, async (trx) => {
    for (const [i, id] of ids.entries()) await trx.updateTable('projectApprovals').set({ position: i + 1 }).where('id', '=', id).execute();
    await writeAudit(ctx, trx, { action: 'approval.chain_reordered', entityType: 'project', entityId: projectId, changes: { ids } });
  });
  return getChain(ctx, projectId);
}
