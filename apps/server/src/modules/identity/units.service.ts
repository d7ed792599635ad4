import type { Unit } from '@liaison/contracts';
import type { z } from 'zod';
import type { createUnitBody, unitListQuery, updateUnitBody } from '@liaison/contracts';
import { assertCan } from '../../kernel/access/assert.js';
import { diff, writeAudit } from '../../kernel/audit/audit.js';
import type { Ctx } from '../../kernel/context.js';
import type { Tx } from '../../kernel/db/connect.js';
import { containsText } from '../../kernel/db/dialect-sql.js';
import type { UnitTable } from '../../kernel/db/schema.js';
import { bool, inTransaction, likePattern, parseSort } from '../../kernel/db/tx.js';
import { AppError, notFound, staleVersion } from '../../kernel/errors/app-error.js';
import { newId } from '../../kernel/ids.js';

async function presentUnits(db: Tx, rows: UnitTable[]): Promise<Unit[]> {
  const parentIds = [...new Set(rows.map((r) => r.parentId).filter((x): x is string => !!x))];
  const parents = parentIds.length ? await db.selectFrom('units').select(['id', 'name']).where('id', 'in', parentIds).execute() : [];
  const names = new Map(parents.map((p) => [p.id, p.name]));
  return rows.map((r) => ({
    id: r.id, code: r.code, name: r.name, kind: r.kind as Unit['kind'], parentId: r.parentId,
    parentName: r.parentId ? (names.get(r.parentId) ?? null) : null, phone: r.phone, isActive: bool(r.isActive), version: r.version,
  }));
}

export async function listUnits(ctx: Ctx, q: z.infer<typeof unitListQuery>) {
  assertCan(ctx, 'unit.read');
  let query = ctx.db.selectFrom('units');
  if (q.kind) query = query.where('kind', '=', q.kind);
  if (q.parentId) query = query.where('parentId', '=', q.parentId);
  if (q.isActive) query = query.where('isActive', '=', q.isActive === 'true' ? 1 : 0);
  if (q.q) {
    const p = likePattern(q.q);
    query = query.where((eb) => eb.or([containsText(ctx.dialect, 'units.name', p), containsText(ctx.dialect, 'units.code', p)]));
  }
  const [field, dir] = parseSort(q.sort, 'code');
  const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query.selectAll().orderBy(field, dir).orderBy('id').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
  return { items: await presentUnits(ctx.db, rows), total: Number(total.n), page: q.page, pageSize: q.pageSize };
}

export async function getUnit(ctx: Ctx, id: string) {
  assertCan(ctx, 'unit.read');
  const row = await ctx.db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('unit');
  return (await presentUnits(ctx.db, [row]))[0]!;
}

async function assertParent(ctx: Ctx, parentId: string | null | undefined, selfId?: string) {
  if (!parentId) return;
  if (parentId === selfId) throw new AppError('VALIDATION_FAILED', 'a unit cannot be its own parent', [{ path: 'parentId', message: 'cannot be itself' }]);
  const p = await ctx.db.selectFrom('units').select('id').where('id', '=', parentId).executeTakeFirst();
  if (!p) throw new AppError('VALIDATION_FAILED', 'unknown parent unit', [{ path: 'parentId', message: 'unknown unit' }]);
}

export async function createUnit(ctx: Ctx, input: z.infer<typeof createUnitBody>) {
  assertCan(ctx, 'unit.manage');
  await assertParent(ctx, input.parentId);
  const dup = await ctx.db.selectFrom('units').select('id').where('code', '=', input.code).executeTakeFirst();
  if (dup) throw new AppError('DUPLICATE', 'this code is taken', [{ path: 'code', message: 'taken' }]);
  const district = await ctx.db.selectFrom('units').select('id').where('kind', '=', 'district').orderBy('createdAt').executeTakeFirst();
  const now = ctx.now().getTime();
  const id = newId();
  await inTransaction(ctx, async (trx) => {
    await trx.insertInto('units').values({
      id, code: input.code, name: input.name, kind: input.kind, parentId: input.parentId ?? null,
      districtId: input.kind === 'district' ? null : (district?.id ?? null), phone: input.phone ?? null,
      isActive: 1, version: 1, createdAt: now, updatedAt: now,
    }).execute();
    await writeAudit(ctx, trx, { action: 'unit.created', entityType: 'unit', entityId: id, changes: input });
  });
  return getUnit(ctx, id);
}

export async function updateUnit(ctx: Ctx, id: string, input: z.infer<typeof updateUnitBody>) {
  assertCan(ctx, 'unit.manage');
  const row = await ctx.db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('unit');
  if (row.version !== input.version) throw staleVersion();
  if (input.parentId !== undefined) await assertParent(ctx, input.parentId, id);
  const { version, isActive, ...fields } = input;
  const patch = { ...fields, ...(isActive === undefined ? {} : { isActive: isActive ? 1 : 0 }) };
  await inTransaction(ctx, async (trx) => {
    const res = await trx.updateTable('units').set({ ...patch, version: version + 1, updatedAt: ctx.now().getTime() })
      .where('id', '=', id).where('version', '=', version).executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw staleVersion();
    await writeAudit(ctx, trx, { action: 'unit.updated', entityType: 'unit', entityId: id, changes: diff(row as unknown as Record<string, unknown>, patch) });
  });
  return getUnit(ctx, id);
}
