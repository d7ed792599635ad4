import type { z } from 'zod';
import type { createEnterpriseNeedBody, EnterpriseNeedType, updateEnterpriseNeedBody } from '@liaison/contracts';
import { assertCan } from '../../kernel/access/assert.js';
import { diff, writeAudit } from '../../kernel/audit/audit.js';
import type { Ctx } from '../../kernel/context.js';
import type { Tx } from '../../kernel/db/connect.js';
import type { EnterpriseNeedTable } from '../../kernel/db/schema.js';
import { inTransaction, withTrx } from '../../kernel/db/tx.js';
import { AppError, notFound, staleVersion } from '../../kernel/errors/app-error.js';
import { getCaseDetail, loadCaseFor } from '../cases/cases.service.js';
import { createCase } from '../cases/use-cases/create-case.js';
import { dispatchCase } from '../cases/use-cases/dispatch-case.js';
import { acceptCase } from '../cases/use-cases/triage-case.js';

/** The case's category, as people read it in case lists. */
export const NEED_TYPE_NAMES: Record<EnterpriseNeedType, string> = {
  funding: '资金缺口', investment: '招商', parking: '车位', land: '用地', utilities: '水电气配套', permits: '证照审批', other: '其他',
};
/** Who works a need: the dispatcher, and the lead and co-handling units (协办) it was dispatched to. */
const RECORDERS = ['dispatcher', 'assistant', 'handler', 'co_handler'];

export async function findUnitNames(db: Tx, ids: string[]) {
  if (!ids.length) return new Map<string, string>();
  const rows = await db.selectFrom('units').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export function presentNeed(n: EnterpriseNeedTable, unitNames: Map<string, string>) {
  const unitIds = JSON.parse(n.coordinatingUnitIds) as string[];
  return {
    needType: n.needType as EnterpriseNeedType, level: n.level as 'district', coordinatingUnits: unitIds.map((id) => ({ id, name: unitNames.get(id) ?? '' })),
    amountRequested: n.amountRequested, amountArranged: n.amountArranged, tenantsTarget: n.tenantsTarget, tenantsSigned: n.tenantsSigned,
    parkingRequested: n.parkingRequested, parkingApproved: n.parkingApproved, outcomeNote: n.outcomeNote, version: n.version,
  };
}

async function assertUnits(db: Tx, ids: string[]) {
  if (!ids.length) return;
  const found = await db.selectFrom('units').select('id').where('id', 'in', ids).where('isActive', '=', 1).where('kind', '!=', 'district').execute();
  const missing = ids.filter((i) => !found.some((f) => f.id === i));
  if (missing.length) throw new AppError('VALIDATION_FAILED', `unknown or inactive units: ${missing.join(', ')}`, [{ path: 'coordinatingUnitIds', message: 'unknown or inactive unit' }]);
}

/** The case as the caller sees it (404 otherwise) with its enterprise detail (404 when it has none). */
export async function getNeed(ctx: Ctx, caseId: string) {
  const loaded = await loadCaseFor(ctx, caseId);
  const need = await ctx.db.selectFrom('enterpriseNeeds').selectAll().where('caseId', '=', caseId).executeTakeFirst();
  if (!need) throw notFound('enterprise need');
  const detail = await getCaseDetail(ctx, caseId);
  const canRecord = loaded.actor.permissions.includes('enterprise_need.record') && loaded.relations.some((r) => RECORDERS.includes(r));
  return {
    ...detail,
    need: presentNeed(need, await findUnitNames(ctx.db, JSON.parse(need.coordinatingUnitIds) as string[])),
    needActions: canRecord ? ['record-outcome' as const] : [],
  };
}

/**
 * 企业诉求: an `enterprise` case and its typed detail in one transaction. The project's dispatcher may ask for it to
 * be accepted and dispatched at once — the first coordinating unit leads, the others co-handle.
 */
export async function createNeed(ctx: Ctx, input: z.infer<typeof createEnterpriseNeedBody>) {
  assertCan(ctx, 'enterprise_need.create');
  const unitIds = [...new Set(input.coordinatingUnitIds)];
  await assertUnits(ctx.db, unitIds);
  if (input.dispatch && !unitIds.length) {
    throw new AppError('VALIDATION_FAILED', 'name the units to dispatch to', [{ path: 'coordinatingUnitIds', message: 'required to dispatch' }]);
  }
  const now = ctx.now().getTime();
  const caseId = await inTransaction(ctx, async (trx) => {
    const c = withTrx(ctx, trx);
    const created = await createCase(c, {
      projectId: input.projectId, type: 'enterprise', category: NEED_TYPE_NAMES[input.needType], title: input.title,
      description: input.description, priority: input.priority, attachmentIds: input.attachmentIds,
    });
    await trx.insertInto('enterpriseNeeds').values({
      caseId: created.id, needType: input.needType, level: input.level, coordinatingUnitIds: JSON.stringify(unitIds),
      amountRequested: input.amountRequested ?? null, amountArranged: null, tenantsTarget: input.tenantsTarget ?? null, tenantsSigned: null,
      parkingRequested: input.parkingRequested ?? null, parkingApproved: null, outcomeNote: null, version: 1, createdAt: now, updatedAt: now,
    }).execute();
    if (input.dispatch) {
      if (!created.allowedActions.includes('accept')) throw new AppError('FORBIDDEN', 'only the project\'s dispatcher dispatches; leave dispatch off to submit the need');
      await acceptCase(c, created.id, {});
      await dispatchCase(c, created.id, { unitId: unitIds[0]!, coUnitIds: unitIds.slice(1), note: `企业诉求（${NEED_TYPE_NAMES[input.needType]}）` });
    }
    await writeAudit(ctx, trx, { action: 'enterprise_need.created', entityType: 'case', entityId: created.id, changes: { needType: input.needType, level: input.level, coordinatingUnitIds: unitIds, dispatched: input.dispatch } });
    return created.id;
  });
  return getNeed(ctx, caseId);
}

/** Records the outcome in figures (amount arranged, tenants signed, parking spaces approved) or corrects the need. */
export async function updateNeed(ctx: Ctx, caseId: string, input: z.infer<typeof updateEnterpriseNeedBody>) {
  const actor = assertCan(ctx, 'enterprise_need.record');
  const loaded = await loadCaseFor(ctx, caseId);
  const need = await ctx.db.selectFrom('enterpriseNeeds').selectAll().where('caseId', '=', caseId).executeTakeFirst();
  if (!need) throw notFound('enterprise need');
  if (!loaded.relations.some((r) => RECORDERS.includes(r))) throw new AppError('FORBIDDEN', `${actor.username} does not work on this need`);
  if (need.version !== input.version) throw staleVersion();
  const { version, coordinatingUnitIds, ...rest } = input;
  const patch: Partial<EnterpriseNeedTable> = { ...rest };
  if (coordinatingUnitIds) {
    const ids = [...new Set(coordinatingUnitIds)];
    await assertUnits(ctx.db, ids);
    patch.coordinatingUnitIds = JSON.stringify(ids);
  }
  await inTransaction(ctx, async (trx) => {
    const res = await trx.updateTable('enterpriseNeeds').set({ ...patch, version: version + 1, updatedAt: ctx.now().getTime() })
      .where('caseId', '=', caseId).where('version', '=', version).executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw staleVersion();
    await writeAudit(ctx, trx, { action: 'enterprise_need.updated', entityType: 'case', entityId: caseId, changes: diff(need as unknown as Record<string, unknown>, patch) });
  });
  return getNeed(ctx, caseId);
}
