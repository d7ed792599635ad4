import type { z } from 'zod';
import type { createProjectBody, updateProjectBody } from '@liaison/contracts';
import { assertCan } from '../../kernel/access/assert.js';
import { diff, writeAudit } from '../../kernel/audit/audit.js';
import type { Ctx } from '../../kernel/context.js';
import type { ProjectTable } from '../../kernel/db/schema.js';
import { inTransaction } from '../../kernel/db/tx.js';
import { AppError, notFound, staleVersion } from '../../kernel/errors/app-error.js';
import { newId } from '../../kernel/ids.js';
import { projectScope, relationTo } from './projects.policy.js';

const unitKinds = {
  streetId: ['street'], communityId: ['community'], ownerUnitId: ['enterprise'], contractorUnitId: ['enterprise'], supervisorUnitId: ['enterprise'],
} as const;
type UnitField = keyof typeof unitKinds;

/** Every unit a project refers to must exist and be of the right kind; a community must lie in the street. */
async function assertUnits(ctx: Ctx, fields: { [K in UnitField]?: string | null }, street?: string | null) {
  const errors: { path: string; message: string }[] = [];
  for (const field of Object.keys(unitKinds) as UnitField[]) {
    const kinds: readonly string[] = unitKinds[field];
    const id = fields[field];
    if (!id) continue;
    const u = await ctx.db.selectFrom('units').select(['kind', 'parentId']).where('id', '=', id).executeTakeFirst();
    if (!u || !kinds.includes(u.kind)) errors.push({ path: field, message: `must be a ${kinds.join('/')} unit` });
    else if (field === 'communityId' && street && u.parentId !== street) errors.push({ path: field, message: 'the community is not in this street' });
  }
  if (errors.length) throw new AppError('VALIDATION_FAILED', 'a referenced unit is wrong', errors);
}

function assertDates(start: string | null | undefined, finish: string | null | undefined, annual?: number, total?: number) {
  const errors: { path: string; message: string }[] = [];
  if (start && finish && start > finish) errors.push({ path: 'plannedFinish', message: 'must not be before the planned start' });
  if (annual !== undefined && total !== undefined && annual > total) errors.push({ path: 'annualPlannedInvestment', message: 'must not exceed the total investment' });
  if (errors.length) throw new AppError('RULE_VIOLATED', 'the dates or figures do not fit together', errors);
}

export async function createProject(ctx: Ctx, input: z.infer<typeof createProjectBody>): Promise<string> {
  assertCan(ctx, 'project.manage');
  await assertUnits(ctx, input, input.streetId);
  assertDates(input.plannedStart, input.plannedFinish, input.annualPlannedInvestment, input.totalInvestment);
  const dup = await ctx.db.selectFrom('projects').select('id').where('code', '=', input.code).executeTakeFirst();
  if (dup) throw new AppError('DUPLICATE', 'this project code is taken', [{ path: 'code', message: 'taken' }]);
  const district = await ctx.db.selectFrom('units').select('id').where('kind', '=', 'district').orderBy('createdAt').executeTakeFirst();
  if (!district) throw new AppError('RULE_VIOLATED', 'no district is set up yet');
  const now = ctx.now().getTime();
  const row: ProjectTable = {
    id: newId(), districtId: district.id, code: input.code, name: input.name, category: input.category, address: input.address,
    streetId: input.streetId ?? null, communityId: input.communityId ?? null, lat: input.lat ?? null, lng: input.lng ?? null,
    ownerUnitId: input.ownerUnitId ?? null, contractorUnitId: input.contractorUnitId ?? null, supervisorUnitId: input.supervisorUnitId ?? null,
    totalInvestment: input.totalInvestment, annualPlannedInvestment: input.annualPlannedInvestment, investmentCompleted: 0,
    plannedStart: input.plannedStart ?? null, plannedFinish: input.plannedFinish ?? null, phase: input.phase, light: input.light,
    description: input.description, constructionHours: input.constructionHours ?? null, impactNotice: input.impactNotice ?? null,
    isDemo: 0, archivedAt: null, version: 1, createdAt: now, updatedAt: now,
  };
  await inTransaction(ctx, async (trx) => {
    await trx.insertInto('projects').values(row).execute();
    await writeAudit(ctx, trx, { action: 'project.created', entityType: 'project', entityId: row.id, changes: input });
  });
  return row.id;
}

/** Commissioners may change what residents are told (hours, impact notice); the organisation department all of it. */
const COMMISSIONER_FIELDS = new Set(['constructionHours', 'impactNotice', 'version']);

export async function updateProject(ctx: Ctx, id: string, input: z.infer<typeof updateProjectBody>): Promise<void> {
  const actor = assertCan(ctx, 'project.read');
  const row = await ctx.db.selectFrom('projects').selectAll().where('id', '=', id).where(projectScope(actor)).executeTakeFirst();
  if (!row) throw notFound('project');
  if (!actor.permissions.includes('project.manage')) {
    const rel = await relationTo(ctx.db, actor, row);
    const extra = Object.keys(input).filter((k) => !COMMISSIONER_FIELDS.has(k));
    if (!rel.commissioner || extra.length) throw new AppError('FORBIDDEN', rel.commissioner ? `a commissioner may not change ${extra.join(', ')}` : 'only the organisation department edits projects');
  }
  if (row.version !== input.version) throw staleVersion();
  const { version, ...patch } = input;
  await assertUnits(ctx, patch, patch.streetId === undefined ? row.streetId : patch.streetId);
  assertDates(patch.plannedStart ?? row.plannedStart, patch.plannedFinish ?? row.plannedFinish, patch.annualPlannedInvestment ?? row.annualPlannedInvestment, patch.totalInvestment ?? row.totalInvestment);
  await inTransaction(ctx, async (trx) => {
    const res = await trx.updateTable('projects').set({ ...patch, version: version + 1, updatedAt: ctx.now().getTime() })
      .where('id', '=', id).where('version', '=', version).executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw staleVersion();
    await writeAudit(ctx, trx, { action: 'project.updated', entityType: 'project', entityId: id, changes: diff(row as unknown as Record<string, unknown>, patch) });
  });
}

export async function setArchived(ctx: Ctx, id: string, version: number, archived: boolean): Promise<void> {
  assertCan(ctx, 'project.manage');
  const row = await ctx.db.selectFrom('projects').select(['id', 'version', 'archivedAt']).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('project');
  if (row.version !== version) throw staleVersion();
  if ((row.archivedAt !== null) === archived) throw new AppError('CONFLICT', archived ? 'the project is already archived' : 'the project is not archived');
  await inTransaction(ctx, async (trx) => {
    await trx.updateTable('projects').set({ archivedAt: archived ? ctx.now().getTime() : null, version: version + 1, updatedAt: ctx.now().getTime() }).where('id', '=', id).execute();
    await writeAudit(ctx, trx, { action: archived ? 'project.archived' : 'project.restored', entityType: 'project', entityId: id });
  });
}
