import type { z } from 'zod';
import type { ApprovalItem, createApprovalItemBody, updateApprovalItemBody } from '@liaison/contracts';
import { assertCan } from '../../kernel/access/assert.js';
import { diff, writeAudit } from '../../kernel/audit/audit.js';
import type { Ctx } from '../../kernel/context.js';
import type { ApprovalItemTable } from '../../kernel/db/schema.js';
import { inTransaction } from '../../kernel/db/tx.js';
import { AppError, notFound, staleVersion } from '../../kernel/errors/app-error.js';
import { newId } from '../../kernel/ids.js';

/** The category whose template a project gets when its own category has none. */
export const DEFAULT_TEMPLATE = '*';

export const presentItem = (r: ApprovalItemTable): ApprovalItem => ({
  id: r.id, code: r.code, name: r.name, authority: r.authority, authorityLevel: r.authorityLevel as ApprovalItem['authorityLevel'],
  statutoryDays: r.statutoryDays, materials: JSON.parse(r.materials) as string[], basis: r.basis, sortOrder: r.sortOrder,
  isActive: r.isActive === 1, version: r.version,
});

export async function listItems(ctx: Ctx, includeInactive: boolean) {
  assertCan(ctx, 'approval.read');
  let q = ctx.db.selectFrom('approvalItems').selectAll();
  if (!includeInactive) q = q.where('isActive', '=', 1);
  return (await q.orderBy('sortOrder').orderBy('code').execute()).map(presentItem);
}

async function loadItem(ctx: Ctx, id: string) {
  const row = await ctx.db.selectFrom('approvalItems').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('approval item');
  return row;
}

export async function getItem(ctx: Ctx, id: string) {
  assertCan(ctx, 'approval.read');
  return presentItem(await loadItem(ctx, id));
}

export async function createItem(ctx: Ctx, input: z.infer<typeof createApprovalItemBody>) {
  assertCan(ctx, 'approval.catalogue');
  const taken = await ctx.db.selectFrom('approvalItems').select('id').where('code', '=', input.code).executeTakeFirst();
  if (taken) throw new AppError('DUPLICATE', `an item with code ${input.code} exists`, [{ path: 'code', message: 'already in use' }]);
  const now = ctx.now().getTime();
  const row: ApprovalItemTable = {
    id: newId(), code: input.code, name: input.name, authority: input.authority, authorityLevel: input.authorityLevel,
    statutoryDays: input.statutoryDays, materials: JSON.stringify(input.materials), basis: input.basis ?? null,
    sortOrder: input.sortOrder, isActive: 1, version: 1, createdAt: now, updatedAt: now,
  };
  await inTransaction(ctx, async (trx) => {
    await trx.insertInto('approvalItems').values(row).execute();
    await writeAudit(ctx, trx, { action: 'approval_item.created', entityType: 'approval_item', entityId: row.id, changes: input });
  });
  return presentItem(row);
}

/** Edits apply to chains created afterwards: an item on a chain keeps the limit and checklist it started with. */
export async function updateItem(ctx: Ctx, id: string, input: z.infer<typeof updateApprovalItemBody>) {
  assertCan(ctx, 'approval.catalogue');
  const row = await loadItem(ctx, id);
  if (row.version !== input.version) throw staleVersion();
  const { version, materials, isActive, ...rest } = input;
  const patch: Partial<ApprovalItemTable> = {
    ...rest,
    ...(materials !== undefined ? { materials: JSON.stringify(materials) } : {}),
    ...(isActive !== undefined ? { isActive: isActive ? 1 : 0 } : {}),
  };
  await inTransaction(ctx, async (trx) => {
    const res = await trx.updateTable('approvalItems').set({ ...patch, version: version + 1, updatedAt: ctx.now().getTime() })
      .where('id', '=', id).where('version', '=', version).executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw staleVersion();
    await writeAudit(ctx, trx, { action: 'approval_item.updated', entityType: 'approval_item', entityId: id, changes: diff(row as unknown as Record<string, unknown>, patch) });
  });
  return presentItem({ ...row, ...patch, version: version + 1 });
}

/** An item no chain uses is deleted; one in use is kept for the record and can only be deactivated. */
export async function deleteItem(ctx: Ctx, id: string) {
  assertCan(ctx, 'approval.catalogue');
  const row = await loadItem(ctx, id);
  const used = await ctx.db.selectFrom('projectApprovals').select('id').where('itemId', '=', id).limit(1).executeTakeFirst();
  if (used) throw new AppError('CONFLICT', 'projects use this item; deactivate it instead (isActive: false)');
  await inTransaction(ctx, async (trx) => {
    await trx.deleteFrom('approvalTemplateItems').where('itemId', '=', id).execute();
    await trx.deleteFrom('approvalItems').where('id', '=', id).execute();
    await writeAudit(ctx, trx, { action: 'approval_item.deleted', entityType: 'approval_item', entityId: id, changes: presentItem(row) });
  });
}

// --- templates (per project category) ---

export async function listTemplates(ctx: Ctx) {
  assertCan(ctx, 'approval.read');
  const rows = await ctx.db.selectFrom('approvalTemplateItems').innerJoin('approvalItems', 'approvalItems.id', 'approvalTemplateItems.itemId')
    .select(['approvalTemplateItems.category', 'approvalItems.id', 'approvalItems.code', 'approvalItems.name'])
    .orderBy('approvalTemplateItems.category').orderBy('approvalTemplateItems.position').execute();
  const byCategory = new Map<string, { id: string; code: string; name: string }[]>();
  for (const r of rows) {
    const list = byCategory.get(r.category) ?? [];
    list.push({ id: r.id, code: r.code, name: r.name });
    byCategory.set(r.category, list);
  }
  return [...byCategory].map(([category, items]) => ({ category, items }));
}

export async function putTemplate(ctx: Ctx, category: string, itemIds: string[]) {
  assertCan(ctx, 'approval.catalogue');
  const ids = [...new Set(itemIds)];
  if (ids.length !== itemIds.length) throw new AppError('VALIDATION_FAILED', 'an item appears twice', [{ path: 'itemIds', message: 'an item appears twice' }]);
  const found = await ctx.db.selectFrom('approvalItems').select('id').where('id', 'in', ids).where('isActive', '=', 1).execute();
  const missing = ids.filter((i) => !found.some((f) => f.id === i));
  if (missing.length) throw new AppError('VALIDATION_FAILED', `unknown or inactive items: ${missing.join(', ')}`, [{ path: 'itemIds', message: 'unknown or inactive item' }]);
  await inTransaction(ctx, async (trx) => {
    await trx.deleteFrom('approvalTemplateItems').where('category', '=', category).execute();
    await trx.insertInto('approvalTemplateItems').values(ids.map((itemId, i) => ({ category, itemId, position: i + 1 }))).execute();
    await writeAudit(ctx, trx, { action: 'approval_template.updated', entityType: 'approval_template', entityId: category, changes: { itemIds: ids } });
  });
  return (await listTemplates(ctx)).find((t) => t.category === category)!;
}

/** The items of a category's template in order (the default template when the category has none). */
export async function templateItems(ctx: Ctx, category: string) {
  const q = (c: string) => ctx.db.selectFrom('approvalTemplateItems').innerJoin('approvalItems', 'approvalItems.id', 'approvalTemplateItems.itemId')
    .selectAll('approvalItems').where('approvalTemplateItems.category', '=', c).where('approvalItems.isActive', '=', 1)
    .orderBy('approvalTemplateItems.position').execute();
  const own = await q(category);
  return own.length ? own : q(DEFAULT_TEMPLATE);
}
