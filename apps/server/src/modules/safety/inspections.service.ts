import type { z } from 'zod';
import type { createInspectionBody, inspectionListQuery, updateInspectionBody } from '@liaison/contracts';
import { assertCan } from '../../kernel/access/assert.js';
import { writeAudit } from '../../kernel/audit/audit.js';
import { endOfShanghaiDay, startOfShanghaiDay } from '../../kernel/calendar/working-calendar.js';
import type { Ctx } from '../../kernel/context.js';
import type { Tx } from '../../kernel/db/connect.js';
import { inTransaction } from '../../kernel/db/tx.js';
import { AppError, notFound, staleVersion, type FieldError } from '../../kernel/errors/app-error.js';
import { attachFiles } from '../../kernel/files/files.js';
import { newId } from '../../kernel/ids.js';
import { loadVisibleProject } from '../projects/project-file.service.js';
import { inspectionScope, runsInspectionsOn } from './inspections.policy.js';
import { presentInspections, type InspectionRow } from './inspections.presenter.js';
import { getTemplate } from './templates.service.js';

function scoped(db: Tx, ctx: Ctx) {
  const actor = assertCan(ctx, 'inspection.read');
  return db.selectFrom('inspections').innerJoin('projects', 'projects.id', 'inspections.projectId').where(inspectionScope(actor));
}
const columns = ['projects.code as projectCode', 'projects.name as projectName'] as const;

/** An inspection the caller may see (404 otherwise), and whether they may work on it. */
export async function loadInspection(ctx: Ctx, id: string, db: Tx = ctx.db): Promise<{ row: InspectionRow; canRun: boolean }> {
  const row = await scoped(db, ctx).selectAll('inspections').select(columns).where('inspections.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('inspection');
  return { row, canRun: await runsInspectionsOn(db, ctx.actor!, row.projectId) };
}

/** For files attached to an inspection (hazard photos, signatures): the same rule as the inspection. */
export async function canSeeInspection(ctx: Ctx, id: string): Promise<boolean> {
  if (!ctx.actor?.permissions.includes('inspection.read')) return false;
  return !!(await scoped(ctx.db, ctx).select('inspections.id').where('inspections.id', '=', id).executeTakeFirst());
}

export async function getInspection(ctx: Ctx, id: string) {
  const { row, canRun } = await loadInspection(ctx, id);
  return (await presentInspections(ctx, [row], () => canRun))[0]!;
}

export async function listInspections(ctx: Ctx, q: z.infer<typeof inspectionListQuery>) {
  let query = scoped(ctx.db, ctx);
  if (q.projectId) query = query.where('inspections.projectId', '=', q.projectId);
  if (q.status) query = query.where('inspections.status', '=', q.status);
  if (q.from) query = query.where('inspections.inspectedAt', '>=', startOfShanghaiDay(q.from).getTime());
  if (q.to) query = query.where('inspections.inspectedAt', '<=', endOfShanghaiDay(q.to).getTime());
  const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query.selectAll('inspections').select(columns)
    .orderBy('inspections.inspectedAt', q.sort === 'inspectedAt' ? 'asc' : 'desc').orderBy('inspections.id', 'desc')
    .limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
  const runs = new Map<string, boolean>();
  for (const p of new Set(rows.map((r) => r.projectId))) runs.set(p, await runsInspectionsOn(ctx.db, ctx.actor!, p));
  return { items: await presentInspections(ctx, rows, (p) => runs.get(p) ?? false), total: Number(total.n), page: q.page, pageSize: q.pageSize };
}

/** Starts an inspection on site: a draft holding its own copy of the template's items. */
export async function createInspection(ctx: Ctx, input: z.infer<typeof createInspectionBody>) {
  const actor = assertCan(ctx, 'inspection.run');
  const project = await loadVisibleProject(ctx, input.projectId).then((p) => p.project).catch((err: unknown) => {
    if (err instanceof AppError && err.code === 'NOT_FOUND') throw new AppError('VALIDATION_FAILED', 'unknown project', [{ path: 'projectId', message: 'unknown project' }]);
    throw err;
  });
  if (!(await runsInspectionsOn(ctx.db, actor, project.id))) throw new AppError('FORBIDDEN', 'the project\'s commissioner, its assistants or the organisation department inspect it');
  if (project.archivedAt !== null) throw new AppError('RULE_VIOLATED', 'the project is archived');
  const template = await getTemplate(ctx, input.templateId).catch((err: unknown) => {
    if (err instanceof AppError && err.code === 'NOT_FOUND') throw new AppError('VALIDATION_FAILED', 'unknown template', [{ path: 'templateId', message: 'unknown template' }]);
    throw err;
  });
  if (!template.isActive) throw new AppError('RULE_VIOLATED', 'the template is retired', [{ path: 'templateId', message: 'retired' }]);
  const now = ctx.now().getTime();
  const inspectedAt = input.inspectedAt ? Date.parse(input.inspectedAt) : now;
  if (inspectedAt > now + 60_000) throw new AppError('RULE_VIOLATED', 'an inspection cannot be in the future', [{ path: 'inspectedAt', message: 'in the future' }]);
  const id = newId();
  await inTransaction(ctx, async (trx) => {
    await trx.insertInto('inspections').values({
      id, projectId: project.id, templateId: template.id, templateName: template.name, status: 'draft', inspectorId: actor.userId, inspectedAt,
      location: input.location ?? null, summary: null, contractorUnitId: project.contractorUnitId, contractorSignerName: null,
      inspectorSignatureId: null, contractorSignatureId: null, noticeNumber: null, submittedAt: null, version: 1, createdAt: now, updatedAt: now,
    }).execute();
    await trx.insertInto('inspectionItems').values(template.items.map((i) => ({
      id: newId(), inspectionId: id, position: i.position, category: i.category, text: i.text, severity: i.severity, basis: i.basis,
      result: null, note: null, photoId: null, rectifyBy: null, caseId: null,
    }))).execute();
    await writeAudit(ctx, trx, { action: 'inspection.started', entityType: 'inspection', entityId: id, changes: { projectId: project.id, templateId: template.id, items: template.items.length } });
  });
  return getInspection(ctx, id);
}

/**
 * Files the caller uploaded (or already attached to this inspection) become its evidence: photos must be images
 * (their thumbnails go into the notice), signatures PNGs drawn on the screen.
 */
async function claimFiles(ctx: Ctx, trx: Tx, inspectionId: string, wanted: { path: string; id: string; kind: 'photo' | 'signature' }[]) {
  if (!wanted.length) return;
  const rows = await trx.selectFrom('files').select(['id', 'ownerId', 'attachedType', 'attachedId', 'mediaType', 'thumbKey'])
    .where('id', 'in', [...new Set(wanted.map((w) => w.id))]).execute();
  const errors: FieldError[] = [];
  const fresh = new Set<string>();
  for (const w of wanted) {
    const f = rows.find((r) => r.id === w.id);
    const ours = f && f.attachedType === 'inspection' && f.attachedId === inspectionId;
    const usable = f && (ours || (f.ownerId === ctx.actor!.userId && f.attachedId === null));
    if (!usable) errors.push({ path: w.path, message: 'unknown or already attached file' });
    else if (w.kind === 'photo' && !f.thumbKey) errors.push({ path: w.path, message: 'a photo must be an image' });
    else if (w.kind === 'signature' && f.mediaType !== 'image/png') errors.push({ path: w.path, message: 'a signature must be a PNG' });
    else if (!ours) fresh.add(w.id);
  }
  if (errors.length) throw new AppError('VALIDATION_FAILED', 'the files cannot be used here', errors);
  await attachFiles(ctx, trx, [...fresh], 'inspection', inspectionId);
}

/** Records results item by item (a phone sends each tap), the signatures and the summary; drafts only. */
export async function updateInspection(ctx: Ctx, id: string, input: z.infer<typeof updateInspectionBody>) {
  assertCan(ctx, 'inspection.run');
  const { row, canRun } = await loadInspection(ctx, id);
  if (!canRun) throw new AppError('FORBIDDEN', 'only those who inspect this project edit its inspections');
  if (row.status !== 'draft') throw new AppError('CONFLICT', 'the inspection was submitted; it can no longer be changed');
  if (row.version !== input.version) throw staleVersion();
  const items = await ctx.db.selectFrom('inspectionItems').selectAll().where('inspectionId', '=', id).execute();
  const byId = new Map(items.map((i) => [i.id, i]));
  const unknown = (input.items ?? []).map((it, n) => (byId.has(it.itemId) ? null : { path: `items.${n}.itemId`, message: 'not an item of this inspection' })).filter((e) => e !== null);
  if (unknown.length) throw new AppError('VALIDATION_FAILED', 'unknown item', unknown);
  const files = [
    ...(input.items ?? []).flatMap((it, n) => (it.photoId ? [{ path: `items.${n}.photoId`, id: it.photoId, kind: 'photo' as const }] : [])),
    ...(input.inspectorSignatureId ? [{ path: 'inspectorSignatureId', id: input.inspectorSignatureId, kind: 'signature' as const }] : []),
    ...(input.contractorSignatureId ? [{ path: 'contractorSignatureId', id: input.contractorSignatureId, kind: 'signature' as const }] : []),
  ];
  const { version, items: results, ...fields } = input;
  await inTransaction(ctx, async (trx) => {
    const res = await trx.updateTable('inspections').set({ ...fields, version: version + 1, updatedAt: ctx.now().getTime() })
      .where('id', '=', id).where('version', '=', version).where('status', '=', 'draft').executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw staleVersion();
    await claimFiles(ctx, trx, id, files);
    for (const it of results ?? []) {
      await trx.updateTable('inspectionItems').set({
        result: it.result, ...(it.note !== undefined ? { note: it.note } : {}), ...(it.photoId !== undefined ? { photoId: it.photoId } : {}),
      }).where('id', '=', it.itemId).execute();
    }
    await writeAudit(ctx, trx, {
      action: 'inspection.recorded', entityType: 'inspection', entityId: id,
      changes: { items: (results ?? []).map((it) => ({ itemId: it.itemId, result: it.result })), ...Object.fromEntries(Object.keys(fields).map((k) => [k, (fields as Record<string, unknown>)[k]])) },
    });
  });
  return getInspection(ctx, id);
}
