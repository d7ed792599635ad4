import { assertCan } from '../../kernel/access/assert.js';
import { writeAudit } from '../../kernel/audit/audit.js';
import { systemActor, type Ctx } from '../../kernel/context.js';
import type { Tx } from '../../kernel/db/connect.js';
import { inTransaction, toIso } from '../../kernel/db/tx.js';
import { notify } from '../../kernel/notify/notify.js';
import { OPEN_STATUSES } from '../cases/cases.service.js';
import { loadVisibleProject } from '../projects/project-file.service.js';

export type OpenHazards = { major: number; general: number; majorSince: number | null };

/**
 * Open hazards per project, straight from the case engine: a hazard is open while its case is (the answer awaits
 * re-inspection until the commissioner accepts it). `exceptInspection` leaves out one inspection's own hazards.
 */
export async function openHazardsByProject(db: Tx, projectIds: string[], exceptInspection?: string): Promise<Map<string, OpenHazards>> {
  const out = new Map<string, OpenHazards>();
  if (!projectIds.length) return out;
  let q = db.selectFrom('inspectionItems')
    .innerJoin('inspections', 'inspections.id', 'inspectionItems.inspectionId')
    .innerJoin('cases', 'cases.id', 'inspectionItems.caseId')
    .select((eb) => ['inspections.projectId', 'inspectionItems.severity', eb.fn.countAll<number>().as('n'), eb.fn.min<number>('inspections.submittedAt').as('since')])
    .where('inspectionItems.result', '=', 'fail').where('cases.status', 'in', OPEN_STATUSES).where('inspections.projectId', 'in', projectIds);
  if (exceptInspection) q = q.where('inspections.id', '!=', exceptInspection);
  for (const r of await q.groupBy(['inspections.projectId', 'inspectionItems.severity']).execute()) {
    const o = out.get(r.projectId) ?? { major: 0, general: 0, majorSince: null };
    if (r.severity === 'major') Object.assign(o, { major: Number(r.n), majorSince: r.since === null ? null : Number(r.since) });
    else o.general += Number(r.n);
    out.set(r.projectId, o);
  }
  return out;
}

const none: OpenHazards = { major: 0, general: 0, majorSince: null };

/** When the last major hazard of the project was closed: the moment its stop-work order was in fact lifted. */
async function lastMajorClosedAt(db: Tx, projectId: string): Promise<number | null> {
  const r = await db.selectFrom('inspectionItems').innerJoin('inspections', 'inspections.id', 'inspectionItems.inspectionId')
    .innerJoin('cases', 'cases.id', 'inspectionItems.caseId').select((eb) => eb.fn.max<number>('cases.closedAt').as('at'))
    .where('inspections.projectId', '=', projectId).where('inspectionItems.severity', '=', 'major').where('inspectionItems.result', '=', 'fail')
    .executeTakeFirst();
  return r?.at === null || r?.at === undefined ? null : Number(r.at);
}

/** 停工整改: a major hazard orders the project to stop work; an order still standing from earlier hazards keeps its start. */
export async function markStopWork(ctx: Ctx, trx: Tx, projectId: string, inspectionId: string): Promise<void> {
  const t = ctx.now().getTime();
  const row = await trx.selectFrom('projectSafety').selectAll().where('projectId', '=', projectId).executeTakeFirst();
  const earlier = (await openHazardsByProject(trx, [projectId], inspectionId)).get(projectId) ?? none;
  if (row?.stopWork === 1 && earlier.major > 0) return;
  const values = { stopWork: 1, since: t, inspectionId, liftedAt: null, updatedAt: t };
  if (row) await trx.updateTable('projectSafety').set(values).where('projectId', '=', projectId).execute();
  else await trx.insertInto('projectSafety').values({ projectId, ...values }).execute();
  await writeAudit(ctx, trx, { action: 'project.stop-work-ordered', entityType: 'project', entityId: projectId, changes: { inspectionId } });
}

/** The project's safety state as it is now (the case engine's statuses decide it; the job records the lifting). */
export async function getProjectSafety(ctx: Ctx, projectId: string) {
  assertCan(ctx, 'inspection.read');
  await loadVisibleProject(ctx, projectId);
  const live = (await openHazardsByProject(ctx.db, [projectId])).get(projectId) ?? none;
  const row = await ctx.db.selectFrom('projectSafety').selectAll().where('projectId', '=', projectId).executeTakeFirst();
  const last = await ctx.db.selectFrom('inspections').select(['id', 'inspectedAt', 'noticeNumber']).where('projectId', '=', projectId)
    .where('status', '=', 'submitted').orderBy('inspectedAt', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
  const stopWork = live.major > 0;
  const orderedBy = stopWork && row?.inspectionId
    ? await ctx.db.selectFrom('inspections').select(['id', 'noticeNumber']).where('id', '=', row.inspectionId).executeTakeFirst()
    : undefined;
  const liftedAt = stopWork ? null : row?.stopWork === 1 ? await lastMajorClosedAt(ctx.db, projectId) : (row?.liftedAt ?? null);
  return {
    projectId, stopWork,
    since: stopWork ? toIso(row?.stopWork === 1 ? row.since : live.majorSince) : null,
    orderedBy: orderedBy ? { inspectionId: orderedBy.id, noticeNumber: orderedBy.noticeNumber } : null,
    liftedAt: toIso(liftedAt),
    openHazards: { major: live.major, general: live.general },
    lastInspection: last ? { id: last.id, inspectedAt: toIso(last.inspectedAt)!, noticeNumber: last.noticeNumber } : null,
  };
}

/**
 * Job `safety.lift-stop-work`: records the lifting of every stop-work order whose major hazards are all closed,
 * and tells the contractor and the commissioner. Idempotent: a lifted order is not lifted again.
 */
export async function liftResolvedStopWork(ctx: Ctx): Promise<number> {
  const standing = await ctx.db.selectFrom('projectSafety').select(['projectId', 'inspectionId']).where('stopWork', '=', 1).execute();
  const live = await openHazardsByProject(ctx.db, standing.map((s) => s.projectId));
  let lifted = 0;
  for (const s of standing) {
    if ((live.get(s.projectId)?.major ?? 0) > 0) continue;
    const sys = { ...ctx, actor: ctx.actor ?? systemActor };
    await inTransaction(sys, async (trx) => {
      const at = (await lastMajorClosedAt(trx, s.projectId)) ?? ctx.now().getTime();
      const res = await trx.updateTable('projectSafety').set({ stopWork: 0, liftedAt: at, updatedAt: ctx.now().getTime() })
        .where('projectId', '=', s.projectId).where('stopWork', '=', 1).executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) return;
      lifted++;
      const p = await trx.selectFrom('projects').select(['name', 'contractorUnitId']).where('id', '=', s.projectId).executeTakeFirstOrThrow();
      const team = await trx.selectFrom('assignments').select('userId').where('projectId', '=', s.projectId).where('role', '=', 'commissioner').where('active', '=', 1).execute();
      await writeAudit(sys, trx, { action: 'project.stop-work-lifted', entityType: 'project', entityId: s.projectId, changes: { inspectionId: s.inspectionId, liftedAt: at } });
      await notify(sys, trx, {
        unitIds: p.contractorUnitId ? [p.contractorUnitId] : [], userIds: team.map((u) => u.userId), kind: 'safety.stop-work-lifted',
        title: `【复工】${p.name}`, body: '重大隐患已全部整改并经复查合格，停工整改要求解除。', entityType: 'project', entityId: s.projectId, link: `/projects/${s.projectId}`,
      });
    });
  }
  return lifted;
}
