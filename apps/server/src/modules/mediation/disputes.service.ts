import type { z } from 'zod';
import type { createDisputeBody, disputeListQuery, disputePartyInput, updateDisputeBody } from '@liaison/contracts';
import { assertCan } from '../../kernel/access/assert.js';
import { diff, writeAudit } from '../../kernel/audit/audit.js';
import type { Ctx } from '../../kernel/context.js';
import type { Tx } from '../../kernel/db/connect.js';
import type { DisputePartyTable } from '../../kernel/db/schema.js';
import { inTransaction, toIso, withTrx } from '../../kernel/db/tx.js';
import { AppError, notFound, staleVersion } from '../../kernel/errors/app-error.js';
import { newId } from '../../kernel/ids.js';
import { notify } from '../../kernel/notify/notify.js';
import { loadCaseFor } from '../cases/cases.service.js';
import { createCase } from '../cases/use-cases/create-case.js';
import { dispatchCase } from '../cases/use-cases/dispatch-case.js';
import { acceptCase } from '../cases/use-cases/triage-case.js';
import { localDate } from '../projects/project-file.service.js';
import { disputeScope, isEligibleMediator, maskPhone, oneMonthAfter, seesContacts, worksMediation } from './disputes.policy.js';
import { presentDispute, settleOverdue, type LoadedDispute } from './disputes.presenter.js';

export const CATEGORY_ZH = { noise: '噪声扰民', house_damage: '房屋损坏', wages: '欠薪', compensation: '赔偿', demolition: '拆迁', neighbour: '邻里纠纷', other: '其他' } as const;
type PartyIn = z.infer<typeof disputePartyInput>;

/** A dispute the caller may see (404 otherwise), with how they stand to it. */
export async function loadDispute(ctx: Ctx, caseId: string, db: Tx = ctx.db): Promise<LoadedDispute> {
  const actor = assertCan(ctx, 'case.read');
  const dispute = await db.selectFrom('disputes').innerJoin('cases', 'cases.id', 'disputes.caseId').selectAll('disputes')
    .where('disputes.caseId', '=', caseId).where(disputeScope(actor)).executeTakeFirst();
  if (!dispute) throw notFound('dispute');
  const caseRow = await db.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirstOrThrow();
  const loaded = await loadCaseFor(ctx, caseId, db).catch((err: unknown) => {
    if (err instanceof AppError && err.code === 'NOT_FOUND') return null;
    throw err;
  });
  const relations = loaded?.relations ?? [];
  const isMediator = dispute.mediatorId === actor.userId;
  return {
    dispute, caseRow, relations, caseVisible: !!loaded, isMediator,
    contacts: seesContacts(actor, isMediator, relations), works: worksMediation(actor, isMediator, relations),
  };
}

/** For files attached to a dispute (the signed agreement): the same rule as the dispute. */
export async function canSeeDispute(ctx: Ctx, caseId: string): Promise<boolean> {
  return loadDispute(ctx, caseId).then(() => true, () => false);
}

export async function getDispute(ctx: Ctx, caseId: string) {
  return presentDispute(ctx, await loadDispute(ctx, caseId));
}

/** The dispute for someone who works its mediation: 403 for a reader, 404 for anyone else. */
export async function loadForWork(ctx: Ctx, caseId: string): Promise<LoadedDispute> {
  assertCan(ctx, 'mediation.record');
  const l = await loadDispute(ctx, caseId);
  if (!l.works) throw new AppError('FORBIDDEN', 'the mediator, the project\'s dispatcher or the handling unit works this mediation');
  return l;
}

export async function listDisputes(ctx: Ctx, q: z.infer<typeof disputeListQuery>) {
  const actor = assertCan(ctx, 'case.read');
  const today = localDate(ctx.now());
  let query = ctx.db.selectFrom('disputes').innerJoin('cases', 'cases.id', 'disputes.caseId').innerJoin('projects', 'projects.id', 'cases.projectId')
    .where(disputeScope(actor));
  if (q.projectId) query = query.where('cases.projectId', '=', q.projectId);
  if (q.category) query = query.where('disputes.category', '=', q.category);
  if (q.risk) query = query.where('disputes.risk', '=', q.risk);
  if (q.status) query = query.where('cases.status', '=', q.status);
  if (q.mediatorId) query = query.where('disputes.mediatorId', '=', q.mediatorId);
  if (q.settleOverdue === 'true') query = query.where('disputes.settledAt', 'is', null).where('disputes.settleBy', '<', today);
  if (q.settleOverdue === 'false') query = query.where((eb) => eb.or([eb('disputes.settledAt', 'is not', null), eb('disputes.settleBy', '>=', today)]));
  const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query.selectAll('disputes')
    .select(['cases.number', 'cases.title', 'cases.status', 'cases.createdAt as filedAt', 'projects.code as projectCode', 'projects.name as projectName', 'cases.projectId'])
    .orderBy('cases.createdAt', 'desc').orderBy('disputes.caseId', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
  const ids = rows.map((r) => r.caseId);
  const parties = ids.length ? await ctx.db.selectFrom('disputeParties').select(['caseId', 'name']).where('caseId', 'in', ids).orderBy('position').execute() : [];
  const mediatorIds = [...new Set(rows.map((r) => r.mediatorId).filter((x): x is string => !!x))];
  const mediators = mediatorIds.length ? await ctx.db.selectFrom('users').select(['id', 'displayName']).where('id', 'in', mediatorIds).execute() : [];
  return {
    items: rows.map((r) => ({
      caseId: r.caseId, number: r.number, title: r.title, status: r.status as 'submitted', project: { id: r.projectId, code: r.projectCode, name: r.projectName },
      category: r.category as 'noise', risk: r.risk as 'low', mediator: mediators.find((m) => m.id === r.mediatorId) ?? null,
      partyNames: parties.filter((p) => p.caseId === r.caseId).map((p) => p.name),
      settleBy: r.settleBy, settled: r.settledAt !== null, settleOverdue: settleOverdue(r, today), createdAt: toIso(r.filedAt)!,
    })),
    total: Number(total.n), page: q.page, pageSize: q.pageSize,
  };
}

const partyRow = (ctx: Ctx, caseId: string, p: PartyIn, position: number, keep?: DisputePartyTable): DisputePartyTable => ({
  id: keep?.id ?? newId(), caseId, position, kind: p.kind, name: p.name, address: p.address ?? null, representative: p.representative ?? null,
  ...(p.phone === undefined && keep
    ? { phoneSealed: keep.phoneSealed, phoneMasked: keep.phoneMasked }
    : { phoneSealed: p.phone ? ctx.secrets.seal(p.phone) : null, phoneMasked: p.phone ? maskPhone(p.phone) : null }),
});

async function assertMediator(ctx: Ctx, userId: string) {
  if (!(await isEligibleMediator(ctx.db, userId))) {
    throw new AppError('VALIDATION_FAILED', 'not a user who may mediate', [{ path: 'mediatorId', message: 'unknown user, or one who may not record mediation' }]);
  }
}

/** 登记纠纷: the `dispute` case and its detail in one transaction; the project's dispatcher may dispatch it at once. */
export async function createDispute(ctx: Ctx, input: z.infer<typeof createDisputeBody>) {
  const actor = assertCan(ctx, 'dispute.create');
  const mediatorId = input.mediatorId ?? actor.userId;
  await assertMediator(ctx, mediatorId);
  const now = ctx.now().getTime();
  let caseId = '';
  await inTransaction(ctx, async (trx) => {
    const c = withTrx(ctx, trx);
    const created = await createCase(c, {
      projectId: input.projectId, type: 'dispute', category: CATEGORY_ZH[input.category], title: input.title, description: input.description,
      priority: input.risk === 'high' ? 'urgent' : 'normal', attachmentIds: input.attachmentIds,
    });
    caseId = created.id;
    await trx.insertInto('disputes').values({
      caseId, category: input.category, risk: input.risk, mediatorId, facts: input.facts ?? '', issues: input.issues ?? '',
      settleBy: oneMonthAfter(localDate(ctx.now())), settledAt: null, judicialState: 'not_applied', judicialRemindedAt: null, version: 1, createdAt: now, updatedAt: now,
    }).execute();
    await trx.insertInto('disputeParties').values(input.parties.map((p, i) => partyRow(ctx, caseId, p, i + 1))).execute();
    if (input.dispatchUnitId) {
      if (!created.allowedActions.includes('accept')) throw new AppError('FORBIDDEN', 'only the project\'s dispatcher dispatches its cases');
      await acceptCase(c, caseId, {});
      await dispatchCase(c, caseId, { unitId: input.dispatchUnitId, note: '群众纠纷，请组织调解' });
    }
    await writeAudit(ctx, trx, { action: 'dispute.created', entityType: 'case', entityId: caseId, changes: { category: input.category, risk: input.risk, mediatorId, parties: input.parties.length } });
    await notify(ctx, trx, { userIds: [mediatorId], kind: 'dispute.mediator-assigned', title: `【调解】${created.number} ${input.title}`, entityType: 'case', entityId: caseId, link: `/disputes/${caseId}` });
  });
  return getDispute(ctx, caseId);
}

/** Edits the detail: category, risk, mediator, facts, the parties (phones kept unless given), the judicial confirmation. */
export async function updateDispute(ctx: Ctx, caseId: string, input: z.infer<typeof updateDisputeBody>) {
  const l = await loadForWork(ctx, caseId);
  if (l.dispute.version !== input.version) throw staleVersion();
  if (input.mediatorId && input.mediatorId !== l.dispute.mediatorId) await assertMediator(ctx, input.mediatorId);
  const existing = await ctx.db.selectFrom('disputeParties').selectAll().where('caseId', '=', caseId).execute();
  const unknown = (input.parties ?? []).map((p, i) => (p.id && !existing.some((e) => e.id === p.id) ? { path: `parties.${i}.id`, message: 'not a party of this dispute' } : null)).filter((e) => e !== null);
  if (unknown.length) throw new AppError('VALIDATION_FAILED', 'unknown party', unknown);
  const { version, parties, judicialConfirmation, ...fields } = input;
  const patch = { ...fields, ...(judicialConfirmation ? { judicialState: judicialConfirmation } : {}) };
  await inTransaction(ctx, async (trx) => {
    const res = await trx.updateTable('disputes').set({ ...patch, version: version + 1, updatedAt: ctx.now().getTime() })
      .where('caseId', '=', caseId).where('version', '=', version).executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw staleVersion();
    if (parties) {
      await trx.deleteFrom('disputeParties').where('caseId', '=', caseId).execute();
      await trx.insertInto('disputeParties').values(parties.map((p, i) => partyRow(ctx, caseId, p, i + 1, existing.find((e) => e.id === p.id)))).execute();
    }
    // Phone numbers stay out of the audit log: it says who changed which party, not the numbers.
    await writeAudit(ctx, trx, {
      action: 'dispute.updated', entityType: 'case', entityId: caseId,
      changes: { ...diff(l.dispute as unknown as Record<string, unknown>, patch), ...(parties ? { parties: parties.map((p) => ({ id: p.id ?? null, name: p.name, phoneChanged: p.phone !== undefined })) } : {}) },
    });
    if (input.mediatorId && input.mediatorId !== l.dispute.mediatorId) {
      await notify(ctx, trx, { userIds: [input.mediatorId], kind: 'dispute.mediator-assigned', title: `【调解】${l.caseRow.number} ${l.caseRow.title}`, entityType: 'case', entityId: caseId, link: `/disputes/${caseId}` });
    }
  });
  return getDispute(ctx, caseId);
}
