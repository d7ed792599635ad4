import type { z } from 'zod';
import type { createMilestoneBody, createProgressReportBody, updateMilestoneBody } from '@liaison/contracts';
import { assertCan } from '../../kernel/access/assert.js';
import { diff, writeAudit } from '../../kernel/audit/audit.js';
import type { Actor, Ctx } from '../../kernel/context.js';
import type { MilestoneTable, ProgressReportTable, ProjectTable } from '../../kernel/db/schema.js';
import { inTransaction, toIso } from '../../kernel/db/tx.js';
import { attachFiles } from '../../kernel/files/files.js';
import { notify } from '../../kernel/notify/notify.js';
import { AppError, notFound, staleVersion } from '../../kernel/errors/app-error.js';
import { newId } from '../../kernel/ids.js';
import { projectScope, relationTo } from './projects.policy.js';

/** Today's date in Hangzhou, where every deadline and milestone is kept. */
export const localDate = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

export async function loadVisibleProject(ctx: Ctx, projectId: string): Promise<{ actor: Actor; project: ProjectTable }> {
  // Roles that may not read projects at all (the audit roles) are refused, not told "not found".
  const actor = assertCan(ctx, 'project.read');
  const project = await ctx.db.selectFrom('projects').selectAll().where('id', '=', projectId).where(projectScope(actor)).executeTakeFirst();
  if (!project) throw notFound('project');
  return { actor, project };
}

// --- milestones ---
const presentMilestone = (m: MilestoneTable, today: string) => ({
  id: m.id, projectId: m.projectId, name: m.name, plannedDate: m.plannedDate, actualDate: m.actualDate, note: m.note,
  isLate: m.actualDate ? m.actualDate > m.plannedDate : m.plannedDate < today, version: m.version,
});

export async function listMilestones(ctx: Ctx, projectId: string) {
  await loadVisibleProject(ctx, projectId);
  const rows = await ctx.db.selectFrom('milestones').selectAll().where('projectId', '=', projectId).orderBy('plannedDate').orderBy('id').execute();
  const today = localDate(ctx.now());
  return rows.map((m) => presentMilestone(m, today));
}

async function assertMilestoneManager(ctx: Ctx, project: ProjectTable) {
  const actor = assertCan(ctx, 'milestone.manage');
  if (actor.permissions.includes('project.manage')) return;
  if (!(await relationTo(ctx.db, actor, project)).commissioner) throw new AppError('FORBIDDEN', 'only this project\'s commissioner or the organisation department keeps its milestones');
}

export async function createMilestone(ctx: Ctx, projectId: string, input: z.infer<typeof createMilestoneBody>) {
  const { project } = await loadVisibleProject(ctx, projectId);
  await assertMilestoneManager(ctx, project);
  const now = ctx.now().getTime();
  const row: MilestoneTable = { id: newId(), projectId, name: input.name, plannedDate: input.plannedDate, actualDate: input.actualDate ?? null, note: input.note ?? null, version: 1, createdAt: now, updatedAt: now };
  await inTransaction(ctx, async (trx) => {
    await trx.insertInto('milestones').values(row).execute();
    await writeAudit(ctx, trx, { action: 'milestone.created', entityType: 'milestone', entityId: row.id, changes: { projectId, ...input } });
  });
  return presentMilestone(row, localDate(ctx.now()));
}

export async function updateMilestone(ctx: Ctx, projectId: string, id: string, input: z.infer<typeof updateMilestoneBody>) {
  const { project } = await loadVisibleProject(ctx, projectId);
  await assertMilestoneManager(ctx, project);
  const row = await ctx.db.selectFrom('milestones').selectAll().where('id', '=', id).where('projectId', '=', projectId).executeTakeFirst();
  if (!row) throw notFound('milestone');
  if (row.version !== input.version) throw staleVersion();
  const { version, ...patch } = input;
  await inTransaction(ctx, async (trx) => {
    const res = await trx.updateTable('milestones').set({ ...patch, version: version + 1, updatedAt: ctx.now().getTime() }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw staleVersion();
    await writeAudit(ctx, trx, { action: 'milestone.updated', entityType: 'milestone', entityId: id, changes: diff(row as unknown as Record<string, unknown>, patch) });
  });
  return presentMilestone({ ...row, ...patch, version: version + 1 }, localDate(ctx.now()));
}

export async function deleteMilestone(ctx: Ctx, projectId: string, id: string) {
  const { project } = await loadVisibleProject(ctx, projectId);
  await assertMilestoneManager(ctx, project);
  const row = await ctx.db.selectFrom('milestones').selectAll().where('id', '=', id).where('projectId', '=', projectId).executeTakeFirst();
  if (!row) throw notFound('milestone');
  await inTransaction(ctx, async (trx) => {
    await trx.deleteFrom('milestones').where('id', '=', id).execute();
    await writeAudit(ctx, trx, { action: 'milestone.deleted', entityType: 'milestone', entityId: id, changes: row });
  });
}

// --- monthly progress reports ---
async function presentReports(ctx: Ctx, rows: ProgressReportTable[]) {
  const userIds = [...new Set(rows.map((r) => r.submittedBy).filter((x): x is string => !!x))];
  const users = userIds.length ? await ctx.db.selectFrom('users').select(['id', 'displayName']).where('id', 'in', userIds).execute() : [];
  const byId = new Map(users.map((u) => [u.id, u]));
  const ids = rows.map((r) => r.id);
  const photos = ids.length ? await ctx.db.selectFrom('files').select(['id', 'attachedId']).where('attachedType', '=', 'progress_report').where('attachedId', 'in', ids).orderBy('createdAt').execute() : [];
  return rows.map((r) => ({
    id: r.id, projectId: r.projectId, period: r.period, percentDone: r.percentDone, investmentPeriod: r.investmentPeriod,
    investmentToDate: r.investmentToDate, narrative: r.narrative, status: r.status as 'submitted' | 'confirmed' | 'returned',
    submittedBy: r.submittedBy ? (byId.get(r.submittedBy) ?? null) : null, submittedAt: toIso(r.submittedAt)!,
    confirmedAt: toIso(r.confirmedAt), returnReason: r.returnReason, photoIds: photos.filter((p) => p.attachedId === r.id).map((p) => p.id), version: r.version,
  }));
}

export async function listProgressReports(ctx: Ctx, projectId: string) {
  await loadVisibleProject(ctx, projectId);
  const rows = await ctx.db.selectFrom('progressReports').selectAll().where('projectId', '=', projectId).orderBy('period', 'desc').execute();
  return presentReports(ctx, rows);
}

/** The investment to date continues from the last confirmed month before this one (or the registry figure). */
async function investmentBefore(ctx: Ctx, project: ProjectTable, period: string): Promise<number> {
  const prev = await ctx.db.selectFrom('progressReports').select('investmentToDate').where('projectId', '=', project.id)
    .where('status', '=', 'confirmed').where('period', '<', period).orderBy('period', 'desc').limit(1).executeTakeFirst();
  if (prev) return prev.investmentToDate;
  const any = await ctx.db.selectFrom('progressReports').select('id').where('projectId', '=', project.id).where('status', '=', 'confirmed').limit(1).executeTakeFirst();
  return any ? 0 : project.investmentCompleted;
}

export async function submitProgressReport(ctx: Ctx, projectId: string, input: z.infer<typeof createProgressReportBody>) {
  const { actor, project } = await loadVisibleProject(ctx, projectId);
  assertCan(ctx, 'project.report');
  const rel = await relationTo(ctx.db, actor, project);
  if (!rel.commissioner && !rel.assistant && !rel.ownerContact) throw new AppError('FORBIDDEN', 'the commissioner or the owner\'s contact reports progress');
  if (input.period > localDate(ctx.now()).slice(0, 7)) throw new AppError('RULE_VIOLATED', 'a report cannot be for a future month', [{ path: 'period', message: 'in the future' }]);
  const existing = await ctx.db.selectFrom('progressReports').selectAll().where('projectId', '=', projectId).where('period', '=', input.period).executeTakeFirst();
  if (existing && existing.status !== 'returned') throw new AppError('DUPLICATE', 'this month has a report already', [{ path: 'period', message: 'already reported' }]);
  const now = ctx.now().getTime();
  const investmentToDate = Math.round(((await investmentBefore(ctx, project, input.period)) + input.investmentPeriod) * 100) / 100;
  const row: ProgressReportTable = {
    id: existing?.id ?? newId(), projectId, period: input.period, percentDone: input.percentDone, investmentPeriod: input.investmentPeriod,
    investmentToDate, narrative: input.narrative, status: 'submitted', submittedBy: actor.userId, submittedAt: now,
    confirmedBy: null, confirmedAt: null, returnReason: null, version: (existing?.version ?? 0) + 1,
  };
  await inTransaction(ctx, async (trx) => {
    if (existing) await trx.updateTable('progressReports').set(row).where('id', '=', existing.id).execute();
    else await trx.insertInto('progressReports').values(row).execute();
    await attachFiles(ctx, trx, input.photoIds, 'progress_report', row.id);
    await writeAudit(ctx, trx, { action: 'progress_report.submitted', entityType: 'progress_report', entityId: row.id, changes: { projectId, ...input } });
    if (!rel.commissioner) {
      const c = await trx.selectFrom('assignments').select('userId').where('projectId', '=', projectId).where('role', '=', 'commissioner').where('active', '=', 1).executeTakeFirst();
      if (c) await notify(ctx, trx, { userIds: [c.userId], kind: 'progress.submitted', title: `${project.name} ${input.period} 形象进度待确认`, link: `/projects/${projectId}?tab=progress`, entityType: 'project', entityId: projectId });
    }
  });
  return (await presentReports(ctx, [row]))[0]!;
}

export async function decideProgressReport(ctx: Ctx, projectId: string, id: string, version: number, decision: { confirm: true } | { confirm: false; reason: string }) {
  const { actor, project } = await loadVisibleProject(ctx, projectId);
  assertCan(ctx, 'project.confirm-report');
  const rel = await relationTo(ctx.db, actor, project);
  if (!rel.commissioner && !actor.permissions.includes('project.manage')) throw new AppError('FORBIDDEN', 'the project\'s commissioner confirms its reports');
  const row = await ctx.db.selectFrom('progressReports').selectAll().where('id', '=', id).where('projectId', '=', projectId).executeTakeFirst();
  if (!row) throw notFound('progress report');
  if (row.version !== version) throw staleVersion();
  if (row.status !== 'submitted') throw new AppError('CONFLICT', `the report is ${row.status}, not waiting for confirmation`);
  const now = ctx.now().getTime();
  await inTransaction(ctx, async (trx) => {
    const patch = decision.confirm
      ? { status: 'confirmed', confirmedBy: actor.userId, confirmedAt: now, version: version + 1 }
      : { status: 'returned', returnReason: decision.reason, version: version + 1 };
    const res = await trx.updateTable('progressReports').set(patch).where('id', '=', id).where('version', '=', version).executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw staleVersion();
    if (decision.confirm) {
      const latest = await trx.selectFrom('progressReports').select(['id', 'investmentToDate']).where('projectId', '=', projectId).where('status', '=', 'confirmed').orderBy('period', 'desc').limit(1).executeTakeFirstOrThrow();
      await trx.updateTable('projects').set({ investmentCompleted: latest.investmentToDate, updatedAt: now }).where('id', '=', projectId).execute();
    }
    await writeAudit(ctx, trx, { action: decision.confirm ? 'progress_report.confirmed' : 'progress_report.returned', entityType: 'progress_report', entityId: id, changes: decision.confirm ? undefined : { reason: decision.reason } });
    if (row.submittedBy && row.submittedBy !== actor.userId)
      await notify(ctx, trx, { userIds: [row.submittedBy], kind: decision.confirm ? 'progress.confirmed' : 'progress.returned', title: `${project.name} ${row.period} 形象进度${decision.confirm ? '已确认' : '被退回'}`, body: decision.confirm ? undefined : decision.reason, link: `/projects/${projectId}?tab=progress`, entityType: 'project', entityId: projectId });
  });
  return (await presentReports(ctx, [(await ctx.db.selectFrom('progressReports').selectAll().where('id', '=', id).executeTakeFirstOrThrow())]))[0]!;
}

/** Figures for the project header: progress against the time-proportional plan (序时进度). */
export async function projectFigures(ctx: Ctx, project: ProjectTable) {
  const today = localDate(ctx.now());
  const year = today.slice(0, 4);
  const reports = await ctx.db.selectFrom('progressReports').select(['period', 'percentDone', 'investmentPeriod']).where('projectId', '=', project.id).where('status', '=', 'confirmed').orderBy('period', 'desc').execute();
  // Late as the milestone list flags it: still open past its date, or reached after it.
  const late = await ctx.db.selectFrom('milestones').select((eb) => eb.fn.countAll<number>().as('n')).where('projectId', '=', project.id)
    .where((eb) => eb.or([eb.and([eb('actualDate', 'is', null), eb('plannedDate', '<', today)]), eb('actualDate', '>', eb.ref('plannedDate'))]))
    .executeTakeFirstOrThrow();
  const day = (s: string) => new Date(`${s}T00:00:00Z`).getTime();
  const elapsed = project.plannedStart && project.plannedFinish && project.plannedFinish > project.plannedStart
    ? Math.min(100, Math.max(0, ((day(today) - day(project.plannedStart)) / (day(project.plannedFinish) - day(project.plannedStart))) * 100))
    : null;
  const yearShare = (day(today) - day(`${year}-01-01`) + 86_400_000) / (day(`${Number(year) + 1}-01-01`) - day(`${year}-01-01`));
  return {
    percentDone: reports[0]?.percentDone ?? null,
    timeElapsedPercent: elapsed === null ? null : Math.round(elapsed * 10) / 10,
    investmentThisYear: Math.round(reports.filter((r) => r.period.startsWith(year)).reduce((s, r) => s + r.investmentPeriod, 0) * 100) / 100,
    annualPlanToDate: Math.round(project.annualPlannedInvestment * yearShare * 100) / 100,
    lateMilestones: Number(late.n),
    lastReportPeriod: reports[0]?.period ?? null,
  };
}
