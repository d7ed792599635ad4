import { appealCategoryNames, type AppealCategory, type StaffAppeal } from '@liaison/contracts';
import type { z } from 'zod';
import type { appealListQuery, dismissAppealBody, triageAppealBody } from '@liaison/contracts';
import { assertCan } from '../../kernel/access/assert.js';
import { writeAudit } from '../../kernel/audit/audit.js';
import type { Ctx } from '../../kernel/context.js';
import type { AppealTable } from '../../kernel/db/schema.js';
import { inTransaction, toIso, withTrx } from '../../kernel/db/tx.js';
import { AppError, forbidden, notFound, staleVersion } from '../../kernel/errors/app-error.js';
import { canSeeCase, loadCaseFor } from '../cases/cases.service.js';
import { createPublicCase } from '../cases/use-cases/create-public-case.js';
import { maskedContact } from './appeal-view.js';
import { caseTitle } from './file-appeal.js';

/**
 * The staff side of appeals. An appeal that is a case is seen by whoever sees the case; one waiting for triage by
 * the organisation department (and a district leader). The resident's phone stays sealed: only the lead handling
 * unit, who must call back, may reveal it, and each reveal is audited.
 */
async function loadAppeal(ctx: Ctx, id: string): Promise<AppealTable> {
  // Appeals are case material: roles that read no cases (the admin roles) are refused, not told "not found".
  const actor = assertCan(ctx, 'case.read');
  const a = await ctx.db.selectFrom('appeals').selectAll().where('id', '=', id).executeTakeFirst();
  if (!a) throw notFound('appeal');
  const visible = a.caseId
    ? await canSeeCase(ctx, a.caseId)
    : actor.permissions.includes('appeal.triage') || actor.roles.includes('leader');
  if (!visible) throw notFound('appeal');
  return a;
}

/** The lead handling unit of the appeal's case: the one who calls the resident back. */
async function isCallBackHandler(ctx: Ctx, a: AppealTable): Promise<boolean> {
  if (!a.caseId || !a.phoneSealed) return false;
  const { relations } = await loadCaseFor(ctx, a.caseId);
  return relations.includes('handler');
}

async function present(ctx: Ctx, a: AppealTable): Promise<StaffAppeal> {
  const files = await ctx.db.selectFrom('files').select('id')
    .where((eb) => eb.or([
      eb.and([eb('attachedType', '=', 'appeal'), eb('attachedId', '=', a.id)]),
      ...(a.caseId ? [eb.and([eb('attachedType', '=', 'case'), eb('attachedId', '=', a.caseId), eb('ownerId', 'is', null)])] : []),
    ])).orderBy('createdAt').execute();
  const project = a.projectId ? await ctx.db.selectFrom('projects').select(['id', 'name']).where('id', '=', a.projectId).executeTakeFirst() : undefined;
  return {
    id: a.id, state: a.state as StaffAppeal['state'], channel: a.channel as StaffAppeal['channel'], source: a.source as StaffAppeal['source'],
    category: a.category as AppealCategory, description: a.description, address: a.address,
    location: a.lat !== null && a.lng !== null ? { lat: a.lat, lng: a.lng } : null,
    attributes: a.attributes ? JSON.parse(a.attributes) : {}, mediaUrl: a.mediaUrl, photoIds: files.map((f) => f.id),
    project: project ?? null, caseId: a.caseId, contact: maskedContact(a, true), canRevealPhone: await isCallBackHandler(ctx, a),
    publicReply: a.publicReply, createdAt: toIso(a.createdAt)!, updatedAt: toIso(a.updatedAt)!, version: a.version,
  };
}

export async function getStaffAppeal(ctx: Ctx, id: string) {
  return present(ctx, await loadAppeal(ctx, id));
}

/** The triage queue (and the appeals of any state) for the organisation department. */
export async function listAppeals(ctx: Ctx, q: z.infer<typeof appealListQuery>) {
  assertCan(ctx, 'appeal.triage');
  let base = ctx.db.selectFrom('appeals');
  if (q.state) base = base.where('state', '=', q.state);
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base.selectAll().orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
  const items = [];
  for (const r of rows) items.push(await present(ctx, r));
  return { items, total: Number(total.n), page: q.page, pageSize: q.pageSize };
}

export async function revealPhone(ctx: Ctx, id: string) {
  const a = await loadAppeal(ctx, id);
  if (!a.phoneSealed) throw new AppError('RULE_VIOLATED', 'the resident left no phone number');
  if (!(await isCallBackHandler(ctx, a))) throw forbidden('only the lead handling unit, who calls the resident back, may see the number');
  const phone = ctx.secrets.open(a.phoneSealed);
  await inTransaction(ctx, async (trx) => {
    await writeAudit(ctx, trx, { action: 'appeal.phone-revealed', entityType: 'appeal', entityId: a.id, changes: { caseId: a.caseId } });
  });
  return { phone, name: a.contactName };
}

async function loadForTriage(ctx: Ctx, id: string, version: number | undefined) {
  assertCan(ctx, 'appeal.triage');
  const a = await loadAppeal(ctx, id);
  if (a.state !== 'triage') throw new AppError('CONFLICT', `the appeal is no longer waiting for triage (${a.state})`);
  if (version !== undefined && version !== a.version) throw staleVersion();
  return a;
}

/** 分派: the organisation department names the project; the appeal becomes its case, as if filed there. */
export async function triageAppeal(ctx: Ctx, id: string, body: z.infer<typeof triageAppealBody>) {
  const a = await loadForTriage(ctx, id, body.version);
  const t = ctx.now().getTime();
  await inTransaction(ctx, async (trx) => {
    const files = await trx.selectFrom('files').select('id').where('attachedType', '=', 'appeal').where('attachedId', '=', a.id).execute();
    const c = await createPublicCase(withTrx(ctx, trx), {
      projectId: body.projectId, category: appealCategoryNames[a.category as AppealCategory], title: caseTitle(a.category as AppealCategory, a.description),
      description: [a.description, a.address ? `位置：${a.address}` : null].filter(Boolean).join('\n'), source: a.source as 'public_portal',
      appealId: a.id, fileIds: files.map((f) => f.id), reporter: { name: 'resident', role: 'resident' },
    });
    const res = await trx.updateTable('appeals').set({ state: 'case', projectId: body.projectId, caseId: c.id, version: a.version + 1, updatedAt: t })
      .where('id', '=', a.id).where('version', '=', a.version).executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw staleVersion();
    await writeAudit(ctx, trx, { action: 'appeal.triaged', entityType: 'appeal', entityId: a.id, changes: { projectId: body.projectId, caseId: c.id } });
  });
  return getStaffAppeal(ctx, id);
}

/** Not a key project's matter: closed with a public reply (e.g. where to turn instead). */
export async function dismissAppeal(ctx: Ctx, id: string, body: z.infer<typeof dismissAppealBody>) {
  const a = await loadForTriage(ctx, id, body.version);
  await inTransaction(ctx, async (trx) => {
    const res = await trx.updateTable('appeals').set({ state: 'dismissed', publicReply: body.reply, version: a.version + 1, updatedAt: ctx.now().getTime() })
      .where('id', '=', a.id).where('version', '=', a.version).executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw staleVersion();
    await writeAudit(ctx, trx, { action: 'appeal.dismissed', entityType: 'appeal', entityId: a.id, changes: { reply: body.reply } });
  });
  return getStaffAppeal(ctx, id);
}

/** May the caller see this appeal? For the photos attached to it while it waits for triage. */
export async function canSeeAppeal(ctx: Ctx, id: string): Promise<boolean> {
  if (!ctx.actor) return false;
  return loadAppeal(ctx, id).then(() => true, () => false);
}
