import type { z } from 'zod';
import type { createInspectionTemplateBody, inspectionTemplateItemInput, inspectionTemplateListQuery, updateInspectionTemplateBody } from '@liaison/contracts';
import { assertCan, requireActor } from '../../kernel/access/assert.js';
import { diff, writeAudit } from '../../kernel/audit/audit.js';
import type { Ctx } from '../../kernel/context.js';
import type { Tx } from '../../kernel/db/connect.js';
import type { InspectionTemplateItemTable, InspectionTemplateTable } from '../../kernel/db/schema.js';
import { inTransaction, toIso } from '../../kernel/db/tx.js';
import { AppError, notFound, staleVersion } from '../../kernel/errors/app-error.js';
import { newId } from '../../kernel/ids.js';

/** Checklists are read by everyone who inspects or follows inspections, and by the admin who keeps them. */
function assertCanReadTemplates(ctx: Ctx) {
  const actor = requireActor(ctx);
  if (!actor.permissions.includes('inspection.read') && !actor.permissions.includes('inspection.template.manage')) {
    throw new AppError('FORBIDDEN', 'missing permission inspection.read');
  }
  return actor;
}

function present(t: InspectionTemplateTable, items: InspectionTemplateItemTable[]) {
  const mine = items.filter((i) => i.templateId === t.id).sort((a, b) => a.position - b.position);
  return {
    id: t.id, name: t.name, description: t.description, isActive: t.isActive === 1,
    items: mine.map((i) => ({ id: i.id, position: i.position, category: i.category, text: i.text, severity: i.severity as 'general' | 'major', basis: i.basis })),
    categories: [...new Set(mine.map((i) => i.category))],
    createdAt: toIso(t.createdAt)!, updatedAt: toIso(t.updatedAt)!, version: t.version,
  };
}

const itemsOf = (db: Tx, ids: string[]) =>
  ids.length ? db.selectFrom('inspectionTemplateItems').selectAll().where('templateId', 'in', ids).execute() : Promise.resolve([]);

export async function listTemplates(ctx: Ctx, q: z.infer<typeof inspectionTemplateListQuery>) {
  assertCanReadTemplates(ctx);
  let query = ctx.db.selectFrom('inspectionTemplates');
  if (q.active) query = query.where('isActive', '=', q.active === 'true' ? 1 : 0);
  const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query.selectAll().orderBy('isActive', 'desc').orderBy('name').orderBy('id').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
  const items = await itemsOf(ctx.db, rows.map((r) => r.id));
  return { items: rows.map((r) => present(r, items)), total: Number(total.n), page: q.page, pageSize: q.pageSize };
}

/** A template with its items; `db` lets an inspection copy it inside its own transaction. */
export async function getTemplate(ctx: Ctx, id: string, db: Tx = ctx.db) {
  assertCanReadTemplates(ctx);
  const row = await db.selectFrom('inspectionTemplates').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('inspection template');
  return present(row, await itemsOf(db, [id]));
}

const itemRows = (templateId: string, items: z.infer<typeof inspectionTemplateItemInput>[]): InspectionTemplateItemTable[] =>
  items.map((i, n) => ({ id: newId(), templateId, position: n + 1, category: i.category, text: i.text, severity: i.severity, basis: i.basis ?? null }));

export async function createTemplate(ctx: Ctx, input: z.infer<typeof createInspectionTemplateBody>) {
  assertCan(ctx, 'inspection.template.manage');
  const now = ctx.now().getTime();
  const id = newId();
  await inTransaction(ctx, async (trx) => {
    await trx.insertInto('inspectionTemplates').values({ id, name: input.name, description: input.description, isActive: 1, version: 1, createdAt: now, updatedAt: now }).execute();
    await trx.insertInto('inspectionTemplateItems').values(itemRows(id, input.items)).execute();
    await writeAudit(ctx, trx, { action: 'inspection-template.created', entityType: 'inspection_template', entityId: id, changes: { name: input.name, items: input.items.length } });
  });
  return getTemplate(ctx, id);
}

/** Edits take effect for new inspections only: each inspection keeps the copy of the items it started with. */
export async function updateTemplate(ctx: Ctx, id: string, input: z.infer<typeof updateInspectionTemplateBody>) {
  assertCan(ctx, 'inspection.template.manage');
  const row = await ctx.db.selectFrom('inspectionTemplates').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('inspection template');
  if (row.version !== input.version) throw staleVersion();
  const { version, items, isActive, ...rest } = input;
  const patch = { ...rest, ...(isActive === undefined ? {} : { isActive: isActive ? 1 : 0 }) };
  await inTransaction(ctx, async (trx) => {
    const res = await trx.updateTable('inspectionTemplates').set({ ...patch, version: version + 1, updatedAt: ctx.now().getTime() })
      .where('id', '=', id).where('version', '=', version).executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw staleVersion();
    if (items) {
      await trx.deleteFrom('inspectionTemplateItems').where('templateId', '=', id).execute();
      await trx.insertInto('inspectionTemplateItems').values(itemRows(id, items)).execute();
    }
    await writeAudit(ctx, trx, {
      action: 'inspection-template.updated', entityType: 'inspection_template', entityId: id,
      changes: { ...diff(row as unknown as Record<string, unknown>, patch), ...(items ? { items: items.length } : {}) },
    });
  });
  return getTemplate(ctx, id);
}
